import { describe, expect, it } from 'vitest';
import { imageStatusLabel, isFiltered, parseImageStatus, parseSessionFilter, sessionFilterParams } from './filters';

const FP = '0b7e1e55-6f0c-4a0e-9b1a-3c2d4e5f6a7b';

describe('session filter', () => {
  it('Should read the email search and floorplan id from the URL', () => {
    expect(parseSessionFilter(new URLSearchParams(`email=%20jo%40ex%20&floorplan=${FP.toUpperCase()}`))).toEqual({ email: 'jo@ex', floorplanId: FP });
  });

  it('Should drop a floorplan that is not an id and cap the search length', () => {
    const f = parseSessionFilter(new URLSearchParams(`email=${'a'.repeat(400)}&floorplan=kinkade`));
    expect(f.floorplanId).toBe('');
    expect(f.email).toHaveLength(254);
    expect(parseSessionFilter(new URLSearchParams(''))).toEqual({ email: '', floorplanId: '' });
  });

  it('Should write only the set values back, and round-trip', () => {
    expect(sessionFilterParams({ email: '  ', floorplanId: '' })).toEqual({});
    const f = { email: 'jo', floorplanId: FP };
    expect(parseSessionFilter(new URLSearchParams(sessionFilterParams(f)))).toEqual(f);
    expect(isFiltered(f)).toBe(true);
    expect(isFiltered({ email: '', floorplanId: '' })).toBe(false);
  });
});

describe('image status', () => {
  it('Should accept only the statuses the API knows', () => {
    expect(parseImageStatus('failed')).toBe('failed');
    expect(parseImageStatus('FAILED')).toBeNull();
    expect(parseImageStatus('all')).toBeNull();
    expect(parseImageStatus(null)).toBeNull();
    expect(imageStatusLabel('pending')).toBe('Generating');
  });
});
