import type { Embeddings } from '@langchain/core/embeddings';
import type { BotConfig } from '../config/bot-config.js';
import { botDir } from '../config/bot-config.js';
import { LaerlingError } from '../errors.js';
import type { CrawlReport } from '../ingest/crawl-site.js';
import { chunkPage } from '../ingest/chunk-page.js';
import { extractPage } from '../ingest/extract-page.js';
import { qaChunk } from '../ingest/knowledge-qa.js';
import { loadKnowledge } from '../ingest/load-knowledge.js';
import type { Chunk } from '../ingest/types.js';
import { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import { loadCurrent, writeIndex } from '../retrieval/index-store.js';
import type { CrawledPage, IndexExtra } from './crawl-state.js';
import { indexExtraSchema } from './crawl-state.js';
import { knowledgeFingerprint } from './knowledge-fingerprint.js';
import { readLearned } from './learned-store.js';
import { readOwnerQa } from './owner-qa-store.js';
import type { CrawledPageFilter } from './source-pages.js';

export interface BuildResult {
  index: KnowledgeIndex;
  /** Includes the build's warnings: bad knowledge files, unreadable pages. */
  extra: IndexExtra;
  /** The generation it was saved as (see writeIndex). */
  generation: string;
}

// Failures that say nothing about whether the page still exists: keep the old copy.
const TRANSIENT = new Set(['TIMEOUT', 'FETCH_FAILED', 'TOO_MANY_REDIRECTS']);

/**
 * The live index of a bot with its stored crawl state, or undefined when none was built yet;
 * `damaged` when the live generation was unreadable and the one before it was loaded instead.
 */
export async function loadLiveIndex(dataDir: string, botId: string, embeddings: Embeddings) {
  try {
    const live = await loadCurrent(botDir(dataDir, botId), embeddings);
    return { index: live.index, extra: indexExtraSchema.parse(live.extra ?? { builtAt: new Date(0).toISOString() }), generation: live.generation, damaged: live.damaged };
  } catch (err) {
    if (err instanceof LaerlingError && err.code === 'INDEX_MISSING') return undefined;
    throw err;
  }
}

/**
 * (Re)build a bot's index from its knowledge/ files, owner Q&A items, an optional fresh crawl and
 * its learned phrasings, beside the live one, then swap it in atomically. `dropCrawled` leaves
 * crawled pages out (those of a removed source), fetched now or kept from the live index.
 */
export async function buildBotIndex(
  bot: BotConfig,
  dataDir: string,
  deps: { embeddings: Embeddings; now?: () => Date },
  crawl?: CrawlReport,
  dropCrawled: CrawledPageFilter = () => false,
): Promise<BuildResult> {
  const now = deps.now ?? (() => new Date());
  const warnings: string[] = [];
  const previous = await loadLiveIndex(dataDir, bot.id, deps.embeddings);

  const chunks: Chunk[] = [];
  let fingerprint: string | undefined;
  if (bot.knowledgeDir) {
    const knowledge = await loadKnowledge(bot.knowledgeDir, { baseUrl: bot.siteUrl }).catch((err: unknown) => {
      // Name the setting and the bot: the folder's path alone does not say where it came from.
      throw err instanceof LaerlingError ? new LaerlingError(err.code, `Bot "${bot.id}", knowledgeDir: ${err.message}`) : err;
    });
    for (const e of knowledge.errors) warnings.push(`${e.file}: ${e.message}`);
    for (const page of knowledge.pages) chunks.push(...chunkPage(page));
    chunks.push(...knowledge.qa);
    fingerprint = await knowledgeFingerprint(bot.knowledgeDir);
  }

  // Q&A items written or approved in the console answer like knowledge/ ones.
  for (const item of await readOwnerQa(botDir(dataDir, bot.id))) chunks.push(qaChunk(item, bot.siteUrl));

  const crawled = crawl ? mergeCrawl(crawl, previous, warnings, dropCrawled) : keepCrawled(previous, dropCrawled);
  chunks.push(...crawled.chunks);

  const learned = await readLearned(botDir(dataDir, bot.id));
  const extra: IndexExtra = {
    crawledPages: crawled.pages,
    lastCrawlAt: crawl ? crawl.finishedAt : previous?.extra.lastCrawlAt,
    knowledgeFingerprint: fingerprint,
    builtAt: now().toISOString(),
    warnings,
  };
  const index = await KnowledgeIndex.build({ chunks, learned, embeddings: deps.embeddings });
  const { generation } = await writeIndex(botDir(dataDir, bot.id), index, extra);
  return { index, extra, generation };
}

type Live = Awaited<ReturnType<typeof loadLiveIndex>>;

function keepCrawled(previous: Live, drop: CrawledPageFilter): { chunks: Chunk[]; pages: CrawledPage[] } {
  if (!previous) return { chunks: [], pages: [] };
  const pages = previous.extra.crawledPages.filter((p) => !drop(p.url));
  const urls = new Set(pages.map((p) => p.url));
  return { chunks: previous.index.chunks.filter((c) => urls.has(c.url)), pages };
}

function mergeCrawl(report: CrawlReport, previous: Live, warnings: string[], drop: CrawledPageFilter): { chunks: Chunk[]; pages: CrawledPage[] } {
  const chunks: Chunk[] = [];
  const pages: CrawledPage[] = [];
  const seenHashes = new Set<string>();
  // Dropped before the duplicate check, so a page kept elsewhere is not lost as a copy of a dropped one.
  const fetchedPages = report.pages.filter((p) => !drop(p.url));
  // In URL order, not the order fetches happened to finish: the same site then always builds the
  // same index (and of two URLs with identical text, the same one is kept).
  for (const fetched of fetchedPages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
    const page = extractPage(fetched);
    if (!page) {
      warnings.push(`${fetched.url}: no readable content`);
      continue;
    }
    // Two URLs serving the same text would only split the vote between identical candidates.
    if (seenHashes.has(page.contentHash)) continue;
    seenHashes.add(page.contentHash);
    chunks.push(...chunkPage(page));
    pages.push({ url: page.url, title: page.title, etag: fetched.etag, lastModified: fetched.lastModified, contentHash: page.contentHash });
  }
  if (previous) {
    const keep = new Set([...report.unchanged, ...report.notReached, ...report.failed.filter((f) => TRANSIENT.has(f.code)).map((f) => f.url)]);
    const fetchedUrls = new Set(pages.map((p) => p.url));
    for (const old of previous.extra.crawledPages) {
      // A kept page may be the same text as a page fetched from a newly added source (localhost
      // and 127.0.0.1): one copy, as for two fetched ones.
      if (!keep.has(old.url) || fetchedUrls.has(old.url) || seenHashes.has(old.contentHash) || drop(old.url)) continue;
      seenHashes.add(old.contentHash);
      pages.push(old);
      chunks.push(...previous.index.chunks.filter((c) => c.url === old.url));
    }
  }
  return { chunks, pages };
}
