/** Real and hand-built upload files for the sniffer and upload route tests. */
import { encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';

const enc = new TextEncoder();

export function realPng(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
  return encodePng({ width, height, data, channels: 3, depth: 8 });
}

export function realJpeg(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4).fill(128);
  const { data: out } = jpeg.encode({ data, width, height }, 80);
  const bytes = out as unknown as Uint8Array;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The canonical 1x1 lossless WebP. */
export const WEBP_1X1 = Uint8Array.from(atob('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=='), (c) => c.charCodeAt(0));

export function riff(chunks: Array<[string, Uint8Array]>): Uint8Array {
  const parts: number[] = [];
  for (const [type, data] of chunks) {
    parts.push(...enc.encode(type), data.length & 0xff, (data.length >> 8) & 0xff, (data.length >> 16) & 0xff, data.length >>> 24, ...data);
    if (data.length & 1) parts.push(0);
  }
  const size = 4 + parts.length;
  return Uint8Array.from([...enc.encode('RIFF'), size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, size >>> 24, ...enc.encode('WEBP'), ...parts]);
}

/** A VP8L header for w x h (the pixel stream after it is never decoded by the sniffer). */
export function vp8lWebp(width: number, height: number): Uint8Array {
  const bits = (width - 1) | ((height - 1) << 14);
  return riff([['VP8L', Uint8Array.from([0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff, 0, 0, 0])]]);
}

export function vp8Frame(width: number, height: number): Uint8Array {
  return Uint8Array.from([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, width & 0xff, (width >> 8) & 0x3f, height & 0xff, (height >> 8) & 0x3f, 0, 0]);
}

export function glb(opts: { version?: number; lengthDelta?: number; json?: string; bin?: Uint8Array; magic?: string } = {}): Uint8Array {
  let json = enc.encode(opts.json ?? '{"asset":{"version":"2.0"},"scenes":[{"nodes":[]}]}');
  const padded = new Uint8Array(Math.ceil(json.length / 4) * 4).fill(0x20);
  padded.set(json);
  json = padded;
  const bin = opts.bin ?? new Uint8Array(8);
  const total = 12 + 8 + json.length + (bin.length ? 8 + bin.length : 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(enc.encode(opts.magic ?? 'glTF'), 0);
  view.setUint32(4, opts.version ?? 2, true);
  view.setUint32(8, total + (opts.lengthDelta ?? 0), true);
  view.setUint32(12, json.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(json, 20);
  if (bin.length) {
    view.setUint32(20 + json.length, bin.length, true);
    view.setUint32(24 + json.length, 0x004e4942, true);
    out.set(bin, 28 + json.length);
  }
  return out;
}

