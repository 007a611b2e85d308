/**
 * One handler for the generation queue and its dead-letter queue. Each message is acked or
 * retried on its own (never the whole batch), and messages of a batch run side by side:
 * model calls take tens of seconds each.
 *
 * A job is idempotent by its hash: only the message holding the row's current claim works,
 * a row that is complete, failed or gone is acked without regenerating, and the row is marked
 * complete only while still pending, so a duplicate delivery never writes twice.
 */
import { getDb, type Db } from '../db/client';
import { sniffImageType } from '../generation/codec';
import { PermanentGenerationError, type GenerationItem, type GenerationRequest, type ImageBytes } from '../generation/provider';
import { createProvider, providerNameFor, type ProviderDeps, type ProviderEnv } from '../generation/providers';
import { createScratch, type R2Scratch } from '../generation/scratch';
import {
  FAILURE_REASONS,
  finishJob,
  findImage,
  generatedImageKey,
  loadTarget,
  markComplete,
  markExhausted,
  markFailed,
  noteAttemptFailure,
  startJob,
  type GenerationTarget,
} from '../services/generation';
import type { GenerateMessage, GenerationMessage } from './messages';

export const GENERATION_DLQ = 'finch-generation-dlq';

/** wrangler.toml: max_retries = 2, so the third failure goes to the dead-letter queue. */
export const MAX_ATTEMPTS = 3;
const RETRY_BASE_SECONDS = 10;
const RETRY_MAX_SECONDS = 300;

/** 10 s, 20 s, 40 s … capped: a provider outage gets room to recover between attempts. */
export const retryDelaySeconds = (attempt: number) => Math.min(RETRY_BASE_SECONDS * 2 ** Math.max(0, attempt - 1), RETRY_MAX_SECONDS);

export type QueueDeps = ProviderDeps;

type ConsumerEnv = Pick<Env, 'DB' | 'MEDIA'> & ProviderEnv;

/** A failure retrying cannot fix, with the reason a buyer may see. */
class JobFailure extends PermanentGenerationError {
  constructor(
    readonly publicReason: string,
    message: string,
  ) {
    super(message);
  }
}

type Outcome = { retry: false } | { retry: true; delaySeconds: number };

export async function handleQueue(batch: MessageBatch<GenerationMessage>, env: ConsumerEnv, deps: QueueDeps = {}): Promise<void> {
  const deadLetters = batch.queue === GENERATION_DLQ;
  await Promise.all(batch.messages.map((message) => handleMessage(message, env, deps, deadLetters)));
}

async function handleMessage(message: Message<GenerationMessage>, env: ConsumerEnv, deps: QueueDeps, deadLetters: boolean): Promise<void> {
  const body = message.body;
  if (body?.kind === 'ping') {
    // Health-check traffic proves the producer binding works; nothing to do.
    message.ack();
    return;
  }
  if (!isGenerateMessage(body)) {
    // Retrying a message nobody can read would only feed the dead-letter queue.
    console.warn('unreadable generation message', { id: message.id });
    message.ack();
    return;
  }
  try {
    if (deadLetters) {
      await onDeadLetter(body, env);
      message.ack();
      return;
    }
    const outcome = await runJob(body, message.attempts, env, deps);
    if (outcome.retry) message.retry({ delaySeconds: outcome.delaySeconds });
    else message.ack();
  } catch (err) {
    // D1 or R2 failed around the job (not the provider): the same backoff and attempt cap apply.
    console.error('generation message failed', { id: message.id, hash: body.hash, error: errorText(err, env) });
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
  }
}

function isGenerateMessage(body: unknown): body is GenerateMessage {
  const m = body as Partial<GenerateMessage> | null;
  return (
    !!m &&
    m.kind === 'generate' &&
    typeof m.orgId === 'string' &&
    typeof m.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(m.hash) &&
    typeof m.stepPhotoId === 'string' &&
    typeof m.model === 'string' &&
    typeof m.claimedAt === 'number' &&
    !!m.selections &&
    typeof m.selections === 'object'
  );
}

/** Every attempt failed: the row tells the buyer so, and the job's scratch goes. */
async function onDeadLetter(job: GenerateMessage, env: ConsumerEnv): Promise<void> {
  await markExhausted(env.DB, job.orgId, job.hash, job.claimedAt);
  await createScratch(env.MEDIA, job.orgId, job.hash).clear();
}

