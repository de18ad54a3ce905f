import { setUserDisabled, upsertUser } from '../../auth/users.js';
import { LaerlingError } from '../../errors.js';
import { recordAudit } from '../../storage/audit.js';
import { openDatabase } from '../../storage/open-database.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';
import { databaseFile } from '../open-bots.js';

const USAGE = 'usage: laerling user add --email E --name N --role agent|owner|admin [--password-stdin] | user disable --email E | user enable --email E';

/**
 * `laerling user add --email E --name N --role agent|owner|admin [--password-stdin]`: create a
 * console user, or reset an existing one's name, role and password (which signs them out
 * everywhere). The password comes from the first line of stdin (or $LAERLING_NEW_PASSWORD),
 * never from argv, where `ps` would show it. `laerling user disable --email E` stops a user from
 * signing in and ends their sessions; `laerling user enable --email E` lets them in again.
 */
export async function runUser(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(args, { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, io);
  const [action] = cmd.positionals;
  if (action === 'disable' || action === 'enable') return switchUser(cmd.dataDir, cmd.values.email, action, io);
  if (action !== 'add') throw new LaerlingError('INVALID_INPUT', USAGE);
  let password = io.env.LAERLING_NEW_PASSWORD;
  if (cmd.values['password-stdin'] || password === undefined) {
    if (io.isTty && !cmd.values['password-stdin']) io.stderr('Password (at least 10 characters; input is shown — prefer --password-stdin): ');
    for await (const line of io.stdinLines()) {
      password = line;
      break;
    }
  }
  const db = await openDatabase(databaseFile(cmd.dataDir));
  try {
    const user = await upsertUser(
      db,
      { email: cmd.values.email ?? '', name: cmd.values.name ?? cmd.values.email ?? '', role: (cmd.values.role ?? 'agent') as 'agent', password: password ?? '' },
      new Date(),
    );
    await recordAudit(db, { actor: 'cli', action: 'user.upsert', target: user.email, details: { role: user.role }, at: new Date() });
    if (user.disabled) io.stdout(`User ${user.email} (${user.role}) has a new password but is disabled; \`laerling user enable --email ${user.email}\` lets them sign in.\n`);
    else io.stdout(`User ${user.email} (${user.role}) is ready. Sign in at /console.\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

async function switchUser(dataDir: string, email: string | undefined, action: 'disable' | 'enable', io: CliIo): Promise<number> {
  if (!email) throw new LaerlingError('INVALID_INPUT', `--email: required (laerling user ${action} --email E)`);
  const db = await openDatabase(databaseFile(dataDir));
  try {
    const user = await setUserDisabled(db, email, action === 'disable');
    await recordAudit(db, { actor: 'cli', action: `user.${action}`, target: user.email, at: new Date() });
    io.stdout(action === 'disable' ? `User ${user.email} is disabled and signed out everywhere.\n` : `User ${user.email} (${user.role}) may sign in again.\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}
