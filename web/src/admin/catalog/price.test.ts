import { describe, expect, it } from 'vitest';
import { formatDollarsInput, MAX_PRICE_CENTS, parseDollars, priceDraftChanged } from './price';

describe('parseDollars', () => {
  it('Should turn dollar text into integer cents', () => {
    expect(parseDollars('1250')).toEqual({ ok: true, cents: 125000 });
    expect(parseDollars('1,250.5')).toEqual({ ok: true, cents: 125050 });
    expect(parseDollars(' $19.99 ')).toEqual({ ok: true, cents: 1999 });
    expect(parseDollars('0')).toEqual({ ok: true, cents: 0 });
    expect(parseDollars('.75')).toEqual({ ok: true, cents: 75 });
    expect(parseDollars('12.')).toEqual({ ok: true, cents: 1200 });
  });

  it('Should accept credits written with a minus before or after the dollar sign', () => {
    expect(parseDollars('-25')).toEqual({ ok: true, cents: -2500 });
    expect(parseDollars('$-25.10')).toEqual({ ok: true, cents: -2510 });
    expect(parseDollars('\u2212$1,000')).toEqual({ ok: true, cents: -100000 });
  });

  it('Should never produce a negative zero', () => {
    const parsed = parseDollars('-0');
    expect(parsed.ok && Object.is(parsed.cents, -0)).toBe(false);
  });

  it('Should refuse empty, fractional-cent, malformed and out-of-range input', () => {
    for (const bad of ['', '   ', '12.345', 'abc', '1.2.3', '12a', '1,23', '--5', '$', '.', '1e5', '0x10']) {
      expect(parseDollars(bad).ok, bad).toBe(false);
    }
    expect(parseDollars(formatDollarsInput(MAX_PRICE_CENTS)).ok).toBe(true);
    expect(parseDollars('10000000.01').ok).toBe(false);
    expect(parseDollars('-10000000.01').ok).toBe(false);
    expect(parseDollars('99999999999999999999').ok).toBe(false);
  });
});

describe('formatDollarsInput', () => {
  it('Should print cents as editable dollars and round-trip through parseDollars', () => {
    expect(formatDollarsInput(185000)).toBe('1850');
    expect(formatDollarsInput(1999)).toBe('19.99');
    expect(formatDollarsInput(5)).toBe('0.05');
    expect(formatDollarsInput(-2510)).toBe('-25.10');
    for (const cents of [0, 1, 99, 100, 123456, -1, -100000, MAX_PRICE_CENTS]) {
      expect(parseDollars(formatDollarsInput(cents))).toEqual({ ok: true, cents });
    }
  });

  it('Should tell a changed draft from an unchanged one', () => {
    expect(priceDraftChanged('1850', 185000)).toBe(false);
    expect(priceDraftChanged('1,850.00', 185000)).toBe(false);
    expect(priceDraftChanged('1851', 185000)).toBe(true);
    expect(priceDraftChanged('oops', 185000)).toBe(true);
  });
});
