import { DurableObject } from 'cloudflare:workers';

/**
 * One instance per project: the live room collaborators share. This is the skeleton the
 * realtime scene issue builds on: hibernatable WebSockets, SQLite-backed state, RPC.
 *
 * Protocol (JSON text frames): client `{ "type": "bump" }` increments the room counter;
 * the room answers every socket with `{ "type": "counter", "value", "connections" }`.
 * The literal text `ping` is answered with `pong` by the runtime itself.
 */
export class ProjectRoom extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Answered by the runtime without waking the object: without this, every keep-alive
    // ping from every open tab would wake a hibernated room and bill its duration.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
    // Runs on every wake-up (including after hibernation) before any event is delivered.
    ctx.blockConcurrencyWhile(async () => {
      ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS room_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)');
    });
  }

  private counter(): number {
    const row = this.ctx.storage.sql.exec<{ value: number }>("SELECT value FROM room_meta WHERE key = 'counter'").toArray()[0];
    return row?.value ?? 0;
  }

  private increment(): number {
    return this.ctx.storage.sql
      .exec<{ value: number }>(
        "INSERT INTO room_meta (key, value) VALUES ('counter', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1 RETURNING value",
      )
      .one().value;
  }

  /** RPC for the health check: proves the namespace, storage and class all respond. */
  async ping(): Promise<{ ok: true; counter: number; connections: number }> {
    return { ok: true, counter: this.counter(), connections: this.ctx.getWebSockets().length };
  }

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade', { status: 426 });
    }
    const { 0: client, 1: server } = new WebSocketPair();
    // acceptWebSocket (not server.accept()) lets the object hibernate while sockets stay open.
    this.ctx.acceptWebSocket(server);
    server.send(JSON.stringify(this.snapshot()));
    return new Response(null, { status: 101, webSocket: client });
  }

  private snapshot(value = this.counter()) {
    return { type: 'counter' as const, value, connections: this.ctx.getWebSockets().length };
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    let parsed: unknown;
    try {
      parsed = typeof message === 'string' ? JSON.parse(message) : null;
    } catch {
      parsed = null;
    }
    if (!parsed || typeof parsed !== 'object' || (parsed as { type?: unknown }).type !== 'bump') {
      ws.send(JSON.stringify({ type: 'error', code: 'bad_message', message: 'Unknown message' }));
      return;
    }
    // Persist first, then broadcast: a client never sees a value the room could lose.
    const frame = JSON.stringify(this.snapshot(this.increment()));
    for (const peer of this.ctx.getWebSockets()) peer.send(frame);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Completes the closing handshake; 1005/1006 are reserved and may not be sent back.
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  }
}
