import type { Kysely } from 'kysely';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { botDir, loadConfig, selectBot } from '../../config/bot-config.js';
import { LaerlingError } from '../../errors.js';
import { createProgressLine } from '../../ingest/crawl-progress.js';
import { crawlSite, type CrawlReport, type CrawlSource } from '../../ingest/crawl-site.js';
import { cleanUrl } from '../../ingest/url-normalise.js';
import { buildBotIndex, loadLiveIndex, type BuildResult } from '../../knowledge/build-bot-index.js';
import type { CrawledPage } from '../../knowledge/crawl-state.js';
import { botSources, finishCrawlRun, openCrawlRun, runChanges } from '../../knowledge/crawl-runs.js';
import { openDatabase } from '../../storage/open-database.js';
import type { Database } from '../../storage/schema.js';
import { syncBots } from '../../storage/sync-bots.js';
import { createEmbeddings } from '../../retrieval/create-embeddings.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';
import { databaseFile } from '../open-bots.js';

const maxPagesSchema = z.coerce.number().int().min(1).max(100_000);
const delaySchema = z.coerce.number().int().min(0).max(60_000);

/** `laerling crawl [URL…] [--max-pages N] [--include P] [--exclude P] [--allow-private-network]`: crawl, then rebuild the index. */
export async function runCrawl(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(
    args,
    {
      'max-pages': { type: 'string' },
      'delay-ms': { type: 'string' },
      'allow-private-network': { type: 'boolean' },
      include: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
    },
    io,
  );
  const config = await loadConfig(cmd.dataDir);
  const bot = selectBot(config, cmd.botId);
  let maxPages: number | undefined;
  if (cmd.values['max-pages'] !== undefined) {
    const parsed = maxPagesSchema.safeParse(cmd.values['max-pages']);
    if (!parsed.success) throw new LaerlingError('INVALID_INPUT', '--max-pages: a whole number from 1 to 100000');
    maxPages = parsed.data;
  }
  let delayMs: number | undefined;
  if (cmd.values['delay-ms'] !== undefined) {
    const parsed = delaySchema.safeParse(cmd.values['delay-ms']);
    if (!parsed.success) throw new LaerlingError('INVALID_INPUT', '--delay-ms: a whole number of milliseconds from 0 to 60000');
    delayMs = parsed.data;
  }
  const flags = { maxPages, include: cmd.values.include, exclude: cmd.values.exclude };
  const db = await openDatabase(databaseFile(cmd.dataDir));
  try {
    await syncBots(db, config.bots, new Date());
    // The sites added in the console too: the crawl replaces the crawled part of the index, so
    // leaving them out would drop their pages.
    const sources = crawlSources(await botSources(db, bot), cmd.positionals, flags);
    if (sources.length === 0) throw new LaerlingError('INVALID_INPUT', 'Give at least one URL: laerling crawl https://www.example.com/');
    const embeddings = createEmbeddings(cmd.settings.embeddings);
    const live = await loadLiveIndex(cmd.dataDir, bot.id, embeddings);
    if (live?.damaged) io.stderr(`${live.damaged}; continuing from the generation before it\n`);
    const previous = new Map((live?.extra.crawledPages ?? []).map((p) => [p.url, { etag: p.etag, lastModified: p.lastModified }]));
    const { report } = await recordedRun(db, bot.id, live?.extra.crawledPages ?? [], async () => {
      const progress = createProgressLine({ write: io.stderr, isTty: io.isTty });
      const allowPrivateNetwork = cmd.values['allow-private-network'] ?? false;
      const report = await crawlSite({ startUrls: sources, allowPrivateNetwork, delayMs, previous }, { onProgress: progress.update });
      progress.done();
      const built = await buildBotIndex(bot, cmd.dataDir, { embeddings }, report);
      await writeFile(join(botDir(cmd.dataDir, bot.id), 'last-crawl.json'), JSON.stringify(report, (k, v) => (k === 'html' ? undefined : v), 2));
      io.stderr(summarise(report, built.index.chunks.length, built.extra.warnings));
      return { report, built };
    });
    return report.pages.length + report.unchanged.length > 0 ? 0 : 1;
  } finally {
    await db.destroy();
  }
}

/**
 * What to crawl: the URLs named, each with the rules of the bot's source it names (if any), or
 * else all the bot's sources — from the config file and added in the console — with theirs; the
 * flags given replace those rules.
 */
function crawlSources(known: readonly CrawlSource[], urls: readonly string[], flags: Omit<CrawlSource, 'url'>): CrawlSource[] {
  const configured = new Map(known.map((s) => [cleanUrl(s.url), s]));
  const named = urls.length > 0 ? urls.map((url) => ({ ...configured.get(cleanUrl(url)), url })) : known;
  return named.map(({ url, maxPages, include, exclude }) => ({
    url,
    maxPages: flags.maxPages ?? maxPages,
    include: flags.include ?? include,
    exclude: flags.exclude ?? exclude,
  }));
}

// Stored as a crawl run like one started in the console, so the console lists its new, changed
// and removed pages (and a running `serve` loads its index within a minute).
async function recordedRun(
  db: Kysely<Database>,
  botId: string,
  before: readonly CrawledPage[],
  crawl: () => Promise<{ report: CrawlReport; built: BuildResult }>,
): Promise<{ report: CrawlReport; built: BuildResult }> {
  const runId = await openCrawlRun(db, botId, 'cli', new Date());
  try {
    const done = await crawl();
    await finishCrawlRun(db, runId, runChanges(before, done.built.extra.crawledPages, done.report), new Date());
    return done;
  } catch (err) {
    await finishCrawlRun(db, runId, { error: err instanceof Error ? err.message : String(err) }, new Date());
    throw err;
  }
}

function summarise(report: CrawlReport, chunkCount: number, warnings: string[]): string {
  const lines = [
    `Crawl finished: ${report.pages.length} indexed, ${report.unchanged.length} unchanged, ${report.skipped.length} skipped, ${report.failed.length} failed.`,
    ...report.skipped.slice(0, 20).map((s) => `  skipped ${s.url}: ${s.reason}`),
    ...report.failed.slice(0, 20).map((f) => `  failed  ${f.url}: ${f.message} [${f.code}]`),
    ...warnings.slice(0, 20).map((w) => `  warning ${w}`),
    ...(report.notReached.length ? [`  ${report.notReached.length} page(s) of the last crawl not reached (page limit): their last copies are kept.`] : []),
    `Index rebuilt: ${chunkCount} chunks.`,
  ];
  return lines.join('\n') + '\n';
}
