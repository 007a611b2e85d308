/**
 * Decides what an uploaded file is from its bytes alone (never the client's Content-Type
 * or file name) and reads image dimensions from the headers, without decoding pixels.
 *
 * Every accepted file is also walked end to end at the container level (PNG chunks to
 * IEND, JPEG markers through the scans to EOI, WebP RIFF chunks, GLB chunks), so a file
 * that was cut off in transit is refused rather than stored and served broken. Libraries
 * such as `image-size` read dimensions only; they neither detect truncation nor refuse
 * formats we do not serve (SVG, GIF…), so we would still need this walk.
 */

export type ImageKind = 'png' | 'jpeg' | 'webp';

export interface ImageInfo {
  kind: ImageKind;
  ext: 'png' | 'jpg' | 'webp';
  contentType: 'image/png' | 'image/jpeg' | 'image/webp';
  /** As displayed: a JPEG whose EXIF orientation rotates it by 90° reports swapped sides. */
  width: number;
  height: number;
}

export interface GlbInfo {
  ext: 'glb';
  contentType: 'model/gltf-binary';
  /** Bytes of the binary buffer chunk (0 when the model has none). */
  binLength: number;
}

/** `unsupported`: not a format we take; `corrupt`: the right signature but broken or cut off. */
export type SniffFailure = { ok: false; reason: 'unsupported' | 'corrupt' };
export type Sniffed<T> = { ok: true; info: T } | SniffFailure;

const unsupported: SniffFailure = { ok: false, reason: 'unsupported' };
const corrupt: SniffFailure = { ok: false, reason: 'corrupt' };

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32le = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

export function sniffImage(bytes: Uint8Array): Sniffed<ImageInfo> {
  if (startsWith(bytes, PNG_SIGNATURE)) return parsePng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return parseJpeg(bytes);
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return parseWebp(bytes);
  return unsupported;
}

// ------------------------------------------------------------------ PNG

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** Bit depths each PNG colour type allows (PNG spec, table 11.1). */
const PNG_DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const PNG_MAX_CHUNK = 0x7fffffff;

let crcTable: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function parsePng(b: Uint8Array): Sniffed<ImageInfo> {
  // IHDR must be the first chunk, 13 bytes long.
  if (b.length < 33 || u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return corrupt;
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  const [depth, colorType, compression, filter, interlace] = [b[24]!, b[25]!, b[26]!, b[27]!, b[28]!];
  if (width === 0 || height === 0 || width > PNG_MAX_CHUNK || height > PNG_MAX_CHUNK) return corrupt;
  if (!PNG_DEPTHS[colorType]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) return corrupt;
  if (crc32(b.subarray(12, 29)) !== u32be(b, 29)) return corrupt;

  let pos = 8;
  let sawData = false;
  while (pos + 12 <= b.length) {
    const length = u32be(b, pos);
    if (length > PNG_MAX_CHUNK) return corrupt;
    const end = pos + 12 + length;
    if (end > b.length) return corrupt;
    for (let i = pos + 4; i < pos + 8; i++) {
      const ch = b[i]!;
      if (!((ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a))) return corrupt;
    }
    const type = ascii(b, pos + 4, 4);
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      return length === 0 && sawData ? { ok: true, info: { kind: 'png', ext: 'png', contentType: 'image/png', width, height } } : corrupt;
    }
    pos = end;
  }
  return corrupt;
}

// ------------------------------------------------------------------ JPEG

/** SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;

function parseJpeg(b: Uint8Array): Sniffed<ImageInfo> {
  let pos = 2;
  let frame: { width: number; height: number } | null = null;
  let orientation = 1;
  let scanned = false;
  while (pos < b.length) {
    if (b[pos] !== 0xff) return corrupt;
    while (pos < b.length && b[pos] === 0xff) pos++; // fill bytes
    if (pos >= b.length) return corrupt;
    const marker = b[pos++]!;
    if (marker === 0xd9) {
      // EOI: only a complete image if a frame and at least one scan came before it.
      return frame && scanned ? jpegInfo(frame, orientation) : corrupt;
    }
    if (marker === 0xd8 || marker === 0x00) return corrupt;
    if (marker === 0x01 || isRst(marker)) continue;
    if (pos + 2 > b.length) return corrupt;
    const segLength = u16be(b, pos);
    const segEnd = pos + segLength;
    if (segLength < 2 || segEnd > b.length) return corrupt;

    if (isSof(marker)) {
      if (frame || segLength < 8) return corrupt;
      const height = u16be(b, pos + 3);
      const width = u16be(b, pos + 5);
      const components = b[pos + 7]!;
      // Height 0 defers to a DNL marker; no camera or editor we care about writes that.
      if (width === 0 || height === 0 || components < 1 || components > 4 || segLength !== 8 + 3 * components) return corrupt;
      frame = { width, height };
    } else if (marker === 0xe1 && orientation === 1) {
      orientation = exifOrientation(b.subarray(pos + 2, segEnd));
    } else if (marker === 0xda) {
      if (!frame) return corrupt;
      const next = skipEntropyData(b, segEnd);
      if (next < 0) return corrupt;
      scanned = true;
      pos = next;
      continue;
    }
    pos = segEnd;
  }
  return corrupt;
}

/**
 * Entropy-coded data ends at the first 0xFF that is not byte stuffing (FF 00), a restart
 * marker (FF D0..D7) or fill (FF FF). Returns the marker's offset, or -1 if the data runs
 * off the end of the file (a truncated upload).
 */
function skipEntropyData(b: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    i = b.indexOf(0xff, i);
    if (i < 0 || i + 1 >= b.length) return -1;
    const next = b[i + 1]!;
    if (next === 0x00 || isRst(next)) i += 2;
    else if (next === 0xff) i += 1;
    else return i;
  }
}

