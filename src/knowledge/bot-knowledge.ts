import { stat } from 'node:fs/promises';
import type { Embeddings } from '@langchain/core/embeddings';
import { botDir, type BotConfig } from '../config/bot-config.js';
import type { CrawlReport } from '../ingest/crawl-site.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import { redactPii } from '../privacy/redact.js';
import { liveGeneration, writeIndex } from '../retrieval/index-store.js';
import type { LearnedPhrasing } from '../retrieval/types.js';
import { buildBotIndex, loadLiveIndex, type BuildResult } from './build-bot-index.js';
import type { IndexExtra } from './crawl-state.js';
import { appendLearned, learnedFile, readLearned, removeLearned, type PairKind } from './learned-store.js';
import { knowledgeFingerprint, knowledgeStamp } from './knowledge-fingerprint.js';
import { openBotIndex } from './open-bot-index.js';
import { readOwnerQa, writeOwnerQa, type OwnerQa } from './owner-qa-store.js';
import type { CrawledPageFilter } from './source-pages.js';

type Pair = { question: string; url: string };

// Every pair reaches learned.jsonl, negative.jsonl and the index through this class, so redacting
// here means no caller (`laerling learn`, the console, confirmations) can keep personal data by
// forgetting to. Callers that also store the question in SQLite redact it themselves first; the
// second pass changes nothing, so their rows and the files still agree for erasure.
const redacted = (question: string) => redactPii(question).text;

/** Learned phrasings kept only in memory (and learned.jsonl) before a new index generation is saved. */
export const SAVE_EVERY = 200;

/**
 * A bot's live index and everything that feeds it (knowledge/ files, crawled pages, learned and
 * negative pairs, owner Q&A). Changes are applied one at a time: each persists its input first,
 * then updates the index — in place when it only adds phrasings, otherwise by a rebuild beside
 * the live index that is swapped in (on disk and here) only once complete.
 */
export class BotKnowledge {
  private queue: Promise<unknown> = Promise.resolve();
  /** Learned phrasings indexed in memory but not yet in the saved generation. */
  private unsaved = 0;
  private nextRebuild?: Promise<BuildResult>;
  /** learned.jsonl's size and mtime when last read: unchanged means nothing to catch up with. */
  private learnedStamp?: FileStamp;
  /** Learned lines already given to the live index, taken or not. */
  private offered = new Set<string>();
  /** The CURRENT generation another process saved that could not be loaded (damaged). */
  private declined?: string;
  /** The knowledge dir's file list, sizes and times when last compared with the live index. */
  private knowledgeSeen?: string;

  private constructor(
    readonly bot: BotConfig,
    private readonly dataDir: string,
    private readonly embeddings: Embeddings,
    private live: { index: KnowledgeIndex; extra: IndexExtra; generation: string },
    private readonly log: ((line: string) => void) | undefined,
    private readonly now: () => Date,
  ) {}

  /**
   * Open the live index (building it first if needed), add the phrasings learned since it was
   * saved, and apply the negative pairs. `now` stamps what is learned (default the real clock).
   */
  static async open(bot: BotConfig, dataDir: string, embeddings: Embeddings, opts: { log?: (line: string) => void; now?: () => Date } = {}): Promise<BotKnowledge> {
    const { log, now = () => new Date() } = opts;
    // Taken before opening, which compares the files with the index: the first minute's check
    // then need not read them all again (an edit made meanwhile changes the stamp).
    const seen = bot.knowledgeDir ? await knowledgeStamp(bot.knowledgeDir) : undefined;
    const live = await openBotIndex(bot, dataDir, { embeddings, onRebuild: (why) => log?.(`Building the index for bot "${bot.id}" (${why})…`) });
    const knowledge = new BotKnowledge(bot, dataDir, embeddings, live, log, now);
    knowledge.knowledgeSeen = seen;
    knowledge.logWarnings(live.extra);
    await knowledge.syncLearnedNow();
    await knowledge.applyNegatives(knowledge.index);
    return knowledge;
  }

  /**
   * Catch up with what another process changed while `serve` runs: a new index generation
   * (`laerling crawl`, `laerling learn`) is loaded, then learned.jsonl is re-read (`learn`
   * appending, `erase` removing). `serve` calls this every minute; when neither changed since the
   * last look it costs a small read and a stat.
   */
  syncLearned(): Promise<void> {
    return this.serial(async () => {
      await this.syncIndexNow();
      await this.syncLearnedNow();
    });
  }

