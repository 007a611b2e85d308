/** React bindings for the visualization store (one store per buyer session, kept across views). */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { usePicker } from '../context';
import type { Catalog } from '../domain';
import { httpVisualizeApi } from './api';
import type { Visualization } from './machine';
import { browserStorage, pruneStored } from './persist';
import { DEFAULT_RUN_OPTIONS, realClock } from './run';
import { VisualizeStore, type StoreScope } from './store';

const stores = new Map<string, VisualizeStore>();
let pruned = false;

function storeFor(scope: StoreScope, photoIds: readonly string[]): VisualizeStore {
  const key = `${scope.floorplanSlug}\n${scope.sessionId}`;
  let store = stores.get(key);
  if (!store) {
    const storage = browserStorage();
    if (!pruned) {
      pruned = true;
      pruneStored(storage, Date.now());
    }
    store = new VisualizeStore(scope, { api: httpVisualizeApi, clock: realClock, options: DEFAULT_RUN_OPTIONS, storage }, photoIds);
    stores.set(key, store);
  }
  return store;
}

export function catalogPhotoIds(catalog: Catalog): string[] {
  return catalog.steps.flatMap((s) => s.photos.map((p) => p.id));
}

/** The current buyer session's store (images remembered from earlier visits are loaded once). */
export function useVisualizeStore(): VisualizeStore {
  const { session, catalog } = usePicker();
  return useMemo(() => storeFor({ sessionId: session.id, floorplanSlug: catalog.floorplan.slug }, catalogPhotoIds(catalog)), [session.id, catalog]);
}

export function useVisualization(store: VisualizeStore, photoId: string): Visualization {
  const get = () => store.get(photoId);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Re-renders on any change in the store (views listing several photos). */
export function useStoreVersion(store: VisualizeStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
}

/** Keeps the photos' requests alive while the calling view is mounted. */
export function useAttached(store: VisualizeStore, photoIds: readonly string[]): void {
  const key = photoIds.join('\n');
  useEffect(() => {
    const detach = key ? key.split('\n').map((id) => store.attach(id)) : [];
    return () => detach.forEach((d) => d());
  }, [store, key]);
}

/** Date.now(), refreshed every `intervalMs` while `active` (for elapsed-time counters). */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
