/**
 * The one seam between the generation pipeline (claim, queue, persist, audit) and whatever
 * draws the picture. The pipeline loads everything from D1/R2 and hands a provider plain
 * bytes and descriptions, so providers do no tenant lookups and are easy to test.
 */
import type { PhotoSurface } from '../domain/surfaces';

export type ProviderName = 'compositor' | 'gemini';

/** An image as bytes with its sniffed MIME type. */
export interface ImageBytes {
  bytes: Uint8Array;
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
}

/** One chosen option the photo shows, with what is needed to draw it. */
export interface GenerationItem {
  subcategoryId: string;
  subcategoryName: string;
  optionId: string;
  optionName: string;
  /** Free-text description for prompts ("matte white shaker, brushed nickel pulls"). */
  descriptor: string | null;
  /** The swatch image, or null when the option has none (prompt-only for Gemini, skipped by the compositor). */
  swatch: ImageBytes | null;
  /** `#rrggbb` fallback when there is no swatch image (the compositor paints it flat, shaded). */
  swatchColor: string | null;
}

/**
 * Temporary storage for multi-pass providers: continuation passes start from the previous
 * output, which is kept in R2 under a temporary prefix and removed by the pipeline afterwards.
 */
export interface ScratchStore {
  put(name: string, image: ImageBytes): Promise<void>;
  get(name: string): Promise<ImageBytes | null>;
}

export interface GenerationRequest {
  /** The cache hash; stable across retries so a provider can name scratch objects by it. */
  hash: string;
  model: string;
  photo: ImageBytes & { width: number; height: number };
  surfaces: PhotoSurface[];
  spatialHint: string | null;
  policy: Record<string, unknown> | null;
  /** In the photo's surface order (back to front), which fixes "swatch #N" numbering. */
  items: GenerationItem[];
  scratch: ScratchStore;
}

export interface GenerationResult {
  image: ImageBytes;
  /** Model calls or compositing passes made. */
  passes: number;
  /** Swatch images actually sent or painted. */
  swatchCount: number;
  /** Millionths of a US dollar (0 for the compositor). */
  estimatedCostMicros: number;
}

export interface ImageProvider {
  readonly name: ProviderName;
  generate(request: GenerationRequest): Promise<GenerationResult>;
}

/**
 * A failure the pipeline must not retry (bad input, policy refusal, unknown photo format):
 * retrying would only fail again and burn attempts. Anything else is retried.
 */
export class PermanentGenerationError extends Error {
  override name = 'PermanentGenerationError';
}
