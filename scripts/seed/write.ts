/**
 * Writes a built demo seed to D1 + R2, and wipes both for a fresh start (local/dev only).
 *
 * D1 has no interactive transactions, so every write goes through `db.batch`, which D1
 * runs as one implicit transaction: the rows land all together or not at all. D1 also
 * caps a statement at 100 bound parameters, so multi-row inserts are chunked by the
 * table's column count. Table order comes from the schema's foreign keys, so new tables
 * in schema.ts are picked up by `resetDatabase` without touching this file.
 */
import { getTableColumns, is, type Query } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../worker/db/schema';
import type { DemoSeed } from './build';

type Db = DrizzleD1Database<typeof schema>;
/** A batchable statement that can also render its SQL (for tests and logging). */
export type Statement = BatchItem<'sqlite'> & { toSQL(): Query };
type SeedTableKey = Exclude<keyof DemoSeed, 'media'>;

/** D1's limit on bound parameters in one statement. */
export const D1_MAX_BOUND_PARAMETERS = 100;
/** R2 `delete(keys[])` accepts at most 1000 keys per call. */
const R2_DELETE_CHUNK = 1000;
const R2_PUT_CONCURRENCY = 8;
/** Seeded objects are content-addressed by a fresh uuid, so they never change under a key. */
const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Which table each row list of a DemoSeed goes into. */
const SEED_TABLES: Record<SeedTableKey, SQLiteTable> = {
  organizations: schema.organizations,
  users: schema.users,
  orgUsers: schema.orgUsers,
  floorplans: schema.floorplans,
  categories: schema.categories,
  subcategories: schema.subcategories,
  options: schema.options,
  optionFloorplans: schema.optionFloorplans,
  optionRules: schema.optionRules,
  optionFloorplanPricing: schema.optionFloorplanPricing,
  steps: schema.steps,
  stepPhotos: schema.stepPhotos,
  costItems: schema.costItems,
  projects: schema.projects,
  scenes: schema.scenes,
  sceneElements: schema.sceneElements,
  rooms: schema.rooms,
};

/** Every table in schema.ts, parents before children (depth-first over foreign keys). */
export function tablesInFkOrder(): SQLiteTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
  const ordered: SQLiteTable[] = [];
  const state = new Map<SQLiteTable, 'visiting' | 'done'>();
  const visit = (table: SQLiteTable): void => {
    const s = state.get(table);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`foreign key cycle through ${getTableConfig(table).name}`);
    state.set(table, 'visiting');
    for (const fk of getTableConfig(table).foreignKeys) {
      const parent = fk.reference().foreignTable;
      if (parent !== table) visit(parent);
    }
    state.set(table, 'done');
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

/** Rows per INSERT so that rows x columns stays within D1's bound-parameter limit. */
export function rowsPerInsert(table: SQLiteTable): number {
  return Math.max(1, Math.floor(D1_MAX_BOUND_PARAMETERS / Object.keys(getTableColumns(table)).length));
}

/** The seed's INSERT statements in foreign-key order, chunked for D1. */
export function seedInsertStatements(db: Db, seed: DemoSeed): Statement[] {
  const rowsByTable = new Map<SQLiteTable, ReadonlyArray<Record<string, unknown>>>();
  for (const key of Object.keys(SEED_TABLES) as SeedTableKey[]) rowsByTable.set(SEED_TABLES[key], seed[key]);

  const statements: Statement[] = [];
  for (const table of tablesInFkOrder()) {
    const rows = rowsByTable.get(table);
    if (!rows || rows.length === 0) continue;
    const size = rowsPerInsert(table);
    for (let i = 0; i < rows.length; i += size) {
      // The rows were typed per table by DemoSeed; the map above only loses that pairing.
      statements.push(db.insert(table).values(rows.slice(i, i + size) as Array<typeof table.$inferInsert>));
    }
  }
  return statements;
}

async function runBatch(db: Db, statements: Statement[]): Promise<void> {
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/**
 * Puts the seed's R2 objects, then inserts every row in one D1 batch (one transaction).
 * If the batch fails the objects stay behind as orphans; `resetDatabase` removes them.
 */
export async function writeDemoSeed(db: D1Database, media: R2Bucket, seed: DemoSeed): Promise<{ rows: number; objects: number }> {
  const queue = [...seed.media];
  const worker = async (): Promise<void> => {
    for (let obj = queue.shift(); obj; obj = queue.shift()) {
      await media.put(obj.key, obj.body, { httpMetadata: { contentType: obj.contentType, cacheControl: IMMUTABLE_CACHE_CONTROL } });
    }
  };
  await Promise.all(Array.from({ length: Math.min(R2_PUT_CONCURRENCY, queue.length) }, worker));

  const d = drizzle(db, { schema });
  await runBatch(d, seedInsertStatements(d, seed));
  const rows = (Object.keys(SEED_TABLES) as SeedTableKey[]).reduce((n, key) => n + seed[key].length, 0);
  return { rows, objects: seed.media.length };
}

/** True when any organization exists (the seed, or real data, is already there). */
export async function isSeeded(db: D1Database): Promise<boolean> {
  const d = drizzle(db, { schema });
  const rows = await d.select({ id: schema.organizations.id }).from(schema.organizations).limit(1);
  return rows.length > 0;
}

/**
 * Destructive, for local/dev environments: deletes every row of every schema table
 * (children first, since D1 enforces foreign keys) in one batch, then every object in
 * the bucket, including generated images and uploads.
 */
export async function resetDatabase(db: D1Database, media: R2Bucket): Promise<{ objects: number }> {
  const d = drizzle(db, { schema });
  await runBatch(d, tablesInFkOrder().reverse().map((table) => d.delete(table)));

  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await media.list({ cursor, limit: R2_DELETE_CHUNK });
    for (const obj of page.objects) keys.push(obj.key);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  for (let i = 0; i < keys.length; i += R2_DELETE_CHUNK) await media.delete(keys.slice(i, i + R2_DELETE_CHUNK));
  return { objects: keys.length };
}
