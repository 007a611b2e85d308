/**
 * zod at the edge: `validate('json', schema)` parses a request part and throws one
 * 400 whose details name the failing paths, never the values that were sent.
 *
 * The Worker uses `zod/mini`: the classic `zod` entry drags every locale into the
 * bundle (about 450 KB minified), mini with the English locale is about 20 KB.
 */
import type { ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { ApiError } from './errors';

z.config(en());

export interface IssueDetail {
  path: string;
  message: string;
}

type Def = { type: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; element?: unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/**
 * How much of an issue's path the schema itself declares: object fields and array indices.
 * A record's keys (a buyer's `selections`, say) are client text, so the path stops before
 * one, as it does at a union, where the branch is unknown.
 */
function declaredDepth(schema: unknown, path: readonly PropertyKey[]): number {
  let def = defOf(schema);
  let depth = 0;
  while (def && depth < path.length) {
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'nonoptional') def = defOf(def.innerType);
    else if (def.type === 'pipe') def = defOf(def.in);
    else if (def.type === 'object' && def.shape && Object.hasOwn(def.shape, String(path[depth]))) def = defOf(def.shape[String(path[depth++])]);
    else if (def.type === 'array' && typeof path[depth] === 'number') (depth++, (def = defOf(def.element)));
    else break;
  }
  return depth;
}

/** Paths as far as the schema declares them; an issue inside client-named keys is "Invalid entry". */
export function describeIssues(error: z.core.$ZodError, schema: z.ZodMiniType): IssueDetail[] {
  const seen = new Set<string>();
  const out: IssueDetail[] = [];
  for (const issue of error.issues) {
    const depth = declaredDepth(schema, issue.path);
    const path = issue.path.slice(0, depth).map(String).join('.') || '(root)';
    const message = depth < issue.path.length ? 'Invalid entry' : issue.message;
    if (seen.has(`${path}\n${message}`)) continue;
    seen.add(`${path}\n${message}`);
    out.push({ path, message });
    if (out.length === 20) break;
  }
  return out;
}

export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return validator(target, async (value): Promise<z.output<T>> => {
    const parsed = await z.safeParseAsync(schema, value);
    if (!parsed.success) {
      throw new ApiError(400, 'validation_failed', `Invalid ${target}`, describeIssues(parsed.error, schema));
    }
    return parsed.data;
  });
}
