/**
 * The buyer session's visualizations, shared by every view of the floorplan (step photos,
 * gallery, summary) and kept across view changes. Framework-free: React reads it through
 * `useSyncExternalStore` (see hooks.ts), tests drive it directly.
 *
 * Lifetimes: a photo's polling runs while at least one mounted view shows that photo
 * (`attach`). When the last one goes (the buyer left the step or the page) its request is
 * aborted; a job the server already accepted stays pending here and in storage, and polling
 * resumes with `check` when the photo is shown again.
 */
import type { Selections } from '../domain';
import type { GenerateBody, VisualizeApi } from './api';
import { runLimited } from './limit';
import {
  IDLE,
  needsVisualize,
  reduceVisualization,
  sameSnapshot,
  scopeSelections,
  type Snapshot,
  type Visualization,
  type VisualizationEvent,
} from './machine';
import { readStored, toStored, writeStored, type StorageLike } from './persist';
import { runVisualization, type RunClock, type RunOptions, type RunPlan } from './run';

export interface PhotoRef {
  id: string;
  subcategoryIds: readonly string[];
}

export interface StoreScope {
  sessionId: string;
  floorplanSlug: string;
}

export interface StoreDeps {
  api: VisualizeApi;
  clock: RunClock;
  options: RunOptions;
  storage: StorageLike | null;
}

/** "Visualize all" keeps at most this many photos in flight. */
export const VISUALIZE_ALL_LIMIT = 4;

interface Run {
  controller: AbortController;
  done: Promise<void>;
}

export class VisualizeStore {
  private readonly states = new Map<string, Visualization>();
  private readonly runs = new Map<string, Run>();
  /** The last request per photo, so a job lost while polling can be re-issued with the same picks. */
  private readonly bodies = new Map<string, GenerateBody>();
  private readonly attached = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(
    readonly scope: StoreScope,
    private readonly deps: StoreDeps,
    photoIds: readonly string[] = [],
  ) {
    const now = deps.clock.now();
    for (const id of photoIds) {
      const entry = readStored(deps.storage, scope.sessionId, id, now);
      if (!entry) continue;
      const startedAt = entry.status === 'pending' && entry.startedAt !== undefined ? entry.startedAt : now;
      this.states.set(id, reduceVisualization(IDLE, { type: 'restore', snapshot: entry.snapshot, hash: entry.hash, startedAt }));
    }
  }

  readonly get = (photoId: string): Visualization => this.states.get(photoId) ?? IDLE;

  /** Changes whenever any photo's state changes (for views that list several photos). */
  readonly getVersion = (): number => this.version;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** True while a request or poll for the photo is running. */
  isRunning(photoId: string): boolean {
    return this.runs.has(photoId);
  }

  /** A view shows the photo: resume its pending job. Returns the detach to call on unmount. */
  attach(photoId: string): () => void {
    this.attached.set(photoId, (this.attached.get(photoId) ?? 0) + 1);
    this.resume(photoId);
    let detached = false;
    return () => {
      if (detached) return;
      detached = true;
      const left = (this.attached.get(photoId) ?? 1) - 1;
      if (left > 0) {
        this.attached.set(photoId, left);
        return;
      }
      this.attached.delete(photoId);
      // Deferred: a view that remounts at once (React StrictMode, a re-keyed list) keeps the request.
      queueMicrotask(() => {
        if (!this.attached.has(photoId)) this.stop(photoId);
      });
    };
  }

