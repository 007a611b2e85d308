import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../index';
import type { GenerationMessage } from './messages';

describe('generation queue consumer', () => {
  it('Should ack health pings explicitly, one message at a time', async () => {
    const batch = createMessageBatch<GenerationMessage>('finch-generation', [
      { id: 'a', timestamp: new Date(), attempts: 1, body: { kind: 'ping', at: 1 } },
      { id: 'b', timestamp: new Date(), attempts: 1, body: { kind: 'ping', at: 2 } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(['a', 'b']);
    expect(result.retryMessages).toEqual([]);
  });
});
