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

export function describeIssues(error: z.core.$ZodError): IssueDetail[] {
  return error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
}

export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return validator(target, async (value): Promise<z.output<T>> => {
    const parsed = await z.safeParseAsync(schema, value);
    if (!parsed.success) {
      throw new ApiError(400, 'validation_failed', `Invalid ${target}`, describeIssues(parsed.error));
    }
    return parsed.data;
  });
}
