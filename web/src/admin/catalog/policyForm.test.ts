import { describe, expect, it } from 'vitest';
import { parsePolicyDraft, policyDraft, sameDraft } from './policyForm';

describe('policyForm', () => {
  it('Should round-trip a stored policy through the form', () => {
    const policy = { rules: ['Keep the island.', 'Range stays slide-in.'], secondPass: { instructions: 'Straighten the hood.' }, startFromComposite: true };
    const draft = policyDraft(policy);
    expect(draft).toEqual({ rules: 'Keep the island.\nRange stays slide-in.', secondPass: 'Straighten the hood.', startFromComposite: true });
    expect(parsePolicyDraft(draft)).toEqual({ ok: true, body: policy });
  });

  it('Should show the defaults for no policy and send an explicit clear', () => {
    const draft = policyDraft(null);
    expect(draft).toEqual({ rules: '', secondPass: '', startFromComposite: false });
    expect(parsePolicyDraft(draft)).toEqual({ ok: true, body: { rules: [], secondPass: null, startFromComposite: false } });
  });

  it('Should drop blank lines and trim, and compare drafts by value', () => {
    const parsed = parsePolicyDraft({ rules: '\n  Keep the island.  \n\n', secondPass: '   ', startFromComposite: false });
    expect(parsed).toEqual({ ok: true, body: { rules: ['Keep the island.'], secondPass: null, startFromComposite: false } });
    expect(sameDraft(policyDraft(null), { rules: '', secondPass: '', startFromComposite: false })).toBe(true);
    expect(sameDraft(policyDraft(null), { rules: '', secondPass: '', startFromComposite: true })).toBe(false);
  });

  it('Should refuse more than 20 rules or text over 2000 characters, saying which', () => {
    expect(parsePolicyDraft({ rules: Array.from({ length: 21 }, (_, i) => `r${i}`).join('\n'), secondPass: '', startFromComposite: false })).toEqual({
      ok: false,
      error: 'At most 20 rules (one per line).',
    });
    const long = 'x'.repeat(2001);
    expect(parsePolicyDraft({ rules: `ok\n${long}`, secondPass: '', startFromComposite: false })).toMatchObject({ ok: false, error: expect.stringContaining('Rule 2') });
    expect(parsePolicyDraft({ rules: '', secondPass: long, startFromComposite: false })).toMatchObject({ ok: false, error: expect.stringContaining('correction pass') });
  });
});
