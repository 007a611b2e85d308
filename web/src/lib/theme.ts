/**
 * Builder branding → CSS custom properties.
 *
 * Pure (no DOM access) so it can be unit-tested and used during render:
 * `<div style={themeVars(org.theme)}>`.
 */

export interface Theme {
  primaryColor: string;
  secondaryColor: string;
  accentColor: string;
}

/** Finch's own palette; identical to the column defaults of `organizations`. */
export const DEFAULT_THEME: Theme = {
  primaryColor: '#1f2a44',
  secondaryColor: '#f4f1ea',
  accentColor: '#c8702a',
};

export type ThemeVars = Record<`--${string}`, string>;

const DARK_TEXT = '#111827';
const LIGHT_TEXT = '#ffffff';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Lower-cased `#rrggbb`, or null when `value` is not a 3/6-digit hex colour. */
export function normalizeHex(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (!HEX.test(v)) return null;
  if (v.length === 4) {
    return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`.toLowerCase();
  }
  return v.toLowerCase();
}

/** WCAG relative luminance of a `#rrggbb` colour (0 = black, 1 = white). */
export function relativeLuminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrastRatio(a: number, b: number): number {
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

/** Whichever of near-black / white text reads better on `background` (a `#rrggbb`). */
export function readableTextOn(background: string): string {
  const l = relativeLuminance(background);
  return contrastRatio(l, relativeLuminance(LIGHT_TEXT)) >= contrastRatio(l, relativeLuminance(DARK_TEXT))
    ? LIGHT_TEXT
    : DARK_TEXT;
}

/**
 * CSS custom properties for a builder theme. Colours that are not hex values
 * fall back to Finch's defaults (they come from admin input, so never trust them
 * verbatim in a style attribute). Also emits readable text colours for text
 * placed on the primary/secondary/accent backgrounds.
 */
export function themeVars(theme?: Partial<Theme> | null): ThemeVars {
  const primary = normalizeHex(theme?.primaryColor) ?? DEFAULT_THEME.primaryColor;
  const secondary = normalizeHex(theme?.secondaryColor) ?? DEFAULT_THEME.secondaryColor;
  const accent = normalizeHex(theme?.accentColor) ?? DEFAULT_THEME.accentColor;
  return {
    '--color-primary': primary,
    '--color-secondary': secondary,
    '--color-accent': accent,
    '--color-on-primary': readableTextOn(primary),
    '--color-on-secondary': readableTextOn(secondary),
    '--color-on-accent': readableTextOn(accent),
  };
}
