/**
 * The `gemini` image provider: edits the room photo with Gemini's native image models through
 * @google/genai. The room photo and the swatch images go in as inline images; the prompt maps
 * each item to "swatch #N" (see prompt.ts). More than 13 swatches become several calls, each
 * continuing from the previous output kept in the request's scratch store.
 *
 * The SDK's own retries stay off: the queue consumer owns retries (3 attempts, backoff, DLQ),
 * and retrying inside a job would multiply attempts and cost behind the audit's back.
 */
import { ApiError as GenAIApiError, GoogleGenAI, type GenerateContentResponse, type Part } from '@google/genai';
import { b64decode, b64encode } from '../lib/bytes';
import { buildPassPrompt, buildSecondPassPrompt, InvalidPolicyError, parseGeminiPolicy, planPasses, swatchCaption } from './prompt';
import { PermanentGenerationError, type GenerationRequest, type GenerationResult, type ImageBytes, type ImageProvider } from './provider';

export interface GeminiModelInfo {
  label: string;
  /**
   * Output price of one 1K image in millionths of a US dollar (Gemini API paid tier list price:
   * 1120 output image tokens at the model's per-token image rate). Input tokens (about 560
   * per image sent) are left out: they add a few percent and the figure is an estimate.
   */
  priceMicrosPerImage: number;
}

/**
 * Models allowed to draw Visualize images. Both take 14 input images (room + 13 swatches),
 * `imageSize` and the 3:2 aspect. gemini-2.5-flash-image is left out on purpose: it does
 * not take `imageSize` and is documented to work best with at most 3 input images, which
 * would break the 13-swatch batching.
 */
export const GEMINI_MODELS = {
  'gemini-3-pro-image-preview': { label: 'Gemini 3 Pro Image (Nano Banana Pro)', priceMicrosPerImage: 134_000 },
  'gemini-3.1-flash-image-preview': { label: 'Gemini 3.1 Flash Image (Nano Banana 2)', priceMicrosPerImage: 67_000 },
} as const satisfies Record<string, GeminiModelInfo>;

export type GeminiModelId = keyof typeof GEMINI_MODELS;

export const DEFAULT_GEMINI_MODEL: GeminiModelId = 'gemini-3-pro-image-preview';

/** Unknown or missing names fall back to the default, so a client cannot pick an arbitrary (or pricier) model. */
export function resolveGeminiModel(name?: string | null): GeminiModelId {
  return name != null && Object.hasOwn(GEMINI_MODELS, name) ? (name as GeminiModelId) : DEFAULT_GEMINI_MODEL;
}

/** Every call asks for a landscape 3:2 image at 1K, the size the picker shows. */
export const GEMINI_IMAGE_CONFIG = { aspectRatio: '3:2', imageSize: '1K' } as const;

/**
 * The SDK (3.x) defaults the Gemini API to `v1`; Google's image-generation docs and REST
 * examples for the preview image models, `imageConfig.imageSize` included, use `v1beta`.
 */
const API_VERSION = 'v1beta';

/** Image calls take 20-60 s; a hung connection must fail the attempt well inside the queue's wall-time limit. */
const CALL_TIMEOUT_MS = 150_000;

