import type { Kysely } from 'kysely';
import type { BotConfig } from '../config/bot-config.js';
import type { ChatDeps } from '../conversations/chat-deps.js';
import { LaerlingError } from '../errors.js';
import type { CrawlProgress } from '../ingest/crawl-progress.js';
import { crawlSite, type CrawlDeps, type CrawlReport, type CrawlSource } from '../ingest/crawl-site.js';
import { emptyReport } from '../ingest/crawl-report.js';
import type { Database } from '../storage/schema.js';
import type { CrawledPage } from './crawl-state.js';
import { pagesOfRemovedSources } from './source-pages.js';

/** What background work (crawls, jobs) needs: no request, no presence. */
export type JobDeps = Pick<ChatDeps, 'db' | 'bots' | 'now' | 'hub'>;

/** The hub channel a bot's crawl progress is published on (transient events). */
export const crawlChannel = (botId: string) => `crawl:${botId}`;

/** What a finished crawl changed, for the console's "last crawl" view. */
export interface CrawlChanges {
  added: string[];
  changed: string[];
  removed: string[];
  failed: Array<{ url: string; code: string; message: string }>;
  skipped: Array<{ url: string; reason: string }>;
  unchanged: number;
  /** Pages of the last crawl this one did not reach (page limit): kept as they were. */
  notReached?: number;
  /** Set on a run that crawled nothing but removed a site's pages: that site. */
  removedSource?: string;
  error?: string;
}

/** The trigger of a run that records a removed site's pages leaving the index (no crawl). */
export const SOURCE_REMOVED = 'source-removed';

/** A run that changed nothing because it failed. */
const failedRun = (error: string): CrawlChanges => ({ added: [], changed: [], removed: [], failed: [], skipped: [], unchanged: 0, error });

export interface CrawlSettings {
  /** Crawl private addresses (an intranet site, tests): the operator's choice, never the owner's. */
  allowPrivateNetwork: boolean;
  crawlDeps?: CrawlDeps;
}

/** A site the bot crawls, with its schedule; config-file sources may also set crawl rules. */
export interface BotSource extends CrawlSource {
  /** The row of a source added in the console; null for one from the config file. */
  id: number | null;
  recrawlDays: number;
  fromConfig: boolean;
}

/** The sites a bot crawls: those in its config and those owners added in the console. */
export async function botSources(db: Kysely<Database>, bot: Pick<BotConfig, 'id' | 'sources'>): Promise<BotSource[]> {
  const configured = bot.sources.map(
    ({ url, include, exclude, maxPages, recrawlDays }): BotSource => ({ id: null, url, include, exclude, maxPages, recrawlDays, fromConfig: true }),
  );
  const added = await db.selectFrom('sources').selectAll().where('bot_id', '=', bot.id).orderBy('id').execute();
  return [...configured, ...added.map((s) => ({ id: s.id, url: s.url, recrawlDays: s.recrawl_days, fromConfig: false }))];
}

/** Compare the pages before and after a crawl. */
export function crawlChanges(before: readonly CrawledPage[], after: readonly CrawledPage[]): Pick<CrawlChanges, 'added' | 'changed' | 'removed'> {
  const old = new Map(before.map((p) => [p.url, p.contentHash]));
  const now = new Set(after.map((p) => p.url));
  return {
    added: after.filter((p) => !old.has(p.url)).map((p) => p.url),
    changed: after.filter((p) => old.has(p.url) && old.get(p.url) !== p.contentHash).map((p) => p.url),
    removed: before.filter((p) => !now.has(p.url)).map((p) => p.url),
  };
}

/** What a crawl changed in the index, as a crawl run stores it. */
export function runChanges(before: readonly CrawledPage[], after: readonly CrawledPage[], report: CrawlReport): CrawlChanges {
  return { ...crawlChanges(before, after), failed: report.failed, skipped: report.skipped, unchanged: report.unchanged.length, notReached: report.notReached.length };
}

