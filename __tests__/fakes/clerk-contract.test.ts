/**
 * Contract test of the fake Clerk: every body it can send (every scenario, every route, success and error) is
 * validated against Clerk's OpenAPI documents, for the exact path, method and status. The documents are vendored,
 * unmodified, in `__tests__/fixtures/clerk-openapi/` (MIT, see SOURCES.md). Their OpenAPI 3.0 schemas are converted
 * to JSON Schema by @openapi-contrib/openapi-schema-to-json-schema (`nullable` becomes a type union), `$ref`s are
 * resolved by ajv within each document, and ajv 8 (with ajv-formats) validates.
 *
 * A status a document does not declare for a path (the Backend API declares no 401 or 429 on GET /instance, no
 * document declares 5xx) is validated against that document's `ClerkErrors` schema, the error body of every Clerk
 * API. 502 is the one non-Clerk body (a gateway's HTML page) and is checked to be HTML, not JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Agent, request } from 'undici';
import { parse } from 'yaml';
import { describeWithShared, FIXTURES } from '../helpers/shared-data.js';
import { CLERK_ERRORS, clerkError, domain, environment, instance, platformDomainStatus } from './clerk-responses.js';
import {
  FAULT_STATUSES,
  KEYS,
  MALFORMED_JSON,
  ROUTES,
  SCENARIOS,
  WRONG_SCHEMA_BODIES,
  startFakeClerk,
  withFaults,
  type Api,
  type FakeClerk,
  type Route,
  type Scenario
} from './clerk-server.js';

const require = createRequire(import.meta.url);
// ajv, ajv-formats and the converter ship CommonJS; their main functions are the default exports.
const Ajv = require('ajv').default as typeof import('ajv').default;
const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;
const { openapiSchemaToJsonSchema } =
  require('@openapi-contrib/openapi-schema-to-json-schema') as typeof import('@openapi-contrib/openapi-schema-to-json-schema');

const SPEC_DIR = path.join(FIXTURES, 'clerk-openapi');
const SPEC_FILES: Record<Api, string> = {
  bapi: 'bapi/2026-05-12.yml',
  fapi: 'fapi/2026-05-12.yml',
  platform: 'platform/beta.yml'
};

type Json = Record<string, unknown>;

/** One OpenAPI document, its component schemas converted to JSON Schema and registered with ajv. */
interface LoadedSpec {
  api: Api;
  id: string;
  doc: Json;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// The one format the documents use that ajv-formats lacks.
ajv.addFormat('base64', /^[A-Za-z0-9+/]*={0,2}$/);

/** Rewrites local `$ref`s (`#/components/...`) of a converted schema to point into the document registered as `id`. */
function rebase(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rebase(n, id));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${id}${v}` : rebase(v, id);
  }
  return out;
}

/** OpenAPI 3.0 schema → JSON Schema (draft-07 as ajv runs it): the converter, minus its draft-04 `$schema` tag. */
function toJsonSchema(schema: unknown): Json {
  const converted = openapiSchemaToJsonSchema(schema as Json, { cloneSchema: true }) as Json;
  delete converted.$schema;
  return converted;
}

function loadSpec(api: Api): LoadedSpec {
  const doc = parse(readFileSync(path.join(SPEC_DIR, SPEC_FILES[api]), 'utf8')) as Json;
  const id = `https://clerk-openapi.test/${api}.json`;
  const components = (doc.components as { schemas: Record<string, unknown> }).schemas;
  const schemas: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(components)) schemas[name] = toJsonSchema(schema);
  ajv.addSchema({ $id: id, components: { schemas } });
  return { api, id, doc };
}

const SPECS: Record<Api, LoadedSpec> = {
  bapi: loadSpec('bapi'),
  fapi: loadSpec('fapi'),
  platform: loadSpec('platform')
};

/** Follows a local `$ref` (`#/a/b`) within `doc`. */
function deref(doc: Json, node: Json): Json {
  let current = node;
  while (typeof current.$ref === 'string') {
    const segments = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const s of segments) target = (target as Json)[s.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (target === undefined) throw new Error(`unresolved $ref ${current.$ref}`);
    current = target as Json;
  }
  return current;
}

