/**
 * Expected minutes until an agent takes the chat: the median of the last 20 completed waits,
 * scaled by the place in the queue per agent online. Null with no history: the widget then shows
 * the place only, rather than a number we made up.
 */
export function estimateWait(position: number, recentWaitsMs: readonly number[], agentsOnline: number): { minutes: number | null } {
  const waits = recentWaitsMs.slice(0, 20).filter((w) => Number.isFinite(w) && w >= 0).sort((a, b) => a - b);
  if (waits.length === 0) return { minutes: null };
  const mid = waits.length / 2;
  const median = waits.length % 2 ? waits[Math.floor(mid)]! : (waits[mid - 1]! + waits[mid]!) / 2;
  const perPlace = median / Math.max(1, agentsOnline);
  return { minutes: Math.max(1, Math.ceil((perPlace * position) / 60_000)) };
}
