import { describe, expect, it } from 'vitest';
import { crc32, exifOrientation, sniffGlb, sniffImage } from './upload-sniff';
import { glb, realJpeg, realPng, riff, vp8Frame, vp8lWebp, WEBP_1X1 } from './upload-sniff.fixture';

const enc = new TextEncoder();

/** An APP1 Exif payload (big-endian TIFF) carrying only the Orientation tag. */
function exifApp1(orientation: number): Uint8Array {
  return Uint8Array.from([
    ...enc.encode('Exif\0\0'),
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // MM, 42, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  ]);
}

function withApp1(jpegBytes: Uint8Array, app1: Uint8Array): Uint8Array {
  const len = app1.length + 2;
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, len >> 8, len & 0xff, ...app1, ...jpegBytes.subarray(2)]);
}

describe('sniffImage: PNG', () => {
  it('Should read the size of a real PNG', () => {
    expect(sniffImage(realPng(37, 21))).toEqual({ ok: true, info: { kind: 'png', ext: 'png', contentType: 'image/png', width: 37, height: 21 } });
  });

  it('Should refuse a PNG cut off before IEND', () => {
    const png = realPng(16, 16);
    expect(sniffImage(png.subarray(0, png.length - 12)).ok).toBe(false);
    expect(sniffImage(png.subarray(0, png.length - 30))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('Should refuse a bare PNG signature and a signature followed by junk', () => {
    const sig = realPng(4, 4).subarray(0, 8);
    expect(sniffImage(sig)).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffImage(Uint8Array.from([...sig, ...enc.encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')]))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('Should refuse a PNG whose header was tampered with', () => {
    const png = realPng(8, 8).slice();
    png[19] = 9; // width changes, the IHDR CRC no longer matches
    expect(sniffImage(png)).toEqual({ ok: false, reason: 'corrupt' });
    const badDepth = realPng(8, 8).slice();
    badDepth[24] = 3;
    expect(sniffImage(badDepth).ok).toBe(false);
  });

  it('Should refuse a PNG with no image data', () => {
    const png = realPng(8, 8);
    // Signature + IHDR chunk (8 + 25 bytes) then IEND straight away.
    const iend = png.subarray(png.length - 12);
    expect(sniffImage(Uint8Array.from([...png.subarray(0, 33), ...iend]))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('Should compute the standard CRC-32', () => {
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(enc.encode('IEND'))).toBe(0xae426082);
  });
});

describe('sniffImage: JPEG', () => {
  it('Should read the size of a real JPEG', () => {
    expect(sniffImage(realJpeg(40, 24))).toEqual({ ok: true, info: { kind: 'jpeg', ext: 'jpg', contentType: 'image/jpeg', width: 40, height: 24 } });
  });

  it('Should refuse a JPEG cut off in the middle of its scan', () => {
    const jpg = realJpeg(64, 64);
    expect(sniffImage(jpg.subarray(0, jpg.length - 2))).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffImage(jpg.subarray(0, Math.floor(jpg.length / 2)))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('Should refuse a JPEG without a frame header (SOF)', () => {
    // SOI, a comment, a scan header, one byte of data, EOI: no SOFn anywhere.
    const noSof = Uint8Array.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x04, 0x68, 0x69, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0xff, 0xd9]);
    expect(sniffImage(noSof)).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]))).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff]))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('Should swap the sides of a JPEG whose EXIF orientation turns it by 90 degrees', () => {
    const jpg = realJpeg(40, 24);
    expect(sniffImage(withApp1(jpg, exifApp1(6)))).toMatchObject({ ok: true, info: { width: 24, height: 40 } });
    expect(sniffImage(withApp1(jpg, exifApp1(3)))).toMatchObject({ ok: true, info: { width: 40, height: 24 } });
  });

  it('Should ignore unreadable EXIF instead of failing the image', () => {
    expect(exifOrientation(enc.encode('Exif\0\0garbage-garbage'))).toBe(1);
    expect(exifOrientation(exifApp1(8).subarray(0, 20))).toBe(1);
    expect(exifOrientation(exifApp1(8))).toBe(8);
  });
});

describe('sniffImage: WebP', () => {
  it('Should read the size of lossless, lossy and extended WebP', () => {
    expect(sniffImage(WEBP_1X1)).toEqual({ ok: true, info: { kind: 'webp', ext: 'webp', contentType: 'image/webp', width: 1, height: 1 } });
    expect(sniffImage(vp8lWebp(1536, 1024))).toMatchObject({ ok: true, info: { width: 1536, height: 1024 } });
    expect(sniffImage(riff([['VP8 ', vp8Frame(1200, 1100)]]))).toMatchObject({ ok: true, info: { width: 1200, height: 1100 } });
    const vp8x = Uint8Array.from([0, 0, 0, 0, 0xff, 0x07, 0x00, 0x7f, 0x04, 0x00]); // 2048 x 1152
    expect(sniffImage(riff([['VP8X', vp8x], ['VP8 ', vp8Frame(2048, 1152)]]))).toMatchObject({ ok: true, info: { width: 2048, height: 1152 } });
  });

  it('Should refuse a WebP cut off or missing its image chunk', () => {
    expect(sniffImage(WEBP_1X1.subarray(0, WEBP_1X1.length - 4))).toEqual({ ok: false, reason: 'corrupt' });
    const vp8x = Uint8Array.from([0, 0, 0, 0, 0xff, 0x07, 0x00, 0x7f, 0x04, 0x00]);
    expect(sniffImage(riff([['VP8X', vp8x]]))).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffImage(riff([['VP8 ', Uint8Array.from([0x10, 0x02, 0x00, 0, 0, 0, 1, 0, 1, 0])]]))).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffImage(riff([['ICCP', new Uint8Array(4)]]))).toEqual({ ok: false, reason: 'corrupt' });
  });
});

describe('sniffImage: everything else', () => {
  it('Should call SVG, HTML, GIF, text and empty input unsupported', () => {
    for (const body of [
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
      '<?xml version="1.0"?><svg/>',
      '<!doctype html><script>alert(1)</script>',
      'GIF89a\x01\x00\x01\x00',
      'hello',
      '',
    ]) {
      expect(sniffImage(enc.encode(body))).toEqual({ ok: false, reason: 'unsupported' });
    }
    expect(sniffImage(glb())).toEqual({ ok: false, reason: 'unsupported' });
  });
});

describe('sniffGlb', () => {
  it('Should accept a well-formed glTF 2.0 binary with and without a BIN chunk', () => {
    expect(sniffGlb(glb())).toEqual({ ok: true, info: { ext: 'glb', contentType: 'model/gltf-binary', binLength: 8 } });
    expect(sniffGlb(glb({ bin: new Uint8Array(0) }))).toMatchObject({ ok: true, info: { binLength: 0 } });
  });

  it('Should refuse a bad magic as unsupported', () => {
    expect(sniffGlb(glb({ magic: 'gltf' }))).toEqual({ ok: false, reason: 'unsupported' });
    expect(sniffGlb(realPng(4, 4))).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('Should refuse version 1 and a declared length that differs from the byte count', () => {
    expect(sniffGlb(glb({ version: 1 }))).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffGlb(glb({ lengthDelta: 4 }))).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffGlb(glb({ lengthDelta: -4 }))).toEqual({ ok: false, reason: 'corrupt' });
    const whole = glb();
    expect(sniffGlb(whole.subarray(0, whole.length - 4))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('Should refuse chunks that overrun the file or a JSON chunk that is not glTF 2', () => {
    const overrun = glb().slice();
    new DataView(overrun.buffer).setUint32(12, 4096, true);
    expect(sniffGlb(overrun)).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffGlb(glb({ json: '{"asset":{"version":"1.0"}}' }))).toEqual({ ok: false, reason: 'corrupt' });
    expect(sniffGlb(glb({ json: 'not json at all' }))).toEqual({ ok: false, reason: 'corrupt' });
  });
});
