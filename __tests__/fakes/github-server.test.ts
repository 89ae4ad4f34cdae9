/**
 * Tests of the fake GitHub, driven through a real Octokit built the way the action builds it: `getOctokit` of
 * @actions/github 9 (core + REST endpoint methods + paginate) with @octokit/plugin-retry and
 * @octokit/plugin-throttling, `baseUrl` = GITHUB_API_URL, on github.com's layout and on GitHub Enterprise Server's
 * (`/api/v3`, `/api/graphql`).
 *
 * Delays are kept short: `retryAfterBaseValue` (both plugins) turns a `retry-after: 1` into 10 ms. The throttling
 * plugin also spaces writes (POST/PATCH, and GraphQL on github.com's layout) one second apart per throttle `id`, and
 * comment creations three seconds apart; each Octokit here has its own `id`, so only a test that writes twice waits.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import {
  HELLO_WORLD,
  SECONDARY_RATE_LIMIT_DOCS,
  TOKENS,
  USERS,
  fakeToken,
  startFakeGitHub,
  type Annotation,
  type FakeGitHub,
  type FakeGitHubOptions,
  type IssueComment
} from './github-server.js';

const fakes: FakeGitHub[] = [];
async function start(options?: FakeGitHubOptions): Promise<FakeGitHub> {
  const fake = await startFakeGitHub(options);
  fakes.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const [OWNER, REPO] = HELLO_WORLD.fullName.split('/') as [string, string];
const PR = HELLO_WORLD.pull;

interface LimitCall {
  kind: 'primary' | 'secondary';
  retryAfter: number;
  retryCount: number;
  url: string;
}

/** The doNotRetry list of plugin-retry, plus 429: rate limits are left to the throttling plugin (with retry-after). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

let throttleIds = 0;

/** An Octokit as the action builds it, with short delays, recording the throttling plugin's calls. */
function octokitFor(
  gh: FakeGitHub,
  token: string = TOKENS.actions,
  extra: { fetch?: typeof fetch; doNotRetry?: number[] } = {}
) {
  const limits: LimitCall[] = [];
  const octokit = getOctokit(
    token,
    {
      baseUrl: gh.apiUrl,
      ...(extra.fetch === undefined ? {} : { request: { fetch: extra.fetch } }),
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      retry: { doNotRetry: extra.doNotRetry ?? DO_NOT_RETRY, retryAfterBaseValue: 10 },
      throttle: {
        id: `fake-github-test-${++throttleIds}`,
        retryAfterBaseValue: 10,
        fallbackSecondaryRateRetryAfter: 1,
        onRateLimit: (retryAfter: number, options: { url: string }, _octokit: unknown, retryCount: number) => {
          limits.push({ kind: 'primary', retryAfter, retryCount, url: options.url });
          return retryCount < 2;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { url: string }, _octokit: unknown, retryCount: number) => {
          limits.push({ kind: 'secondary', retryAfter, retryCount, url: options.url });
          return retryCount < 2;
        }
      }
    },
    retry,
    throttling
  );
  return { octokit, limits };
}

