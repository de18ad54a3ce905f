import { upsertUser } from '../../auth/users.js';
import { LaerlingError } from '../../errors.js';
import { recordAudit } from '../../storage/audit.js';
import { openDatabase } from '../../storage/open-database.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';
import { databaseFile } from '../open-bots.js';

/**
 * `laerling user add --email E --name N --role agent|owner|admin [--password-stdin]`: create a
 * console user, or reset an existing one's name, role and password. The password comes from the
 * first line of stdin (or $LAERLING_NEW_PASSWORD), never from argv, where `ps` would show it.
 */
export async function runUser(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(args, { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, io);
  const [action] = cmd.positionals;
  if (action !== 'add') throw new LaerlingError('INVALID_INPUT', 'usage: laerling user add --email E --name N --role agent|owner|admin [--password-stdin]');
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
    io.stdout(`User ${user.email} (${user.role}) is ready. Sign in at /console.\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}
