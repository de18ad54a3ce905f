// A typist's side re-sends "typing" this often while keys are pressed, and says "stopped" after
// this long without a key.
const REFRESH_MS = 3000;
const IDLE_MS = 4000;
// The reader's side hides the indicator when no refresh came for this long: a closed tab or a
// lost connection never sends "stopped".
const EXPIRE_MS = 2 * REFRESH_MS + 2000;

/** A key-press handler that sends throttled typing signals, and "stopped" once the keys rest. */
export function typingSender(send: (typing: boolean) => void, allowed: () => boolean = () => true): (on: boolean) => void {
  let sentAt = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const signal = (on: boolean) => {
    if (!allowed()) return;
    clearTimeout(idle);
    if (on && Date.now() - sentAt > REFRESH_MS) {
      sentAt = Date.now();
      send(true);
    }
    if (on) idle = setTimeout(() => signal(false), IDLE_MS);
    else if (sentAt) {
      sentAt = 0;
      send(false);
    }
  };
  return signal;
}

/** Shows `text` in `el` while the other side types; hides it when they stop or go silent. */
export function typingIndicator(el: HTMLElement, text: string): (typing: boolean) => void {
  let expiry: ReturnType<typeof setTimeout> | undefined;
  return (typing) => {
    clearTimeout(expiry);
    el.textContent = typing ? text : '';
    if (typing) expiry = setTimeout(() => (el.textContent = ''), EXPIRE_MS);
  };
}
