import { describe, expect, it } from 'vitest';
import { formatCents } from './money';

describe('formatCents', () => {
  it('Should drop the fraction digits for whole dollars', () => {
    expect(formatCents(150_000)).toBe('$1,500');
    expect(formatCents(100)).toBe('$1');
  });

  it('Should show cents when the amount is not whole dollars', () => {
    expect(formatCents(1_999)).toBe('$19.99');
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(150_050)).toBe('$1,500.50');
  });

  it('Should format zero as $0 (including negative zero)', () => {
    expect(formatCents(0)).toBe('$0');
    expect(formatCents(-0)).toBe('$0');
    expect(formatCents(-0.4)).toBe('$0');
  });

  it('Should format negative amounts with a leading minus sign', () => {
    expect(formatCents(-2_500)).toBe('-$25');
    expect(formatCents(-1_999)).toBe('-$19.99');
  });

  it('Should format large amounts with grouping', () => {
    expect(formatCents(123_456_789_00)).toBe('$123,456,789');
    expect(formatCents(900_719_925_474_099)).toBe('$9,007,199,254,740.99');
  });

  it('Should round fractional cents to the nearest cent', () => {
    expect(formatCents(1_999.6)).toBe('$20');
  });

  it('Should render non-finite input as an em dash', () => {
    expect(formatCents(Number.NaN)).toBe('—');
    expect(formatCents(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