function jpegInfo(frame: { width: number; height: number }, orientation: number): Sniffed<ImageInfo> {
  // Orientations 5..8 are the 90°/270° rotations: browsers display the image with swapped sides.
  const swap = orientation >= 5 && orientation <= 8;
  return {
    ok: true,
    info: {
      kind: 'jpeg',
      ext: 'jpg',
      contentType: 'image/jpeg',
      width: swap ? frame.height : frame.width,
      height: swap ? frame.width : frame.height,
    },
  };
}

/** The EXIF Orientation tag (0x0112) from an APP1 payload; 1 (as stored) when absent or unreadable. */
export function exifOrientation(app1: Uint8Array): number {
  if (app1.length < 14 || ascii(app1, 0, 6) !== 'Exif\0\0') return 1;
  const tiff = app1.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d;
  if (!little && !big) return 1;
  const r16 = (i: number) => (little ? u16le(tiff, i) : u16be(tiff, i));
  const r32 = (i: number) => (little ? u32le(tiff, i) : u32be(tiff, i));
  if (r16(2) !== 42) return 1;
  const ifd = r32(4);
  if (ifd + 2 > tiff.length) return 1;
  const count = r16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > tiff.length) return 1;
    if (r16(entry) === 0x0112 && r16(entry + 2) === 3) {
      const value = r16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

// ------------------------------------------------------------------ WebP

function parseWebp(b: Uint8Array): Sniffed<ImageInfo> {
  if (b.length < 20) return corrupt;
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd > b.length || riffEnd < 20) return corrupt;

  const chunks: Array<{ type: string; data: number; size: number }> = [];
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) return corrupt;
    const size = u32le(b, pos + 4);
    const data = pos + 8;
    if (data + size > riffEnd) return corrupt;
    chunks.push({ type: ascii(b, pos, 4), data, size });
    pos = data + size + (size & 1); // chunks are padded to an even length
  }
  const first = chunks[0];
  if (!first) return corrupt;

  const info = (width: number, height: number): Sniffed<ImageInfo> =>
    width > 0 && height > 0 ? { ok: true, info: { kind: 'webp', ext: 'webp', contentType: 'image/webp', width, height } } : corrupt;

  if (first.type === 'VP8 ') return vp8Size(b, first.data, first.size, info);
  if (first.type === 'VP8L') return vp8lSize(b, first.data, first.size, info);
  if (first.type === 'VP8X') {
    if (first.size < 10) return corrupt;
    // The extended header only names the canvas; the image data must follow it.
    const hasImage = chunks.some((c) => c.type === 'VP8 ' || c.type === 'VP8L' || c.type === 'ANMF');
    if (!hasImage) return corrupt;
    return info(u24le(b, first.data + 4) + 1, u24le(b, first.data + 7) + 1);
  }
  return corrupt;
}

function vp8Size(b: Uint8Array, data: number, size: number, info: (w: number, h: number) => Sniffed<ImageInfo>): Sniffed<ImageInfo> {
  // Frame tag (3 bytes, bit 0 = 0 for a key frame), start code 9D 01 2A, then 14-bit sizes.
  if (size < 10 || (b[data]! & 1) !== 0 || !startsWith(b, [0x9d, 0x01, 0x2a], data + 3)) return corrupt;
  return info(u16le(b, data + 6) & 0x3fff, u16le(b, data + 8) & 0x3fff);
}

function vp8lSize(b: Uint8Array, data: number, size: number, info: (w: number, h: number) => Sniffed<ImageInfo>): Sniffed<ImageInfo> {
  // Signature 0x2F, then width-1 and height-1 in 14 bits each and a 3-bit version that must be 0.
  if (size < 5 || b[data] !== 0x2f) return corrupt;
  const bits = u32le(b, data + 1);
  if (bits >>> 29 !== 0) return corrupt;
  return info((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
}

// ------------------------------------------------------------------ GLB

const GLB_MAGIC = 0x46546c67; // 'glTF'
const GLB_JSON = 0x4e4f534a; // 'JSON'
const GLB_BIN = 0x004e4942; // 'BIN\0'

/**
 * A binary glTF 2.0 file: magic, version 2, a declared length equal to the byte count,
 * a JSON chunk first whose `asset.version` is 2.x, then at most one BIN chunk, ending
 * exactly at the declared length.
 */
export function sniffGlb(b: Uint8Array): Sniffed<GlbInfo> {
  if (b.length < 4 || u32le(b, 0) !== GLB_MAGIC) return unsupported;
  if (b.length < 20 || u32le(b, 4) !== 2 || u32le(b, 8) !== b.length) return corrupt;

  let pos = 12;
  let index = 0;
  let binLength = 0;
  while (pos < b.length) {
    if (pos + 8 > b.length) return corrupt;
    const length = u32le(b, pos);
    const type = u32le(b, pos + 4);
    const data = pos + 8;
    if (data + length > b.length) return corrupt;
    if (index === 0) {
      if (type !== GLB_JSON || !validGltfJson(b.subarray(data, data + length))) return corrupt;
    } else if (index === 1 && type === GLB_BIN) {
      binLength = length;
    } else if (type === GLB_JSON || type === GLB_BIN) {
      return corrupt;
    }
    pos = data + length;
    index++;
  }
  return pos === b.length ? { ok: true, info: { ext: 'glb', contentType: 'model/gltf-binary', binLength } } : corrupt;
}

function validGltfJson(chunk: Uint8Array): boolean {
  try {
    const doc: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(chunk));
    if (!doc || typeof doc !== 'object') return false;
    const asset = (doc as { asset?: { version?: unknown } }).asset;
    return typeof asset?.version === 'string' && /^2\.\d+$/.test(asset.version);
  } catch {
    return false;
  }
}
