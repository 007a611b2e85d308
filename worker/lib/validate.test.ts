import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { describeIssues } from './validate';

const schema = z.object({
  name: z.string().check(z.minLength(1)),
  selections: z.optional(z.record(z.string(), z.string())),
  surfaces: z.array(z.object({ tileScale: z.pipe(z.number(), z.number().check(z.gt(0))) })),
  either: z.optional(z.union([z.object({ a: z.string() }), z.object({ b: z.number() })])),
});

function issues(value: unknown) {
  const parsed = z.safeParse(schema, value);
  expect(parsed.success).toBe(false);
  return describeIssues(parsed.error!, schema);
}

describe('describeIssues', () => {
  it('Should name declared fields and array indices, down to the failing one', () => {
    expect(issues({ name: '', surfaces: [{ tileScale: 1 }, { tileScale: 0 }] })).toEqual([
      { path: 'name', message: expect.any(String) },
      { path: 'surfaces.1.tileScale', message: expect.any(String) },
    ]);
  });

  it('Should stop before a record key, which is client text, and never echo it', () => {
    const secret = 'hunter2-record-key';
    const details = issues({ name: 'x', surfaces: [], selections: { [secret]: 42, [`${secret}-2`]: 43 } });
    expect(details).toEqual([{ path: 'selections', message: 'Invalid entry' }]);
    expect(JSON.stringify(details)).not.toContain(secret);
  });

  it('Should stop at a union, whose branch it cannot know', () => {
    expect(issues({ name: 'x', surfaces: [], either: { a: 1 } })).toEqual([{ path: 'either', message: expect.any(String) }]);
  });

  it('Should give at most 20 details', () => {
    const many = Array.from({ length: 30 }, () => ({ tileScale: -1 }));
    expect(issues({ name: 'x', surfaces: many })).toHaveLength(20);
  });
});
