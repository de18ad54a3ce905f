/** "45 s", "3 min", "1 h 5 min": a waiting time an agent reads at a glance. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.floor(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Why a chat was handed off, in words. */
export function describeReason(reason: string, detail: string | null): string {
  const words: Record<string, string> = {
    button: 'Pressed "talk to a person"',
    'typed-request': 'Asked for a person',
    abstentions: 'Bot could not answer twice',
    'negative-feedback': 'Answer did not help',
    'sensitive-topic': 'Sensitive topic',
  };
  return `${words[reason] ?? reason}${detail ? `: ${detail}` : ''}`;
}

/** Merge messages by seq: no duplicates, in order. */
export function mergeBySeq<T extends { seq: number }>(existing: readonly T[], incoming: readonly T[]): T[] {
  const bySeq = new Map(existing.map((m) => [m.seq, m]));
  for (const m of incoming) if (!bySeq.has(m.seq)) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** "1 question", "3 questions": a count with its noun (English, regular plurals). */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * A promised reply time in the agent's own time zone, the way people say it: "today 08:00",
 * "tomorrow 08:00", "Mon 30 Nov 08:00" (a full date-time with seconds hides the one thing that
 * matters: how long the agent has).
 */
export function formatDue(iso: string, now: Date = new Date(), locale?: string): string {
  const due = new Date(iso);
  const time = due.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (due.toDateString() === now.toDateString()) return `today ${time}`;
  if (due.toDateString() === tomorrow.toDateString()) return `tomorrow ${time}`;
  return `${due.toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short' })} ${time}`;
}

/** A date and time without seconds in the agent's locale, e.g. "27 Nov 2026, 07:00". */
export function formatWhen(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
