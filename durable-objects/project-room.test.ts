import { env, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, loginAs } from '../test/admin-fixtures';
import { call, createTenant, type TestTenant } from '../test/fixtures';
import { roomName } from '../worker/routes/projects';
import type { ProjectRoom } from './project-room';

let summit: TestTenant;
let harbor: TestTenant;
const cookies = new Map<string, string>();

beforeAll(async () => {
  summit = await createTenant('summit');
  harbor = await createTenant('harbor');
  for (const t of [summit, harbor]) {
    const member = await createAdmin(t, 'viewer');
    cookies.set(t.host, await loginAs(t.host, member.email, member.password));
  }
});

/** A signed-in member of the host's org calling the Worker. */
const member = (host: string, path: string, headers: Record<string, string> = {}) => call(host, path, { headers: { cookie: cookies.get(host)!, ...headers } });

async function connect(tenant: TestTenant, projectId = tenant.projectId): Promise<{ ws: WebSocket; next: () => Promise<any> }> {
  const res = await member(tenant.host, `/api/projects/${projectId}/room`, { upgrade: 'websocket' });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const queue: string[] = [];
  const waiters: ((v: string) => void)[] = [];
  ws.addEventListener('message', (e) => {
    const data = String(e.data);
    const w = waiters.shift();
    if (w) w(data);
    else queue.push(data);
  });
  ws.accept();
  const next = () =>
    new Promise<any>((resolve) => {
      const ready = queue.shift();
      const parse = (d: string) => resolve(d === 'pong' ? d : JSON.parse(d));
      if (ready !== undefined) parse(ready);
      else waiters.push(parse);
    });
  return { ws, next };
}

describe('ProjectRoom', () => {
  it('Should greet a socket, persist a bump, then broadcast it to every peer', async () => {
    const a = await connect(summit);
    expect(await a.next()).toMatchObject({ type: 'counter', value: 0 });
    const b = await connect(summit);
    expect(await b.next()).toMatchObject({ type: 'counter', value: 0, connections: 2 });

    a.ws.send(JSON.stringify({ type: 'bump' }));
    expect(await a.next()).toMatchObject({ type: 'counter', value: 1 });
    expect(await b.next()).toMatchObject({ type: 'counter', value: 1 });

    const stub = env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(roomName(summit.orgId, summit.projectId)));
    const stored = await runInDurableObject(stub, (_room: ProjectRoom, state) =>
      state.storage.sql.exec<{ value: number }>("SELECT value FROM room_meta WHERE key = 'counter'").one().value,
    );
    expect(stored).toBe(1);
    a.ws.close(1000, 'done');
    b.ws.close(1000, 'done');
  });

  it('Should answer ping with pong without application code', async () => {
    const a = await connect(summit);
    await a.next();
    a.ws.send('ping');
    expect(await a.next()).toBe('pong');
    a.ws.close(1000);
  });

  it('Should answer a malformed frame with an error frame and keep the counter', async () => {
    const a = await connect(summit);
    const before = (await a.next()).value;
    a.ws.send('{not json');
    expect(await a.next()).toMatchObject({ type: 'error', code: 'bad_message' });
    const stub = env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(roomName(summit.orgId, summit.projectId)));
    expect((await stub.ping()).counter).toBe(before);
    a.ws.close(1000);
  });

  it('Should answer RPC ping', async () => {
    const stub = env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName('rpc-test'));
    expect(await stub.ping()).toEqual({ ok: true, counter: 0, connections: 0 });
  });

  it('Should 404 another tenant project and an unknown project', async () => {
    const cross = await member(harbor.host, `/api/projects/${summit.projectId}/room`, { upgrade: 'websocket' });
    expect(cross.status).toBe(404);
    const unknown = await member(summit.host, `/api/projects/${crypto.randomUUID()}/room`, { upgrade: 'websocket' });
    expect(unknown.status).toBe(404);
  });

  it('Should refuse a plain GET on the room with 426', async () => {
    const res = await member(summit.host, `/api/projects/${summit.projectId}/room`);
    expect(res.status).toBe(426);
  });

  it('Should refuse the room without a sign-in and from another origin', async () => {
    const anonymous = await call(summit.host, `/api/projects/${summit.projectId}/room`, { headers: { upgrade: 'websocket' } });
    expect(anonymous.status).toBe(401);
    const forged = await member(summit.host, `/api/projects/${summit.projectId}/room`, { upgrade: 'websocket', origin: 'http://harbor.localhost:8787' });
    expect(forged.status).toBe(403);
  });
});

describe('GET /api/projects/:id/scene', () => {
  it('Should return the scene elements of the host tenant project', async () => {
    const res = await member(summit.host, `/api/projects/${summit.projectId}/scene`);
    expect(res.status).toBe(200);
    const body = await res.json<{ project: { id: string }; elements: { type: string }[] }>();
    expect(body.project.id).toBe(summit.projectId);
    expect(body.elements.map((e) => e.type)).toEqual(['wall']);
  });

  it('Should 404 another tenant project', async () => {
    const res = await member(harbor.host, `/api/projects/${summit.projectId}/scene`);
    expect(res.status).toBe(404);
  });

  it('Should 401 without a sign-in and not reveal whether the project exists', async () => {
    const res = await call(summit.host, `/api/projects/${summit.projectId}/scene`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(summit.projectId);
  });
});