/** Record that a crawl of the bot started (`trigger`: console, schedule, cli); returns its run id. */
export async function openCrawlRun(db: Kysely<Database>, botId: string, trigger: string, at: Date): Promise<number> {
  const inserted = await db
    .insertInto('crawl_runs')
    .values({ bot_id: botId, status: 'running', started_at: at.toISOString(), finished_at: null, trigger, report: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Record how a crawl run ended; a failed one changed nothing and says why. */
export async function finishCrawlRun(db: Kysely<Database>, runId: number, result: CrawlChanges | { error: string }, at: Date): Promise<CrawlChanges> {
  const changes = 'added' in result ? result : failedRun(result.error);
  const status = 'added' in result ? 'done' : 'failed';
  await db.updateTable('crawl_runs').set({ status, finished_at: at.toISOString(), report: JSON.stringify(changes) }).where('id', '=', runId).execute();
  return changes;
}

const running = new Set<string>();

/**
 * Start crawling the bot's sources in the background; progress goes to crawlChannel, the result
 * to crawl_runs, and the rebuilt index replaces the live one only when complete. One at a time
 * per bot: CONFLICT while one runs. With no sources left it crawls nothing, so the crawled pages
 * still in the index leave it: the sources are the crawled part of the index.
 */
export async function startCrawl(deps: JobDeps, botId: string, trigger: string, settings: CrawlSettings): Promise<{ runId: number; done: Promise<void> }> {
  if (running.has(botId)) throw new LaerlingError('CONFLICT', 'A crawl of this bot is already running');
  const config = deps.bots.get(botId)!.config;
  const sources = await botSources(deps.db, config);
  running.add(botId);
  let runId: number;
  try {
    runId = await openCrawlRun(deps.db, botId, trigger, deps.now());
  } catch (err) {
    running.delete(botId);
    throw err;
  }
  const knowledge = deps.bots.get(botId)!.knowledge;
  const publish = (data: unknown) => deps.hub.publish(crawlChannel(botId), { event: 'crawl', data });
  const done = (async () => {
    let result: CrawlChanges | { error: string };
    try {
      const before = knowledge.extra.crawledPages;
      const startUrls = sources.map(({ url, include, exclude, maxPages }) => ({ url, include, exclude, maxPages }));
      const report =
        startUrls.length === 0
          ? emptyReport(deps.now())
          : await crawlSite(
              { startUrls, allowPrivateNetwork: settings.allowPrivateNetwork, previous: new Map(before.map((p) => [p.url, { etag: p.etag, lastModified: p.lastModified }])) },
              { ...settings.crawlDeps, onProgress: (p: CrawlProgress) => publish({ runId, status: 'running', progress: p }) },
            );
      // A site removed while this crawl ran must not come back with the pages fetched from it.
      const built = await knowledge.rebuild(report, async () => pagesOfRemovedSources(startUrls, await botSources(deps.db, config)));
      result = runChanges(before, built.extra.crawledPages, report);
    } catch (err) {
      result = { error: err instanceof Error ? err.message : String(err) };
    } finally {
      running.delete(botId);
    }
    const changes = await finishCrawlRun(deps.db, runId, result, deps.now());
    publish({ runId, status: changes.error === undefined ? 'done' : 'failed', changes });
  })();
  return { runId, done };
}

/** A crawl of no sites: every crawled page leaves the index. */

/**
 * Bots due for their scheduled re-crawl at `now`: a re-crawl covers all of a bot's sources (they
 * are the crawled part of its index), so it is due when the soonest-due source is. A bot with no
 * sources is never due: its crawled pages, if any, are sites named to `laerling crawl`, which the
 * operator keeps fresh (a site removed in the console leaves the index when it is removed).
 */
export async function dueForRecrawl(deps: Pick<ChatDeps, 'db' | 'bots'>, now: Date): Promise<string[]> {
  const due: string[] = [];
  for (const botId of deps.bots.keys()) {
    const sources = await botSources(deps.db, deps.bots.get(botId)!.config);
    if (sources.length === 0 || running.has(botId)) continue;
    const days = Math.min(...sources.map((s) => s.recrawlDays));
    // Removing a site fetches nothing, so it does not put off the others' re-crawl.
    const last = await deps.db
      .selectFrom('crawl_runs')
      .select('started_at')
      .where('bot_id', '=', botId)
      .where('trigger', '!=', SOURCE_REMOVED)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    // A bot never crawled from the console counts from its index build, not from 1970.
    const since = last ? Date.parse(last.started_at) : Date.parse(deps.bots.get(botId)!.knowledge.extra.lastCrawlAt ?? deps.bots.get(botId)!.knowledge.extra.builtAt);
    if (now.getTime() - since >= days * 86_400_000) due.push(botId);
  }
  return due;
}

/** At start-up: runs still "running" were cut off by a restart; say so instead of spinning forever. */
export async function failInterruptedCrawls(deps: Pick<JobDeps, 'db' | 'now'>): Promise<number> {
  const report = failedRun('Interrupted by a restart; the index was left as it was.');
  const result = await deps.db
    .updateTable('crawl_runs')
    .set({ status: 'failed', finished_at: deps.now().toISOString(), report: JSON.stringify(report) })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
