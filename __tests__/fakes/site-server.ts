/**
 * A fake deployed site: a real HTTPS server on 127.0.0.1 (certificate from the test CA) that serves recorded pages
 * and chunks, and the ways a site fails to be read: redirects, Vercel Deployment Protection (401 unless the
 * `x-vercel-protection-bypass` header holds the secret), a 5xx, a slow answer, a huge page.
 */
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverCertificate } from './test-ca.js';
import { serverLifetime } from './server-lifetime.js';

export interface SiteRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer 401 unless `x-vercel-protection-bypass` equals this. */
  bypass?: string;
  /** Stream this many bytes of filler HTML (a huge page), in 64 KiB pieces. */
  hugeBytes?: number;
}

export interface SiteRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FakeSite {
  /** `https://127.0.0.1:<port>` */
  origin: string;
  requests: SiteRequest[];
  /** Bytes written for huge routes (to see the client stopped early). */
  hugeBytesSent: number;
  close(): Promise<void>;
}

/**
 * Serves `routes` by path (query ignored); a path under `/_next/static/` or `/assets/` that is not listed answers
 * an empty script, standing in for the chunks the trimmed fixtures left out; anything else is 404.
 */
export async function startSite(routes: Record<string, SiteRoute>): Promise<FakeSite> {
  const lifetime = serverLifetime();
  const requests: SiteRequest[] = [];
  const site = { hugeBytesSent: 0 };
  const { key, cert } = serverCertificate();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
    requests.push({ path, headers: req.headers });
    const route = routes[path] ?? (/^\/(_next\/static|assets)\//.test(path) ? TRIMMED_CHUNK : undefined);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.delayMs) await lifetime.sleep(route.delayMs);
    if (lifetime.closed) return;
    if (route.bypass !== undefined && req.headers['x-vercel-protection-bypass'] !== route.bypass) {
      res.writeHead(401, { 'content-type': 'text/html' }).end('<!doctype html><title>Authentication Required</title>');
      return;
    }
    if (route.hugeBytes) {
      res.writeHead(200, { 'content-type': 'text/html' });
      const piece = Buffer.alloc(64 * 1024, '<p>filler</p>\n');
      for (let sent = 0; sent < route.hugeBytes && !res.destroyed && !lifetime.closed; sent += piece.length) {
        site.hugeBytesSent += piece.length;
        if (!res.write(piece)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
      }
      res.end();
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers });
    res.end(route.body ?? '');
  };
  const server: Server = createHttpsServer({ key, cert }, (req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    requests,
    get hugeBytesSent() {
      return site.hugeBytesSent;
    },
    close: () => lifetime.close(server)
  };
}

const TRIMMED_CHUNK: SiteRoute = {
  headers: { 'content-type': 'application/javascript' },
  body: '/* a chunk the trimmed fixture left out */\n'
};
