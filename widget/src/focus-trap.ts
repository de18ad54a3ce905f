/**
 * At small widths the panel covers the whole page, so it behaves as a modal dialog there: Tab and
 * Shift+Tab wrap around inside it instead of reaching the page (and the launcher) hidden behind.
 * Larger panels leave the page usable beside them, so focus may go there as usual.
 */

/** The controls in `container` that are shown and in the Tab order, in document order. */
function tabbables(container: HTMLElement): HTMLElement[] {
  const candidates = container.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, [tabindex]');
  return [...candidates].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
}

/** Make `panel` modal while `query` matches and it is open: aria-modal, and Tab kept inside. */
export function modalWhenFullScreen(panel: HTMLElement, root: ShadowRoot, query: string): void {
  const fullScreen = matchMedia(query);
  const sync = () => panel.setAttribute('aria-modal', String(fullScreen.matches));
  fullScreen.addEventListener('change', sync);
  sync();
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || !fullScreen.matches || panel.hidden) return;
    const list = tabbables(panel);
    const first = list[0];
    const last = list.at(-1);
    if (!first || !last) return;
    const current = root.activeElement;
    const wrapTo = e.shiftKey ? (current === first ? last : null) : current === last ? first : null;
    if (wrapTo) {
      e.preventDefault();
      wrapTo.focus();
    }
  });
}
