import { LaerlingError } from '../../errors.js';
import { formatZodError } from '../../config/format-zod-error.js';
import { askInputSchema, type AskOutput } from '../ask-output.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';
import { openAnswerer } from '../open-answerer.js';

/** `laerling ask "question" [--json]` and `laerling ask --jsonl`. */
export async function runAsk(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(args, { json: { type: 'boolean' }, jsonl: { type: 'boolean' } }, io);
  const question = cmd.positionals.join(' ').trim();
  if (!cmd.values.jsonl && !question) throw new LaerlingError('INVALID_INPUT', 'Give a question: laerling ask "How do I get my PUK?"');
  const answerer = await openAnswerer({ ...cmd, log: (l) => io.stderr(l + '\n') });

  if (!cmd.values.jsonl) {
    const result = await answerer.ask(question);
    io.stdout(cmd.values.json ? JSON.stringify(result) + '\n' : formatHuman(result));
    return 0;
  }

  let bad = 0;
  let lineNo = 0;
  for await (const line of io.stdinLines()) {
    lineNo++;
    if (!line.trim()) continue;
    const input = parseLine(line);
    if (!input.ok) {
      bad++;
      // Keep one output line per input line so callers can zip them; say what was wrong.
      io.stdout(JSON.stringify({ ...(input.id === undefined ? {} : { id: input.id }), error: input.error, line: lineNo }) + '\n');
      io.stderr(`line ${lineNo}: ${input.error}\n`);
      continue;
    }
    io.stdout(JSON.stringify(await answerer.ask(input.question, input.id)) + '\n');
  }
  return bad > 0 ? 1 : 0;
}

function parseLine(line: string): { ok: true; id?: string; question: string } | { ok: false; id?: string; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, id: salvageId(line), error: 'not valid JSON' };
  }
  const parsed = askInputSchema.safeParse(json);
  if (!parsed.success) {
    const id = typeof json === 'object' && json !== null ? askInputSchema.shape.id.safeParse((json as { id?: unknown }).id).data : undefined;
    return { ok: false, id, error: formatZodError(parsed.error) };
  }
  return { ok: true, ...parsed.data };
}

// A line cut short or mistyped after its id (first, as in the documented {"id","question"}) still
// names it, so the caller can match the error up.
function salvageId(line: string): string | undefined {
  const match = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)\s*[,}]/.exec(line);
  if (!match) return undefined;
  try {
    return String(JSON.parse(match[1]!));
  } catch {
    return undefined;
  }
}

function formatHuman(r: AskOutput): string {
  const lines = [r.answer];
  if (r.sources.length > 0) lines.push('', ...r.sources.map((s) => `  ${s.title} — ${s.url}`));
  lines.push('', `(${r.outcome}, confidence ${r.confidence.toFixed(2)}, ${r.ms.toFixed(1)} ms)`);
  return lines.join('\n') + '\n';
}
