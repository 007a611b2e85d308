/** Money is carried as integer cents everywhere; this is the one place it becomes text. */

const WHOLE_DOLLARS = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

const WITH_CENTS = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * `150000` → `"$1,500"`, `1999` → `"$19.99"`, `-2500` → `"-$25"`.
 * Whole-dollar amounts drop the fraction digits. Non-integer input is rounded
 * to the nearest cent; non-finite input renders as an em dash.
 */
export function formatCents(cents: number): string {
  if (!Number.isFinite(cents)) return '—';
  // `|| 0` turns -0 (e.g. Math.round(-0.4)) into 0 so zero never prints as "-$0".
  const whole = Math.round(cents) || 0;
  return whole % 100 === 0 ? WHOLE_DOLLARS.format(whole / 100) : WITH_CENTS.format(whole / 100);
}
