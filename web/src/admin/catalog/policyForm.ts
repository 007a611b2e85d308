/**
 * The photo's visualizer policy as the admin form edits it: rules one per line, an optional
 * correction pass, and whether Gemini starts from the composited image. Pure, so the text
 * <-> API mapping is tested without a DOM. The API (PUT /step-photos/:id/policy) stores only
 * what differs from the defaults and answers `null` for all-defaults.
 */
import { POLICY_MAX_CHARS as MAX_PROMPT_CHARS, POLICY_MAX_RULES as MAX_RULES, type PhotoPolicy } from '../../../../worker/domain/photo-policy';

export type { PhotoPolicy };

export interface PolicyDraft {
  rules: string;
  secondPass: string;
  startFromComposite: boolean;
}


export function policyDraft(policy: PhotoPolicy | null): PolicyDraft {
  return {
    rules: (policy?.rules ?? []).join('\n'),
    secondPass: policy?.secondPass?.instructions ?? '',
    startFromComposite: policy?.startFromComposite === true,
  };
}

export const sameDraft = (a: PolicyDraft, b: PolicyDraft) =>
  a.rules === b.rules && a.secondPass === b.secondPass && a.startFromComposite === b.startFromComposite;

/** The PUT body, or what to fix first. Blank lines are dropped; every field is always sent, so saving clears. */
export function parsePolicyDraft(draft: PolicyDraft): { ok: true; body: Required<PhotoPolicy> } | { ok: false; error: string } {
  const rules = draft.rules
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean);
  if (rules.length > MAX_RULES) return { ok: false, error: `At most ${MAX_RULES} rules (one per line).` };
  const tooLong = rules.findIndex((r) => r.length > MAX_PROMPT_CHARS);
  if (tooLong >= 0) return { ok: false, error: `Rule ${tooLong + 1} is longer than ${MAX_PROMPT_CHARS} characters.` };
  const instructions = draft.secondPass.trim();
  if (instructions.length > MAX_PROMPT_CHARS) return { ok: false, error: `The correction pass is longer than ${MAX_PROMPT_CHARS} characters.` };
  return { ok: true, body: { rules, secondPass: instructions ? { instructions } : null, startFromComposite: draft.startFromComposite } };
}