/** The rejection of `promise` (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

function parseLink(header: string | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>;\s*rel="([^"]+)"/.exec(part);
    if (match?.[1] !== undefined && match[2] !== undefined) links[match[2]] = match[1];
  }
  return links;
}

const LAYOUTS = [
  { layout: 'github.com', options: {}, base: '', graphql: '/graphql' },
  { layout: 'GitHub Enterprise Server', options: { enterprise: true }, base: '/api/v3', graphql: '/api/graphql' }
] as const;

describe.each(LAYOUTS)('fake GitHub, $layout layout', ({ layout, options, base, graphql }) => {
  it('names its URLs as the runner would (GITHUB_API_URL, GITHUB_GRAPHQL_URL, GITHUB_SERVER_URL)', async () => {
    const gh = await start(options);
    expect(gh.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(gh.apiUrl).toBe(`${gh.origin}${base}`);
    expect(gh.graphqlUrl).toBe(`${gh.origin}${graphql}`);
    expect(gh.env).toEqual({
      GITHUB_API_URL: gh.apiUrl,
      GITHUB_GRAPHQL_URL: gh.graphqlUrl,
      GITHUB_SERVER_URL: layout === 'github.com' ? 'https://github.com' : gh.origin
    });
  });

  it('octokit.paginate reads 150 comments in 2 pages of 100, following absolute Link URLs', async () => {
    const gh = await start(options);
    gh.seedComments(HELLO_WORLD.fullName, PR, 149, { by: 'octocat' });
    const [ours] = gh.seedComments(HELLO_WORLD.fullName, PR, 1, { body: '<!-- clerk-production-gate:production -->' });
    const { octokit } = octokitFor(gh);

    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      per_page: 100
    });

    expect(all).toHaveLength(150);
    expect(all.map((c) => c.id)).toEqual(gh.comments(HELLO_WORLD.fullName, PR).map((c) => c.id));
    expect(all.at(-1)).toEqual(ours);
    const found = all.find((c) => c.body?.includes('clerk-production-gate:production'));
    expect(found?.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: USERS.actions.id });

    const list = gh.requestsTo('comments-list');
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      path: `${base}/repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      query: { per_page: '100' },
      status: 200
    });
    // The next page is fetched at the URL the Link header named: GitHub's /repositories/{id}/… form.
    expect(list[1]).toMatchObject({
      path: `${base}/repositories/${HELLO_WORLD.id}/issues/${PR}/comments`,
      routePath: `/repositories/${HELLO_WORLD.id}/issues/${PR}/comments`,
      query: { per_page: '100', page: '2' },
      status: 200
    });
  });

  it('sends Link headers with prev, next, last and first on the fake’s origin and base path', async () => {
    const gh = await start(options);
    gh.seedComments(HELLO_WORLD.fullName, PR, 150);
    const { octokit } = octokitFor(gh);
    const at = (page: number) => `${gh.apiUrl}/repositories/${HELLO_WORLD.id}/issues/${PR}/comments?page=${page}`;

    // Default per_page 30: 5 pages.
    const first = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR });
    expect(first.data).toHaveLength(30);
    expect(parseLink(first.headers.link)).toEqual({ next: at(2), last: at(5) });
    expect(first.headers.link).toBe(`<${at(2)}>; rel="next", <${at(5)}>; rel="last"`);

    const middle = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, page: 3 });
    expect(parseLink(middle.headers.link)).toEqual({ prev: at(2), next: at(4), last: at(5), first: at(1) });

    const last = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, page: 5 });
    expect(last.data).toHaveLength(30);
    expect(parseLink(last.headers.link)).toEqual({ prev: at(4), first: at(1) });

    // per_page is capped at 100 and kept in the links (before page), with any other parameter.
    const capped = await octokit.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      per_page: 500,
      since: '2000-01-01T00:00:00Z'
    });
    expect(capped.data).toHaveLength(100);
    expect(parseLink(capped.headers.link).next).toBe(
      `${gh.apiUrl}/repositories/${HELLO_WORLD.id}/issues/${PR}/comments?per_page=500&since=2000-01-01T00%3A00%3A00Z&page=2`
    );
  });

  it('octokit.graphql reaches the GraphQL endpoint Octokit derives from baseUrl, and answers viewer', async () => {
    const gh = await start(options);
    const { octokit } = octokitFor(gh);
    const data = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(data).toEqual({ viewer: { login: 'github-actions[bot]' } });
    const [request] = gh.requestsTo('graphql');
    expect(request).toMatchObject({ method: 'POST', path: graphql, status: 200, login: 'github-actions[bot]' });
    expect(request?.body).toEqual({ query: 'query { viewer { login } }' });
    expect(gh.requests).toHaveLength(1);
  });

  it('GITHUB_GRAPHQL_URL given as url reaches the same endpoint', async () => {
    const gh = await start(options);
    const { octokit } = octokitFor(gh, TOKENS.pat);
    const data = await octokit.graphql<{ viewer: { login: string } }>({
      query: 'query { viewer { login databaseId } }',
      url: gh.graphqlUrl
    });
    expect(data).toEqual({ viewer: { login: 'octocat', databaseId: USERS.octocat.id } });
    expect(gh.requestsTo('graphql').map((r) => r.path)).toEqual([graphql]);
  });

  it('creates and updates a comment; html_url, user and timestamps as GitHub sends them', async () => {
    const gh = await start(options);
    const { octokit } = octokitFor(gh);

    const created = await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'v1' });
    expect(created.status).toBe(201);
    const comment = created.data;
    expect(comment.id).toBeGreaterThan(2 ** 31);
    expect(comment).toMatchObject({
      body: 'v1',
      html_url: `${gh.serverUrl}/${HELLO_WORLD.fullName}/pull/${PR}#issuecomment-${comment.id}`,
      url: `${gh.apiUrl}/repos/${HELLO_WORLD.fullName}/issues/comments/${comment.id}`,
      issue_url: `${gh.apiUrl}/repos/${HELLO_WORLD.fullName}/issues/${PR}`,
      user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      author_association: 'NONE',
      performed_via_github_app: { slug: 'github-actions' }
    });
    expect(comment.node_id).toMatch(/^IC_/);
    expect(comment.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.headers.location).toBe(comment.url);

    const updated = await octokit.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id,
      body: 'v2'
    });
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({ id: comment.id, body: 'v2', created_at: comment.created_at });
    expect(updated.data.updated_at > comment.updated_at).toBe(true);
    expect(gh.comments(HELLO_WORLD.fullName, PR)).toEqual([updated.data]);

    const [create] = gh.requestsTo('comment-create');
    const [update] = gh.requestsTo('comment-update');
    expect(create).toMatchObject({ method: 'POST', body: { body: 'v1' }, status: 201 });
    expect(create?.authorization).toBe(`token ${TOKENS.actions}`);
    expect(update).toMatchObject({
      method: 'PATCH',
      path: `${base}/repos/${OWNER}/${REPO}/issues/comments/${comment.id}`,
      body: { body: 'v2' },
      status: 200
    });
    expect(gh.foreignEdits()).toEqual([]);
  }, 20_000);

  it('lists the pull requests of a commit; GitHub’s PR objects with head and base', async () => {
    const gh = await start(options);
    const { octokit } = octokitFor(gh);
    const res = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner: OWNER,
      repo: REPO,
      commit_sha: HELLO_WORLD.headSha
    });
    expect(res.data).toHaveLength(1);
    expect(res.data[0]).toMatchObject({
      number: PR,
      state: 'open',
      html_url: `${gh.serverUrl}/${HELLO_WORLD.fullName}/pull/${PR}`,
      head: {
        sha: HELLO_WORLD.headSha,
        ref: 'changes',
        label: 'Codertocat:changes',
        repo: { full_name: HELLO_WORLD.fullName, fork: false }
      },
      base: { ref: 'master', sha: HELLO_WORLD.baseSha, repo: { full_name: HELLO_WORLD.fullName, id: HELLO_WORLD.id } }
    });
    expect(gh.requestsTo('commit-pulls')[0]?.path).toBe(
      `${base}/repos/${OWNER}/${REPO}/commits/${HELLO_WORLD.headSha}/pulls`
    );
  });
});

describe('fake GitHub state and quirks', () => {
  it('a fork pull request’s head lists nothing in the base repository; associateCommit and unknown SHAs', async () => {
    const gh = await start();
    const forkSha = 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0';
    gh.addPull(HELLO_WORLD.fullName, { number: 7, headSha: forkSha, fork: true, author: 'hubot', headRef: 'patch-1' });
    const { octokit } = octokitFor(gh);
    const list = (sha: string) =>
      octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: OWNER, repo: REPO, commit_sha: sha });

    expect((await list(forkSha)).data).toEqual([]);
    expect((await list(HELLO_WORLD.pushSha)).data).toEqual([]);

    gh.associateCommit(HELLO_WORLD.fullName, forkSha, [7]);
    const [fork] = (await list(forkSha)).data;
    expect(fork?.head).toMatchObject({ label: 'hubot:patch-1', repo: { full_name: 'hubot/Hello-World', fork: true } });

    const pull = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect(pull.data).toMatchObject({ number: 7, merged: false, head: { repo: { fork: true } } });

    const error = await rejection(list('1234567890123456789012345678901234567890'));
    expect(error).toMatchObject({ name: 'HttpError', status: 422 });
    expect(error.message).toMatch(/^No commit found for SHA: 1234567890123456789012345678901234567890/);
  });

  it('matches owner and repository names case-insensitively', async () => {
    const gh = await start();
    gh.seedComments(HELLO_WORLD.fullName, PR, 2);
    const { octokit } = octokitFor(gh);
    const res = await octokit.rest.issues.listComments({ owner: 'codertocat', repo: 'hello-world', issue_number: PR });
    expect(res.data).toHaveLength(2);
  });

  it('records an edit of someone else’s comment (allowed, as for a maintainer), or refuses it when told', async () => {
    const gh = await start();
    const [theirs] = gh.seedComments(HELLO_WORLD.fullName, PR, 1, { by: 'octocat', body: 'mine' }) as [IssueComment];
    const { octokit } = octokitFor(gh);
    await octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: theirs.id, body: 'hijacked' });
    expect(gh.foreignEdits()).toHaveLength(1);
    expect(gh.foreignEdits()[0]).toMatchObject({ foreignAuthor: 'octocat', login: 'github-actions[bot]', status: 200 });

    const strict = await start({ foreignEdit: 'forbid' });
    const [other] = strict.seedComments(HELLO_WORLD.fullName, PR, 1, { by: 'octocat' }) as [IssueComment];
    const error = await rejection(
      octokitFor(strict).octokit.rest.issues.updateComment({
        owner: OWNER,
        repo: REPO,
        comment_id: other.id,
        body: 'x'
      })
    );
    expect(error).toMatchObject({ status: 403 });
    expect(strict.foreignEdits()).toHaveLength(1);
    expect(strict.comments(HELLO_WORLD.fullName, PR)[0]?.body).toBe(other.body);
  });

  it('accepts token and Bearer schemes; unknown or missing credentials answer 401', async () => {
    const gh = await start();
    const bearer = await fetch(`${gh.apiUrl}/repos/${HELLO_WORLD.fullName}/issues/${PR}/comments`, {
      headers: { authorization: `Bearer ${TOKENS.pat}`, 'x-github-api-version': '2022-11-28' }
    });
    expect(bearer.status).toBe(200);
    expect(gh.requests[0]).toMatchObject({ token: TOKENS.pat, login: 'octocat' });
    expect(gh.requests[0]?.headers['x-github-api-version']).toBe('2022-11-28');

    const error = await rejection(
      octokitFor(gh, TOKENS.unknown).octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR })
    );
    expect(error).toMatchObject({ name: 'HttpError', status: 401 });
    expect((error.response as { data: unknown }).data).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
      status: '401'
    });
    expect(gh.requestsTo('comments-list')).toHaveLength(2); // 401 is not retried

    const anonymous = await fetch(`${gh.apiUrl}/repos/${HELLO_WORLD.fullName}/issues/${PR}/comments`, {
      method: 'POST',
      body: '{"body":"x"}'
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toBe('Requires authentication');
  });

  it('GET /user: a personal access token’s user; an installation token is refused', async () => {
    const gh = await start();
    const me = await octokitFor(gh, TOKENS.pat).octokit.rest.users.getAuthenticated();
    expect(me.data).toMatchObject({ login: 'octocat', type: 'User' });
    const error = await rejection(octokitFor(gh).octokit.rest.users.getAuthenticated());
    expect(error).toMatchObject({ status: 403 });
    expect(error.message).toMatch(/^Resource not accessible by integration/);
  });

  it('also works with the global fetch instead of @actions/github’s proxy-aware fetch', async () => {
    const gh = await start({ enterprise: true });
    gh.seedComments(HELLO_WORLD.fullName, PR, 101);
    const { octokit } = octokitFor(gh, TOKENS.actions, { fetch: globalThis.fetch });
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      per_page: 100
    });
    expect(all).toHaveLength(101);
    expect(await octokit.graphql('query { viewer { login } }')).toEqual({ viewer: { login: 'github-actions[bot]' } });
  });

  it('GraphQL: operation names, aliases, __typename and comments in the query', async () => {
    const gh = await start({ enterprise: true });
    const { octokit } = octokitFor(gh, TOKENS.pat);
    const data = await octokit.graphql(`query Me {
      # who am I
      __typename
      me: viewer { name: login, databaseId }
    }`);
    expect(data).toEqual({ __typename: 'Query', me: { name: 'octocat', databaseId: USERS.octocat.id } });
  });

  it('serves nothing outside its base path (GHES: /repos/… and /graphql are 404)', async () => {
    const gh = await start({ enterprise: true });
    const res = await fetch(`${gh.origin}/repos/${HELLO_WORLD.fullName}/issues/${PR}/comments`, {
      headers: { authorization: `token ${TOKENS.actions}` }
    });
    expect(res.status).toBe(404);
    const gql = await fetch(`${gh.apiUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: `token ${TOKENS.actions}` },
      body: JSON.stringify({ query: 'query { viewer { login } }' })
    });
    expect(gql.status).toBe(404);
    expect(gh.requests.map((r) => r.route)).toEqual([null, null]);
  });
});

describe('fake GitHub errors through Octokit', () => {
  it('403, 404 and 422 surface as RequestError (HttpError) with status, and are not retried', async () => {
    const gh = await start({
      faults: { 'comment-create': { status: 403 }, 'comment-update': { status: 422 } }
    });
    const { octokit } = octokitFor(gh);

    const forbidden = await rejection(
      octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x' })
    );
    expect(forbidden).toMatchObject({ name: 'HttpError', status: 403 });
    expect(forbidden.message).toBe(
      'Resource not accessible by integration - https://docs.github.com/rest/issues/comments#create-an-issue-comment'
    );
    const response = forbidden.response as { headers: Record<string, string> };
    expect(response.headers['x-accepted-github-permissions']).toBe('issues=write; pull_requests=write');

    const notFound = await rejection(octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 999 }));
    expect(notFound).toMatchObject({ name: 'HttpError', status: 404 });

    const invalid = await rejection(
      octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: 1, body: 'x' })
    );
    expect(invalid).toMatchObject({ name: 'HttpError', status: 422 });
    expect(invalid.message).toMatch(/^Validation Failed: \{"resource":"IssueComment","code":"custom","field":"body"/);

    expect(gh.requests.map((r) => `${r.route} ${String(r.status)}`)).toEqual([
      'comment-create 403',
      'comments-list 404',
      'comment-update 422'
    ]);
  }, 20_000);

  it('a fork pull request’s read-only token is refused every write with 403', async () => {
    const gh = await start();
    const { octokit } = octokitFor(gh, TOKENS.forkActions);
    const listed = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR });
    expect(listed.status).toBe(200);
    const error = await rejection(
      octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x' })
    );
    expect(error).toMatchObject({ status: 403 });
    expect(error.message).toMatch(/^Resource not accessible by integration/);
    expect(gh.comments(HELLO_WORLD.fullName, PR)).toEqual([]);
  });

  it('a comment body over 65536 characters is 422 Validation Failed', async () => {
    const gh = await start();
    const error = await rejection(
      octokitFor(gh).octokit.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: PR,
        body: 'x'.repeat(65537)
      })
    );
    expect(error).toMatchObject({ status: 422 });
    expect((error.response as { data: { errors: unknown[] } }).data.errors).toEqual([
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)'
      }
    ]);
  });

  it.each([403, 429] as const)(
    'a secondary rate limit (%i, retry-after: 1) that clears after one retry is retried by the throttling plugin',
    async (status) => {
      const gh = await start({ faults: { 'comments-list': { kind: 'secondary-rate-limit', status, times: 1 } } });
      gh.seedComments(HELLO_WORLD.fullName, PR, 3);
      const { octokit, limits } = octokitFor(gh);
      const res = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR });
      expect(res.data).toHaveLength(3);
      expect(gh.requestsTo('comments-list').map((r) => r.status)).toEqual([status, 200]);
      expect(gh.requestsTo('comments-list')[0]?.fault).toBe('secondary-rate-limit');
      expect(limits).toEqual([
        { kind: 'secondary', retryAfter: 1, retryCount: 0, url: '/repos/{owner}/{repo}/issues/{issue_number}/comments' }
      ]);
    }
  );

  it('a secondary rate limit that does not clear fails after the retries onSecondaryRateLimit allows', async () => {
    const gh = await start({ faults: { 'comments-list': { kind: 'secondary-rate-limit' } } });
    const { octokit, limits } = octokitFor(gh);
    const error = await rejection(octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR }));
    expect(error).toMatchObject({ name: 'HttpError', status: 403 });
    expect(error.message).toMatch(/^You have exceeded a secondary rate limit\./);
    expect(error.message).toContain(SECONDARY_RATE_LIMIT_DOCS);
    expect(limits.map((l) => l.retryCount)).toEqual([0, 1, 2]);
    expect(gh.requestsTo('comments-list')).toHaveLength(3);
  });

  it('without 429 in doNotRetry, plugin-retry also retries a 429 (before the throttling plugin sees it)', async () => {
    const gh = await start({ faults: { 'comments-list': { kind: 'secondary-rate-limit', status: 429, times: 1 } } });
    const { octokit, limits } = octokitFor(gh, TOKENS.actions, { doNotRetry: [400, 401, 403, 404, 410, 422, 451] });
    await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR });
    expect(gh.requestsTo('comments-list').map((r) => r.status)).toEqual([429, 200]);
    expect(limits).toEqual([]);
  });

  it('the primary rate limit (x-ratelimit-remaining: 0) goes to onRateLimit', async () => {
    const gh = await start({ faults: { 'commit-pulls': { kind: 'rate-limit', resetInSeconds: 0, times: 1 } } });
    const { octokit, limits } = octokitFor(gh);
    const res = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner: OWNER,
      repo: REPO,
      commit_sha: HELLO_WORLD.headSha
    });
    expect(res.data).toHaveLength(1);
    expect(limits.map((l) => [l.kind, l.retryCount])).toEqual([['primary', 0]]);
    expect(gh.requestsTo('commit-pulls').map((r) => r.status)).toEqual([403, 200]);
  });

  it('a 500 once is retried by plugin-retry', async () => {
    const gh = await start({ faults: { 'comments-list': { status: 500, times: 1 } } });
    const { octokit } = octokitFor(gh);
    const res = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR });
    expect(res.status).toBe(200);
    expect(gh.requestsTo('comments-list').map((r) => r.status)).toEqual([500, 200]);
  });

  it('GraphQL viewer failures: 200 with errors (GraphqlResponseError) or HTTP 403 (HttpError)', async () => {
    const gh = await start();
    const query = 'query { viewer { login } }';

    const errors = await rejection(octokitFor(gh, TOKENS.viewerErrors).octokit.graphql(query));
    expect(errors).toMatchObject({ name: 'GraphqlResponseError', data: null });
    expect(errors.errors).toEqual([expect.objectContaining({ type: 'FORBIDDEN', path: ['viewer'] })]);
    expect(errors.message).toBe(
      'Request failed due to following response errors:\n - Resource not accessible by integration'
    );

    const forbidden = await rejection(octokitFor(gh, TOKENS.viewerForbidden).octokit.graphql(query));
    expect(forbidden).toMatchObject({ name: 'HttpError', status: 403 });
    expect(forbidden.message).toBe('Resource not accessible by integration - https://docs.github.com/graphql');

    gh.setFaults({ graphql: { kind: 'graphql-errors', times: 1 } });
    const faulted = await rejection(octokitFor(gh).octokit.graphql(query));
    expect(faulted).toMatchObject({ name: 'GraphqlResponseError' });

    const unknown = await rejection(octokitFor(gh).octokit.graphql('query { viewer { login email } }'));
    expect(unknown.errors).toEqual([
      expect.objectContaining({
        message: "Field 'email' doesn't exist on type 'User'",
        path: ['viewer', 'email'],
        extensions: { code: 'undefinedField', typeName: 'User', fieldName: 'email' }
      })
    ]);
  });
});

describe('fake GitHub check runs', () => {
  const annotations = (n: number): Annotation[] =>
    Array.from({ length: n }, (_, i) => ({
      path: '.env.production',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'failure',
      message: `finding ${i + 1}`
    }));

  it('creates a run with 50 annotations, refuses 51 with 422, appends on update', async () => {
    const gh = await start();
    const { octokit } = octokitFor(gh);
    const created = await octokit.rest.checks.create({
      owner: OWNER,
      repo: REPO,
      name: 'Clerk production gate',
      head_sha: HELLO_WORLD.headSha,
      status: 'in_progress',
      output: { title: 'Gate', summary: 'checking', annotations: annotations(50) }
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      name: 'Clerk production gate',
      head_sha: HELLO_WORLD.headSha,
      status: 'in_progress',
      conclusion: null,
      output: { title: 'Gate', summary: 'checking', annotations_count: 50 },
      pull_requests: [{ number: PR }]
    });

    const tooMany = await rejection(
      octokit.rest.checks.update({
        owner: OWNER,
        repo: REPO,
        check_run_id: created.data.id,
        output: { title: 'Gate', summary: 'more', annotations: annotations(51) }
      })
    );
    expect(tooMany).toMatchObject({ name: 'HttpError', status: 422 });
    expect(tooMany.message).toBe(
      'Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied. - https://docs.github.com/rest/checks/runs#update-a-check-run'
    );

    const done = await octokit.rest.checks.update({
      owner: OWNER,
      repo: REPO,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: 'Gate', summary: 'done', annotations: annotations(30) }
    });
    expect(done.data).toMatchObject({ status: 'completed', conclusion: 'failure', output: { annotations_count: 80 } });
    expect(gh.checkRuns(HELLO_WORLD.fullName)[0]?.batches).toEqual([50, 30]);
    expect(gh.requestsTo('check-run-update').map((r) => r.status)).toEqual([422, 200]);
  }, 20_000);

  it('a personal access token cannot create check runs; faults apply to check-run routes', async () => {
    const gh = await start({ faults: { 'check-run-create': { status: 403, times: 1 } } });
    const params = { owner: OWNER, repo: REPO, name: 'gate', head_sha: HELLO_WORLD.headSha };
    const faulted = await rejection(octokitFor(gh).octokit.rest.checks.create(params));
    expect(faulted).toMatchObject({ status: 403 });
    expect((faulted.response as { headers: Record<string, string> }).headers['x-accepted-github-permissions']).toBe(
      'checks=write'
    );
    const pat = await rejection(octokitFor(gh, TOKENS.pat).octokit.rest.checks.create(params));
    expect(pat).toMatchObject({ status: 403 });
    expect(pat.message).toMatch(/^You must authenticate via a GitHub App\./);
    expect(gh.checkRuns()).toEqual([]);
  });
});

describe('fake GitHub faults and record', () => {
  it('latency, delay, hang and reset; times counts per route', async () => {
    const gh = await start({ latencyMs: { 'pull-get': 60 } });
    const url = `${gh.apiUrl}/repos/${HELLO_WORLD.fullName}/pulls/${PR}`;
    const headers = { authorization: `token ${TOKENS.actions}` };

    let started = performance.now();
    expect((await fetch(url, { headers })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);

    gh.setFaults({
      'pull-get': [
        { kind: 'delay', ms: 50, times: 1 },
        { kind: 'reset', times: 1 }
      ]
    });
    started = performance.now();
    await expect(fetch(url, { headers })).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect((await fetch(url, { headers })).status).toBe(200);

    gh.setFaults({ all: { kind: 'hang', times: 1 } });
    await expect(fetch(url, { headers, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect((await fetch(url, { headers })).status).toBe(200);

    expect(gh.requestsTo('pull-get').map((r) => r.status)).toEqual([200, 'reset', 200, 'hang', 200]);
  });

  it('records method, path, query, headers (authorization included), parsed body, status and times', async () => {
    const gh = await start({ enterprise: true });
    const token = fakeToken('ghp_', 'Hubot');
    gh.addToken(token, { login: 'hubot', kind: 'pat' });
    const { octokit } = octokitFor(gh, token);
    await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'hello' });
    const [r] = gh.requests;
    expect(r).toMatchObject({
      route: 'comment-create',
      method: 'POST',
      path: `/api/v3/repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      routePath: `/repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      query: {},
      authorization: `token ${token}`,
      token,
      login: 'hubot',
      body: { body: 'hello' },
      rawBody: '{"body":"hello"}',
      status: 201
    });
    expect(r?.headers.accept).toBe('application/vnd.github.v3+json');
    expect(r?.headers['user-agent']).toMatch(/octokit-core\.js/);
    expect(r?.answeredAt).toBeGreaterThanOrEqual(r?.at ?? Infinity);
    expect(gh.comments(HELLO_WORLD.fullName, PR)[0]).toMatchObject({
      user: { login: 'hubot', type: 'User' },
      html_url: `${gh.origin}/${HELLO_WORLD.fullName}/pull/${PR}#issuecomment-${gh.comments(HELLO_WORLD.fullName, PR)[0]?.id}`
    });
  });
});
