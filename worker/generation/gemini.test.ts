import { env } from 'cloudflare:test';
import { encode as encodePng } from 'fast-png';
import { describe, expect, it, vi } from 'vitest';
import { MAX_SWATCHES_PER_PASS } from '../domain/generation';
import type { PhotoSurface } from '../domain/surfaces';
import { b64decode, b64encode } from '../lib/bytes';
import { createCompositor } from './compositor';
import { createGeminiProvider, DEFAULT_GEMINI_MODEL, GEMINI_MODELS, resolveGeminiModel, scratchName, type GeminiProviderOptions } from './gemini';
import { COMPOSITE_GUIDE } from './prompt';
import { PermanentGenerationError, type GenerationItem, type GenerationRequest, type ImageBytes, type ScratchStore } from './provider';

const API_KEY = 'AIzaTEST-secret-key-0123456789abcdefghij';
const BASE_URL = 'https://gemini.stub.test';
const PRO_PRICE = GEMINI_MODELS['gemini-3-pro-image-preview'].priceMicrosPerImage;

/** A distinct, valid 2x2 PNG per seed. */
function png(seed: number): Uint8Array {
  const data = new Uint8Array(16);
  for (let i = 0; i < 16; i += 4) data.set([seed & 255, (seed * 37) & 255, (seed * 91) & 255, 255], i);
  return encodePng({ width: 2, height: 2, data, channels: 4 });
}

const PHOTO = png(1000);

function item(i: number, withSwatch = true): GenerationItem {
  return {
    subcategoryId: `sub-${String(i).padStart(2, '0')}`,
    subcategoryName: `Surface ${i}`,
    optionId: `opt-${i}`,
    optionName: `Option ${i}`,
    descriptor: `finish ${i}`,
    swatch: withSwatch ? { bytes: png(i), mimeType: 'image/png' } : null,
    swatchColor: withSwatch ? null : '#c0ffee',
  };
}

const surfacesFor = (items: GenerationItem[]): PhotoSurface[] =>
  items.map((it, i) => ({
    key: `s${i}`,
    label: `${it.subcategoryName} area`,
    subcategoryId: it.subcategoryId,
    polygons: [[[0, 0.5], [0.3, 0.5], [0.3, 1], [0, 1]]],
    tileScale: 0.2,
  }));

/** Scratch on the real local R2 bucket, under a prefix of its own per test. */
function r2Scratch(): ScratchStore & { prefix: string } {
  const prefix = `tmp/gemini-test/${crypto.randomUUID()}`;
  return {
    prefix,
    async put(name, image) {
      await env.MEDIA.put(`${prefix}/${name}`, image.bytes, { httpMetadata: { contentType: image.mimeType } });
    },
    async get(name) {
      const obj = await env.MEDIA.get(`${prefix}/${name}`);
      if (!obj) return null;
      return { bytes: new Uint8Array(await obj.arrayBuffer()), mimeType: obj.httpMetadata!.contentType as ImageBytes['mimeType'] };
    },
  };
}

function request(items: GenerationItem[], over: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    hash: crypto.randomUUID().replace(/-/g, ''),
    model: DEFAULT_GEMINI_MODEL,
    photo: { bytes: PHOTO, mimeType: 'image/png', width: 2, height: 2 },
    surfaces: surfacesFor(items),
    spatialHint: 'Kitchen seen from the dining area',
    policy: null,
    items,
    scratch: r2Scratch(),
    ...over,
  };
}

const imageResponse = (bytes: Uint8Array, before: object[] = []) =>
  Response.json({
    candidates: [{ content: { role: 'model', parts: [...before, { inlineData: { mimeType: 'image/png', data: b64encode(bytes) } }] }, finishReason: 'STOP' }],
  });

interface SentPart {
  text?: string;
  inlineData?: { mimeType: string; data: string };
}
interface SentCall {
  url: string;
  headers: Headers;
  body: { contents: { role: string; parts: SentPart[] }[]; generationConfig?: Record<string, unknown> };
}

