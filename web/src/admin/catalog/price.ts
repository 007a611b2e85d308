/**
 * Dollars typed by a person <-> integer cents stored by the API. Pure.
 *
 * Parsing is strict rather than forgiving: a price that silently became something else
 * (e.g. "12.345" rounded, "1.2.3" truncated) would be worse than asking again.
 */

/** The API's bounds (worker/services/admin-catalog.ts `priceCents`): credits are allowed. */
export const MAX_PRICE_CENTS = 1_000_000_000;

export type PriceParse = { ok: true; cents: number } | { ok: false; error: string };

/** Grouping commas must sit between groups of three ("1,234", not "1,23,4"). */
const AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d{0,2})?$/;

/**
 * `"1,234.50"` -> 123450, `"$19"` -> 1900, `"-25"` -> -2500 (a credit).
 * Rejects empty input, more than two decimals, letters and amounts past the API's bounds.
 */
export function parseDollars(input: string): PriceParse {
  let text = input.trim().replace(/\s+/g, '');
  if (!text) return { ok: false, error: 'Enter a price (0 for included).' };
  let negative = false;
  // A leading minus (ASCII or the typographic one formatCents prints) before or after "$".
  if (/^[-\u2212]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  if (text.startsWith('$')) text = text.slice(1);
  if (!negative && /^[-\u2212]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  if (!text || text === '.' || !AMOUNT.test(text)) {
    return { ok: false, error: 'Use a dollar amount like 1250 or 1,250.50 (at most two decimals).' };
  }
  const [whole = '', fraction = ''] = text.replace(/,/g, '').split('.');
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents) || cents > MAX_PRICE_CENTS) {
    return { ok: false, error: `Prices are limited to ${formatDollarsInput(MAX_PRICE_CENTS)} dollars either way.` };
  }
  return { ok: true, cents: negative ? -cents || 0 : cents };
}

/** 123450 -> `"1234.50"`, 1900 -> `"19"`, -2500 -> `"-25"`: what an edit field starts with. */
export function formatDollarsInput(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(fraction).padStart(2, '0')}`;
}

/** Whether a draft differs from the saved price (an unparsable draft always counts as a change). */
export function priceDraftChanged(draft: string, savedCents: number): boolean {
  const parsed = parseDollars(draft);
  return !parsed.ok || parsed.cents !== savedCents;
}
