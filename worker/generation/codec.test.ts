import { encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { ImageDecodeError, decodeImage, encodeImage, readImageSize, sniffImageType, type RgbaImage } from './codec';

function gradient(width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 7) & 255;
      data[i + 1] = (y * 5) & 255;
      data[i + 2] = (x * y) & 255;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

function encodeJpeg(image: RgbaImage, quality = 90): Uint8Array {
  const { data } = jpeg.encode({ data: image.data, width: image.width, height: image.height }, quality);
  return new Uint8Array(data);
}

describe('sniffImageType', () => {
  it('Should recognise JPEG, PNG and WebP by their magic bytes and nothing else', async () => {
    const image = gradient(8, 4);
    expect(sniffImageType(encodeJpeg(image))).toBe('image/jpeg');
    expect(sniffImageType(encodePng({ width: 8, height: 4, data: image.data, channels: 4 }))).toBe('image/png');
    expect(sniffImageType((await encodeImage(image, 'webp')).bytes)).toBe('image/webp');

    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('GIF89a......'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});

describe('readImageSize', () => {
  it('Should read the size from JPEG, PNG and both kinds of WebP headers', async () => {
    const image = gradient(37, 21);
    expect(readImageSize(encodeJpeg(image))).toEqual({ type: 'image/jpeg', width: 37, height: 21 });
    expect(readImageSize(encodePng({ width: 37, height: 21, data: image.data, channels: 4 }))).toEqual({ type: 'image/png', width: 37, height: 21 });
    expect(readImageSize((await encodeImage(image, 'webp')).bytes)).toEqual({ type: 'image/webp', width: 37, height: 21 });

    // A hand-built VP8X (extended WebP) header: 24-bit width-1 and height-1.
    const vp8x = new Uint8Array(30);
    vp8x.set(new TextEncoder().encode('RIFF'), 0);
    vp8x.set(new TextEncoder().encode('WEBPVP8X'), 8);
    vp8x.set([0xff, 0x05, 0x00, 0xff, 0x03, 0x00], 24); // 1536 x 1024
    expect(readImageSize(vp8x)).toEqual({ type: 'image/webp', width: 1536, height: 1024 });
  });

  it('Should return null for a header cut short or a JPEG without a frame header', () => {
    const png = encodePng({ width: 4, height: 4, data: new Uint8Array(64), channels: 4 });
    expect(readImageSize(png.slice(0, 20))).toBeNull();
    expect(readImageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    expect(readImageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toBeNull();
  });
});

describe('decodeImage / encodeImage', () => {
  it('Should round-trip RGBA through WebP and PNG without changing a single byte', async () => {
    const image = gradient(123, 45);
    image.data[3] = 0; // a transparent pixel survives too
    for (const format of ['webp', 'png'] as const) {
      const encoded = await encodeImage(image, format);
      expect(encoded.mimeType).toBe(format === 'webp' ? 'image/webp' : 'image/png');
      expect(sniffImageType(encoded.bytes)).toBe(encoded.mimeType);
      const decoded = await decodeImage(encoded.bytes);
      expect([decoded.width, decoded.height]).toEqual([123, 45]);
      expect(decoded.data).toEqual(image.data);
    }
  });

  it('Should decode a JPEG to RGBA of its size, close to what was encoded', async () => {
    const image = gradient(64, 48);
    const decoded = await decodeImage(encodeJpeg(image, 95));
    expect(decoded.type).toBe('image/jpeg');
    expect([decoded.width, decoded.height, decoded.data.length]).toEqual([64, 48, 64 * 48 * 4]);
    let maxDiff = 0;
    for (let i = 0; i < decoded.data.length; i += 4) maxDiff = Math.max(maxDiff, Math.abs(decoded.data[i + 1]! - image.data[i + 1]!));
    expect(maxDiff).toBeLessThan(16);
    expect(decoded.data[3]).toBe(255);
  });

  it('Should expand grey, RGB and 16-bit PNGs to 8-bit RGBA', async () => {
    const grey = await decodeImage(encodePng({ width: 2, height: 1, data: new Uint8Array([10, 200]), channels: 1 }));
    expect(Array.from(grey.data)).toEqual([10, 10, 10, 255, 200, 200, 200, 255]);
    const rgb = await decodeImage(encodePng({ width: 1, height: 1, data: new Uint8Array([1, 2, 3]), channels: 3 }));
    expect(Array.from(rgb.data)).toEqual([1, 2, 3, 255]);
    const deep = await decodeImage(encodePng({ width: 1, height: 1, data: new Uint16Array([0xffff, 0x8080, 0, 0xffff]), channels: 4, depth: 16 }));
    expect(Array.from(deep.data)).toEqual([255, 128, 0, 255]);
  });

  it('Should reject garbage, truncated and corrupt images with ImageDecodeError, and keep working afterwards', async () => {
    const good = encodeJpeg(gradient(80, 60));
    const truncated = good.slice(0, good.length / 2);
    // Its header is intact, so this one gets past the header check and fails inside the WASM decoder.
    expect(readImageSize(truncated)).toEqual({ type: 'image/jpeg', width: 80, height: 60 });
    const scrambled = good.slice();
    scrambled.fill(0xab, 2, 64);
    const bad = [new Uint8Array(), new TextEncoder().encode('not an image'), truncated, scrambled];
    for (const bytes of bad) {
      await expect(decodeImage(bytes)).rejects.toBeInstanceOf(ImageDecodeError);
    }
    const decoded = await decodeImage(good);
    expect([decoded.width, decoded.height]).toEqual([80, 60]);
  });

  it('Should refuse an image whose header declares too many pixels before decoding it', async () => {
    const png = encodePng({ width: 4, height: 4, data: new Uint8Array(64), channels: 4 });
    const huge = png.slice();
    huge.set([0, 0, 0x1f, 0x40, 0, 0, 0x1f, 0x40], 16); // 8000 x 8000
    await expect(decodeImage(huge)).rejects.toThrow(/too large \(8000x8000\)/);
    await expect(decodeImage(png, { maxPixels: 15 })).rejects.toBeInstanceOf(ImageDecodeError);
    expect((await decodeImage(png, { maxPixels: 16 })).width).toBe(4);
  });

  it('Should refuse to encode a buffer that does not match its size', async () => {
    await expect(encodeImage({ width: 4, height: 4, data: new Uint8Array(63) })).rejects.toBeInstanceOf(RangeError);
  });
});