/** The Gemini HTTP boundary: records each request and answers from `reply` (call index -> Response). */
function stubGemini(reply: (call: number) => Response | Promise<Response>, extra: Partial<GeminiProviderOptions> = {}) {
  const calls: SentCall[] = [];
  const fetchImpl = vi.fn<typeof fetch>(async (input, init) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
    return reply(calls.length - 1);
  });
  const provider = createGeminiProvider({ apiKey: API_KEY, baseUrl: BASE_URL, fetch: fetchImpl, ...extra });
  return { provider, calls, fetchImpl };
}

const images = (call: SentCall) => call.body.contents[0]!.parts.filter((p) => p.inlineData).map((p) => b64decode(p.inlineData!.data));
const text = (call: SentCall) =>
  call.body.contents[0]!.parts
    .filter((p) => p.text)
    .map((p) => p.text)
    .join('\n');

describe('resolveGeminiModel', () => {
  it('Should keep whitelisted models and fall back to the default for anything else', () => {
    expect(resolveGeminiModel('gemini-3.1-flash-image-preview')).toBe('gemini-3.1-flash-image-preview');
    for (const name of [undefined, null, '', 'gpt-image-1.5', 'gemini-2.0-flash', 'constructor', '__proto__', 'toString']) {
      expect(resolveGeminiModel(name)).toBe(DEFAULT_GEMINI_MODEL);
    }
    expect(Object.keys(GEMINI_MODELS)).toContain(DEFAULT_GEMINI_MODEL);
  });
});

