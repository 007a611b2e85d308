/**
 * Image bytes <-> RGBA pixels for the compositor, behind a small seam so the pixel code in
 * raster.ts never sees a codec.
 *
 * Decoding and encoding go through @cf-wasm/photon (Rust's `image` crate compiled to WASM):
 * measured on a 1536x1024 seed photo it decodes JPEG about 4x faster than jpeg-js, and its
 * lossless WebP (VP8L) encoder is both faster and half the size of PNG (see
 * scripts/bench/compositor.ts). The package picks its build by export condition: `workerd`
 * imports the .wasm as a compiled module (wrangler uploads it beside the bundle), `node`
 * inlines it for the benchmark. It is loaded on first use so Worker requests that never
 * composite do not instantiate it.
 *
 * Everything is sniffed from magic bytes and sized from the header before the WASM decoder
 * runs: a Rust panic inside it surfaces as a WebAssembly trap (recoverable, but it leaks the
 * allocation), and a declared size of, say, 30000x30000 must be refused before it allocates.
 */
import type { ImageBytes } from './provider';

export type ImageMimeType = ImageBytes['mimeType'];

/** RGBA, row-major, 4 bytes per pixel, not premultiplied. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export type OutputFormat = 'webp' | 'png';

/** The bytes are not an image this codec can read (unknown format, corrupt, truncated, too large). */
export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

/** Room photos are 1536x1024; 8 MP (4K UHD) keeps a decode plus its copies well inside a Worker's 128 MB. */
export const MAX_IMAGE_PIXELS = 8_388_608;
export const MAX_IMAGE_SIDE = 8192;

/** The image type from its first bytes, ignoring whatever type was declared for it. */
export function sniffImageType(bytes: Uint8Array): ImageMimeType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47 &&
    bytes[4] === 0x0d &&
    bytes[5] === 0x0a &&
    bytes[6] === 0x1a &&
    bytes[7] === 0x0a
  ) {
    return 'image/png';
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Width and height from the header alone (JPEG SOFn, PNG IHDR, WebP VP8/VP8L/VP8X), or null
 * when the header is missing or malformed.
 */
export function readImageSize(bytes: Uint8Array): { type: ImageMimeType; width: number; height: number } | null {
  const type = sniffImageType(bytes);
  let size: { width: number; height: number } | null = null;
  if (type === 'image/png') size = pngSize(bytes);
  else if (type === 'image/jpeg') size = jpegSize(bytes);
  else if (type === 'image/webp') size = webpSize(bytes);
  return type && size && size.width > 0 && size.height > 0 ? { type, ...size } : null;
}

export interface DecodeOptions {
  maxPixels?: number;
}

/** Decodes a JPEG, PNG or WebP to RGBA. Throws `ImageDecodeError` for anything it cannot read. */
export async function decodeImage(bytes: Uint8Array, opts: DecodeOptions = {}): Promise<RgbaImage & { type: ImageMimeType }> {
  const header = readImageSize(bytes);
  if (!header) throw new ImageDecodeError('Not a readable JPEG, PNG or WebP image');
  const maxPixels = opts.maxPixels ?? MAX_IMAGE_PIXELS;
  if (header.width > MAX_IMAGE_SIDE || header.height > MAX_IMAGE_SIDE || header.width * header.height > maxPixels) {
    throw new ImageDecodeError(`Image is too large (${header.width}x${header.height})`);
  }
  const { PhotonImage } = await photon();
  let image: InstanceType<typeof PhotonImage>;
  try {
    image = PhotonImage.new_from_byteslice(bytes);
  } catch {
    // The decoder panics (a WebAssembly trap) on corrupt or truncated data.
    throw new ImageDecodeError(`Corrupt or truncated ${header.type.slice(6).toUpperCase()} image`);
  }
  try {
    const width = image.get_width();
    const height = image.get_height();
    const data = image.get_raw_pixels();
    if (width !== header.width || height !== header.height || data.length !== width * height * 4) {
      throw new ImageDecodeError('Image header and decoded pixels disagree');
    }
    return { type: header.type, width, height, data };
  } finally {
    image.free();
  }
}

/** Encodes RGBA losslessly: WebP (VP8L, the default) or PNG. */
export async function encodeImage(image: RgbaImage, format: OutputFormat = 'webp'): Promise<ImageBytes> {
  const { width, height, data } = image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0) || data.length !== width * height * 4) {
    throw new RangeError(`RGBA buffer of ${data.length} bytes does not match ${width}x${height}`);
  }
  const { PhotonImage } = await photon();
  const photonImage = new PhotonImage(data, width, height);
  try {
    return format === 'png'
      ? { bytes: photonImage.get_bytes(), mimeType: 'image/png' }
      : { bytes: photonImage.get_bytes_webp(), mimeType: 'image/webp' };
  } finally {
    photonImage.free();
  }
}

// ---------------------------------------------------------------------------------------------

type Photon = typeof import('@cf-wasm/photon');
let loading: Promise<Photon> | null = null;

function photon(): Promise<Photon> {
  loading ??= import('@cf-wasm/photon').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = at; i < at + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

const u16be = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number): number => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** Walks the marker segments to the first start-of-frame (baseline, progressive, lossless...). */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Standalone markers carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan before any frame header
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > b.length) return null;
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

function webpSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 30) return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  return null;
}
