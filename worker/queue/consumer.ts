import type { GenerationMessage } from './messages';

export const GENERATION_DLQ = 'finch-generation-dlq';

/**
 * One handler for the generation queue and its dead-letter queue. Each message is acked
 * or retried on its own so one bad message never replays a whole batch.
 */
export async function handleQueue(batch: MessageBatch<GenerationMessage>, _env: Env): Promise<void> {
  for (const message of batch.messages) {
    const body = message.body;
    if (body.kind === 'ping') {
      // Health-check traffic proves the producer binding works; nothing to do.
      message.ack();
      continue;
    }
    // Image generation arrives with the Visualize issue; until then nothing produces these.
    console.warn('unhandled generation message', { queue: batch.queue, kind: body.kind });
    message.ack();
  }
}
