import { describe, expect, it } from 'vitest';
import { b64decode, b64encode, b64url, timingSafeEqual } from './bytes';

describe('bytes', () => {
  it('Should round-trip every byte value through base64, across chunk boundaries', () => {
    // 100,003 bytes: several 32 KiB chunks and a ragged tail, every byte value many times.
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) & 0xff);
    const encoded = b64encode(bytes);
    expect(encoded.length).toBe(Math.ceil(bytes.length / 3) * 4);
    expect(b64decode(encoded)).toEqual(bytes);
  });

  it('Should match the standard encoding for a known value', () => {
    expect(b64encode(new TextEncoder().encode('finch?>'))).toBe('ZmluY2g/Pg==');
    expect(b64url(new TextEncoder().encode('finch?>'))).toBe('ZmluY2g_Pg');
    expect(b64encode(new Uint8Array())).toBe('');
  });

  it('Should compare equal arrays as equal and any difference or length mismatch as not', () => {
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