  /**
   * Make the photo's image for these selections. Joins a run already making the same image;
   * supersedes one making another. `again`: the buyer wants a fresh image of the same picks
   * (the cached one is discarded through `feedback` first). A failed image is always
   * discarded before retrying, so the server does not answer with the same failure.
   */
  visualize(photo: PhotoRef, selections: Selections, { again = false }: { again?: boolean } = {}): Promise<void> {
    const snapshot = scopeSelections(selections, photo.subcategoryIds);
    const current = this.get(photo.id);
    const running = this.runs.get(photo.id);
    if (running && !again && current.status === 'pending' && sameSnapshot(current.snapshot, snapshot)) return running.done;

    const feedbackHash = discardableHash(current, snapshot, again);
    if (running) this.stop(photo.id, false);
    this.dispatch(photo.id, { type: 'start', snapshot, now: this.deps.clock.now() });
    const body: GenerateBody = {
      floorplanSlug: this.scope.floorplanSlug,
      stepPhotoId: photo.id,
      selections: { ...selections },
      sessionId: this.scope.sessionId,
    };
    this.bodies.set(photo.id, body);
    return this.startRun(photo.id, { kind: 'generate', body, feedbackHash });
  }

  /**
   * Visualize every photo that has no current image (idle, failed or stale), at most `limit`
   * at a time. Selections are read as each photo's turn comes, so picks changed meanwhile are
   * used. Photos already being made occupy a slot until they finish.
   */
  async visualizeAll(
    photos: readonly PhotoRef[],
    getSelections: () => Selections,
    { limit = VISUALIZE_ALL_LIMIT, signal }: { limit?: number; signal?: AbortSignal } = {},
  ): Promise<void> {
    const tasks = photos.map((photo) => async () => {
      const selections = getSelections();
      if (needsVisualize(this.get(photo.id), selections, photo.subcategoryIds)) {
        await this.visualize(photo, selections);
        return;
      }
      const running = this.runs.get(photo.id);
      if (running) await running.done;
    });
    await runLimited(tasks, limit, signal);
  }

  /** The browser failed to load the photo's generated image: forget it (Visualize makes it again). */
  imageFailed(photoId: string, url: string): void {
    this.dispatch(photoId, { type: 'imageFailed', url });
  }

  /** Stops every request (the buyer session is going away). */
  dispose(): void {
    for (const id of [...this.runs.keys()]) this.stop(id);
  }

  private resume(photoId: string): void {
    const state = this.get(photoId);
    if (state.status !== 'pending' || state.hash === null || this.runs.has(photoId)) return;
    void this.startRun(photoId, {
      kind: 'resume',
      hash: state.hash,
      startedAt: state.startedAt,
      restoring: state.restoring,
      body: this.bodies.get(photoId) ?? null,
    });
  }

  private stop(photoId: string, abandon = true): void {
    const run = this.runs.get(photoId);
    if (!run) return;
    this.runs.delete(photoId);
    run.controller.abort();
    if (abandon) this.dispatch(photoId, { type: 'abandoned' });
  }

  private startRun(photoId: string, plan: RunPlan): Promise<void> {
    const controller = new AbortController();
    const emit = (event: VisualizationEvent) => {
      if (!controller.signal.aborted) this.dispatch(photoId, event);
    };
    const done = runVisualization(this.deps.api, this.deps.clock, this.deps.options, plan, emit, controller.signal).finally(() => {
      if (this.runs.get(photoId)?.controller === controller) this.runs.delete(photoId);
    });
    this.runs.set(photoId, { controller, done });
    return done;
  }

  private dispatch(photoId: string, event: VisualizationEvent): void {
    const previous = this.get(photoId);
    const next = reduceVisualization(previous, event);
    if (next === previous) return;
    if (next.status === 'idle') this.states.delete(photoId);
    else this.states.set(photoId, next);
    const stored = toStored(next, this.deps.clock.now());
    if (stored !== undefined) writeStored(this.deps.storage, this.scope.sessionId, photoId, stored);
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}

/** The cached image or failure to delete before generating this snapshot again, if any. */
function discardableHash(current: Visualization, snapshot: Snapshot, again: boolean): string | null {
  if (current.status === 'failed' && current.hash && sameSnapshot(current.snapshot, snapshot)) return current.hash;
  if (again && current.status === 'complete' && sameSnapshot(current.result.snapshot, snapshot)) return current.result.hash;
  return null;
}
