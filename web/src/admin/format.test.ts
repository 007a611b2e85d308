import { describe, expect, it } from 'vitest';
import { buyerLabel, formatDateTime, formatRelative, linkify, plural, roleLabel, sameOriginPath } from './format';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('formatRelative', () => {
  it('Should describe recent times in words', () => {
    expect(formatRelative(NOW - 10_000, NOW)).toBe('just now');
    expect(formatRelative(NOW + 60_000, NOW)).toBe('just now');
    expect(formatRelative(NOW - 5 * 60_000, NOW)).toBe('5 min ago');
    expect(formatRelative(NOW - 3 * 3_600_000, NOW)).toBe('3 h ago');
    expect(formatRelative(NOW - 30 * 3_600_000, NOW)).toBe('yesterday');
    expect(formatRelative(NOW - 3 * 86_400_000, NOW)).toBe('3 days ago');
  });

  it('Should fall back to a date after a week', () => {
    expect(formatRelative(NOW - 30 * 86_400_000, NOW)).toMatch(/Dec 16, 2025/);
  });
});

describe('formatDateTime', () => {
  it('Should print a dash for a missing time', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(Number.NaN)).toBe('—');
    expect(formatDateTime(NOW)).toMatch(/Jan 15, 2026/);
  });
});

describe('labels', () => {
  it('Should name roles, anonymous buyers and counts', () => {
    expect(roleLabel('admin')).toBe('Admin');
    expect(roleLabel('viewer')).toBe('Viewer');
    expect(roleLabel(null)).toBe('Viewer');
    expect(buyerLabel(null)).toBe('Anonymous buyer');
    expect(buyerLabel('a@b.co')).toBe('a@b.co');
    expect(plural(1, 'upgrade')).toBe('1 upgrade');
    expect(plural(0, 'upgrade')).toBe('0 upgrades');
  });
});

describe('linkify', () => {
  it('Should split a body into text and links, leaving sentence punctuation outside', () => {
    const body = 'Accept here (7 days):\n\nhttp://summit.localhost:8787/admin/invite/abc_DEF-1.\nThanks';
    expect(linkify(body)).toEqual([
      { kind: 'text', text: 'Accept here (7 days):\n\n' },
      { kind: 'link', text: 'http://summit.localhost:8787/admin/invite/abc_DEF-1', href: 'http://summit.localhost:8787/admin/invite/abc_DEF-1' },
      { kind: 'text', text: '.\nThanks' },
    ]);
  });

  it('Should leave text without links alone and ignore non-http schemes', () => {
    expect(linkify('javascript:alert(1) and ftp://x')).toEqual([{ kind: 'text', text: 'javascript:alert(1) and ftp://x' }]);
    expect(linkify('')).toEqual([]);
  });

  it('Should keep a redacted link as a link to the host only', () => {
    expect(linkify('http://summit.localhost/[link hidden]')).toEqual([
      { kind: 'link', text: 'http://summit.localhost/', href: 'http://summit.localhost/' },
      { kind: 'text', text: '[link hidden]' },
    ]);
  });

  it('Should find several links and stop at quotes and angle brackets', () => {
    const segs = linkify('<https://a.test/x> "https://b.test/y"');
    expect(segs.filter((s) => s.kind === 'link').map((s) => s.text)).toEqual(['https://a.test/x', 'https://b.test/y']);
  });
});

describe('sameOriginPath', () => {
  it('Should turn a link to this site into a path and refuse others', () => {
    expect(sameOriginPath('http://summit.localhost:8787/admin/invite/t?x=1', 'http://summit.localhost:8787')).toBe('/admin/invite/t?x=1');
    expect(sameOriginPath('http://harbor.localhost:8787/admin', 'http://summit.localhost:8787')).toBeNull();
    expect(sameOriginPath('not a url', 'http://summit.localhost:8787')).toBeNull();
  });
});
