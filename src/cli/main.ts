import { LaerlingError } from '../errors.js';
import { runAsk } from './commands/ask.js';
import { runCrawl } from './commands/crawl.js';
import { runEval } from './commands/eval.js';
import { runLearn } from './commands/learn.js';
import { runServe } from './commands/serve.js';
import { runStats } from './commands/stats.js';
import { runErase } from './commands/erase.js';
import { runUser } from './commands/user.js';
import type { CliIo } from './cli-io.js';
import { processIo } from './cli-io.js';

const USAGE = `Usage: laerling <command> [options]

Commands:
  crawl URL... [--max-pages N] [--allow-private-network]   crawl and (re)build the index
        [--include PATH]... [--exclude PATH]... [--delay-ms N]
  ask "question" [--json]                                   answer one question
  ask --jsonl                                               stdin {"id","question"} per line → one result per line
  learn --jsonl                                             stdin {"question","url"} per line: question resolved by page
  serve [--port N] [--host H]                               run the HTTP server and demo page
  eval [--suite demo|stackfaq|all] [--stackfaq DIR]         run the evals and print the numbers
  user add --email E [--name N] [--role agent|owner|admin]  add a console user or reset one (role agent
        [--password-stdin]                                  and name = e-mail unless given; password on stdin)
  user disable --email E | user enable --email E            stop a user signing in (ends their sessions); allow again
  stats [--json]                                            resolution rate, badge, topics (as the dashboard shows)
  erase --token T | --email E                               erase a customer's conversations and what was learned from them

Every command takes --data-dir DIR (default ./data or $LAERLING_DATA_DIR) and --bot ID (default: the first bot),
and --help. README.md documents every option.`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  crawl: runCrawl,
  ask: runAsk,
  learn: runLearn,
  serve: runServe,
  eval: runEval,
  user: runUser,
  stats: runStats,
  erase: runErase,
};

/** Run the CLI with argv (without node and script) and return the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`laerling: unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  try {
    return await run(rest, io);
  } catch (err) {
    if (err instanceof LaerlingError) {
      io.stderr(`laerling ${command}: ${err.message} [${err.code}]\n`);
      return 1;
    }
    // parseArgs' own errors (unknown option, missing value, unexpected argument) are usage errors.
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS_')) {
      io.stderr(`laerling ${command}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
