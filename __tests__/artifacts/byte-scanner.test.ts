import { describe, expect, it } from '@jest/globals';
import { ByteScanner, bufferSource, type Candidate } from '../../src/artifacts/byte-scanner.js';
import { fakeSecret } from '../helpers/keys.js';
import { classifyCandidate, type Artifact } from '../../src/artifacts/classify-candidate.js';

const DEV_PK = `pk_test_${Buffer.from('happy-hippo-42.clerk.accounts.dev$').toString('base64')}`;
const LIVE_PK = `pk_live_${Buffer.from('clerk.example.com$').toString('base64')}`;
const SK = fakeSecret('sk_live_', 'Scanner', 1);
const STRIPE_PK = 'pk_test_51H8abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwx';

function scan(text: string | Buffer): Candidate[] {
  return new ByteScanner().scan(bufferSource(typeof text === 'string' ? Buffer.from(text) : text));
}

function artifacts(text: string | Buffer): Artifact[] {
  return scan(text)
    .map(classifyCandidate)
    .filter((a): a is Artifact => a !== null);
}

/** 1-based line and UTF-16 column of `needle` in `text`, as an editor shows it. */
function positionOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const index = text.indexOf(needle, from);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

describe('ByteScanner: what it finds', () => {
  it.each([
    ['double quotes', `var a="${DEV_PK}";`],
    ['single quotes', `var a='${DEV_PK}';`],
    ['backticks (Vite 8)', `var a=\`${DEV_PK}\`;`],
    ['an HTML attribute', `<script data-clerk-publishable-key="${DEV_PK}"></script>`],
    ['escaped JSON (RSC payload)', `self.__next_f.push([1,"{\\"publishableKey\\":\\"${DEV_PK}\\"}"])`]
  ])('a development publishable key in %s', (_, text) => {
    expect(artifacts(text)).toEqual([
      {
        kind: 'publishable-key',
        key: DEV_PK,
        parsed: { instanceType: 'development', frontendApi: 'happy-hippo-42.clerk.accounts.dev' }
      }
    ]);
  });

  it('a production key, a secret key and a development host, in order', () => {
    const found = artifacts(
      `a="${LIVE_PK}";b='${SK}';c=\`https://happy-hippo-42.clerk.accounts.dev/npm/@clerk/clerk-js@5/dist/clerk.browser.js\``
    );
    expect(found.map((a) => a.kind)).toEqual(['publishable-key', 'secret-key', 'dev-host']);
    expect(found[1]).toEqual({ kind: 'secret-key', key: SK, legacy: false });
    expect(found[2]).toEqual({ kind: 'dev-host', host: 'happy-hippo-42.clerk.accounts.dev' });
  });

  it('Account Portal and 2021-era hosts', () => {
    expect(artifacts('"https://happy-hippo-42.accounts.dev/sign-in" "clerk.happy.hippo-12.lcl.dev"')).toEqual([
      { kind: 'dev-host', host: 'happy-hippo-42.accounts.dev' },
      { kind: 'dev-host', host: 'clerk.happy.hippo-12.lcl.dev' }
    ]);
  });

  it('a 2021-era API key only between matching quotes', () => {
    const legacy = 'live_CANARYlegacyAbcdefghijklmnopqrstuvwxyz01';
    expect(artifacts(`k="${legacy}"`)).toEqual([{ kind: 'secret-key', key: legacy, legacy: true }]);
    expect(artifacts(`k=${legacy};`)).toEqual([]);
    expect(artifacts(`k="${legacy}'`)).toEqual([]);
  });
});

describe('ByteScanner: what a real production bundle carries that is not a finding', () => {
  it.each([
    ['the bare prefixes', 'X="pk_live_",Z="pk_test_",Y=`sk_test_`,W=\'sk_live_\''],
    ["Clerk's staging Backend API", '"f",0,"https://api.clerkstage.dev","F",0,[".accountsstage.dev"]'],
    [
      "Clerk's staging and local Frontend API proxies",
      '"https://frontend-api.clerkstage.dev","https://frontend-api.lclclerk.com"'
    ],
    [
      'the suffix lists',
      'C=[`.lcl.dev`,`.stg.dev`,`.lclstage.dev`,`.stgstage.dev`,`.dev.lclclerk.com`,`.stg.lclclerk.com`,`.accounts.lclclerk.com`,`accountsstage.dev`,`accounts.dev`],w=[".accounts.dev",".accountsstage.dev",".accounts.lclclerk.com"]'
    ],
    ['an endsWith test', 'e.endsWith(".clerkstage.dev")||e.endsWith("clerk.accounts.dev")'],
    ['a Stripe publishable key', `stripe("${STRIPE_PK}")`],
    ['an error message template', '`expected format: pk_test_... or pk_live_...`'],
    ['identifiers', 'latest_version=1;is_test_mode=2;deliver_live_updates();xsk_test_abcdefghijklmnopqrstuvwxyz=3'],
    ['a short sk_test_ placeholder', '"sk_test_xxxx"'],
    ['react.dev links', '"https://react.dev/errors/"+e']
  ])('%s', (_, text) => {
    expect(artifacts(text)).toEqual([]);
  });
});