/** The operation `method` of `specPath` in `api`'s document (throws when the document has no such operation). */
function operation(api: Api, specPath: string, method: string): Json {
  const paths = SPECS[api].doc.paths as Record<string, Json>;
  const op = paths[specPath]?.[method.toLowerCase()] as Json | undefined;
  if (op === undefined) throw new Error(`${api}: no operation ${method} ${specPath}`);
  return op;
}

/** Where a response schema comes from: the operation's own declaration for the status, or `ClerkErrors`. */
type SchemaSource = 'declared' | 'ClerkErrors';

const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

/** The validator of the response to `method` `specPath` with `status`, and where its schema came from. */
function responseValidator(api: Api, specPath: string, method: string, status: number) {
  const key = `${api} ${method} ${specPath} ${status}`;
  const responses = operation(api, specPath, method).responses as Record<string, Json>;
  const declared = responses[String(status)];
  const source: SchemaSource = declared === undefined ? 'ClerkErrors' : 'declared';
  let validate = compiled.get(key);
  if (validate === undefined) {
    const spec = SPECS[api];
    let schema: Json;
    if (declared === undefined) {
      schema = { $ref: `${spec.id}#/components/schemas/ClerkErrors` };
    } else {
      const response = deref(spec.doc, declared);
      const content = response.content as Record<string, { schema: Json }> | undefined;
      const body = content?.['application/json']?.schema;
      if (body === undefined) throw new Error(`${key}: the document declares no JSON body`);
      schema = rebase(toJsonSchema(body), spec.id) as Json;
    }
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return { validate, source };
}

/** ajv's errors for `body` as the response `status` of `route`, or [] when it is valid. */
function problems(route: Pick<Route, 'api' | 'specPath' | 'method'>, status: number, body: unknown): string[] {
  const { validate } = responseValidator(route.api, route.specPath, route.method, status);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** A copy of `value` without `key`: a body that lost a field. */
function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...value };
  delete copy[key];
  return copy;
}

function routeNamed(name: Route['name']): Route {
  const route = ROUTES.find((r) => r.name === name);
  if (route === undefined) throw new Error(`no route ${name}`);
  return route;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP helpers

const agent = new Agent({ keepAliveTimeout: 100 });
afterAll(async () => {
  await agent.close();
});

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

async function call(
  fake: FakeClerk,
  route: Route,
  headers: Record<string, string>,
  pathOverride?: string
): Promise<Answer> {
  const res = await request(`${fake.url}${pathOverride ?? route.example(fake.scenario)}`, {
    method: route.method,
    headers,
    dispatcher: agent
  });
  return {
    status: res.statusCode,
    contentType: String(res.headers['content-type'] ?? ''),
    text: await res.body.text()
  };
}

/** The headers the gate sends to `api` with the scenario's keys. */
function goodHeaders(s: Scenario, api: Api): Record<string, string> {
  if (api === 'fapi') return {};
  const key = api === 'bapi' ? s.secretKey : (s.platformKey ?? '');
  return { authorization: `Bearer ${key}`, ...(api === 'bapi' ? { 'clerk-api-version': '2026-05-12' } : {}) };
}

/** Each case: a label, the route, the status received and the body; collected, then validated in one go. */
interface Case {
  label: string;
  route: Route;
  answer: Answer;
}

function failures(cases: Case[]): string[] {
  const out: string[] = [];
  for (const c of cases) {
    let body: unknown;
    try {
      body = JSON.parse(c.answer.text);
    } catch {
      out.push(`${c.label}: not JSON (${c.answer.contentType}): ${c.answer.text.slice(0, 80)}`);
      continue;
    }
    if (!c.answer.contentType.startsWith('application/json'))
      out.push(`${c.label}: content-type ${c.answer.contentType}`);
    for (const p of problems(c.route, c.answer.status, body)) out.push(`${c.label} (${c.answer.status}): ${p}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

describe('the vendored Clerk OpenAPI documents', () => {
  it('are the unmodified upstream files (SHA-256 as SOURCES.md records)', () => {
    const sources = readFileSync(path.join(SPEC_DIR, 'SOURCES.md'), 'utf8');
    const recorded = [...sources.matchAll(/^\| `([^`]+\.yml)` \|.*\| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1], m[2]]);
    const actual = Object.values(SPEC_FILES).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(SPEC_DIR, file)))
        .digest('hex')
    ]);
    expect(actual).toEqual(recorded);
  });

  it('carry the MIT licence with Clerk’s copyright notice', () => {
    const license = readFileSync(path.join(SPEC_DIR, 'LICENSE'), 'utf8');
    expect(license.startsWith('Copyright (c) 2025 Clerk\n\nPermission is hereby granted, free of charge')).toBe(true);
    // Each document also declares MIT in `info.license` (the Frontend API one links clerk/javascript's MIT licence).
    for (const api of Object.keys(SPEC_FILES) as Api[]) {
      expect([api, (SPECS[api].doc.info as { license: Json }).license.name]).toEqual([api, 'MIT']);
    }
  });

  it('describe every route the fake serves, for its method', () => {
    for (const route of ROUTES) expect(() => operation(route.api, route.specPath, route.method)).not.toThrow();
  });
});