  private async syncIndexNow(): Promise<void> {
    const current = await liveGeneration(this.dir);
    // A generation looked at and not taken (damaged) is not loaded again every minute.
    if (current === this.live.generation || current === this.declined) return;
    this.declined = current;
    const loaded = await loadLiveIndex(this.dataDir, this.bot.id, this.embeddings);
    // A damaged new generation: keep answering from the index in memory.
    if (!loaded || loaded.damaged) return;
    this.log?.(`Bot "${this.bot.id}": loaded the index another process saved (${loaded.generation}).`);
    this.logWarnings(loaded.extra);
    await this.swapIn(loaded);
  }

  // Lines are matched by content, not position: two processes appending to one file interleave.
  private async syncLearnedNow(): Promise<void> {
    const stamp = await fileStamp(learnedFile(this.dir));
    if (sameStamp(stamp, this.learnedStamp)) return;
    const lines = await readLearned(this.dir, 'learned');
    const inFile = new Set(lines.map(pairKey));
    const held = new Set(this.live.index.learnedPhrasings().map(pairKey));
    if ([...held].some((key) => !inFile.has(key))) {
      // The index holds a phrasing the file no longer has: erased or removed elsewhere.
      this.log?.(`Building the index for bot "${this.bot.id}" (learned phrasings were removed)…`);
      await this.rebuildNow();
    } else {
      // Lines the index declined (near-duplicates, pages no longer crawled) are offered once per
      // process, not at every look: with remote embeddings each offer is an API call.
      const fresh = lines.filter((l) => !held.has(pairKey(l)) && !this.offered.has(pairKey(l)));
      for (const l of fresh) this.offered.add(pairKey(l));
      this.unsaved += await this.live.index.addLearned(fresh);
    }
    this.learnedStamp = stamp;
  }

  /**
   * Rebuild when the knowledge/ files changed since the live index was built, so an edited or
   * fixed file answers without a restart. `serve` calls this every minute; when no file's size or
   * time changed, it costs a stat per file.
   */
  syncKnowledgeFiles(): Promise<void> {
    const dir = this.bot.knowledgeDir;
    if (!dir) return Promise.resolve();
    return this.serial(async () => {
      const seen = await knowledgeStamp(dir);
      if (seen === this.knowledgeSeen) return;
      if ((await knowledgeFingerprint(dir)) !== this.live.extra.knowledgeFingerprint) {
        this.log?.(`Building the index for bot "${this.bot.id}" (knowledge files changed)…`);
        await this.rebuildNow();
      }
      this.knowledgeSeen = seen;
    });
  }

  /** The index answering right now (replaced by rebuilds: don't hold on to it). */
  get index(): KnowledgeIndex {
    return this.live.index;
  }

  /** Crawl state and build time of the live index. */
  get extra(): IndexExtra {
    return this.live.extra;
  }

  private get dir(): string {
    return botDir(this.dataDir, this.bot.id);
  }

  /**
   * Learned phrasings: appended to learned.jsonl (the durable record) and indexed in place. The
   * index files are not rewritten for each one — at 100k chunks that would be hundreds of MB per
   * "that helped" — opening the index adds the lines it does not hold yet. A new generation is
   * written every SAVE_EVERY phrasings, so that catching up on open stays short, or at once with
   * `save` (a batch from `laerling learn`). Personal data in the questions is redacted first.
   */
  learn(items: Pair[], opts: { save?: boolean } = {}): Promise<void> {
    return this.serial(async () => {
      // Lines another process appended first, so that this index misses none of them.
      await this.syncLearnedNow();
      const learnedAt = this.now().toISOString();
      const stamped: LearnedPhrasing[] = items.map((i) => ({ question: redacted(i.question), url: i.url, learnedAt }));
      const before = this.learnedStamp;
      const bytes = await appendLearned(this.dir, stamped);
      // Grown by exactly these lines since the catch-up read it: nobody else wrote, so the next
      // catch-up need not read the file again. Otherwise the old stamp makes it read.
      const after = await fileStamp(learnedFile(this.dir));
      if (before && after.size === before.size + bytes) this.learnedStamp = after;
      for (const l of stamped) this.offered.add(pairKey(l));
      this.unsaved += await this.live.index.addLearned(stamped);
      if (opts.save || this.unsaved >= SAVE_EVERY) {
        this.live.generation = (await writeIndex(this.dir, this.live.index, this.live.extra)).generation;
        this.unsaved = 0;
      }
    });
  }