describe('ByteScanner: positions', () => {
  it('line and column of each candidate, 1-based', () => {
    const text = `line one\n  x="${DEV_PK}"\n\ny='${SK}'`;
    const [first, second] = scan(text);
    expect(first).toMatchObject({ text: DEV_PK, ...positionOf(text, DEV_PK) });
    expect(second).toMatchObject({ text: SK, ...positionOf(text, SK) });
    expect(first?.line).toBe(2);
    expect(first?.column).toBe(6);
  });

  it('columns count UTF-16 units, as source maps do (multi-byte characters and astral ones before the key)', () => {
    const text = `const s="héllo → 😀";x="${DEV_PK}"`;
    const [candidate] = scan(text);
    expect(candidate?.column).toBe(positionOf(text, DEV_PK).column);
    expect(Buffer.byteLength(text.slice(0, text.indexOf(DEV_PK)))).toBeGreaterThan(candidate!.column);
  });

  it('finds a key that straddles two windows, on a minified line megabytes long, at the right column', () => {
    // One line: filler up to just before the 1 MiB window edge, so the key crosses it; multi-byte characters in
    // the filler make the column differ from the byte offset, and the line starts windows before the match.
    const filler = 'a=`é`;'.repeat(Math.floor((1 << 20) / 7));
    const pad = 'b'.repeat((1 << 20) + 1024 - Buffer.byteLength(filler) - 20);
    const text = `// header\n${filler}${pad}x="${DEV_PK}";y="${SK}";${'c'.repeat(3 << 20)}\nz='${DEV_PK}'`;
    const found = scan(text);
    expect(found.map((c) => c.text)).toEqual([DEV_PK, SK, DEV_PK]);
    expect(found[0]).toMatchObject(positionOf(text, DEV_PK));
    expect(found[1]).toMatchObject(positionOf(text, SK));
    expect(found[2]).toMatchObject(positionOf(text, DEV_PK, text.indexOf(DEV_PK) + 1));
    expect(found[2]?.line).toBe(3);
  });

  it('finds every key of a multi-window file whatever the window boundaries (one per 100 KiB)', () => {
    const parts: string[] = [];
    for (let i = 0; i < 40; i++) parts.push(`${'q'.repeat(100 * 1024 - 7 * i)}\n"${DEV_PK}"`);
    const found = scan(parts.join(''));
    expect(found).toHaveLength(40);
    expect(found.map((c) => c.line)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
  });
});

describe('ByteScanner: keep', () => {
  it('returns only kept candidates, and works out positions only for them', () => {
    const text = `a="pk_test_";b="${DEV_PK}";c="sk_test_"`;
    const asked: string[] = [];
    const found = new ByteScanner().scan(bufferSource(Buffer.from(text)), (c) => {
      asked.push(c.text);
      return classifyCandidate(c) !== null;
    });
    expect(asked).toEqual(['pk_test_', DEV_PK, 'sk_test_']);
    expect(found.map((c) => [c.text, c.column])).toEqual([[DEV_PK, positionOf(text, DEV_PK).column]]);
  });
});

describe('ByteScanner: excerpts', () => {
  it('shows the match with some of its line around it, never another line, other literals masked', () => {
    const [candidate] = scan(`first line\nconst config={publishableKey:"${DEV_PK}",signInUrl:"/sign-in"};\nlast`);
    expect(candidate?.excerpt).toBe(`const config={publishableKey:"${DEV_PK}",signInUrl:"…"};`);
  });

  it('masks every other string literal, a literal cut by the window, and JSON values inside a literal', () => {
    const password = 'postgres://app:hunter2secret@db.internal:5432/app';
    const cases = [
      `{DATABASE_URL:"${password}",NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY:"${DEV_PK}",SECRET:'${password}'}`,
      `x='${password}'+\`${DEV_PK}\`+"${password}"`,
      `JSON.parse('{"DATABASE_URL":"${password}","key":"${DEV_PK}","other":"${password}"}')`,
      `u="https://${password}";k="${DEV_PK}";v="${password}`
    ];
    for (const text of cases) {
      const [candidate] = scan(text);
      expect(candidate?.text).toBe(DEV_PK);
      expect(candidate?.excerpt).toContain(DEV_PK);
      expect(candidate?.excerpt).not.toMatch(/hunter2|postgres|5432|db\.internal|app:/);
    }
    const [json] = scan(cases[2] as string);
    expect(json?.excerpt).toContain('"…":"pk_test_');
  });

  it('never starts or ends inside another token (a cut key would lose its prefix and escape redaction)', () => {
    const other = `sk_live_${'W'.repeat(60)}`;
    const found = scan(`${other}${' '.repeat(10)}"${DEV_PK}"${' '.repeat(10)}${other}`);
    expect(found.map((c) => c.text)).toEqual([other, DEV_PK, other]);
    const candidate = found[1];
    expect(candidate?.excerpt).not.toMatch(/WW/);
    expect(candidate?.excerpt).toContain(DEV_PK);
  });
});