describeWithShared('the vendored OpenAPI documents against ../shared', ['reference', 'clerk'], (dir) => {
  it('are byte-identical to the shared copies', () => {
    for (const file of Object.values(SPEC_FILES)) {
      const same = readFileSync(path.join(dir, file)).equals(readFileSync(path.join(SPEC_DIR, file)));
      expect([file, same]).toEqual([file, true]);
    }
  });

  it('the error catalogue of the fakes matches Clerk’s api_errors.json (code, status, messages)', () => {
    const catalogue = JSON.parse(readFileSync(path.join(dir, 'errors', 'api_errors.json'), 'utf8')) as {
      code: string;
      status: string;
      shortMessage: string;
      longMessage: string;
    }[];
    const missing: string[] = [];
    for (const [name, e] of Object.entries(CLERK_ERRORS)) {
      const found = catalogue.some(
        (c) =>
          c.code === e.code &&
          c.status === String(e.status) &&
          c.shortMessage === e.message &&
          c.longMessage === e.long_message
      );
      if (!found) missing.push(`${name} (${e.code})`);
    }
    expect(missing).toEqual([]);
  });
});

describe('the validator', () => {
  const instanceRoute = routeNamed('instance');
  const domainsRoute = routeNamed('domains');
  const environmentRoute = routeNamed('environment');
  const statusRoute = routeNamed('platformDomainStatus');

  it('accepts the builders’ bodies as they are', () => {
    expect(problems(instanceRoute, 200, instance({ environment_type: 'production' }))).toEqual([]);
    expect(
      problems(instanceRoute, 200, { ...instance({ environment_type: 'production' }), allowed_origins: null })
    ).toEqual([]);
    expect(problems(environmentRoute, 200, environment({ instance_environment_type: 'staging' }))).toEqual([]);
  });

  it('rejects a body that lost a required field (a drifting fake fails)', () => {
    const withoutType = without(instance({ environment_type: 'production' }), 'environment_type');
    expect(problems(instanceRoute, 200, withoutType).join('\n')).toContain(
      "must have required property 'environment_type'"
    );

    const env = environment({ instance_environment_type: 'production', social: { google: true } });
    const display = without(env.display_config, 'instance_environment_type');
    expect(problems(environmentRoute, 200, { ...env, display_config: display }).join('\n')).toContain(
      "must have required property 'instance_environment_type'"
    );

    const social = env.user_settings.social.oauth_google!;
    const noStrategy = without(social, 'strategy');
    const broken = { ...env, user_settings: { ...env.user_settings, social: { oauth_google: noStrategy } } };
    expect(problems(environmentRoute, 200, broken).join('\n')).toContain("must have required property 'strategy'");
  });

  it('rejects wrong types, values outside an enum, null where not nullable, and extra properties where forbidden', () => {
    expect(
      problems(instanceRoute, 200, { ...instance({ environment_type: 'production' }), workspace_id: 5 })
    ).not.toEqual([]);
    const env = environment({ instance_environment_type: 'production' });
    expect(
      problems(environmentRoute, 200, {
        ...env,
        display_config: { ...env.display_config, instance_environment_type: 'live' }
      })
    ).not.toEqual([]);
    const d = domain({ name: 'example.test' });
    expect(problems(domainsRoute, 200, { data: [{ ...d, frontend_api_url: null }], total_count: 1 })).not.toEqual([]);
    const target = { ...d.cname_targets![0]!, ttl: 300 };
    expect(
      problems(domainsRoute, 200, { data: [{ ...d, cname_targets: [target] }], total_count: 1 }).join('\n')
    ).toContain('must NOT have additional properties');
    expect(problems(domainsRoute, 200, { data: [d], total_count: 1, next: null })).not.toEqual([]);
    expect(
      problems(statusRoute, 200, { ...platformDomainStatus({ status: 'complete' }), status: 'verified' })
    ).not.toEqual([]);
    expect(problems(environmentRoute, 200, { ...env, is_production: true }).join('\n')).toContain(
      'must NOT have additional properties'
    );
    const check = { ...platformDomainStatus({ status: 'complete' }), last_run_at: null };
    expect(problems(routeNamed('platformDnsCheck'), 200, check).join('\n')).toContain(
      "must have required property 'domain_id'"
    );
    expect(problems(routeNamed('platformDnsCheck'), 200, { ...check, domain_id: 'dmn_2Fake' })).toEqual([]);
  });

  it('reads undeclared statuses as ClerkErrors, and rejects a ClerkError without long_message', () => {
    expect(responseValidator('bapi', '/instance', 'GET', 401).source).toBe('ClerkErrors');
    expect(responseValidator('platform', routeNamed('platformConfig').specPath, 'GET', 401).source).toBe('declared');
    const short = without(clerkError('clerkKeyInvalid'), 'long_message');
    expect(problems(instanceRoute, 401, { errors: [short] }).join('\n')).toContain(
      "must have required property 'long_message'"
    );
    expect(problems(instanceRoute, 401, { errors: [clerkError('clerkKeyInvalid')] })).toEqual([]);
  });
});