describe('gemini provider', () => {
  it('Should send the room photo then each swatch as inline images, with the 3:2 1K config, and return the response image', async () => {
    const out = png(1);
    const { provider, calls } = stubGemini(() => imageResponse(out));
    const items = [item(1), item(2, false), item(3)];
    const result = await provider.generate(request(items));

    expect(provider.name).toBe('gemini');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe(`${BASE_URL}/v1beta/models/${DEFAULT_GEMINI_MODEL}:generateContent`);
    expect(call!.headers.get('x-goog-api-key')).toBe(API_KEY);
    expect(call!.url).not.toContain(API_KEY);
    expect(call!.body.generationConfig).toMatchObject({ responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '3:2', imageSize: '1K' } });

    const sent = images(call!);
    expect(sent).toHaveLength(3);
    expect(sent[0]).toEqual(PHOTO);
    expect(sent[1]).toEqual(item(1).swatch!.bytes);
    expect(sent[2]).toEqual(item(3).swatch!.bytes);
    const prompt = text(call!);
    expect(prompt).toMatch(/Surface 1 "Option 1": use swatch #1\./);
    expect(prompt).toMatch(/Surface 2 "Option 2": no swatch image; use colour #c0ffee\. .*Finish: finish 2\./);
    expect(prompt).toMatch(/Surface 3 "Option 3": use swatch #2\./);
    expect(prompt).toContain('Kitchen seen from the dining area');
    expect(prompt).toContain('"Surface 3 area"');
    expect(prompt).toMatch(/collage/i);

    expect(result.image).toEqual({ bytes: out, mimeType: 'image/png' });
    expect(result).toMatchObject({ passes: 1, swatchCount: 2, estimatedCostMicros: PRO_PRICE });
  });

  it('Should edit the composited photo when the policy says startFromComposite, and say so in the first prompt only', async () => {
    const compositor = createCompositor();
    const composite = async (r: GenerationRequest) => (await compositor.generate(r)).image;
    const { provider, calls } = stubGemini((n) => imageResponse(png(500 + n)), { composite });
    const items = Array.from({ length: MAX_SWATCHES_PER_PASS + 1 }, (_, i) => item(i + 1));
    const req = request(items, { policy: { startFromComposite: true } });
    const result = await provider.generate(req);

    const expected = await composite(req);
    expect(expected.bytes).not.toEqual(PHOTO);
    expect(calls).toHaveLength(2);
    expect(images(calls[0]!)[0]).toEqual(expected.bytes);
    expect(text(calls[0]!)).toContain(COMPOSITE_GUIDE);
    // The continuation starts from the model's own first output, which is no longer a rough guide.
    expect(images(calls[1]!)[0]).toEqual(png(500));
    expect(text(calls[1]!)).not.toContain(COMPOSITE_GUIDE);
    expect(result.passes).toBe(2);

    // Without the flag the bare photo goes first and the guide is never mentioned.
    const plain = stubGemini(() => imageResponse(png(1)), { composite });
    await plain.provider.generate(request([item(1)]));
    expect(images(plain.calls[0]!)[0]).toEqual(PHOTO);
    expect(text(plain.calls[0]!)).not.toContain(COMPOSITE_GUIDE);
  });

  it('Should refuse startFromComposite permanently when no compositor is wired, and a non-boolean flag', async () => {
    const { provider, fetchImpl } = stubGemini(() => imageResponse(png(1)));
    await expect(provider.generate(request([item(1)], { policy: { startFromComposite: true } }))).rejects.toBeInstanceOf(PermanentGenerationError);
    await expect(provider.generate(request([item(1)], { policy: { startFromComposite: 'yes' } }))).rejects.toBeInstanceOf(PermanentGenerationError);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('Should send 13 swatches in one call of 14 images', async () => {
    const { provider, calls } = stubGemini(() => imageResponse(png(1)));
    const items = Array.from({ length: MAX_SWATCHES_PER_PASS }, (_, i) => item(i + 1));
    const result = await provider.generate(request(items));
    expect(calls).toHaveLength(1);
    expect(images(calls[0]!)).toHaveLength(14);
    expect(result.passes).toBe(1);
  });

  it('Should split 14 swatches into room + 13, then a continuation from the first output with the rest renumbered', async () => {
    const outputs = [png(501), png(502)];
    const { provider, calls } = stubGemini((i) => imageResponse(outputs[i]!));
    const items = [...Array.from({ length: 14 }, (_, i) => item(i + 1)), item(15, false)];
    const req = request(items);
    const result = await provider.generate(req);

    expect(calls).toHaveLength(2);
    const first = images(calls[0]!);
    expect(first).toHaveLength(14);
    expect(first[0]).toEqual(PHOTO);
    expect(first.slice(1)).toEqual(items.slice(0, 13).map((it) => it.swatch!.bytes));
    expect(text(calls[0]!)).toContain('Surface 13 "Option 13": use swatch #13.');
    expect(text(calls[0]!)).toContain('Surface 15 "Option 15": no swatch image');

    const second = images(calls[1]!);
    expect(second).toHaveLength(2);
    expect(second[0]).toEqual(outputs[0]);
    expect(second[1]).toEqual(item(14).swatch!.bytes);
    const prompt2 = text(calls[1]!);
    expect(prompt2).toContain('Surface 14 "Option 14": use swatch #1.');
    expect(prompt2).not.toContain('swatch #2');
    expect(prompt2).not.toContain('Surface 15');
    expect(prompt2).toMatch(/pass 2 of 2/);

    // The continuation's input went through R2 scratch, where a retry could pick it up.
    const stored = await env.MEDIA.get(`${(req.scratch as ReturnType<typeof r2Scratch>).prefix}/${scratchName(req.hash, 1)}`);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(outputs[0]);

    expect(result.image.bytes).toEqual(outputs[1]);
    expect(result).toMatchObject({ passes: 2, swatchCount: 14, estimatedCostMicros: 2 * PRO_PRICE });
  });

  it('Should resume a retried job from the stored output of an earlier pass', async () => {
    const { provider, calls } = stubGemini(() => imageResponse(png(777)));
    const items = Array.from({ length: 20 }, (_, i) => item(i + 1));
    const req = request(items);
    const earlier = png(4242);
    await req.scratch.put(scratchName(req.hash, 1), { bytes: earlier, mimeType: 'image/png' });

    const result = await provider.generate(req);
    expect(calls).toHaveLength(1);
    const sent = images(calls[0]!);
    expect(sent[0]).toEqual(earlier);
    expect(sent).toHaveLength(1 + 7);
    expect(result).toMatchObject({ passes: 1, swatchCount: 7, estimatedCostMicros: PRO_PRICE });
  });

  it('Should fall back to the default model in the request URL for an unknown model, and price a whitelisted one', async () => {
    const { provider, calls } = stubGemini(() => imageResponse(png(1)));
    await provider.generate(request([item(1)], { model: 'gpt-image-1.5' }));
    const flash = await provider.generate(request([item(1)], { model: 'gemini-3.1-flash-image-preview' }));
    expect(calls[0]!.url).toBe(`${BASE_URL}/v1beta/models/${DEFAULT_GEMINI_MODEL}:generateContent`);
    expect(calls[1]!.url).toBe(`${BASE_URL}/v1beta/models/gemini-3.1-flash-image-preview:generateContent`);
    expect(flash.estimatedCostMicros).toBe(GEMINI_MODELS['gemini-3.1-flash-image-preview'].priceMicrosPerImage);
  });

  it('Should run the policy second pass on the result with only its instructions', async () => {
    const outputs = [png(11), png(12)];
    const { provider, calls } = stubGemini((i) => imageResponse(outputs[i]!));
    const policy = { rules: ['Keep the pendant lights off.'], secondPass: { instructions: 'Make the range flush with the counter.' }, compositor: { anything: 1 } };
    const result = await provider.generate(request([item(1), item(2)], { policy }));

    expect(calls).toHaveLength(2);
    expect(text(calls[0]!)).toContain('Keep the pendant lights off.');
    const second = images(calls[1]!);
    expect(second).toEqual([outputs[0]]);
    expect(text(calls[1]!)).toContain('Make the range flush with the counter.');
    expect(text(calls[1]!)).not.toContain('swatch #');
    expect(result.image.bytes).toEqual(outputs[1]);
    expect(result).toMatchObject({ passes: 2, swatchCount: 2, estimatedCostMicros: 2 * PRO_PRICE });
  });

  it('Should refuse a malformed policy permanently without calling the model', async () => {
    const { provider, fetchImpl } = stubGemini(() => imageResponse(png(1)));
    const err = await provider.generate(request([item(1)], { policy: { secondPass: { instructions: '   ' } } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentGenerationError);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('Should describe text-only items in one call with just the room photo', async () => {
    const { provider, calls } = stubGemini(() => imageResponse(png(1)));
    const result = await provider.generate(request([item(1, false), item(2, false)]));
    expect(calls).toHaveLength(1);
    expect(images(calls[0]!)).toEqual([PHOTO]);
    expect(result).toMatchObject({ passes: 1, swatchCount: 0 });
  });

  it('Should return the photo unchanged without a call when nothing is to be drawn', async () => {
    const { provider, fetchImpl } = stubGemini(() => imageResponse(png(1)));
    const result = await provider.generate(request([]));
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(result).toEqual({ image: { bytes: PHOTO, mimeType: 'image/png' }, passes: 0, swatchCount: 0, estimatedCostMicros: 0 });
  });

  it('Should take the final image, not a draft thought image, from the response', async () => {
    const final = png(9);
    const draft = { inlineData: { mimeType: 'image/png', data: b64encode(png(8)) }, thought: true };
    const { provider } = stubGemini(() => imageResponse(final, [draft, { text: 'Here is the room.' }]));
    const result = await provider.generate(request([item(1)]));
    expect(result.image.bytes).toEqual(final);

    // Position is not what decides: a thought image after the answer is still skipped.
    const late = stubGemini(() =>
      Response.json({ candidates: [{ content: { role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: b64encode(final) } }, draft] }, finishReason: 'STOP' }] }),
    );
    expect((await late.provider.generate(request([item(1)]))).image.bytes).toEqual(final);
  });

  const apiError = (status: number, statusText: string, message: string) =>
    Response.json({ error: { code: status, message, status: statusText } }, { status });

  it.each([
    [503, 'UNAVAILABLE', false],
    [500, 'INTERNAL', false],
    [429, 'RESOURCE_EXHAUSTED', false],
    [408, 'DEADLINE_EXCEEDED', false],
    [400, 'INVALID_ARGUMENT', true],
    [403, 'PERMISSION_DENIED', true],
    [404, 'NOT_FOUND', true],
  ])('Should classify HTTP %i %s (permanent: %s) after a single call', async (status, statusText, permanent) => {
    const { provider, fetchImpl } = stubGemini(() => apiError(status, statusText, 'upstream says no'));
    const err = await provider.generate(request([item(1)])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err instanceof PermanentGenerationError).toBe(permanent);
    expect((err as Error).message).toContain(`HTTP ${status} ${statusText}`);
    // The consumer owns retries; the SDK must not retry behind its back.
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('Should treat a network failure as retryable', async () => {
    const { provider } = stubGemini(() => Promise.reject(new TypeError('Network connection lost.')));
    const err = await provider.generate(request([item(1)])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(PermanentGenerationError);
  });

  it('Should never put the API key in an error message, whatever the upstream echoes', async () => {
    const replies = [
      () => apiError(400, 'INVALID_ARGUMENT', `API key not valid: ${API_KEY}`),
      () => new Response(`overloaded for key=${API_KEY}`, { status: 503 }),
      () => Promise.reject(new TypeError(`connect failed to ${BASE_URL}?key=${API_KEY}`)),
      () => apiError(401, 'UNAUTHENTICATED', 'Bad key AIzaSyDifferentKeyLooking0123456789ab'),
    ];
    for (const reply of replies) {
      const { provider } = stubGemini(reply);
      const err = (await provider.generate(request([item(1)])).catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(Error);
      expect(`${err.message}\n${err.stack}`).not.toContain(API_KEY);
      expect(err.message).not.toMatch(/AIza[0-9A-Za-z_-]{20,}/);
    }
  });

  it('Should fail permanently when the model refuses the input or the image for safety', async () => {
    const blocked = stubGemini(() => Response.json({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } }));
    await expect(blocked.provider.generate(request([item(1)]))).rejects.toBeInstanceOf(PermanentGenerationError);
    const unsafe = stubGemini(() => Response.json({ candidates: [{ finishReason: 'IMAGE_SAFETY' }] }));
    await expect(unsafe.provider.generate(request([item(1)]))).rejects.toThrow(/IMAGE_SAFETY/);
    await expect(unsafe.provider.generate(request([item(1)]))).rejects.toBeInstanceOf(PermanentGenerationError);
  });

  it('Should retry an answer without an image or with bytes that are not an image', async () => {
    const textOnly = stubGemini(() => Response.json({ candidates: [{ content: { role: 'model', parts: [{ text: 'I cannot draw that.' }] }, finishReason: 'STOP' }] }));
    const err1 = await textOnly.provider.generate(request([item(1)])).catch((e: unknown) => e);
    expect(err1).toBeInstanceOf(Error);
    expect(err1).not.toBeInstanceOf(PermanentGenerationError);
    expect((err1 as Error).message).toMatch(/no image/);

    const garbage = stubGemini(() => imageResponse(new TextEncoder().encode('not an image at all')));
    const err2 = await garbage.provider.generate(request([item(1)])).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(Error);
    expect(err2).not.toBeInstanceOf(PermanentGenerationError);
  });

  it('Should refuse to start without an API key', () => {
    expect(() => createGeminiProvider({ apiKey: '' })).toThrow(/API key/);
  });
});
