import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, normalizeHex, readableTextOn, themeVars } from './theme';

describe('themeVars', () => {
  it('Should map the org colours to CSS custom properties', () => {
    const vars = themeVars({ primaryColor: '#1F2A44', secondaryColor: '#f4f1ea', accentColor: '#c8702a' });
    expect(vars['--color-primary']).toBe('#1f2a44');
    expect(vars['--color-secondary']).toBe('#f4f1ea');
    expect(vars['--color-accent']).toBe('#c8702a');
  });

  it('Should pick readable text colours for each background', () => {
    const vars = themeVars({ primaryColor: '#1f2a44', secondaryColor: '#ffffff', accentColor: '#ffd500' });
    expect(vars['--color-on-primary']).toBe('#ffffff');
    expect(vars['--color-on-secondary']).toBe('#111827');
    expect(vars['--color-on-accent']).toBe('#111827');
  });

  it('Should expand 3-digit hex colours', () => {
    expect(themeVars({ primaryColor: '#abc', secondaryColor: '#fff', accentColor: '#000' })['--color-primary']).toBe('#aabbcc');
  });

  it('Should fall back to the Finch defaults for a missing theme', () => {
    const vars = themeVars(null);
    expect(vars['--color-primary']).toBe(DEFAULT_THEME.primaryColor);
    expect(vars['--color-secondary']).toBe(DEFAULT_THEME.secondaryColor);
    expect(vars['--color-accent']).toBe(DEFAULT_THEME.accentColor);
  });

  it('Should reject values that are not hex colours instead of passing them into styles', () => {
    const vars = themeVars({ primaryColor: 'red; background: url(https://x)', secondaryColor: 'rgb(0,0,0)', accentColor: '#12345' });
    expect(vars['--color-primary']).toBe(DEFAULT_THEME.primaryColor);
    expect(vars['--color-secondary']).toBe(DEFAULT_THEME.secondaryColor);
    expect(vars['--color-accent']).toBe(DEFAULT_THEME.accentColor);
  });

  it('Should only emit the documented custom properties', () => {
    expect(Object.keys(themeVars(DEFAULT_THEME)).sort()).toEqual([
      '--color-accent',
      '--color-on-accent',
      '--color-on-primary',
      '--color-on-secondary',
      '--color-primary',
      '--color-secondary',
    ]);
  });
});

describe('normalizeHex / readableTextOn', () => {
  it('Should return null for non-strings', () => {
    expect(normalizeHex(undefined)).toBeNull();
    expect(normalizeHex(0x123456)).toBeNull();
  });

  it('Should choose white on black and dark text on white', () => {
    expect(readableTextOn('#000000')).toBe('#ffffff');
    expect(readableTextOn('#ffffff')).toBe('#111827');
  });
});