describe.each(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[])(
  'scenario %s: every response matches the documents',
  (name) => {
    let fake: FakeClerk;
    beforeAll(async () => {
      fake = await startFakeClerk(SCENARIOS[name]());
    });
    afterAll(async () => {
      await fake.close();
    });

    it('answers every route with the right keys (200, or 404 where the scenario has no such resource)', async () => {
      const cases: Case[] = [];
      for (const route of ROUTES) {
        const answer = await call(fake, route, goodHeaders(fake.scenario, route.api));
        cases.push({ label: `${route.name}`, route, answer });
      }
      expect(failures(cases)).toEqual([]);
      // Every route but the production config of an application that has only a development instance answers 200.
      const notFound = cases.filter((c) => c.answer.status !== 200).map((c) => `${c.route.name} ${c.answer.status}`);
      expect(notFound).toEqual(fake.scenario.instance.environment_type === 'production' ? [] : ['platformConfig 404']);
    });

    it('refuses wrong, missing and misformatted credentials with ClerkErrors (401), and Origin with Authorization on FAPI (400)', async () => {
      const cases: Case[] = [];
      for (const route of ROUTES) {
        if (route.api === 'fapi') {
          const answer = await call(fake, route, { origin: 'https://example.test', authorization: 'Bearer anything' });
          cases.push({ label: `${route.name} origin+authorization`, route, answer });
          expect(answer.status).toBe(400);
          continue;
        }
        const wrong = route.api === 'bapi' ? KEYS.wrongLive : KEYS.wrongPlatform;
        for (const [label, headers] of [
          ['wrong key', { authorization: `Bearer ${wrong}` }],
          ['no header', {}],
          ['not Bearer', { authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` }]
        ] as const) {
          const answer = await call(fake, route, headers);
          expect([route.name, label, answer.status]).toEqual([route.name, label, 401]);
          cases.push({ label: `${route.name} ${label}`, route, answer });
        }
      }
      expect(failures(cases)).toEqual([]);
    });

    it('answers unknown domains, applications and instances with ClerkErrors (404)', async () => {
      const s = fake.scenario;
      const cases: Case[] = [];
      const platform = (name: Route['name'], p: string) => ({ route: routeNamed(name), path: p });
      for (const { route, path: p } of [
        platform('platformDomain', '/v1/platform/domains/unknown.test'),
        platform('platformDomainStatus', `/v1/platform/applications/${s.applicationId}/domains/unknown.test/status`),
        platform('platformDomainStatus', `/v1/platform/applications/app_2Unknown/domains/${s.domainName}/status`),
        platform('platformDnsCheck', `/v1/platform/applications/${s.applicationId}/domains/unknown.test/dns_check`),
        platform('platformConfig', `/v1/platform/applications/${s.applicationId}/instances/ins_2Unknown/config`),
        platform('platformConfig', `/v1/platform/applications/app_2Unknown/instances/production/config`)
      ]) {
        const answer = await call(fake, route, goodHeaders(s, 'platform'), p);
        expect([p, answer.status]).toEqual([p, 404]);
        cases.push({ label: p, route, answer });
      }
      expect(failures(cases)).toEqual([]);
    });

    it('sends ClerkErrors for every injected error status, and HTML for 502', async () => {
      const cases: Case[] = [];
      for (const route of ROUTES) {
        for (const status of FAULT_STATUSES) {
          fake.setScenario(withFaults(SCENARIOS[name](), { [route.name]: { kind: 'status', status } }));
          const answer = await call(fake, route, goodHeaders(fake.scenario, route.api));
          expect([route.name, answer.status]).toEqual([route.name, status]);
          if (status === 502) {
            expect(answer.contentType).toBe('text/html');
            expect(() => JSON.parse(answer.text) as unknown).toThrow();
            continue;
          }
          cases.push({ label: `${route.name} fault ${status}`, route, answer });
        }
      }
      fake.setScenario(SCENARIOS[name]());
      expect(failures(cases)).toEqual([]);
    });

    it('answers a DNS check that ran recently with ClerkErrors (409)', async () => {
      const s = SCENARIOS[name]();
      const conflicted: Scenario = { ...s, platform: { ...s.platform, dnsChecks: { [s.domainName]: 'conflict' } } };
      fake.setScenario(conflicted);
      const route = routeNamed('platformDnsCheck');
      const answer = await call(fake, route, goodHeaders(conflicted, 'platform'));
      fake.setScenario(SCENARIOS[name]());
      expect(answer.status).toBe(409);
      expect(failures([{ label: 'dns_check conflict', route, answer }])).toEqual([]);
    });

    it('sends bodies the documents reject for wrong-schema, and text that is not JSON for malformed-json', async () => {
      for (const route of ROUTES) {
        fake.setScenario(withFaults(SCENARIOS[name](), { [route.name]: { kind: 'wrong-schema' } }));
        const wrong = await call(fake, route, goodHeaders(fake.scenario, route.api));
        expect([route.name, wrong.status]).toEqual([route.name, 200]);
        expect([route.name, JSON.parse(wrong.text)]).toEqual([route.name, WRONG_SCHEMA_BODIES[route.name]]);
        expect([route.name, problems(route, 200, JSON.parse(wrong.text)).length > 0]).toEqual([route.name, true]);

        fake.setScenario(withFaults(SCENARIOS[name](), { [route.name]: { kind: 'malformed-json' } }));
        const malformed = await call(fake, route, goodHeaders(fake.scenario, route.api));
        expect(malformed.contentType).toBe('application/json');
        expect(malformed.text).toBe(MALFORMED_JSON);
        expect(() => JSON.parse(malformed.text) as unknown).toThrow(SyntaxError);
      }
      fake.setScenario(SCENARIOS[name]());
    });
  }
);
