/**
 * netFetch (the fetch vendor SDKs get) against real HTTP servers on 127.0.0.1: redirects by hand with credentials
 * dropped across origins, the hop cap, the body cap, the per-call timeout and the deadline, and the loopback rule.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Deadline } from '../../src/net/deadline.js';
import { netFetch } from '../../src/net/fetch.js';

interface Seen {
  port: number;
  path: string;
  authorization?: string;
}
const seen: Seen[] = [];
const servers: Server[] = [];
let a = '';
let b = '';

async function serve(): Promise<string> {
  const server = createServer((req: IncomingMessage, res) => {
    const port = (server.address() as AddressInfo).port;
    const path = req.url ?? '/';
    seen.push({ port, path, ...(req.headers.authorization && { authorization: req.headers.authorization }) });
    if (path === '/to-b') return res.writeHead(302, { location: `${b}/landed` }).end();
    if (path.startsWith('/loop')) return res.writeHead(302, { location: `/loop${path.length}` }).end();
    if (path === '/down') return res.writeHead(302, { location: 'http://example.com/' }).end();
    if (path === '/big') return res.end(Buffer.alloc(64 * 1024, 'x'));
    if (path === '/slow') return void setTimeout(() => res.end('late'), 1500);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  a = await serve();
  b = await serve();
});
afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const fetchWith = (options: { timeoutMs?: number; budgetMs?: number; maxBytes?: number } = {}) =>
  netFetch({
    timeoutMs: options.timeoutMs ?? 2000,
    deadline: Deadline.after(options.budgetMs ?? 10_000),
    maxBytes: options.maxBytes ?? 1024 * 1024
  });

describe('netFetch', () => {
  it('follows a redirect to another origin without the Authorization header', async () => {
    seen.length = 0;
    const response = await fetchWith()(`${a}/to-b`, { headers: { authorization: 'Bearer secret-token-123' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(seen.map((s) => [s.path, s.authorization])).toEqual([
      ['/to-b', 'Bearer secret-token-123'],
      ['/landed', undefined]
    ]);
  });

  it('takes a Request as vendor SDKs pass it', async () => {
    const response = await fetchWith()(new Request(`${a}/plain`, { headers: { accept: 'application/json' } }));
    expect(await response.json()).toEqual({ ok: true });
  });

  it('stops after 5 redirects, and refuses a downgrade off the loopback rule', async () => {
    await expect(fetchWith()(`${a}/loop`)).rejects.toMatchObject({ code: 'ERR_TOO_MANY_REDIRECTS' });
    await expect(fetchWith()(`${a}/down`)).rejects.toMatchObject({
      code: 'ERR_REDIRECT_REFUSED',
      message: `fetch ${a}/down: a redirect to http://example.com/, which is not https`
    });
    await expect(fetchWith()('http://example.com/')).rejects.toMatchObject({ code: 'ERR_NOT_HTTPS' });
  });

  it('caps the body as it streams', async () => {
    const response = await fetchWith({ maxBytes: 1000 })(`${a}/big`);
    await expect(response.text()).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('a call ends at its timeout, or sooner at the deadline', async () => {
    let started = performance.now();
    await expect(fetchWith({ timeoutMs: 300 })(`${a}/slow`)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1200);
    const shared = netFetch({ timeoutMs: 5000, deadline: Deadline.after(400), maxBytes: 1000 });
    started = performance.now();
    await expect(shared(`${a}/slow`)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1200);
  });
});
