import { dueForRecrawl, failInterruptedCrawls, startCrawl, type CrawlSettings, type JobDeps } from '../knowledge/crawl-runs.js';
import { purgeExpiredConversations } from '../privacy/retention.js';
import { settleOutcomes } from './settle-outcomes.js';

/**
 * How often `serve` runs its jobs: outcomes, catching up with learned.jsonl (what `laerling
 * learn` or `laerling erase` changed meanwhile) and with edited knowledge/ files every minute;
 * retention and re-crawls hourly, and once `firstRunMs` after start.
 */
export const JOB_INTERVALS = { outcomesMs: 60_000, hourlyMs: 3_600_000, firstRunMs: 10_000 };

/** Run one round of every job now (also what the timers call); errors are logged, never thrown. */
export async function runJobs(deps: JobDeps, crawl: CrawlSettings, which: { hourly: boolean }, log: (line: string) => void): Promise<void> {
  const attempt = async (name: string, job: () => Promise<unknown>) => {
    try {
      await job();
    } catch (err) {
      log(`Job ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  await attempt('outcomes', () => settleOutcomes(deps));
  await attempt('learned', async () => {
    for (const bot of deps.bots.values()) await bot.knowledge.syncLearned();
  });
  await attempt('knowledge', async () => {
    for (const bot of deps.bots.values()) await bot.knowledge.syncKnowledgeFiles();
  });
  if (!which.hourly) return;
  await attempt('retention', async () => {
    const n = await purgeExpiredConversations(deps);
    if (n > 0) log(`Retention: deleted ${n} conversation(s) past their retention period.`);
  });
  await attempt('recrawl', async () => {
    for (const botId of await dueForRecrawl(deps, deps.now())) {
      log(`Scheduled re-crawl of bot "${botId}".`);
      await (await startCrawl(deps, botId, 'schedule', crawl)).done;
    }
  });
}

/** Start the timers (after closing crawl runs a restart cut off); returns a function that stops them. */
export function startJobs(deps: JobDeps, crawl: CrawlSettings, log: (line: string) => void): () => void {
  void failInterruptedCrawls(deps).catch((err) => log(`Job crawl-cleanup failed: ${err instanceof Error ? err.message : String(err)}`));
  // A server restarted more often than hourly would never reach the hourly timer, so transcripts
  // past their retention would be kept: one round runs soon after start too. Not at once, so that
  // the widgets and consoles reconnecting after a restart are served first.
  const first = setTimeout(() => void runJobs(deps, crawl, { hourly: true }, log), JOB_INTERVALS.firstRunMs);
  const minute = setInterval(() => void runJobs(deps, crawl, { hourly: false }, log), JOB_INTERVALS.outcomesMs);
  const hour = setInterval(() => void runJobs(deps, crawl, { hourly: true }, log), JOB_INTERVALS.hourlyMs);
  for (const timer of [first, minute, hour]) timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(minute);
    clearInterval(hour);
  };
}