/** Finish reasons that mean the model refused this input; the same request would be refused again. */
const REFUSALS = new Set([
  'SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

export interface GeminiProviderOptions {
  apiKey: string;
  /** Overrides https://generativelanguage.googleapis.com (tests point it at a stub). */
  baseUrl?: string;
  /** Used for every HTTP call instead of the global fetch (tests pass a stub). */
  fetch?: typeof fetch;
  /** Paints the request's swatches into the photo; needed for the `startFromComposite` policy. */
  composite?: (request: GenerationRequest) => Promise<ImageBytes>;
}

/** Scratch object holding the output of edit call `pass` (1-based) for the next call to start from. */
export const scratchName = (hash: string, pass: number) => `${hash}/gemini-pass-${pass}`;

/** Output bytes are typed by their magic numbers, not by what the response declares. */
function sniffImageMime(bytes: Uint8Array): ImageBytes['mimeType'] | null {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  const ascii = (from: number) => String.fromCharCode(at(from), at(from + 1), at(from + 2), at(from + 3));
  if (ascii(0) === 'RIFF' && ascii(8) === 'WEBP') return 'image/webp';
  return null;
}

const imagePart = (image: ImageBytes): Part => ({ inlineData: { mimeType: image.mimeType, data: b64encode(image.bytes) } });

export function createGeminiProvider(opts: GeminiProviderOptions): ImageProvider {
  const apiKey = opts.apiKey;
  if (!apiKey) throw new Error('Gemini provider needs an API key');
  const client = new GoogleGenAI({
    apiKey,
    httpOptions: { baseUrl: opts.baseUrl, apiVersion: API_VERSION, fetch: opts.fetch, timeout: CALL_TIMEOUT_MS },
  });

  /** Error texts end up in D1 and logs; whatever an upstream echoes, the key never does. */
  const redact = (text: string): string =>
    text
      .split(apiKey)
      .join('[redacted]')
      .replace(/AIza[0-9A-Za-z_-]{20,}/g, '[redacted]');

  function classify(err: unknown, where: string): Error {
    if (err instanceof PermanentGenerationError) return err;
    const status = err instanceof GenAIApiError ? err.status : undefined;
    if (typeof status === 'number') {
      const message = `Gemini ${where}: HTTP ${status}${upstreamDetail((err as Error).message)}`;
      // 408 and 429 are "try later"; every other 4xx is about this request and will not change.
      const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
      return permanent ? new PermanentGenerationError(redact(message)) : new Error(redact(message));
    }
    const e = err instanceof Error ? err : new Error(String(err));
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return new Error(`Gemini ${where}: timed out`);
    return new Error(redact(`Gemini ${where}: request failed (${e.name}: ${e.message.slice(0, 200)})`));
  }

  async function call(model: string, parts: Part[], where: string): Promise<ImageBytes> {
    let response: GenerateContentResponse;
    try {
      response = await client.models.generateContent({
        model,
        contents: [{ role: 'user', parts }],
        config: { responseModalities: ['IMAGE'], imageConfig: { ...GEMINI_IMAGE_CONFIG } },
      });
    } catch (err) {
      throw classify(err, where);
    }
    return extractImage(response, where);
  }

  function extractImage(response: GenerateContentResponse, where: string): ImageBytes {
    const blocked = response.promptFeedback?.blockReason;
    if (blocked) throw new PermanentGenerationError(`Gemini ${where}: input blocked (${blocked})`);
    const candidate = response.candidates?.[0];
    // Gemini 3 image models may also return draft "thought" images; the answer is the last non-thought image.
    const final = (candidate?.content?.parts ?? []).filter((p) => !p.thought && p.inlineData?.data).at(-1);
    if (final?.inlineData?.data) {
      let bytes: Uint8Array;
      try {
        bytes = b64decode(final.inlineData.data);
      } catch {
        throw new Error(`Gemini ${where}: image data is not valid base64`);
      }
      const mimeType = sniffImageMime(bytes);
      if (!mimeType) throw new Error(`Gemini ${where}: returned data is not a PNG, JPEG or WebP image`);
      return { bytes, mimeType };
    }
    const reason = candidate?.finishReason ?? 'no candidate';
    if (REFUSALS.has(reason)) throw new PermanentGenerationError(`Gemini ${where}: refused (${reason})`);
    // No image without a refusal (text-only answer, NO_IMAGE, IMAGE_OTHER, OTHER): image models do
    // this now and then on inputs they handle fine on the next try, so it is retried; the
    // consumer's 3-attempt cap bounds the cost if it keeps happening.
    throw new Error(`Gemini ${where}: no image in the response (${reason})`);
  }

  return {
    name: 'gemini',
    async generate(request: GenerationRequest): Promise<GenerationResult> {
      const model = resolveGeminiModel(request.model);
      let policy;
      try {
        policy = parseGeminiPolicy(request.policy);
      } catch (err) {
        if (err instanceof InvalidPolicyError) throw new PermanentGenerationError(err.message);
        throw err;
      }
      const plans = planPasses(request.items);
      const total = plans.length + (policy.secondPass ? 1 : 0);
      const photo: ImageBytes = { bytes: request.photo.bytes, mimeType: request.photo.mimeType };
      if (total === 0) return { image: photo, passes: 0, swatchCount: 0, estimatedCostMicros: 0 };

      // A retry after a crash resumes after the last intermediate output it finds. The final
      // output is never stored here, so a fresh attempt always makes the final call itself.
      let start = 0;
      for (let pass = total - 1; pass >= 1; pass--) {
        if (await request.scratch.get(scratchName(request.hash, pass))) {
          start = pass;
          break;
        }
      }

      // Made again on a retry rather than kept: it is deterministic and takes ~100 ms.
      const fromComposite = policy.startFromComposite && plans.length > 0;
      if (fromComposite && !opts.composite) throw new PermanentGenerationError('startFromComposite needs the compositor');
      const first = fromComposite && start === 0 ? await opts.composite!(request) : photo;

      let calls = 0;
      let swatchCount = 0;
      let output: ImageBytes = photo;
      for (let pass = start + 1; pass <= total; pass++) {
        const where = `pass ${pass}/${total}`;
        const input = pass === 1 ? first : await request.scratch.get(scratchName(request.hash, pass - 1));
        // Lost between put and get (the pipeline cleaned up under us): a new attempt starts over.
        if (!input) throw new Error(`Gemini ${where}: previous pass output is missing from scratch`);

        const plan = plans[pass - 1];
        let parts: Part[];
        if (plan) {
          const text = buildPassPrompt({
            pass,
            passCount: plans.length,
            plan,
            items: request.items,
            surfaces: request.surfaces,
            spatialHint: request.spatialHint,
            rules: policy.rules,
            fromComposite,
          });
          parts = [{ text }, { text: 'Room photo to edit:' }, imagePart(input)];
          plan.swatchItems.forEach((item, i) => parts.push({ text: `${swatchCaption(i + 1, item)}:` }, imagePart(item.swatch!)));
        } else {
          parts = [{ text: buildSecondPassPrompt(policy.secondPass!.instructions, request.spatialHint) }, imagePart(input)];
        }

        output = await call(model, parts, where);
        calls++;
        swatchCount += plan?.swatchItems.length ?? 0;
        if (pass < total) await request.scratch.put(scratchName(request.hash, pass), output);
      }

      return {
        image: output,
        passes: calls,
        swatchCount,
        estimatedCostMicros: calls * GEMINI_MODELS[model].priceMicrosPerImage,
      };
    },
  };
}

/** The upstream's own status and message (from the SDK's JSON-encoded error body), trimmed. */
function upstreamDetail(message: string): string {
  try {
    const body = JSON.parse(message) as { error?: { status?: unknown; message?: unknown } };
    const status = typeof body.error?.status === 'string' ? ` ${body.error.status}` : '';
    const text = typeof body.error?.message === 'string' ? `: ${body.error.message.replace(/\s+/g, ' ').slice(0, 200)}` : '';
    return `${status}${text}`;
  } catch {
    return '';
  }
}
