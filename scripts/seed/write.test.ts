import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import * as schema from '../../worker/db/schema';
import { buildDemoSeed } from './build';
import { D1_MAX_BOUND_PARAMETERS, rowsPerInsert, seedInsertStatements, tablesInFkOrder } from './write';

describe('seed writer', () => {
  it('Should order every schema table after the tables it references', () => {
    const order = tablesInFkOrder();
    const names = order.map((t) => getTableConfig(t).name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['organizations', 'users', 'options', 'step_photos', 'scene_elements', 'cost_items', 'asset_catalog', 'comments']));
    const position = new Map<SQLiteTable, number>(order.map((t, i) => [t, i]));
    for (const table of order) {
      for (const fk of getTableConfig(table).foreignKeys) {
        expect(position.get(fk.reference().foreignTable)!, getTableConfig(table).name).toBeLessThan(position.get(table)!);
      }
    }
  });

  it('Should chunk inserts to stay within D1 bound-parameter limit', async () => {
    const seed = await buildDemoSeed({ withImages: false });
    // Statements are only rendered to SQL here, so the client is never called.
    const db = drizzle({} as D1Database, { schema });
    const statements = seedInsertStatements(db, seed);
    expect(statements.length).toBeGreaterThan(17);
    for (const statement of statements) {
      const { sql, params } = statement.toSQL();
      expect(params.length, sql.slice(0, 40)).toBeLessThanOrEqual(D1_MAX_BOUND_PARAMETERS);
      expect(sql.startsWith('insert into')).toBe(true);
    }
    for (const table of tablesInFkOrder()) {
      const columns = Object.keys(getTableColumns(table)).length;
      expect(rowsPerInsert(table) * columns).toBeLessThanOrEqual(D1_MAX_BOUND_PARAMETERS);
      expect((rowsPerInsert(table) + 1) * columns).toBeGreaterThan(D1_MAX_BOUND_PARAMETERS);
    }
    // Parents are inserted before children.
    const firstInsertInto = (table: string): number => statements.findIndex((s) => s.toSQL().sql.startsWith(`insert into "${table}"`));
    expect(firstInsertInto('organizations')).toBeLessThan(firstInsertInto('floorplans'));
    expect(firstInsertInto('options')).toBeLessThan(firstInsertInto('option_rules'));
    expect(firstInsertInto('steps')).toBeLessThan(firstInsertInto('step_photos'));
  });
});
