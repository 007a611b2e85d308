import { describe, expect, it } from 'vitest';
import type { AdminRule } from './api';
import { ruleProblem, rulesOf, ruleVerb } from './rules';

const rules: AdminRule[] = [
  { id: 'r1', optionId: 'sink', kind: 'excludes', targetOptionId: 'laminate', message: null },
  { id: 'r2', optionId: 'filler', kind: 'requires', targetOptionId: 'gas', message: 'Over the range' },
];
const subcategoryOf = new Map([
  ['sink', 's-sink'],
  ['laminate', 's-counter'],
  ['quartz', 's-counter'],
  ['filler', 's-filler'],
  ['gas', 's-range'],
]);

describe('rules', () => {
  it('Should split an option’s own rules from the rules that point at it', () => {
    expect(rulesOf('sink', rules)).toEqual({ own: [rules[0]], incoming: [] });
    expect(rulesOf('laminate', rules)).toEqual({ own: [], incoming: [rules[0]] });
    expect(ruleVerb('requires')).toBe('Requires');
    expect(ruleVerb('excludes', true)).toBe('Excluded by');
  });

  it('Should accept a new, consistent rule', () => {
    expect(ruleProblem({ optionId: 'sink', kind: 'requires', targetOptionId: 'quartz' }, rules, subcategoryOf)).toBeNull();
  });

  it('Should refuse what the API refuses', () => {
    expect(ruleProblem({ optionId: 'sink', kind: 'requires', targetOptionId: '' }, rules, subcategoryOf)).toMatch(/Choose/);
    expect(ruleProblem({ optionId: 'sink', kind: 'excludes', targetOptionId: 'sink' }, rules, subcategoryOf)).toMatch(/itself/);
    expect(ruleProblem({ optionId: 'laminate', kind: 'requires', targetOptionId: 'quartz' }, rules, subcategoryOf)).toMatch(/same subcategory/);
    // Excludes is symmetric: the reverse pair is the same rule.
    expect(ruleProblem({ optionId: 'laminate', kind: 'excludes', targetOptionId: 'sink' }, rules, subcategoryOf)).toMatch(/already exists/);
    expect(ruleProblem({ optionId: 'filler', kind: 'requires', targetOptionId: 'gas' }, rules, subcategoryOf)).toMatch(/already exists/);
    expect(ruleProblem({ optionId: 'gas', kind: 'excludes', targetOptionId: 'filler' }, rules, subcategoryOf)).toMatch(/contradicts/);
  });

  it('Should allow the reverse of a requirement (both directions may require)', () => {
    expect(ruleProblem({ optionId: 'gas', kind: 'requires', targetOptionId: 'filler' }, rules, subcategoryOf)).toBeNull();
  });
});
