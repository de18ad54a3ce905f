import { z } from 'zod';
import { LaerlingError } from '../../errors.js';
import { eraseCustomerData } from '../../privacy/erase.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';
import { openBots } from '../open-bots.js';

const emailSchema = z.email();

/** `laerling erase --token T | --email E`: erase one customer's conversations and what was learned from them. */
export async function runErase(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(args, { token: { type: 'string' }, email: { type: 'string' } }, io);
  const { token, email } = cmd.values;
  if ((token === undefined) === (email === undefined)) throw new LaerlingError('INVALID_INPUT', 'usage: laerling erase --token TOKEN | --email ADDRESS');
  if (email !== undefined && !emailSchema.safeParse(email).success) throw new LaerlingError('INVALID_INPUT', '--email: not an e-mail address');
  const { db, bots } = await openBots({ dataDir: cmd.dataDir, settings: cmd.settings });
  try {
    const result = await eraseCustomerData({ db, bots, now: () => new Date() }, token !== undefined ? { token } : { email: email! }, 'cli');
    io.stdout(`Erased ${result.conversations} conversation(s), ${result.learned} learned phrasing(s), ${result.negative} negative pair(s) and ${result.suggestions} suggestion(s).\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}
