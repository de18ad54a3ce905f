import { createInterface } from 'node:readline';

/** The CLI's connection to the outside world, so commands can be run in-process by tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Lines of standard input, read lazily. */
  stdinLines: () => AsyncIterable<string>;
  env: Record<string, string | undefined>;
  isTty: boolean;
}

/** The real process's stdio and environment. */
export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    env: process.env,
    isTty: Boolean(process.stderr.isTTY),
  };
}