  /** Questions a page did not answer: persisted, then the page ranks lower for similar questions. */
  addNegatives(items: Pair[]): Promise<void> {
    return this.serial(async () => {
      const learnedAt = this.now().toISOString();
      await appendLearned(this.dir, items.map((i) => ({ question: redacted(i.question), url: i.url, learnedAt })), 'negative');
      await this.applyNegatives(this.live.index);
    });
  }

  /** Pairs of one kind, as stored. */
  pairs(kind: PairKind): Promise<LearnedPhrasing[]> {
    return readLearned(this.dir, kind);
  }

  /** Remove the pairs `drop` selects and rebuild so the index forgets them too; returns how many went. */
  removePairs(kind: PairKind, drop: (item: LearnedPhrasing) => boolean): Promise<number> {
    return this.serial(async () => {
      const removed = await removeLearned(this.dir, drop, kind);
      if (removed === 0) return 0;
      if (kind === 'negative') await this.applyNegatives(this.live.index);
      else await this.rebuildNow();
      return removed;
    });
  }

  /** The owner's Q&A items. */
  ownerQa(): Promise<OwnerQa[]> {
    return readOwnerQa(this.dir);
  }

  /**
   * Apply a change to the owner's Q&A items, then rebuild so it answers at once. Changes made
   * while a rebuild waits its turn share that rebuild (an owner approving ten suggestions).
   */
  async changeOwnerQa<T>(change: (items: OwnerQa[]) => { items: OwnerQa[]; result: T }): Promise<T> {
    const result = await this.serial(async () => {
      const next = change(await readOwnerQa(this.dir));
      await writeOwnerQa(this.dir, next.items);
      return next.result;
    });
    await this.rebuildSoon();
    return result;
  }

  // A rebuild queued after every change so far; one not yet started is shared, never skipped.
  private rebuildSoon(): Promise<BuildResult> {
    this.nextRebuild ??= this.serial(() => {
      this.nextRebuild = undefined;
      return this.rebuildNow();
    });
    return this.nextRebuild;
  }

  /**
   * Rebuild from all inputs (with a fresh crawl's report, if given) and swap the result in.
   * `drop` is asked when the rebuild's turn comes, so it sees sources removed while a crawl ran.
   */
  rebuild(crawl?: CrawlReport, drop?: () => Promise<CrawledPageFilter>): Promise<BuildResult> {
    return this.serial(async () => this.rebuildNow(crawl, await drop?.()));
  }

  /** Rebuild without the crawled pages `drop` names (asked at this change's turn); returns their URLs. */
  dropCrawled(drop: () => Promise<CrawledPageFilter>): Promise<string[]> {
    return this.serial(async () => {
      const filter = await drop();
      const gone = this.live.extra.crawledPages.filter((p) => filter(p.url)).map((p) => p.url);
      if (gone.length > 0) await this.rebuildNow(undefined, filter);
      return gone;
    });
  }

  private async rebuildNow(crawl?: CrawlReport, drop?: CrawledPageFilter): Promise<BuildResult> {
    const built = await buildBotIndex(this.bot, this.dataDir, { embeddings: this.embeddings }, crawl, drop);
    this.logWarnings(built.extra);
    await this.swapIn(built);
    return built;
  }

  // A new live index: learned.jsonl is read afresh against it.
  private async swapIn(next: { index: KnowledgeIndex; extra: IndexExtra; generation: string }): Promise<void> {
    await this.applyNegatives(next.index);
    this.live.index.retire();
    this.live = { index: next.index, extra: next.extra, generation: next.generation };
    this.unsaved = 0;
    this.learnedStamp = undefined;
    this.offered = new Set();
  }

  // At every open, not only after a build: whoever starts `serve` sees a broken knowledge file.
  private logWarnings(extra: IndexExtra): void {
    for (const w of extra.warnings) this.log?.(`Bot "${this.bot.id}": ${w}`);
  }

  private async applyNegatives(index: KnowledgeIndex): Promise<void> {
    await index.setNegatives(await readLearned(this.dir, 'negative'));
  }

  // One change at a time: a learn racing a rebuild could otherwise be missing from the new index.
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const pairKey = (p: Pair) => `${p.url}\n${p.question}`;

interface FileStamp {
  size: number;
  mtimeMs: number;
}

// Size and mtime of a file (zero when it does not exist): enough to tell that it changed.
async function fileStamp(file: string): Promise<FileStamp> {
  try {
    const { size, mtimeMs } = await stat(file);
    return { size, mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { size: 0, mtimeMs: 0 };
    throw err;
  }
}

function sameStamp(a: FileStamp, b: FileStamp | undefined): boolean {
  return b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
