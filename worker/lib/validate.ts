/**
 * zod at the edge: `validate('json', schema)` parses a request part and throws one
 * 400 whose details name the failing paths, never the values that were sent.
 */
import type { ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ApiError } from './errors';

export interface IssueDetail {
  path: string;
  message: string;
}

export function describeIssues(error: z.ZodError): IssueDetail[] {
  return error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
}

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return validator(target, async (value): Promise<z.output<T>> => {
    const parsed = await schema.safeParseAsync(value);
    if (!parsed.success) {
      throw new ApiError(400, 'validation_failed', `Invalid ${target}`, describeIssues(parsed.error));
    }
    return parsed.data;
  });
}
