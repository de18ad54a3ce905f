import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietIo } from '../../evals/lib/quiet-io.js';
import { askOutputSchema } from '../../src/cli/ask-output.js';
import { main } from '../../src/cli/main.js';
import { tinyBotDataDir } from '../fixtures/tiny-bot.js';

// In-process (main with a captured io): these are about messages and exit codes, not the binary.
let dataDir: string;
beforeAll(async () => {
  dataDir = await tinyBotDataDir();
}, 60_000);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('CLI errors', () => {
  it('says --data-dir is not a directory instead of throwing ENOTDIR', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'laerling-notdir-')), 'plain-file');
    await writeFile(file, 'not a directory');
    for (const args of [['ask', 'hei'], ['stats'], ['user', 'add', '--email', 'a@example.com']]) {
      const io = quietIo(['a long password']);
      expect(await main([...args, '--data-dir', file], io), args.join(' ')).toBe(1);
      expect(io.err.join('')).toMatch(new RegExp(`--data-dir ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a directory`));
    }
  });

  it('answers every malformed option with one line and exit code 2, and --help after a command with the usage', async () => {
    for (const args of [['stats', '--data-dir'], ['erase', '--email'], ['stats', '--json=yes'], ['ask', 'hei', '--nope']]) {
      const io = quietIo();
      expect(await main(args, io), args.join(' ')).toBe(2);
      expect(io.err.join('')).toMatch(new RegExp(`^laerling ${args[0]}: .+\n$`));
    }
    const help = quietIo();
    expect(await main(['ask', '--help'], help)).toBe(0);
    expect(help.out.join('')).toMatch(/^Usage: laerling <command>/);
  });

  it('warns about a LAERLING_ variable it does not read instead of silently ignoring a typo', async () => {
    const io = quietIo([], { LAERLING_DATADIR: '/somewhere' });
    expect(await main(['stats', '--data-dir', dataDir], io)).toBe(0);
    expect(io.err.join('')).toMatch(/ignoring LAERLING_DATADIR, which Lærling does not read/);
  });

  it('stats --bot with an unknown id fails as the other commands do', async () => {
    const io = quietIo();
    expect(await main(['stats', '--bot', 'nope', '--data-dir', dataDir], io)).toBe(1);
    expect(io.err.join('')).toMatch(/No bot with id "nope" \(have: test\)/);
    expect(io.out).toEqual([]);
    const ask = quietIo();
    await main(['ask', 'hei', '--bot', 'nope', '--data-dir', dataDir], ask);
    expect(ask.err.join('')).toMatch(/No bot with id "nope"/);
  });

  it('ask --jsonl skips blank lines and gives every error line the id its input had', async () => {
    const io = quietIo([
      JSON.stringify({ id: 'a', question: 'Hvor finner jeg PUK-koden?' }),
      '',
      '   ',
      '{"id":"b","question":"unterminated',
      JSON.stringify({ id: 7, question: '' }),
      JSON.stringify({ id: { nested: true }, question: '' }),
      '[1, 2]',
      JSON.stringify({ id: 'c', question: 'Hva koster roaming?' }),
    ]);
    expect(await main(['ask', '--jsonl', '--data-dir', dataDir], io)).toBe(1);
    const lines = io.out.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(askOutputSchema.parse(lines[0]).id).toBe('a');
    expect(lines[1]).toEqual({ id: 'b', error: 'not valid JSON', line: 4 });
    expect(lines[2]).toMatchObject({ id: '7', line: 5, error: expect.stringMatching(/^question: /) });
    // An id that is not a string or number is no id to echo back.
    expect(lines[3]).toEqual({ error: expect.stringMatching(/question|id/), line: 6 });
    expect(lines[4]).toEqual({ error: expect.any(String), line: 7 });
    expect(askOutputSchema.parse(lines[5]).id).toBe('c');
  });
});
