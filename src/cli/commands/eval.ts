import { z } from 'zod';
import { LaerlingError } from '../../errors.js';
import { runEvals } from '../../../evals/run-evals.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';

const suiteSchema = z.enum(['demo', 'stackfaq', 'all']);

/** `laerling eval [--suite demo|stackfaq|all] [--stackfaq DIR]`: print the eval numbers. */
export async function runEval(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(args, { suite: { type: 'string' }, stackfaq: { type: 'string' } }, io);
  const suite = suiteSchema.safeParse(cmd.values.suite ?? 'all');
  if (!suite.success) throw new LaerlingError('INVALID_INPUT', '--suite: one of demo, stackfaq, all');
  return runEvals({ suite: suite.data, stackfaqDir: cmd.values.stackfaq, print: (s) => io.stdout(s + '\n') });
}
