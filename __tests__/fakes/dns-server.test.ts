import { afterEach, describe, expect, it } from '@jest/globals';
import { createSocket } from 'node:dgram';
import { promises as dns } from 'node:dns';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import * as dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket, Packet } from 'dns-packet';
import { startFakeDns, type FakeDns, type FakeDnsOptions, type Zone } from './dns-server.js';

const servers: FakeDns[] = [];

async function start(zone: Zone, options?: FakeDnsOptions): Promise<FakeDns> {
  const server = await startFakeDns(zone, options);
  servers.push(server);
  return server;
}

function resolverFor(server: FakeDns, options: { timeout?: number; tries?: number } = {}): dns.Resolver {
  const resolver = new dns.Resolver({ timeout: options.timeout ?? 1000, tries: options.tries ?? 1 });
  resolver.setServers([server.address]);
  return resolver;
}

async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
  throw new Error('expected the query to fail');
}

/** A then AAAA, the way the gate finds the addresses of a host it connects to. */
async function addressesOf(resolver: dns.Resolver, host: string): Promise<string[]> {
  const v4 = await resolver.resolve4(host).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENODATA') return [];
    throw error;
  });
  if (v4.length > 0) return v4;
  return resolver.resolve6(host);
}

function dataOf(answer: Answer | undefined): unknown {
  return answer !== undefined && 'data' in answer ? answer.data : undefined;
}

function query(name: string, type: 'A' | 'AAAA' | 'CNAME', id: number): Packet {
  return { type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ name, type, class: 'IN' }] };
}

function udpExchange(server: FakeDns, packet: Packet): Promise<DecodedPacket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('no UDP answer'));
    }, 2000);
    socket.on('message', (message) => {
      clearTimeout(timer);
      socket.close();
      resolve(dnsPacket.decode(message));
    });
    socket.send(dnsPacket.encode(packet), server.port, '127.0.0.1');
  });
}

