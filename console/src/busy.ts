/**
 * One request at a time per control. A save can take seconds (the index is rebuilt before it
 * answers), and a second click meanwhile would send it again: a duplicate Q&A item, or a 409.
 */

export interface BusyOptions {
  /** Shown on the control while the request runs ("Saving…"). */
  busyLabel?: string;
  /** Whether the control stays disabled afterwards for a reason of its own (nothing to do yet). */
  blocked?: () => boolean;
  /**
   * An element holding other controls that act on the same thing (Approve and Reject of one
   * suggestion; Close and Hand back of one chat): its buttons wait too, as one would undo or
   * refuse the other.
   */
  group?: HTMLElement;
}

/** Run `task` with `control` (and its group's buttons) disabled until it settles; a call while busy does nothing. */
export async function whileBusy<T>(control: HTMLButtonElement, task: () => Promise<T> | T, opts: BusyOptions = {}): Promise<T | undefined> {
  const group = opts.group;
  if (control.dataset.busy !== undefined || group?.dataset.busy !== undefined) return undefined;
  // Only the ones free now: a button disabled for a reason of its own stays so.
  const others = group ? [...group.querySelectorAll('button')].filter((b) => b !== control && !b.disabled) : [];
  const label = control.textContent;
  control.dataset.busy = '';
  if (group) group.dataset.busy = '';
  control.disabled = true;
  for (const b of others) b.disabled = true;
  if (opts.busyLabel) control.textContent = opts.busyLabel;
  try {
    return await task();
  } finally {
    delete control.dataset.busy;
    if (group) delete group.dataset.busy;
    if (opts.busyLabel) control.textContent = label;
    control.disabled = opts.blocked?.() ?? false;
    for (const b of others) b.disabled = false;
  }
}

/** Handle a form's submit once at a time: its buttons (and `group`'s) wait, the submit one saying `busyLabel`, until `handler` settles. */
export function onSubmitOnce(form: HTMLFormElement, handler: () => Promise<unknown>, busyLabel = 'Saving…', group: HTMLElement = form): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submit) void whileBusy(submit, handler, { busyLabel, group });
    else void handler();
  });
}
