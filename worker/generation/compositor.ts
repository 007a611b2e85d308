/**
 * The offline image provider (the default without GEMINI_API_KEY): paints each chosen
 * swatch into its surface's polygons on the room photo, shaded by the photo's own light
 * (see raster.ts for the rules), and leaves every other pixel exactly as decoded.
 *
 * The output is lossless WebP by default: pixels outside the painted surfaces must stay
 * identical, which rules out JPEG, and on a 1536x1024 room photo lossless WebP is about half
 * the bytes of PNG and quicker to encode (scripts/bench/compositor.ts prints both).
 */
import { ImageDecodeError, decodeImage, encodeImage, type OutputFormat, type RgbaImage } from './codec';
import { PermanentGenerationError, type GenerationItem, type GenerationRequest, type GenerationResult, type ImageProvider } from './provider';
import { labelSurfaces, paintSurfaces, resampleTile, solidTile, tileSize, type SurfaceLayer } from './raster';

/** Swatches are 256x256 in the seed; anything much larger is wasted work at tile sizes. */
const MAX_SWATCH_PIXELS = 4096 * 4096;

/** Milliseconds spent in each step of one call (for the benchmark). */
export interface CompositorTimings {
  decodeMs: number;
  paintMs: number;
  encodeMs: number;
}

export interface CompositorOptions {
  /** Lossless output format; WebP unless told otherwise. */
  format?: OutputFormat;
  /** Called after each successful call with the time spent per step. */
  onTimings?: (timings: CompositorTimings) => void;
}

export function createCompositor(options: CompositorOptions = {}): ImageProvider {
  const format = options.format ?? 'webp';
  return {
    name: 'compositor',
    async generate(request: GenerationRequest): Promise<GenerationResult> {
      const t0 = performance.now();
      const photo = await decodePhoto(request.photo.bytes);

      // One drawable per subcategory: the first item for it (items arrive in surface order).
      const bySubcategory = new Map<string, GenerationItem>();
      for (const item of request.items) if (!bySubcategory.has(item.subcategoryId)) bySubcategory.set(item.subcategoryId, item);

      const swatches = new Map<GenerationItem, RgbaImage | null>();
      const surfaceItems = request.surfaces.map((surface) => (surface.subcategoryId === null ? undefined : bySubcategory.get(surface.subcategoryId)));
      for (const item of surfaceItems) if (item && !swatches.has(item)) swatches.set(item, await loadSwatch(item));
      const t1 = performance.now();

      // Label 1 + i is surface i; label 0 is no surface.
      const layers: Array<SurfaceLayer | null> = [null];
      const layerItems: Array<GenerationItem | null> = [null];
      request.surfaces.forEach((surface, i) => {
        const item = surfaceItems[i];
        const swatch = item ? swatches.get(item) : null;
        if (item && swatch) {
          const size = tileSize(surface.tileScale, photo.width, swatch.width, swatch.height);
          layers.push({ tile: resampleTile(swatch, size.width, size.height) });
          layerItems.push(item);
        } else {
          layers.push(null);
          layerItems.push(null);
        }
      });

      // Every surface gets a label, painted or not, so a front surface without a pick still hides what is behind it.
      const mask = labelSurfaces(request.surfaces, photo.width, photo.height);
      const { painted } = paintSurfaces(photo, mask, layers);
      const paintedItems = new Set<GenerationItem>();
      layerItems.forEach((item, label) => {
        if (item && painted[label]! > 0) paintedItems.add(item);
      });
      const t2 = performance.now();

      const image = await encodeImage(photo, format);
      const t3 = performance.now();
      options.onTimings?.({ decodeMs: t1 - t0, paintMs: t2 - t1, encodeMs: t3 - t2 });
      return { image, passes: 1, swatchCount: paintedItems.size, estimatedCostMicros: 0 };
    },
  };
}

async function decodePhoto(bytes: Uint8Array): Promise<RgbaImage> {
  try {
    return await decodeImage(bytes);
  } catch (error) {
    if (error instanceof ImageDecodeError) throw new PermanentGenerationError(`Room photo cannot be decoded: ${error.message}`);
    throw error;
  }
}

/**
 * The swatch image, else the flat `swatchColor`, else null (skipped). An unreadable swatch
 * image falls back to the colour; with no colour either the job fails for good rather than
 * caching a picture that silently leaves the option out.
 */
async function loadSwatch(item: GenerationItem): Promise<RgbaImage | null> {
  const color = item.swatchColor ? solidTile(item.swatchColor) : null;
  if (item.swatch) {
    try {
      return await decodeImage(item.swatch.bytes, { maxPixels: MAX_SWATCH_PIXELS });
    } catch (error) {
      if (!(error instanceof ImageDecodeError)) throw error;
      if (color) return color;
      throw new PermanentGenerationError(`Swatch image of option ${item.optionId} cannot be decoded: ${error.message}`);
    }
  }
  return color;
}
