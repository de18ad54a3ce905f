import { LaerlingError } from '../../errors.js';
import { loadConfig, selectBot } from '../../config/bot-config.js';
import { formatZodError } from '../../config/format-zod-error.js';
import { BotKnowledge } from '../../knowledge/bot-knowledge.js';
import { resolvePageUrl } from '../../knowledge/resolve-page-url.js';
import { createEmbeddings } from '../../retrieval/create-embeddings.js';
import { learnInputSchema } from '../ask-output.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';

/** `laerling learn --jsonl`: record "this question was resolved by this page" pairs. */
export async function runLearn(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(args, { jsonl: { type: 'boolean' } }, io);
  if (!cmd.values.jsonl) throw new LaerlingError('INVALID_INPUT', 'learn reads JSON lines from stdin: laerling learn --jsonl < pairs.jsonl');
  const bot = selectBot(await loadConfig(cmd.dataDir), cmd.botId);
  const knowledge = await BotKnowledge.open(bot, cmd.dataDir, createEmbeddings(cmd.settings.embeddings), { log: (line) => io.stderr(line + '\n') });
  const pageUrls = knowledge.index.pageUrls();

  const items: Array<{ question: string; url: string }> = [];
  let lineNo = 0;
  let bad = 0;
  for await (const line of io.stdinLines()) {
    lineNo++;
    if (!line.trim()) continue;
    const result = parseLearnLine(line, pageUrls);
    if ('error' in result) {
      bad++;
      io.stderr(`line ${lineNo}: ${result.error}\n`);
      continue;
    }
    items.push(result);
  }

  // Persisted first, then folded into the index as a new generation swapped in atomically.
  await knowledge.learn(items, { save: true });
  io.stderr(`Learned ${items.length} phrasing(s)${bad ? `, rejected ${bad} line(s)` : ''}.\n`);
  return bad > 0 ? 1 : 0;
}

function parseLearnLine(line: string, pageUrls: Iterable<string>): { question: string; url: string } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  const parsed = learnInputSchema.safeParse(json);
  if (!parsed.success) return { error: formatZodError(parsed.error) };
  const url = resolvePageUrl(parsed.data.url, pageUrls);
  if (!url) return { error: `url: no indexed page matches "${parsed.data.url}"` };
  return { question: parsed.data.question, url };
}
