/**
 * A real DNS server on loopback for tests: UDP and TCP on the same 127.0.0.1 port, answering from an in-memory
 * zone the way a recursive resolver would (CNAME chains followed, NXDOMAIN vs. NODATA, rcodes, truncation).
 *
 * Point Node's resolver at it:
 *
 *   const dns = await startFakeDns({ 'www.example.com': { CNAME: 'edge.example.net' }, 'edge.example.net': { A: ['192.0.2.1'] } });
 *   const resolver = new Resolver({ timeout: 300, tries: 1 });
 *   resolver.setServers([dns.address]);
 *   await resolver.resolve4('www.example.com'); // ['192.0.2.1']
 *   await dns.close();
 *
 * Only Resolver instances given `address` reach it: `dns.lookup` (getaddrinfo, /etc/hosts) never does.
 */
import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { createServer, isIPv4, isIPv6, type Server, type Socket as TcpSocket } from 'node:net';
import { performance } from 'node:perf_hooks';
import * as dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket, OptAnswer, Packet, Question, RecordType } from 'dns-packet';

export interface CaaRecord {
  /** 0, or 128 for the issuer-critical bit. */
  flags: number;
  tag: 'issue' | 'issuewild' | 'iodef';
  value: string;
}

/** Records of one name, and optionally a special behaviour for it. */
export interface ZoneEntry {
  CNAME?: string;
  A?: string[];
  AAAA?: string[];
  CAA?: CaaRecord[];
  TXT?: string[];
  /** Answer every query that reaches this name with this rcode and no records (ESERVFAIL / EREFUSED in Node). */
  rcode?: 'SERVFAIL' | 'REFUSED';
  /** Never answer a query that reaches this name, over UDP or TCP (ETIMEOUT in Node). */
  timeout?: true;
  /** Over UDP answer with the TC bit and no records, so the client retries over TCP, where the full answer is given. */
  truncate?: true;
}

/** Keys are names: case-insensitive, trailing dot optional. */
export type Zone = Record<string, ZoneEntry>;

export interface FakeDnsQuery {
  /** The name as it came on the wire (case kept, no trailing dot). */
  name: string;
  /** The query type's mnemonic as dns-packet names it: 'A', 'AAAA', 'CNAME', 'CAA', 'TXT', ... */
  type: string;
  transport: 'udp' | 'tcp';
}

export interface FakeDnsOptions {
  /** Delay every answer by at least this many milliseconds. */
  latencyMs?: number;
  /** TTL of every record given (default 0, so no client cache keeps answers across setZone). */
  ttl?: number;
}

export interface FakeDns {
  /** '127.0.0.1:PORT', for Resolver#setServers. */
  address: string;
  port: number;
  /** Every query received, in order of arrival (the live array: `queries.length = 0` clears it). */
  queries: FakeDnsQuery[];
  /** Replace the zone; later queries are answered from the new one. */
  setZone(zone: Zone): void;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const MAX_BIND_ATTEMPTS = 20;
const MAX_CHAIN = 16;
const CLASSIC_UDP_SIZE = 512;
const OUR_EDNS_UDP_SIZE = 1232;
const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

type Transport = FakeDnsQuery['transport'];

function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') && lower.length > 1 ? lower.slice(0, -1) : lower;
}

function normalizeZone(zone: Zone): Map<string, ZoneEntry> {
  const map = new Map<string, ZoneEntry>();
  for (const [name, entry] of Object.entries(zone)) map.set(normalizeName(name), entry);
  return map;
}

function stripDot(name: string): string {
  return name.endsWith('.') && name.length > 1 ? name.slice(0, -1) : name;
}

/** TXT strings longer than 255 bytes are split into several character-strings, as real servers do. */
function txtChunks(value: string): Buffer[] {
  const bytes = Buffer.from(value);
  if (bytes.length === 0) return [bytes];
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) chunks.push(bytes.subarray(i, i + 255));
  return chunks;
}

function checked(address: string, valid: (a: string) => boolean, type: string): string {
  if (!valid(address)) throw new Error(`fake DNS: ${JSON.stringify(address)} is not an ${type} address`);
  return address;
}

function recordsOf(owner: string, entry: ZoneEntry, type: RecordType, ttl: number): Answer[] {
  switch (type) {
    case 'A':
      return (entry.A ?? []).map((a) => ({ name: owner, type: 'A', ttl, data: checked(a, isIPv4, 'A') }));
    case 'AAAA':
      return (entry.AAAA ?? []).map((a) => ({ name: owner, type: 'AAAA', ttl, data: checked(a, isIPv6, 'AAAA') }));
    case 'CNAME':
      return entry.CNAME === undefined ? [] : [{ name: owner, type: 'CNAME', ttl, data: stripDot(entry.CNAME) }];
    case 'CAA':
      return (entry.CAA ?? []).map(({ flags, tag, value }) => ({
        name: owner,
        type: 'CAA',
        ttl,
        data: { flags, tag, value }
      }));
    case 'TXT':
      return (entry.TXT ?? []).map((value) => ({ name: owner, type: 'TXT', ttl, data: txtChunks(value) }));
    default:
      return [];
  }
}

