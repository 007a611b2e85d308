/**
 * Runs tasks with at most `limit` in flight ("Visualize all" must not flood the generator or
 * trip the rate limit). Tasks start in order; a failing task does not stop the others; once
 * `signal` aborts, tasks not yet started are skipped (the ones running finish on their own).
 */
export type LimitedOutcome<T> = PromiseSettledResult<T> | { status: 'skipped' };

export async function runLimited<T>(
  tasks: ReadonlyArray<() => Promise<T>>,
  limit: number,
  signal?: AbortSignal,
): Promise<LimitedOutcome<T>[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  const outcomes: LimitedOutcome<T>[] = tasks.map(() => ({ status: 'skipped' }));
  let next = 0;

  async function worker(): Promise<void> {
    while (next < tasks.length && !signal?.aborted) {
      const i = next++;
      try {
        outcomes[i] = { status: 'fulfilled', value: await tasks[i]!() };
      } catch (reason) {
        outcomes[i] = { status: 'rejected', reason };
      }
    }
  }

  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return outcomes;
}
