/**
 * `npm run r2:orphans` lists the local R2 objects no D1 row points to (every `*_key` column
 * in the schema: swatches, room photos, generated images, logos, 3D models and thumbnails);
 * `npm run r2:orphans -- --delete` deletes them.
 *
 * Objects younger than `--min-age-hours` (default 1) are left alone, so an upload between
 * its R2 put and its row insert is never taken for an orphan; `{orgId}/tmp/` objects get at
 * least a day. Works on the same local state `npm start` serves (.wrangler/state).
 */
import { sweepOrphans, objectKeyColumns } from '../worker/services/admin-catalog';
import { defaultStack, log, withLocalEnv } from './lib/local';

const args = process.argv.slice(2);
const remove = args.includes('--delete');
const ageArg = args.find((a) => a.startsWith('--min-age-hours='));
const minAgeHours = ageArg ? Number(ageArg.split('=')[1]) : 1;
const unknown = args.filter((a) => a !== '--delete' && !a.startsWith('--min-age-hours='));
if (unknown.length || !Number.isFinite(minAgeHours) || minAgeHours < 0) {
  process.stderr.write('usage: npm run r2:orphans [-- --delete] [--min-age-hours=N]\n');
  process.exit(2);
}

log(`rows checked: ${objectKeyColumns().map((c) => `${c.table}.${c.column}`).join(', ')}`);
const report = await withLocalEnv(defaultStack, (env) => sweepOrphans(env.DB, env.MEDIA, { remove, minAgeMs: minAgeHours * 3600 * 1000 }));
for (const key of report.orphans) process.stdout.write(`${key}\n`);
log(
  `${report.scanned} objects scanned, ${report.orphans.length} orphaned` +
    (remove ? `, ${report.deleted} deleted` : report.orphans.length ? ' (run with -- --delete to remove them)' : ''),
);