type Resolution = { kind: 'silent' } | { kind: 'truncated' } | { kind: 'answer'; rcode: number; answers: Answer[] };

/** What a recursive resolver would answer for one question, looked up in the zone. */
function resolveQuestion(
  zone: Map<string, ZoneEntry>,
  question: Question,
  transport: Transport,
  ttl: number
): Resolution {
  const type = question.type;
  const answers: Answer[] = [];
  const seen = new Set<string>();
  let truncate = false;
  // The first owner is the name as asked, so the answer echoes its case; later owners are the CNAME targets.
  let owner = question.name;
  for (;;) {
    const key = normalizeName(owner);
    const entry = zone.get(key);
    // A name missing from the zone: NXDOMAIN, keeping any CNAMEs that led there (RFC 6604).
    if (entry === undefined) return finish({ kind: 'answer', rcode: RCODE.NXDOMAIN, answers });
    if (entry.timeout) return { kind: 'silent' };
    if (entry.rcode !== undefined) return finish({ kind: 'answer', rcode: RCODE[entry.rcode], answers: [] });
    if (entry.truncate) truncate = true;
    seen.add(key);
    if (type === 'CNAME' || entry.CNAME === undefined) {
      answers.push(...recordsOf(owner, entry, type, ttl));
      return finish({ kind: 'answer', rcode: RCODE.NOERROR, answers });
    }
    answers.push(...recordsOf(owner, entry, 'CNAME', ttl));
    const target = stripDot(entry.CNAME);
    // A CNAME loop or an overlong chain: SERVFAIL, as recursive resolvers (BIND, Unbound) answer.
    if (seen.has(normalizeName(target)) || seen.size >= MAX_CHAIN) {
      return finish({ kind: 'answer', rcode: RCODE.SERVFAIL, answers: [] });
    }
    owner = target;
  }

  function finish(resolution: Resolution): Resolution {
    return truncate && transport === 'udp' ? { kind: 'truncated' } : resolution;
  }
}

function responseFlags(query: DecodedPacket, rcode: number, truncated: boolean): number {
  let flags = dnsPacket.RECURSION_AVAILABLE | rcode;
  if (query.flag_rd) flags |= dnsPacket.RECURSION_DESIRED;
  if (query.flag_cd) flags |= dnsPacket.CHECKING_DISABLED;
  if (truncated) flags |= dnsPacket.TRUNCATED_RESPONSE;
  return flags;
}

function clientOpt(query: DecodedPacket): OptAnswer | undefined {
  return (query.additionals ?? []).find((a): a is OptAnswer => a.type === 'OPT');
}

function buildResponse(query: DecodedPacket, rcode: number, answers: Answer[], truncated: boolean): Packet {
  const opt = clientOpt(query);
  return {
    type: 'response',
    id: query.id ?? 0,
    flags: responseFlags(query, rcode, truncated),
    questions: query.questions ?? [],
    answers,
    authorities: [],
    // Speak EDNS back to a client that spoke it (no options: no cookies, no padding).
    additionals:
      opt === undefined
        ? []
        : [
            {
              name: '.',
              type: 'OPT',
              udpPayloadSize: OUR_EDNS_UDP_SIZE,
              extendedRcode: 0,
              ednsVersion: 0,
              flags: 0,
              flag_do: false,
              options: []
            }
          ]
  };
}

function opcodeOf(query: DecodedPacket): string {
  return (query as DecodedPacket & { opcode?: string }).opcode ?? 'QUERY';
}

/** Encode the response to `query`, or undefined when the server must stay silent. */
function answerQuery(
  zone: Map<string, ZoneEntry>,
  query: DecodedPacket,
  transport: Transport,
  ttl: number
): Packet | undefined {
  const question = query.questions?.[0];
  if (opcodeOf(query) !== 'QUERY') return buildResponse(query, RCODE.NOTIMP, [], false);
  if (question === undefined || (query.questions?.length ?? 0) !== 1) {
    return buildResponse(query, RCODE.FORMERR, [], false);
  }
  let resolution: Resolution;
  try {
    resolution = resolveQuestion(zone, question, transport, ttl);
  } catch {
    // A zone record that is not valid (a malformed address, say): fail the query, not the server.
    return buildResponse(query, RCODE.SERVFAIL, [], false);
  }
  switch (resolution.kind) {
    case 'silent':
      return undefined;
    case 'truncated':
      return buildResponse(query, RCODE.NOERROR, [], true);
    case 'answer':
      return buildResponse(query, resolution.rcode, resolution.answers, false);
  }
}

