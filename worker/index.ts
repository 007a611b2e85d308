import { app } from './app';
import { runMaintenance } from './maintenance';
import { handleQueue } from './queue/consumer';
import type { GenerationMessage } from './queue/messages';

export { ProjectRoom } from '../durable-objects/project-room';

export default {
  fetch: app.fetch,
  queue: (batch, env) => handleQueue(batch, env),
  scheduled: (_controller, env, ctx) => ctx.waitUntil(runMaintenance(env)),
} satisfies ExportedHandler<Env, GenerationMessage>;
