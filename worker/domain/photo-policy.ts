/**
 * A room photo's visualizer policy as stored (generation_policies.policy) and edited by staff;
 * the Gemini provider reads it (worker/generation/prompt.ts). Pure, shared with the admin form.
 */
export interface PhotoPolicy {
  rules?: string[];
  secondPass?: { instructions: string } | null;
  startFromComposite?: boolean;
}

export const POLICY_MAX_RULES = 20;
export const POLICY_MAX_CHARS = 2000;