function encodeOrServfail(query: DecodedPacket, response: Packet, encode: (packet: Packet) => Buffer): Buffer {
  try {
    return encode(response);
  } catch {
    // A zone record dns-packet cannot encode (a label over 63 bytes, say): fail the query, not the server.
    return encode(buildResponse(query, RCODE.SERVFAIL, [], false));
  }
}

function listenUdp(port: number): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const onError = (error: Error) => {
      socket.close();
      reject(error);
    };
    socket.once('error', onError);
    socket.bind(port, LOOPBACK, () => {
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

function listenTcp(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeUdp(socket: UdpSocket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}

/** Start a fake DNS server on 127.0.0.1, UDP and TCP on one port. */
export async function startFakeDns(initialZone: Zone, options: FakeDnsOptions = {}): Promise<FakeDns> {
  const latencyMs = Math.max(0, options.latencyMs ?? 0);
  const ttl = Math.max(0, Math.floor(options.ttl ?? 0));
  let zone = normalizeZone(initialZone);
  const queries: FakeDnsQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const connections = new Set<TcpSocket>();
  let closed = false;

  /** Run `send` no earlier than `latencyMs` after `receivedAt` (timers may fire a little early: re-arm). */
  function later(receivedAt: number, send: () => void): void {
    const remaining = latencyMs - (performance.now() - receivedAt);
    if (remaining <= 0) {
      if (!closed) send();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      later(receivedAt, send);
    }, Math.ceil(remaining));
    timers.add(timer);
  }

  function handle(message: Buffer, transport: Transport, send: (response: Packet, query: DecodedPacket) => void) {
    const receivedAt = performance.now();
    let query: DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return; // not DNS: drop it, as servers do
    }
    if (query.type !== 'query') return;
    for (const q of query.questions ?? []) queries.push({ name: q.name, type: q.type, transport });
    const response = answerQuery(zone, query, transport, ttl);
    if (response === undefined) return;
    later(receivedAt, () => send(response, query));
  }

  function onUdpMessage(socket: UdpSocket, message: Buffer, remote: RemoteInfo) {
    handle(message, 'udp', (response, query) => {
      let wire = encodeOrServfail(query, response, (p) => dnsPacket.encode(p));
      const limit = Math.max(CLASSIC_UDP_SIZE, Math.min(clientOpt(query)?.udpPayloadSize ?? 0, OUR_EDNS_UDP_SIZE));
      // Too big for the client's UDP buffer: truncate like a real server, so it retries over TCP.
      if (wire.length > limit) wire = dnsPacket.encode(buildResponse(query, RCODE.NOERROR, [], true));
      socket.send(wire, remote.port, remote.address, () => undefined);
    });
  }

  function onTcpConnection(connection: TcpSocket) {
    if (closed) {
      connection.destroy();
      return;
    }
    connections.add(connection);
    connection.on('close', () => connections.delete(connection));
    connection.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    connection.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      // Several messages may come in one chunk, and one message over several chunks.
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) break;
        const framed = pending.subarray(0, 2 + length);
        pending = pending.subarray(2 + length);
        handle(framed.subarray(2), 'tcp', (response, query) => {
          if (connection.destroyed || !connection.writable) return;
          connection.write(encodeOrServfail(query, response, (p) => dnsPacket.streamEncode(p)));
        });
      }
    });
  }

  // UDP first on an ephemeral port, then TCP on the same port; another port if that one's TCP side is taken.
  let udp: UdpSocket | undefined;
  let tcp: Server | undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt < MAX_BIND_ATTEMPTS && tcp === undefined; attempt++) {
    const socket = await listenUdp(0);
    const server = createServer(onTcpConnection);
    try {
      await listenTcp(server, socket.address().port);
      udp = socket;
      tcp = server;
    } catch (error) {
      lastError = error;
      server.close();
      await closeUdp(socket);
    }
  }
  if (udp === undefined || tcp === undefined) {
    throw new Error(`fake DNS: no port free for both UDP and TCP on ${LOOPBACK}`, { cause: lastError });
  }
  const udpSocket = udp;
  const tcpServer = tcp;
  udpSocket.on('message', (message, remote) => onUdpMessage(udpSocket, message, remote));
  udpSocket.on('error', () => undefined);

  const port = udpSocket.address().port;
  let closing: Promise<void> | undefined;
  return {
    address: `${LOOPBACK}:${port}`,
    port,
    queries,
    setZone(next: Zone) {
      zone = normalizeZone(next);
    },
    close() {
      closing ??= (async () => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const connection of connections) connection.destroy();
        await Promise.all([closeUdp(udpSocket), new Promise<void>((resolve) => tcpServer.close(() => resolve()))]);
      })();
      return closing;
    }
  };
}
