/**
 * localStorage with a memory fallback: private modes, disabled storage and sandboxed iframes
 * throw on access, and the widget must still work there (for this page view at least).
 */
export function createStore(namespace: string) {
  const memory = new Map<string, string>();
  const key = (k: string) => `laerling:${namespace}:${k}`;
  return {
    get(k: string): string | null {
      try {
        return window.localStorage.getItem(key(k));
      } catch {
        return memory.get(key(k)) ?? null;
      }
    },
    set(k: string, v: string): void {
      memory.set(key(k), v);
      try {
        window.localStorage.setItem(key(k), v);
      } catch {
        // memory only
      }
    },
    remove(k: string): void {
      memory.delete(key(k));
      try {
        window.localStorage.removeItem(key(k));
      } catch {
        // memory only
      }
    },
  };
}
export type Store = ReturnType<typeof createStore>;
