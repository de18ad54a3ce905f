import { botSources, finishCrawlRun, openCrawlRun, SOURCE_REMOVED, type JobDeps } from './crawl-runs.js';
import { pagesOfRemovedSource } from './source-pages.js';

/**
 * Remove a site added in the console, and its crawled pages from the index before returning (the
 * rebuilt index is saved), so the bot stops answering from them at once. The pages that left are
 * recorded as a run's removed pages, as a crawl records pages that are gone. Undefined when the
 * bot has no such source (those from the config file are changed there).
 */
export async function removeSource(deps: Pick<JobDeps, 'db' | 'bots' | 'now'>, botId: string, id: number): Promise<{ url: string; removed: string[] } | undefined> {
  // Deleted first: a crawl rebuilding after this point sees the site gone and drops its pages too.
  const row = await deps.db.deleteFrom('sources').where('id', '=', id).where('bot_id', '=', botId).returning('url').executeTakeFirst();
  if (!row) return undefined;
  const bot = deps.bots.get(botId)!;
  const removed = await bot.knowledge.dropCrawled(async () => pagesOfRemovedSource({ url: row.url }, await botSources(deps.db, bot.config)));
  if (removed.length > 0) {
    const runId = await openCrawlRun(deps.db, botId, SOURCE_REMOVED, deps.now());
    const kept = bot.knowledge.extra.crawledPages.length;
    await finishCrawlRun(deps.db, runId, { added: [], changed: [], removed, failed: [], skipped: [], unchanged: kept, removedSource: row.url }, deps.now());
  }
  return { url: row.url, removed };
}
