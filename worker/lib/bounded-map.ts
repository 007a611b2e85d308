/**
 * Sets `key` as the newest entry of an insertion-ordered Map and drops the oldest past `limit`:
 * the isolate memos in front of D1 and the Cache API stay bounded however many orgs and
 * versions an isolate sees.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value!);
  return value;
}