/** Send the given TCP byte chunks (one at a time) and collect `expected` length-prefixed answers. */
function tcpExchange(server: FakeDns, chunks: Buffer[], expected: number): Promise<DecodedPacket[]> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: server.port });
    const answers: DecodedPacket[] = [];
    let pending = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`got ${answers.length} of ${expected} TCP answers`));
    }, 2000);
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const length = pending.readUInt16BE(0);
        answers.push(dnsPacket.streamDecode(pending.subarray(0, 2 + length)) as DecodedPacket);
        pending = pending.subarray(2 + length);
      }
      if (answers.length >= expected) {
        clearTimeout(timer);
        socket.end();
        resolve(answers);
      }
    });
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        socket.write(chunk);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('startFakeDns: the server', () => {
  it('listens on 127.0.0.1 with UDP and TCP on the same port', async () => {
    const server = await start({ 'a.test': { A: ['192.0.2.1'] } });
    expect(server.address).toBe(`127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);

    const overUdp = await udpExchange(server, query('a.test', 'A', 7));
    const [overTcp] = await tcpExchange(server, [dnsPacket.streamEncode(query('a.test', 'A', 8))], 1);
    expect(overUdp).toMatchObject({ id: 7, rcode: 'NOERROR', answers: [{ type: 'A', data: '192.0.2.1' }] });
    expect(overTcp).toMatchObject({ id: 8, rcode: 'NOERROR', answers: [{ type: 'A', data: '192.0.2.1' }] });
    expect(server.queries).toEqual([
      { name: 'a.test', type: 'A', transport: 'udp' },
      { name: 'a.test', type: 'A', transport: 'tcp' }
    ]);
  });

  it('frames TCP messages: several in one write, one across writes', async () => {
    const server = await start({ 'a.test': { A: ['192.0.2.1'] }, 'b.test': { AAAA: ['2001:db8::b'] } });
    const first = dnsPacket.streamEncode(query('a.test', 'A', 1));
    const second = dnsPacket.streamEncode(query('b.test', 'AAAA', 2));
    const third = dnsPacket.streamEncode(query('a.test', 'A', 3));
    const answers = await tcpExchange(
      server,
      [Buffer.concat([first, second, third.subarray(0, 1)]), third.subarray(1, 9), third.subarray(9)],
      3
    );
    expect(answers.map((a) => [a.id, dataOf(a.answers?.[0])])).toEqual([
      [1, '192.0.2.1'],
      [2, '2001:db8::b'],
      [3, '192.0.2.1']
    ]);
  });

  it('echoes the question and answers with the name as asked, matching it case-insensitively', async () => {
    const server = await start({ 'MiXeD.Example.TEST.': { A: ['192.0.2.3'] } });
    const answer = await udpExchange(server, query('mixed.EXAMPLE.test', 'A', 42));
    expect(answer).toMatchObject({
      id: 42,
      type: 'response',
      flag_qr: true,
      flag_rd: true,
      flag_ra: true,
      flag_tc: false,
      questions: [{ name: 'mixed.EXAMPLE.test', type: 'A' }],
      answers: [{ name: 'mixed.EXAMPLE.test', type: 'A', data: '192.0.2.3' }]
    });
    expect(server.queries).toEqual([{ name: 'mixed.EXAMPLE.test', type: 'A', transport: 'udp' }]);
  });

  it('answers a zone record it cannot encode with SERVFAIL and keeps serving', async () => {
    const server = await start({ 'bad.test': { A: ['not-an-ip'] }, 'good.test': { A: ['192.0.2.4'] } });
    const resolver = resolverFor(server);
    expect(await errorCode(resolver.resolve4('bad.test'))).toBe('ESERVFAIL');
    await expect(resolver.resolve4('good.test')).resolves.toEqual(['192.0.2.4']);
  });

  it('close() stops both transports and can be called twice', async () => {
    const server = await startFakeDns({ 'a.test': { A: ['192.0.2.1'] } });
    await server.close();
    await server.close();
    await expect(
      new Promise((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: server.port });
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', reject);
      })
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const resolver = resolverFor(server, { timeout: 200 });
    expect(await errorCode(resolver.resolve4('a.test'))).toMatch(/^(ETIMEOUT|ECONNREFUSED)$/);
  });
});

describe('startFakeDns through node:dns promises.Resolver', () => {
  it('resolves A and AAAA records', async () => {
    const server = await start({
      'dual.example.test': { A: ['192.0.2.1', '192.0.2.2'], AAAA: ['2001:db8::1'] }
    });
    const resolver = resolverFor(server);
    await expect(resolver.resolve4('dual.example.test')).resolves.toEqual(['192.0.2.1', '192.0.2.2']);
    await expect(resolver.resolve6('dual.example.test')).resolves.toEqual(['2001:db8::1']);
    expect(server.queries).toEqual([
      { name: 'dual.example.test', type: 'A', transport: 'udp' },
      { name: 'dual.example.test', type: 'AAAA', transport: 'udp' }
    ]);
  });

  it('resolveCname returns just the first hop of a chain', async () => {
    const server = await start({
      'www.example.test': { CNAME: 'app.example.test' },
      'app.example.test': { CNAME: 'edge.cdn.test.' },
      'edge.cdn.test': { A: ['192.0.2.10'] }
    });
    const resolver = resolverFor(server);
    await expect(resolver.resolveCname('www.example.test')).resolves.toEqual(['app.example.test']);
    await expect(resolver.resolveCname('app.example.test')).resolves.toEqual(['edge.cdn.test']);
    expect(await errorCode(resolver.resolveCname('edge.cdn.test'))).toBe('ENODATA');
    expect(server.queries.map((q) => q.type)).toEqual(['CNAME', 'CNAME', 'CNAME']);
  });

  it('follows CNAME chains of any length for A, AAAA and CAA', async () => {
    const zone: Zone = { 'hop0.test': { CNAME: 'hop1.test' } };
    for (let i = 1; i < 8; i++) zone[`hop${i}.test`] = { CNAME: `hop${i + 1}.test` };
    zone['hop8.test'] = {
      A: ['192.0.2.88'],
      AAAA: ['2001:db8::88'],
      CAA: [{ flags: 0, tag: 'issue', value: 'letsencrypt.org' }]
    };
    zone['single.test'] = { CNAME: 'hop8.test' };
    const server = await start(zone);
    const resolver = resolverFor(server);

    await expect(resolver.resolve4('single.test')).resolves.toEqual(['192.0.2.88']);
    await expect(resolver.resolve4('hop0.test')).resolves.toEqual(['192.0.2.88']);
    await expect(resolver.resolve6('hop0.test')).resolves.toEqual(['2001:db8::88']);
    await expect(resolver.resolveCaa('hop3.test')).resolves.toEqual([{ critical: 0, issue: 'letsencrypt.org' }]);
    // One query each: the server, like a recursive resolver, follows the chain itself.
    expect(server.queries).toHaveLength(4);

    const raw = await udpExchange(server, query('hop6.test', 'A', 1));
    expect(raw.answers?.map((a) => [a.name, a.type, dataOf(a)])).toEqual([
      ['hop6.test', 'CNAME', 'hop7.test'],
      ['hop7.test', 'CNAME', 'hop8.test'],
      ['hop8.test', 'A', '192.0.2.88']
    ]);
  });

  it('answers a chain into a missing name with NXDOMAIN, a loop with SERVFAIL, a chain into no data with none', async () => {
    const server = await start({
      'dangling.test': { CNAME: 'gone.test' },
      'loop-a.test': { CNAME: 'loop-b.test' },
      'loop-b.test': { CNAME: 'loop-a.test' },
      'self.test': { CNAME: 'SELF.test.' },
      'to-v6-only.test': { CNAME: 'v6-only.test' },
      'v6-only.test': { AAAA: ['2001:db8::6'] }
    });
    const resolver = resolverFor(server);
    expect(await errorCode(resolver.resolve4('dangling.test'))).toBe('ENOTFOUND');
    await expect(resolver.resolveCname('dangling.test')).resolves.toEqual(['gone.test']);
    expect(await errorCode(resolver.resolve4('loop-a.test'))).toBe('ESERVFAIL');
    expect(await errorCode(resolver.resolve4('self.test'))).toBe('ESERVFAIL');
    // Node's own behaviour on a CNAME-only answer: an empty list, not ENODATA.
    await expect(resolver.resolve4('to-v6-only.test')).resolves.toEqual([]);
    await expect(resolver.resolve6('to-v6-only.test')).resolves.toEqual(['2001:db8::6']);
  });

  it('resolves CAA records into { critical, issue | issuewild | iodef }', async () => {
    const server = await start({
      'example.test': {
        CAA: [
          { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
          { flags: 0, tag: 'issuewild', value: ';' },
          { flags: 128, tag: 'iodef', value: 'mailto:security@example.test' }
        ]
      }
    });
    const resolver = resolverFor(server);
    await expect(resolver.resolveCaa('example.test')).resolves.toEqual([
      { critical: 0, issue: 'letsencrypt.org' },
      { critical: 0, issuewild: ';' },
      { critical: 128, iodef: 'mailto:security@example.test' }
    ]);
    expect(await errorCode(resolver.resolveCaa('nocaa.example.test'))).toBe('ENOTFOUND');
  });

  it('resolves TXT records, splitting long strings into 255-byte pieces', async () => {
    const long = 'x'.repeat(300);
    const server = await start({ 'txt.test': { TXT: ['v=spf1 -all', long] } });
    const resolver = resolverFor(server);
    await expect(resolver.resolveTxt('txt.test')).resolves.toEqual([
      ['v=spf1 -all'],
      ['x'.repeat(255), 'x'.repeat(45)]
    ]);
  });

  it('reports a name not in the zone as ENOTFOUND and a name without that type as ENODATA', async () => {
    const server = await start({ 'v4-only.test': { A: ['192.0.2.4'] }, 'empty.test': {} });
    const resolver = resolverFor(server);
    expect(await errorCode(resolver.resolve4('nowhere.test'))).toBe('ENOTFOUND');
    expect(await errorCode(resolver.resolveCname('nowhere.test'))).toBe('ENOTFOUND');
    expect(await errorCode(resolver.resolve6('v4-only.test'))).toBe('ENODATA');
    expect(await errorCode(resolver.resolveCaa('v4-only.test'))).toBe('ENODATA');
    expect(await errorCode(resolver.resolveCname('v4-only.test'))).toBe('ENODATA');
    expect(await errorCode(resolver.resolve4('empty.test'))).toBe('ENODATA');

    const nx = await udpExchange(server, query('nowhere.test', 'A', 1));
    const nodata = await udpExchange(server, query('v4-only.test', 'AAAA', 2));
    expect(nx).toMatchObject({ rcode: 'NXDOMAIN', answers: [] });
    expect(nodata).toMatchObject({ rcode: 'NOERROR', answers: [] });
  });

  it('finds A then AAAA addresses of a host, as the gate does before connecting', async () => {
    const server = await start({
      'v4.test': { A: ['192.0.2.4'] },
      'v6.test': { AAAA: ['2001:db8::6'] },
      'alias-v6.test': { CNAME: 'v6.test' }
    });
    const resolver = resolverFor(server);
    await expect(addressesOf(resolver, 'v4.test')).resolves.toEqual(['192.0.2.4']);
    await expect(addressesOf(resolver, 'v6.test')).resolves.toEqual(['2001:db8::6']);
    await expect(addressesOf(resolver, 'alias-v6.test')).resolves.toEqual(['2001:db8::6']);
    expect(server.queries.map((q) => `${q.name}/${q.type}`)).toEqual([
      'v4.test/A',
      'v6.test/A',
      'v6.test/AAAA',
      'alias-v6.test/A',
      'alias-v6.test/AAAA'
    ]);
  });

  it('answers SERVFAIL and REFUSED names with those rcodes, also at the end of a chain', async () => {
    const server = await start({
      'broken.test': { rcode: 'SERVFAIL' },
      'closed.test': { rcode: 'REFUSED' },
      'to-broken.test': { CNAME: 'broken.test' }
    });
    const resolver = resolverFor(server);
    expect(await errorCode(resolver.resolve4('broken.test'))).toBe('ESERVFAIL');
    expect(await errorCode(resolver.resolveCaa('broken.test'))).toBe('ESERVFAIL');
    expect(await errorCode(resolver.resolve4('closed.test'))).toBe('EREFUSED');
    expect(await errorCode(resolver.resolve4('to-broken.test'))).toBe('ESERVFAIL');
  });

  it('never answers a timeout name: ETIMEOUT within the resolver timeout', async () => {
    const server = await start({ 'slow.test': { timeout: true }, 'fine.test': { A: ['192.0.2.1'] } });
    const resolver = resolverFor(server, { timeout: 300, tries: 1 });
    const started = performance.now();
    expect(await errorCode(resolver.resolve4('slow.test'))).toBe('ETIMEOUT');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
    expect(server.queries).toEqual([{ name: 'slow.test', type: 'A', transport: 'udp' }]);
    // The server is still serving other names.
    await expect(resolver.resolve4('fine.test')).resolves.toEqual(['192.0.2.1']);
  });

  it('truncates over UDP for a truncate name, and the client gets the full answer over TCP', async () => {
    const server = await start({
      'big.test': {
        A: ['192.0.2.1', '192.0.2.2'],
        CAA: [{ flags: 0, tag: 'issue', value: 'pki.goog' }],
        truncate: true
      }
    });
    const raw = await udpExchange(server, query('big.test', 'A', 9));
    expect(raw).toMatchObject({ flag_tc: true, rcode: 'NOERROR', answers: [] });
    server.queries.length = 0;

    const resolver = resolverFor(server);
    await expect(resolver.resolve4('big.test')).resolves.toEqual(['192.0.2.1', '192.0.2.2']);
    await expect(resolver.resolveCaa('big.test')).resolves.toEqual([{ critical: 0, issue: 'pki.goog' }]);
    expect(server.queries).toEqual([
      { name: 'big.test', type: 'A', transport: 'udp' },
      { name: 'big.test', type: 'A', transport: 'tcp' },
      { name: 'big.test', type: 'CAA', transport: 'udp' },
      { name: 'big.test', type: 'CAA', transport: 'tcp' }
    ]);
  });

  it('truncates an answer too big for UDP on its own, and concurrent TCP retries all get answers', async () => {
    const many = Array.from({ length: 120 }, (_, i) => `198.51.100.${i}`);
    const server = await start({ 'many.test': { A: many }, 'tc.test': { A: ['192.0.2.7'], truncate: true } });
    const resolver = resolverFor(server);
    await expect(resolver.resolve4('many.test')).resolves.toEqual(many);
    const results = await Promise.all(Array.from({ length: 5 }, () => resolver.resolve4('tc.test')));
    expect(results).toEqual(Array.from({ length: 5 }, () => ['192.0.2.7']));
    expect(server.queries.filter((q) => q.transport === 'tcp')).toHaveLength(6);
    expect(server.queries.filter((q) => q.transport === 'udp')).toHaveLength(6);
  });

  it('latencyMs delays every answer by at least that much', async () => {
    const zone: Zone = { 'a.test': { A: ['192.0.2.1'] }, 't.test': { A: ['192.0.2.2'], truncate: true } };
    const fast = await start(zone);
    const slow = await start(zone, { latencyMs: 200 });

    const time = async (server: FakeDns, host: string) => {
      const started = performance.now();
      await resolverFor(server).resolve4(host);
      return performance.now() - started;
    };
    expect(await time(fast, 'a.test')).toBeLessThan(200);
    expect(await time(slow, 'a.test')).toBeGreaterThanOrEqual(200);
    // Truncated over UDP, then over TCP: two answers, each delayed.
    expect(await time(slow, 't.test')).toBeGreaterThanOrEqual(400);
    await expect(
      resolverFor(slow)
        .resolveCaa('nowhere.test')
        .catch((e: NodeJS.ErrnoException) => e.code)
    ).resolves.toBe('ENOTFOUND');
  });

  it('matches names case-insensitively with or without a trailing dot', async () => {
    const server = await start({
      'WWW.Example.TEST.': { CNAME: 'Edge.CDN.test.' },
      'edge.cdn.TEST': { A: ['192.0.2.20'] }
    });
    const resolver = resolverFor(server);
    for (const name of ['www.example.test', 'WWW.EXAMPLE.TEST', 'www.example.test.', 'Www.Example.Test.']) {
      await expect(resolver.resolve4(name)).resolves.toEqual(['192.0.2.20']);
    }
    await expect(resolver.resolveCname('www.example.test.')).resolves.toEqual(['Edge.CDN.test']);
  });

  it('setZone replaces the answers for later queries', async () => {
    const server = await start({ 'switch.test': { A: ['192.0.2.1'] } });
    const resolver = resolverFor(server);
    await expect(resolver.resolve4('switch.test')).resolves.toEqual(['192.0.2.1']);
    server.setZone({ 'switch.test': { A: ['192.0.2.2'] } });
    await expect(resolver.resolve4('switch.test')).resolves.toEqual(['192.0.2.2']);
    server.setZone({});
    expect(await errorCode(resolver.resolve4('switch.test'))).toBe('ENOTFOUND');
  });

  it('is reached only by a Resolver given its address: dns.lookup does not use it', async () => {
    // `localhost` is in /etc/hosts, so getaddrinfo answers it without any DNS traffic.
    const server = await start({ localhost: { A: ['192.0.2.99'] } });
    const resolver = resolverFor(server);
    await expect(resolver.resolve4('localhost')).resolves.toEqual(['192.0.2.99']);
    expect(server.queries).toHaveLength(1);

    const looked = await dns.lookup('localhost', { family: 4 });
    expect(looked.address).toBe('127.0.0.1');
    expect(server.queries).toHaveLength(1);
    // Another Resolver, not pointed at the fake, does not reach it either.
    expect(new dns.Resolver().getServers()).not.toContain(server.address);
  });
});
