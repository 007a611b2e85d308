/**
 * Requires/excludes rules as the option editor shows them, and the checks the API makes
 * before it stores one (worker/routes/admin/catalog/rules.ts), run first in the browser so
 * a doomed rule is explained before it is sent. Pure.
 */
import type { AdminRule, RuleKind } from './api';

export interface OptionRules {
  /** Rules this option states ("requires X", "excludes Y"). */
  own: AdminRule[];
  /** Rules other options state about this one ("required by Z"). */
  incoming: AdminRule[];
}

export function rulesOf(optionId: string, rules: readonly AdminRule[]): OptionRules {
  return {
    own: rules.filter((r) => r.optionId === optionId),
    incoming: rules.filter((r) => r.targetOptionId === optionId),
  };
}

/** "Requires", "Excludes"; incoming: "Required by", "Excluded by". */
export function ruleVerb(kind: RuleKind, incoming = false): string {
  if (incoming) return kind === 'requires' ? 'Required by' : 'Excluded by';
  return kind === 'requires' ? 'Requires' : 'Excludes';
}

/**
 * Why the API would refuse the rule, or null. `subcategoryOf` maps option ids to their
 * subcategory; an unknown option is left for the API to judge.
 */
export function ruleProblem(
  draft: { optionId: string; kind: RuleKind; targetOptionId: string },
  rules: readonly AdminRule[],
  subcategoryOf: ReadonlyMap<string, string>,
): string | null {
  if (!draft.targetOptionId) return 'Choose the other option.';
  if (draft.optionId === draft.targetOptionId) return 'An option cannot require or exclude itself.';
  const a = subcategoryOf.get(draft.optionId);
  const b = subcategoryOf.get(draft.targetOptionId);
  if (draft.kind === 'requires' && a && a === b) return 'An option cannot require another choice of the same subcategory: only one can be picked.';
  const between = rules.filter(
    (r) =>
      (r.optionId === draft.optionId && r.targetOptionId === draft.targetOptionId) ||
      (r.optionId === draft.targetOptionId && r.targetOptionId === draft.optionId),
  );
  // Excludes is symmetric, so B-excludes-A already says A-excludes-B.
  if (between.some((r) => r.kind === draft.kind && (r.optionId === draft.optionId || draft.kind === 'excludes'))) return 'This rule already exists.';
  if (between.some((r) => r.kind !== draft.kind)) return 'This contradicts an existing rule between the same options.';
  return null;
}