async function runJob(job: GenerateMessage, attempt: number, env: ConsumerEnv, deps: QueueDeps): Promise<Outcome> {
  const db = getDb(env.DB);
  const row = await findImage(db, job.orgId, job.hash);
  // Done, failed, dropped by feedback, or taken over by a newer claim (whose own message does the work).
  if (!row || row.status !== 'pending' || row.claimedAt !== job.claimedAt) return { retry: false };

  const started = performance.now();
  // The audit row and the inputs are independent: one round trip instead of two.
  const [jobId, loaded] = await Promise.all([
    startJob(db, { orgId: job.orgId, hash: job.hash, attempt, provider: providerNameFor(job.model), model: job.model, now: Date.now() }),
    loadTarget(db, { orgId: job.orgId, stepPhotoId: job.stepPhotoId, candidates: job.selections, model: job.model }).then(
      (target) => ({ target }),
      (error: unknown) => ({ error }),
    ),
  ]);
  const scratch = createScratch(env.MEDIA, job.orgId, job.hash);
  let stats = { passes: 0, swatchCount: 0, estimatedCostMicros: 0 };
  try {
    if ('error' in loaded) throw loaded.error;
    const target = loaded.target;
    if (!target) throw new JobFailure(FAILURE_REASONS.missingPhoto, 'Room photo row is gone');
    // The photo, its surfaces, an option or the policy changed since the claim: an image made
    // now would not be what this hash stands for.
    if (target.hash !== job.hash) throw new JobFailure(FAILURE_REASONS.changed, 'Inputs changed since the claim (hash mismatch)');

    const request = await buildRequest(env.MEDIA, target, scratch);
    const provider = createProvider(job.model, env, deps);
    const result = await provider.generate(request);
    stats = { passes: result.passes, swatchCount: result.swatchCount, estimatedCostMicros: result.estimatedCostMicros };
    const note = await persist(env, db, job, result.image);

    await finishJob(db, jobId, { status: 'complete', ...stats, durationMs: performance.now() - started, error: note });
    await scratch.clear();
    return { retry: false };
  } catch (err) {
    const durationMs = performance.now() - started;
    const detail = errorText(err, env);
    if (err instanceof PermanentGenerationError) {
      const reason = err instanceof JobFailure ? err.publicReason : FAILURE_REASONS.permanent;
      await markFailed(env.DB, job.orgId, job.hash, job.claimedAt, reason);
      await finishJob(db, jobId, { status: 'failed', ...stats, durationMs, error: detail });
      await scratch.clear();
      return { retry: false };
    }
    await finishJob(db, jobId, { status: 'failed', ...stats, durationMs, error: detail });
    await noteAttemptFailure(env.DB, job.orgId, job.hash, job.claimedAt, retryableReason(detail));
    // Scratch stays: the next attempt resumes from the last pass it finds. After the last
    // attempt the queue moves the message to the dead-letter queue, which fails the row.
    return { retry: true, delaySeconds: retryDelaySeconds(attempt) };
  }
}

/**
 * Writes the image and completes the row. The put is create-only, so an image another
 * delivery already stored (and maybe completed) is never replaced; an object left without a
 * row (an interrupted feedback) is. Returns a note for the audit row when nothing was kept.
 */
async function persist(env: ConsumerEnv, db: Db, job: GenerateMessage, image: ImageBytes): Promise<string | null> {
  const key = generatedImageKey(job.orgId, job.hash, image.mimeType);
  const put = { httpMetadata: { contentType: image.mimeType } };
  const created = await env.MEDIA.put(key, image.bytes, { ...put, onlyIf: new Headers({ 'if-none-match': '*' }) });
  if (!created) {
    const row = await findImage(db, job.orgId, job.hash);
    if (row?.status !== 'pending') return 'Result discarded: the image was already stored';
    await env.MEDIA.put(key, image.bytes, put);
  }
  if (await markComplete(env.DB, job.orgId, job.hash, key, Date.now())) return null;
  // Completed by another delivery or dropped meanwhile: keep only an object a row points at.
  const row = await findImage(db, job.orgId, job.hash);
  if (row?.imageKey !== key) await env.MEDIA.delete(key);
  return 'Result discarded: the row was no longer pending';
}

async function buildRequest(bucket: R2Bucket, target: GenerationTarget, scratch: R2Scratch): Promise<GenerationRequest> {
  // The photo and every swatch are read side by side.
  const [bytes, items] = await Promise.all([loadPhoto(bucket, target.photo.imageKey), loadItems(bucket, target)]);
  const mimeType = sniffImageType(bytes);
  if (!mimeType) throw new JobFailure(FAILURE_REASONS.missingPhoto, 'Room photo is not a JPEG, PNG or WebP image');
  return {
    hash: target.hash,
    model: target.model,
    photo: { bytes, mimeType, width: target.photo.width, height: target.photo.height },
    surfaces: target.photo.surfaces,
    spatialHint: target.photo.spatialHint,
    policy: target.photo.policy,
    items,
    scratch,
  };
}

async function loadPhoto(bucket: R2Bucket, key: string): Promise<Uint8Array> {
  const object = await bucket.get(key);
  if (!object) throw new JobFailure(FAILURE_REASONS.missingPhoto, 'Room photo object is missing from R2');
  return new Uint8Array(await object.arrayBuffer());
}

function loadItems(bucket: R2Bucket, target: GenerationTarget): Promise<GenerationItem[]> {
  return Promise.all(
    target.items.map(
      async (o): Promise<GenerationItem> => ({
        subcategoryId: o.subcategoryId,
        subcategoryName: o.subcategoryName,
        optionId: o.optionId,
        optionName: o.optionName,
        descriptor: o.descriptor,
        swatch: await loadSwatch(bucket, o.swatchKey),
        swatchColor: o.swatchColor,
      }),
    ),
  );
}

/** A missing or unreadable swatch image falls back to the option's colour (or its description). */
async function loadSwatch(bucket: R2Bucket, key: string | null): Promise<ImageBytes | null> {
  if (!key) return null;
  const object = await bucket.get(key);
  if (!object) return null;
  const bytes = new Uint8Array(await object.arrayBuffer());
  const mimeType = sniffImageType(bytes);
  return mimeType ? { bytes, mimeType } : null;
}

/** The reason a buyer sees while the job is retried, by the kind of failure, never its text. */
function retryableReason(detail: string): string {
  if (/timed out|timeout/i.test(detail)) return FAILURE_REASONS.timedOut;
  if (/HTTP (5\d\d|429|408)|request failed|fetch failed|network|unavailable/i.test(detail)) return FAILURE_REASONS.unavailable;
  if (/no image/i.test(detail)) return FAILURE_REASONS.noImage;
  return FAILURE_REASONS.internal;
}

/** For the audit row and the log: bounded, and never the API key even if an upstream echoed it. */
function errorText(err: unknown, env: ProviderEnv): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const redacted = env.GEMINI_API_KEY ? text.split(env.GEMINI_API_KEY).join('[redacted]') : text;
  return redacted.slice(0, 500);
}
