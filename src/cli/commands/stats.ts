import { loadConfig, selectBot } from '../../config/bot-config.js';
import { EventHub } from '../../conversations/event-hub.js';
import { badgeFor } from '../../learning/badge.js';
import { ownerMetrics } from '../../learning/owner-metrics.js';
import type { CliIo } from '../cli-io.js';
import { parseCommand } from '../common-options.js';
import { openBots } from '../open-bots.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/**
 * `laerling stats [--json]`: each bot's resolution rate (confirmed, assumed, not resolved), badge
 * and top topics — the same function the badge API and the dashboard use, so the numbers match.
 */
export async function runStats(args: string[], io: CliIo): Promise<number> {
  const cmd = parseCommand(args, { json: { type: 'boolean' } }, io);
  // The same check and message as every other command (not an empty report), before any index is opened.
  if (cmd.botId) selectBot(await loadConfig(cmd.dataDir), cmd.botId);
  const { db, bots } = await openBots({ dataDir: cmd.dataDir, settings: cmd.settings });
  try {
    const now = new Date();
    const deps = { db, now: () => now, hub: new EventHub() };
    const out = [];
    for (const runtime of bots.values()) {
      if (cmd.botId && runtime.config.id !== cmd.botId) continue;
      const metrics = await ownerMetrics(db, runtime.config.id, now, { windowDays: runtime.config.resolution.windowDays, timeZone: runtime.config.openingHours.timezone });
      const badge = await badgeFor(deps, runtime.config, 'en');
      out.push({ bot: runtime.config.id, windowDays: runtime.config.resolution.windowDays, resolution: metrics.resolution, badge, topics: metrics.topics, handoffReasons: metrics.handoffReasons, csat: { count: metrics.csat.count, mean: metrics.csat.mean } });
    }
    if (cmd.values.json) {
      io.stdout(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    for (const s of out) {
      const r = s.resolution;
      io.stdout(
        [
          `Bot "${s.bot}", last ${s.windowDays} days`,
          `  resolution rate  ${pct(r.rate)} of ${r.sample} conversations (confirmed ${r.confirmed}, assumed ${r.assumed}, not resolved ${r.notResolved}; ${r.pending} still open)`,
          `  badge            ${s.badge.text}`,
          `  CSAT             ${s.csat.mean === null ? '—' : s.csat.mean.toFixed(1)} (${s.csat.count} ratings)`,
          ...(s.topics.length ? ['  top topics', ...s.topics.map((t) => `    ${String(t.conversations).padStart(5)}  ${pct(t.rate).padStart(6)}  ${t.topic}`)] : []),
        ].join('\n') + '\n',
      );
    }
    return 0;
  } finally {
    await db.destroy();
  }
}
