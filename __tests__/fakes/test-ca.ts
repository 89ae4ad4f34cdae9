/**
 * A test certificate authority and server certificates, made at test run time with the `openssl` command (nothing
 * is committed). Keys are ECDSA P-256, certificates last two days, and every file openssl writes is read back into
 * memory and deleted at once: callers get PEM strings, and a file only when they ask for one (`writeCaFile`, for
 * NODE_EXTRA_CA_CERTS), which they remove with its `cleanup()`.
 *
 * Generation costs a few openssl runs (tens of milliseconds); results are cached for the test file's module
 * registry (Jest loads this module once per test file), per list of host names.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A private key and its certificate, PEM-encoded, ready for `https.createServer({ key, cert })`. */
export interface KeyPair {
  key: string;
  cert: string;
}

/** The test CA: its certificate (what a client trusts) and its key (kept only to sign server certificates). */
export interface TestCa extends KeyPair {
  /** Subject common name, to recognise it in errors. */
  name: string;
}

const CA_NAME = 'clerk-production-gate test CA';
const DAYS = '2';
/**
 * Names a server certificate carries when none are given: localhost and the Frontend API hosts of the fake Clerk's
 * scenarios (which a test resolves to 127.0.0.1).
 */
export const DEFAULT_HOSTS = [
  'localhost',
  'clerk.example.test',
  'clerk.other-app.test',
  'happy-hippo-12.clerk.accounts.dev'
];

/** Runs openssl with `args` in `dir`; a missing openssl fails with one clear line. */
function openssl(dir: string, args: string[]): void {
  try {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') {
      throw new Error('test-ca: the `openssl` command is missing; install it (Debian: apt-get install openssl)');
    }
    throw new Error(`test-ca: openssl ${args[0]} failed: ${e.stderr?.toString().trim() ?? e.message}`);
  }
}

/** A fresh temporary directory, given to `body` and removed afterwards whatever happens. */
function inTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clerk-gate-ca-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `subjectAltName` value for `hosts` plus the loopback address. */
function subjectAltName(hosts: readonly string[]): string {
  const names = hosts.map((h) => `DNS:${h}`);
  return [...names, 'IP:127.0.0.1'].join(',');
}

/** A minimal openssl config, so the machine's own openssl.cnf (prompts, policies) plays no part. */
function writeConfig(dir: string, extensions: Record<string, string>): string {
  const file = path.join(dir, 'openssl.cnf');
  const lines = [
    '[req]',
    'distinguished_name = dn',
    'prompt = no',
    '[dn]',
    'CN = unused',
    '[ext]',
    ...Object.entries(extensions).map(([k, v]) => `${k} = ${v}`)
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function makeCa(): TestCa {
  return inTempDir((dir) => {
    const config = writeConfig(dir, {
      basicConstraints: 'critical,CA:TRUE',
      keyUsage: 'critical,keyCertSign,cRLSign',
      subjectKeyIdentifier: 'hash'
    });
    // prettier-ignore
    openssl(dir, [
      'req', '-x509', ...EC_KEY, '-config', config, '-extensions', 'ext',
      '-subj', `/CN=${CA_NAME}`, '-days', DAYS, '-keyout', 'ca.key', '-out', 'ca.pem'
    ]);
    return {
      name: CA_NAME,
      key: readFileSync(path.join(dir, 'ca.key'), 'utf8'),
      cert: readFileSync(path.join(dir, 'ca.pem'), 'utf8')
    };
  });
}

function leafExtensions(hosts: readonly string[]): Record<string, string> {
  return {
    basicConstraints: 'critical,CA:FALSE',
    keyUsage: 'critical,digitalSignature',
    extendedKeyUsage: 'serverAuth',
    subjectAltName: subjectAltName(hosts),
    subjectKeyIdentifier: 'hash'
  };
}

function makeServerCertificate(ca: TestCa, hosts: readonly string[]): KeyPair {
  return inTempDir((dir) => {
    writeFileSync(path.join(dir, 'ca.key'), ca.key, { mode: 0o600 });
    writeFileSync(path.join(dir, 'ca.pem'), ca.cert);
    const config = writeConfig(dir, { ...leafExtensions(hosts), authorityKeyIdentifier: 'keyid,issuer' });
    const cn = hosts[0] ?? 'localhost';
    // prettier-ignore
    openssl(dir, [
      'req', '-new', ...EC_KEY, '-config', config, '-subj', `/CN=${cn}`, '-keyout', 'server.key', '-out', 'server.csr'
    ]);
    // prettier-ignore
    openssl(dir, [
      'x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', `0x${serial()}`,
      '-days', DAYS, '-extfile', config, '-extensions', 'ext', '-out', 'server.pem'
    ]);
    return {
      key: readFileSync(path.join(dir, 'server.key'), 'utf8'),
      cert: readFileSync(path.join(dir, 'server.pem'), 'utf8')
    };
  });
}

function makeSelfSigned(hosts: readonly string[]): KeyPair {
  return inTempDir((dir) => {
    const config = writeConfig(dir, leafExtensions(hosts));
    // prettier-ignore
    openssl(dir, [
      'req', '-x509', ...EC_KEY, '-config', config, '-extensions', 'ext', '-subj', '/CN=untrusted self-signed',
      '-days', DAYS, '-keyout', 'self.key', '-out', 'self.pem'
    ]);
    return {
      key: readFileSync(path.join(dir, 'self.key'), 'utf8'),
      cert: readFileSync(path.join(dir, 'self.pem'), 'utf8')
    };
  });
}

/** 16 random hex digits, first one non-zero: a positive serial number. */
function serial(): string {
  const digits = randomBytes(8).toString('hex');
  return `1${digits.slice(1)}`;
}

let cachedCa: TestCa | undefined;
const cachedServers = new Map<string, KeyPair>();
const cachedSelfSigned = new Map<string, KeyPair>();

/** The test CA (made once per test file). Trust `testCa().cert` in a client to accept `serverCertificate` certs. */
export function testCa(): TestCa {
  cachedCa ??= makeCa();
  return cachedCa;
}

/**
 * A server certificate signed by the test CA for `hosts` (SAN DNS names) and IP 127.0.0.1, with its key.
 * Cached per list of names.
 */
export function serverCertificate(hosts: readonly string[] = DEFAULT_HOSTS): KeyPair {
  const id = hosts.join(',');
  let pair = cachedServers.get(id);
  if (pair === undefined) {
    pair = makeServerCertificate(testCa(), hosts);
    cachedServers.set(id, pair);
  }
  return pair;
}

/**
 * A self-signed certificate for the same names (so a client rejects it for trust, not for its name), signed by no
 * CA a client knows: the "untrusted certificate" case.
 */
export function untrustedCertificate(hosts: readonly string[] = DEFAULT_HOSTS): KeyPair {
  const id = hosts.join(',');
  let pair = cachedSelfSigned.get(id);
  if (pair === undefined) {
    pair = makeSelfSigned(hosts);
    cachedSelfSigned.set(id, pair);
  }
  return pair;
}

/** A CA certificate written to a file of its own, e.g. for NODE_EXTRA_CA_CERTS of a child process. */
export interface CaFile {
  file: string;
  /** Removes the file and its directory. */
  cleanup(): void;
}

/** Writes the test CA's certificate (PEM) to a new temporary directory; call `cleanup()` when done. */
export function writeCaFile(): CaFile {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clerk-gate-ca-file-'));
  const file = path.join(dir, 'test-ca.pem');
  writeFileSync(file, testCa().cert);
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
