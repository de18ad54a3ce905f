import type { CliIo } from '../../src/cli/cli-io.js';

/** A CliIo that feeds the given stdin lines and collects output, for running CLI commands in-process. */
export function quietIo(stdin: string[] = [], env: Record<string, string | undefined> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    stdinLines: async function* () {
      yield* stdin;
    },
    env,
    isTty: false,
  };
}
