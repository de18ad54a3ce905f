/**
 * One request at a time per control. A save can take seconds (the index is rebuilt before it
 * answers), and a second click meanwhile would send it again: a duplicate Q&A item, or a 409.
 */

export interface BusyOptions {
  /** Shown on the control while the request runs ("Saving…"). */
  busyLabel?: string;
  /** Whether the control stays disabled afterwards for a reason of its own (nothing to do yet). */
  blocked?: () => boolean;
}

/** Run `task` with `control` disabled (and relabelled) until it settles; a call while busy does nothing. */
export async function whileBusy<T>(control: HTMLButtonElement, task: () => Promise<T> | T, opts: BusyOptions = {}): Promise<T | undefined> {
  if (control.dataset.busy !== undefined) return undefined;
  const label = control.textContent;
  control.dataset.busy = '';
  control.disabled = true;
  if (opts.busyLabel) control.textContent = opts.busyLabel;
  try {
    return await task();
  } finally {
    delete control.dataset.busy;
    if (opts.busyLabel) control.textContent = label;
    control.disabled = opts.blocked?.() ?? false;
  }
}

/** Handle a form's submit once at a time: its submit button is disabled and says `busyLabel` until `handler` settles. */
export function onSubmitOnce(form: HTMLFormElement, handler: () => Promise<unknown>, busyLabel = 'Saving…'): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submit) void whileBusy(submit, handler, { busyLabel });
    else void handler();
  });
}
