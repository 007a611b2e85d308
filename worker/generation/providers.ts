/**
 * Which provider draws an image. The API picks the model when it claims a slot (it is part
 * of the hash); the consumer maps that model back to a provider, so a job queued under one
 * configuration is never silently drawn by another.
 */
import { createCompositor } from './compositor';
import { createGeminiProvider, resolveGeminiModel } from './gemini';
import { PermanentGenerationError, type ImageProvider, type ProviderName } from './provider';

/** The model name the built-in compositor is recorded (and hashed) under. */
export const COMPOSITOR_MODEL = 'compositor';

/** What tests may swap: only the outside world's HTTP boundary. */
export interface ProviderDeps {
  fetch?: typeof fetch;
}

/** `GEMINI_BASE_URL` is optional and not (yet) in wrangler.toml, so it is read loosely. */
export type ProviderEnv = Pick<Env, 'GEMINI_API_KEY'> & { GEMINI_BASE_URL?: string };

export const geminiConfigured = (env: ProviderEnv): boolean => Boolean(env.GEMINI_API_KEY);

/**
 * The model for a new request: Gemini (a whitelisted name, else its default) when a key is
 * set, otherwise the compositor, whatever the client asked for.
 */
export function chooseModel(env: ProviderEnv, requested?: string | null): string {
  return geminiConfigured(env) ? resolveGeminiModel(requested) : COMPOSITOR_MODEL;
}

export function providerNameFor(model: string): ProviderName {
  return model === COMPOSITOR_MODEL ? 'compositor' : 'gemini';
}

export function createProvider(model: string, env: ProviderEnv, deps: ProviderDeps = {}): ImageProvider {
  if (providerNameFor(model) === 'compositor') return createCompositor();
  // The key was removed after the job was queued: retrying cannot help.
  if (!geminiConfigured(env)) throw new PermanentGenerationError('Gemini is not configured');
  const compositor = createCompositor();
  return createGeminiProvider({
    apiKey: env.GEMINI_API_KEY,
    baseUrl: env.GEMINI_BASE_URL || undefined,
    fetch: deps.fetch,
    composite: async (request) => (await compositor.generate(request)).image,
  });
}
