/**
 * A fake GitHub: one real HTTP server on 127.0.0.1 that answers the REST routes the gate's pull-request comment and
 * check run use, and GraphQL `viewer`, from in-memory state (repositories, pull requests, issue comments, commits,
 * check runs, tokens), with fault injection per route and a record of every request.
 *
 *   const gh = await startFakeGitHub({ enterprise: true });   // REST under /api/v3, GraphQL at /api/graphql
 *   gh.seedComments('Codertocat/Hello-World', 2, 150, { by: 'octocat' });
 *   const octokit = getOctokit(gh.tokens.actions, { baseUrl: gh.apiUrl, ... }, retry, throttling);
 *   // or run the action with extraEnv: gh.env (GITHUB_API_URL, GITHUB_GRAPHQL_URL, GITHUB_SERVER_URL)
 *   gh.setFaults({ 'comment-create': { status: 403 } });
 *   gh.requestsTo('comment-update'); gh.foreignEdits(); gh.comments('Codertocat/Hello-World', 2);
 *   await gh.close();
 *
 * What it copies from GitHub (each checked against GitHub's docs or public issue threads, see the notes inline):
 * - `Link` headers name `/repositories/{id}/…` URLs (as api.github.com does), absolute, on the fake's own origin and
 *   base path, keeping the client's query (`per_page`, `since`) and replacing `page`; `prev`, `next`, `last`, `first`.
 * - Owner and repository names match case-insensitively; comment ids are above 2^31.
 * - A fork pull request's head commit is known to the base repository but `commits/{sha}/pulls` there lists nothing
 *   for it (the head only lives in the fork); an unknown SHA answers 422 `No commit found for SHA: …`.
 * - An installation token (`ghs_`, GitHub Actions) cannot call `GET /user` (403 Resource not accessible by
 *   integration); a personal access token cannot create check runs (403 You must authenticate via a GitHub App.).
 * - Check runs take at most 50 annotations per request (422 `Invalid request.\n\nNo more than 50 items are allowed;
 *   N were supplied.`); an update appends its annotations to the run's.
 * - Comment bodies over 65536 characters answer 422 Validation Failed.
 * - Error bodies: `{ message, documentation_url, status: "403" }` (plus `errors` for Validation Failed).
 *
 * Tokens are made at run time (`fakeToken`): nothing token-shaped is committed.
 */
import { once } from 'node:events';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serverLifetime } from './server-lifetime.js';

// ---------------------------------------------------------------------------------------------------------------
// Users and tokens

export interface FakeUser {
  login: string;
  id: number;
  type: 'Bot' | 'User' | 'Organization';
}

/** Well-known accounts (real logins and ids of public accounts; nothing secret). */
export const USERS = {
  /** The author of comments made with a workflow's GITHUB_TOKEN. */
  actions: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
  octocat: { login: 'octocat', id: 583231, type: 'User' },
  hubot: { login: 'hubot', id: 480938, type: 'User' },
  /** Owner of `Codertocat/Hello-World`, the repository of the vendored webhook payloads. */
  codertocat: { login: 'Codertocat', id: 21031067, type: 'User' },
  dependabot: { login: 'dependabot[bot]', id: 49699333, type: 'Bot' }
} as const satisfies Record<string, FakeUser>;

/** What a token is: whose, which kind, what it may do. */
export interface TokenGrant {
  login: string;
  /** `installation`: a GitHub App installation token such as a workflow's GITHUB_TOKEN (`ghs_`); `pat`: a person's. */
  kind: 'installation' | 'pat';
  /** `read`: every write answers 403 (a fork pull request's GITHUB_TOKEN is read-only). Default `write`. */
  access?: 'read' | 'write';
  /**
   * How GraphQL `viewer` answers: `ok` (default), `errors` (200 with `{ data: null, errors: [FORBIDDEN] }`),
   * `forbidden` (HTTP 403 with a REST-style message body).
   */
  viewer?: 'ok' | 'errors' | 'forbidden';
}

/** `prefix` + `Fake<label>` padded with zeros to 36 characters: shaped like a GitHub token, obviously fake. */
export function fakeToken(prefix: 'ghs_' | 'ghp_' | 'gho_' | 'ghu_', label: string): string {
  return `${prefix}${`Fake${label}`.padEnd(36, '0')}`;
}

/** The tokens every fake accepts (and `unknown`, which none does). */
export const TOKENS = {
  /** A workflow's GITHUB_TOKEN: github-actions[bot], may write. */
  actions: fakeToken('ghs_', 'Actions'),
  /** A fork pull request's GITHUB_TOKEN: github-actions[bot], read-only. */
  forkActions: fakeToken('ghs_', 'ForkReadOnly'),
  /** A personal access token of octocat. */
  pat: fakeToken('ghp_', 'Octocat'),
  /** An installation token whose GraphQL `viewer` answers `{ errors }`. */
  viewerErrors: fakeToken('ghs_', 'ViewerErrors'),
  /** An installation token whose GraphQL `viewer` answers HTTP 403. */
  viewerForbidden: fakeToken('ghs_', 'ViewerForbidden'),
  /** Shaped right, accepted by no fake: 401 Bad credentials. */
  unknown: fakeToken('ghs_', 'Unknown')
} as const;

function defaultGrants(): Map<string, TokenGrant> {
  return new Map<string, TokenGrant>([
    [TOKENS.actions, { login: USERS.actions.login, kind: 'installation' }],
    [TOKENS.forkActions, { login: USERS.actions.login, kind: 'installation', access: 'read' }],
    [TOKENS.pat, { login: USERS.octocat.login, kind: 'pat' }],
    [TOKENS.viewerErrors, { login: USERS.actions.login, kind: 'installation', viewer: 'errors' }],
    [TOKENS.viewerForbidden, { login: USERS.actions.login, kind: 'installation', viewer: 'forbidden' }]
  ]);
}

/** The GitHub App behind github-actions[bot] (`performed_via_github_app` of its comments, `app` of its runs). */
const ACTIONS_APP = {
  id: 15368,
  slug: 'github-actions',
  node_id: 'MDM6QXBwMTUzNjg=',
  owner: { login: 'github', id: 9919, type: 'Organization' },
  name: 'GitHub Actions',
  html_url: 'https://github.com/apps/github-actions'
};

// ---------------------------------------------------------------------------------------------------------------
// Seeds

export interface PullSeed {
  number: number;
  state?: 'open' | 'closed';
  merged?: boolean;
  /** A locked conversation: new comments answer 403. */
  locked?: boolean;
  title?: string;
  /** Author login (default: the repository owner, or the fork's owner). */
  author?: string;
  headSha: string;
  headRef?: string;
  baseRef?: string;
  baseSha?: string;
  /** The head lives in a fork (`headRepo`, default `<author>/<repo name>`). */
  fork?: boolean;
  /** The fork's full name; null: the fork was deleted (`head.repo: null`). */
  headRepo?: string | null;
}

export interface RepoSeed {
  /** `owner/name`. */
  fullName: string;
  id?: number;
  private?: boolean;
  defaultBranch?: string;
  pulls?: PullSeed[];
  /**
   * Commit SHA → numbers of the pull requests `commits/{sha}/pulls` lists. A pull request's head SHA is added on its
   * own (same-repository heads list their pull request; fork heads list nothing), unless given here.
   */
  commits?: Record<string, number[]>;
  /** Logins whose comments carry `author_association: COLLABORATOR`. */
  collaborators?: string[];
}

/** The vendored webhook payloads' pull request (`__tests__/fixtures/github/pull_request/*.payload.json`). */
export const HELLO_WORLD = {
  fullName: 'Codertocat/Hello-World',
  id: 186853002,
  pull: 2,
  headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
  baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
  /** The vendored `push/with-new-branch` payload's `after`: on master, in no pull request. */
  pushSha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246'
} as const;

/** The repositories a fake starts with unless given `repos`: those of the vendored webhook payloads. */
export function defaultRepos(): RepoSeed[] {
  return [
    {
      fullName: HELLO_WORLD.fullName,
      id: HELLO_WORLD.id,
      defaultBranch: 'master',
      pulls: [
        {
          number: HELLO_WORLD.pull,
          title: 'Update the README with new information.',
          headSha: HELLO_WORLD.headSha,
          headRef: 'changes',
          baseRef: 'master',
          baseSha: HELLO_WORLD.baseSha
        }
      ],
      commits: { [HELLO_WORLD.pushSha]: [] }
    },
    { fullName: 'octo-org/octo-repo', id: 17273051, defaultBranch: 'master' }
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Routes and faults

export const ROUTE_NAMES = [
  'comments-list',
  'comment-create',
  'comment-update',
  'commit-pulls',
  'pull-get',
  'user',
  'graphql',
  'check-run-create',
  'check-run-update'
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

const DOCS: Record<RouteName | 'unknown', string> = {
  'comments-list': 'https://docs.github.com/rest/issues/comments#list-issue-comments',
  'comment-create': 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  'comment-update': 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
  'commit-pulls': 'https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit',
  'pull-get': 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
  user: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
  graphql: 'https://docs.github.com/graphql',
  'check-run-create': 'https://docs.github.com/rest/checks/runs#create-a-check-run',
  'check-run-update': 'https://docs.github.com/rest/checks/runs#update-a-check-run',
  unknown: 'https://docs.github.com/rest'
};

/** The permissions GitHub names in `x-accepted-github-permissions` when it refuses a route to an integration. */
const ACCEPTED_PERMISSIONS: Record<RouteName, string> = {
  'comments-list': 'issues=read; pull_requests=read',
  'comment-create': 'issues=write; pull_requests=write',
  'comment-update': 'issues=write; pull_requests=write',
  'commit-pulls': 'contents=read; pull_requests=read',
  'pull-get': 'pull_requests=read',
  user: '',
  graphql: '',
  'check-run-create': 'checks=write',
  'check-run-update': 'checks=write'
};

export const SECONDARY_RATE_LIMIT_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

/** One entry of a 422 Validation Failed `errors` array. */
export interface ValidationError {
  resource: string;
  code: string;
  field?: string;
  message?: string;
}

export interface GraphqlError {
  message: string;
  type?: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/**
 * One fault. `times`: it applies to the first N requests of its route, then the route answers normally (default:
 * every request). A fault without `kind` is a `status` fault: `{ status: 403 }`.
 */
export type Fault =
  /**
   * Answer `status` with GitHub's error body: default messages 401 Bad credentials, 403 Resource not accessible by
   * integration (with `x-accepted-github-permissions`), 404 Not Found, 409 Conflict, 422 Validation Failed (with
   * `errors`), 500 Server Error, 503 Service Unavailable; 502 is an HTML page.
   */
  | {
      kind?: 'status';
      status: 400 | 401 | 403 | 404 | 409 | 410 | 422 | 500 | 502 | 503;
      message?: string;
      errors?: ValidationError[];
      headers?: Record<string, string>;
      times?: number;
    }
  /**
   * A secondary rate limit: 403 (default) or 429, `retry-after: retryAfter` (default 1; null: no header), message
   * "You have exceeded a secondary rate limit…", `x-ratelimit-remaining` not 0.
   */
  | { kind: 'secondary-rate-limit'; status?: 403 | 429; retryAfter?: number | null; times?: number }
  /** The primary rate limit: 403 (default) or 429, `x-ratelimit-remaining: 0`, reset `resetInSeconds` (default 1). */
  | { kind: 'rate-limit'; status?: 403 | 429; resetInSeconds?: number; times?: number }
  /** 200 `{ data: null, errors }` (meant for `graphql`; default: one FORBIDDEN error). */
  | { kind: 'graphql-errors'; errors?: GraphqlError[]; times?: number }
  /** Wait `ms`, then go on with the next fault or the normal answer. */
  | { kind: 'delay'; ms: number; times?: number }
  /** Never answer (until the client gives up or the fake closes). */
  | { kind: 'hang'; times?: number }
  /** Destroy the connection without an answer. */
  | { kind: 'reset'; times?: number };

/** Faults per route; `all` applies to every route, before the route's own. */
export type Faults = Partial<Record<RouteName | 'all', Fault | Fault[]>>;

// ---------------------------------------------------------------------------------------------------------------
// Wire shapes (what the fake sends, as GitHub sends it)

export interface SimpleUser {
  login: string;
  id: number;
  node_id: string;
  avatar_url: string;
  gravatar_id: string;
  url: string;
  html_url: string;
  type: string;
  user_view_type: 'public';
  site_admin: boolean;
}

export type AuthorAssociation = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';

export interface IssueComment {
  url: string;
  html_url: string;
  issue_url: string;
  id: number;
  node_id: string;
  user: SimpleUser;
  created_at: string;
  updated_at: string;
  author_association: AuthorAssociation;
  body: string;
  reactions: Record<string, number | string>;
  performed_via_github_app: typeof ACTIONS_APP | null;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
  start_column?: number;
  end_column?: number;
}

export interface CheckRunState {
  id: number;
  repo: string;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  detailsUrl: string | null;
  externalId: string;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation sent, in order (creation and updates). */
  annotations: Annotation[];
  /** Annotations per request, in order (each ≤ 50). */
  batches: number[];
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

export interface RecordedRequest {
  /** The route matched, or null (answered 404). */
  route: RouteName | null;
  method: string;
  /** The path as sent, without the query string (with the base path). */
  path: string;
  /** The path relative to the REST base path (`/repos/…`), or the GraphQL path. */
  routePath: string;
  query: Record<string, string>;
  /** The request target as sent. */
  url: string;
  /** Every header, lower-case names. Authorization is kept: the record is test-side only. */
  headers: IncomingHttpHeaders;
  authorization: string | undefined;
  /** The token of `Authorization: token X` / `Bearer X`, or null. */
  token: string | null;
  /** The token's login, or null (no or unknown token). */
  login: string | null;
  /** The JSON body parsed; the text when not JSON; undefined when empty. */
  body: unknown;
  rawBody: string;
  /** For `comment-update`: the login of the comment's author when that is not the caller (see `foreignEdits`). */
  foreignAuthor?: string;
  /** The status sent, `reset`, `hang`, or null while pending. */
  status: number | 'reset' | 'hang' | null;
  /** The fault that answered (its kind), if one did. */
  fault?: string;
  /** Date.now() when the request arrived and when the answer was sent. */
  at: number;
  answeredAt?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Options and handle

export interface FakeGitHubOptions {
  /**
   * GitHub Enterprise Server layout: REST under `/api/v3`, GraphQL at `/api/graphql`, GITHUB_SERVER_URL the fake's
   * own origin. Default false: REST at the root, GraphQL at `/graphql` (api.github.com's layout).
   */
  enterprise?: boolean;
  /** REST base path ('' or '/api/v3'); overrides `enterprise`. */
  basePath?: string;
  /** GraphQL path; default `/api/graphql` when the base path is `/api/v3`, else `/graphql`. */
  graphqlPath?: string;
  /** GITHUB_SERVER_URL, the origin of `html_url`s. Default `https://github.com`, or the fake's origin (enterprise). */
  serverUrl?: string;
  /** Repositories (default `defaultRepos()`). */
  repos?: RepoSeed[];
  /** Extra tokens (added to the built-in `TOKENS`). */
  tokens?: Record<string, TokenGrant>;
  /** Extra users (logins not known are made up as `User`s when first used). */
  users?: FakeUser[];
  faults?: Faults;
  /** Delay every answer (number) or those of some routes. */
  latencyMs?: number | Partial<Record<RouteName | 'all', number>>;
  /** `Link` URLs: `repositories` (`/repositories/{id}/…`, as api.github.com) or `repos` (`/repos/{owner}/{repo}/…`). */
  linkStyle?: 'repositories' | 'repos';
  /**
   * A broken or hostile server: every page of these routes links a `rel="next"` page, past the last one (those are
   * empty), so a client that follows `next` without a bound never stops.
   */
  endlessPages?: RouteName[];
  /**
   * A maintainer's token may edit someone else's comment (GitHub allows it): `allow` (default; recorded, see
   * `foreignEdits`) or `forbid` (403).
   */
  foreignEdit?: 'allow' | 'forbid';
  /** The timestamp of the first object made; each later one is one second later (deterministic). */
  startTime?: string;
  /** Answer other GraphQL queries: return the JSON body to send (status 200), or undefined for the default. */
  graphql?: (request: { query: string; variables: unknown; login: string }) => unknown;
}

export interface SeedCommentOptions {
  /** Author login (default github-actions[bot]). */
  by?: string;
  /** Body, or a body per index (0-based). Default `comment N`. */
  body?: string | ((index: number) => string);
  authorAssociation?: AuthorAssociation;
}

export interface FakeGitHub {
  origin: string;
  port: number;
  /** REST base path: '' or '/api/v3'. */
  basePath: string;
  graphqlPath: string;
  /** `origin + basePath`: GITHUB_API_URL, Octokit's `baseUrl`. */
  apiUrl: string;
  /** `origin + graphqlPath`: GITHUB_GRAPHQL_URL. */
  graphqlUrl: string;
  /** GITHUB_SERVER_URL. */
  serverUrl: string;
  /** GITHUB_API_URL, GITHUB_GRAPHQL_URL and GITHUB_SERVER_URL for this fake. */
  env: { GITHUB_API_URL: string; GITHUB_GRAPHQL_URL: string; GITHUB_SERVER_URL: string };
  /** The built-in tokens (same values as `TOKENS`). */
  tokens: typeof TOKENS;
  requests: RecordedRequest[];
  requestsTo(route: RouteName): RecordedRequest[];
  /** `comment-update` requests aimed at a comment of someone other than the caller (whatever they were answered). */
  foreignEdits(): RecordedRequest[];
  /** Replace the faults (their counters start again). */
  setFaults(faults: Faults): void;
  addRepo(seed: RepoSeed): void;
  addPull(repo: string, seed: PullSeed): void;
  /** `commits/{sha}/pulls` in `repo` lists these pull requests. */
  associateCommit(repo: string, sha: string, pulls: number[]): void;
  addToken(token: string, grant: TokenGrant): void;
  addUser(user: FakeUser): void;
  /** Add `count` comments to pull request `pull` of `repo`; returns them as GitHub sends them. */
  seedComments(repo: string, pull: number, count: number, options?: SeedCommentOptions): IssueComment[];
  /** The comments of a pull request, oldest first, as GitHub sends them. */
  comments(repo: string, pull: number): IssueComment[];
  /** Check runs of `repo` (all when omitted), oldest first. */
  checkRuns(repo?: string): CheckRunState[];
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// State

interface PullState {
  number: number;
  id: number;
  state: 'open' | 'closed';
  merged: boolean;
  locked: boolean;
  title: string;
  author: string;
  headSha: string;
  headRef: string;
  baseRef: string;
  baseSha: string;
  fork: boolean;
  headRepo: string | null;
  createdAt: string;
}

interface CommentState {
  id: number;
  repo: string;
  issue: number;
  body: string;
  author: string;
  association: AuthorAssociation;
  createdAt: string;
  updatedAt: string;
}

interface RepoState {
  fullName: string;
  owner: string;
  name: string;
  id: number;
  private: boolean;
  defaultBranch: string;
  pulls: Map<number, PullState>;
  commits: Map<string, number[]>;
  collaborators: Set<string>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

class HttpReply extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

function key(fullName: string): string {
  return fullName.toLowerCase();
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDOFake${id.toString(36)}`;
}

function requestId(): string {
  const hex = (n: number): string =>
    Math.floor(Math.random() * 16 ** n)
      .toString(16)
      .toUpperCase()
      .padStart(n, '0');
  return `${hex(4)}:${hex(5)}:${hex(6)}:${hex(6)}:${hex(8)}`;
}

function tokenOf(authorization: string | undefined): string | null {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

const ROUTES: { name: RouteName; method: string; pattern: RegExp }[] = [
  { name: 'comments-list', method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/ },
  { name: 'comment-create', method: 'POST', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/ },
  { name: 'comment-update', method: 'PATCH', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/ },
  { name: 'commit-pulls', method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/ },
  { name: 'pull-get', method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/ },
  { name: 'check-run-create', method: 'POST', pattern: /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/ },
  { name: 'check-run-update', method: 'PATCH', pattern: /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/ },
  { name: 'user', method: 'GET', pattern: /^\/user$/ }
];

const MAX_COMMENT_LENGTH = 65536;
const MAX_SUMMARY_LENGTH = 65535;
const MAX_ANNOTATIONS = 50;

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const basePath = (options.basePath ?? (options.enterprise === true ? '/api/v3' : '')).replace(/\/+$/, '');
  const graphqlPath = options.graphqlPath ?? (basePath === '/api/v3' ? '/api/graphql' : '/graphql');
  const linkStyle = options.linkStyle ?? 'repositories';

  const repos = new Map<string, RepoState>();
  const reposById = new Map<number, RepoState>();
  const comments = new Map<number, CommentState>();
  const checkRuns = new Map<number, CheckRunState>();
  const users = new Map<string, FakeUser>();
  const grants = defaultGrants();
  const requests: RecordedRequest[] = [];
  const lifetime = serverLifetime();
  const used = new Map<string, number>();
  let faults: Faults = options.faults ?? {};
  let counters = new Map<string, number>();
  let nextCommentId = 2_147_483_700;
  let nextCheckRunId = 30_000_000_001;
  let nextRepoId = 900_000_001;
  let nextUserId = 190_000_001;
  let clock = Date.parse(options.startTime ?? '2026-01-05T10:00:00Z');

  const tick = (): string => {
    const at = new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
    clock += 1000;
    return at;
  };

  for (const user of Object.values(USERS)) users.set(user.login.toLowerCase(), user);
  for (const user of options.users ?? []) users.set(user.login.toLowerCase(), user);
  for (const [token, grant] of Object.entries(options.tokens ?? {})) grants.set(token, grant);

  const userOf = (login: string): FakeUser => {
    const found = users.get(login.toLowerCase());
    if (found !== undefined) return found;
    const made: FakeUser = { login, id: nextUserId++, type: /\[bot\]$/.test(login) ? 'Bot' : 'User' };
    users.set(login.toLowerCase(), made);
    return made;
  };

  // Filled in once the server listens.
  let origin = '';
  let serverUrl = '';
  const apiUrl = (): string => `${origin}${basePath}`;

  const simpleUser = (login: string): SimpleUser => {
    const user = userOf(login);
    const htmlUrl =
      user.type === 'Bot' ? `${serverUrl}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${serverUrl}/${user.login}`;
    return {
      login: user.login,
      id: user.id,
      node_id: nodeId(user.type === 'Bot' ? 'BOT' : 'U', user.id),
      avatar_url: `https://avatars.githubusercontent.com/${user.type === 'Bot' ? 'in/15368' : `u/${user.id}`}?v=4`,
      gravatar_id: '',
      url: `${apiUrl()}/users/${encodeURIComponent(user.login)}`,
      html_url: htmlUrl,
      type: user.type,
      user_view_type: 'public',
      site_admin: false
    };
  };

  const repoOf = (fullName: string): RepoState => {
    const repo = repos.get(key(fullName));
    if (repo === undefined) throw new Error(`fake GitHub: no repository ${fullName}`);
    return repo;
  };

  const addPull = (repo: RepoState, seed: PullSeed): void => {
    const author = seed.author ?? repo.owner;
    const fork = seed.fork === true;
    const headRepo = seed.headRepo === undefined ? (fork ? `${author}/${repo.name}` : repo.fullName) : seed.headRepo;
    repo.pulls.set(seed.number, {
      number: seed.number,
      id: 1_000_000_000 + (repo.id % 1000) * 10_000 + seed.number,
      state: seed.state ?? 'open',
      merged: seed.merged === true,
      locked: seed.locked === true,
      title: seed.title ?? `Pull request ${seed.number}`,
      author,
      headSha: seed.headSha,
      headRef: seed.headRef ?? `branch-${seed.number}`,
      baseRef: seed.baseRef ?? repo.defaultBranch,
      baseSha: seed.baseSha ?? '0'.repeat(39) + '1',
      fork,
      headRepo,
      createdAt: tick()
    });
    // A same-repository head lists its pull request; a fork's head is known here but lists nothing.
    if (!repo.commits.has(seed.headSha)) repo.commits.set(seed.headSha, fork ? [] : [seed.number]);
    else if (!fork) {
      const list = repo.commits.get(seed.headSha) ?? [];
      if (!list.includes(seed.number)) list.push(seed.number);
    }
  };

  const addRepo = (seed: RepoSeed): void => {
    const [owner, name, ...rest] = seed.fullName.split('/');
    if (owner === undefined || name === undefined || rest.length > 0 || owner === '' || name === '') {
      throw new Error(`fake GitHub: a repository is owner/name, not ${seed.fullName}`);
    }
    const repo: RepoState = {
      fullName: seed.fullName,
      owner,
      name,
      id: seed.id ?? nextRepoId++,
      private: seed.private === true,
      defaultBranch: seed.defaultBranch ?? 'main',
      pulls: new Map(),
      commits: new Map(Object.entries(seed.commits ?? {}).map(([sha, list]) => [sha, [...list]])),
      collaborators: new Set((seed.collaborators ?? []).map((l) => l.toLowerCase()))
    };
    repos.set(key(seed.fullName), repo);
    reposById.set(repo.id, repo);
    for (const pull of seed.pulls ?? []) addPull(repo, pull);
  };

  for (const seed of options.repos ?? defaultRepos()) addRepo(seed);

  const association = (repo: RepoState, login: string): AuthorAssociation => {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
    if (repo.collaborators.has(login.toLowerCase())) return 'COLLABORATOR';
    return 'NONE';
  };

  const commentJson = (c: CommentState): IssueComment => {
    const repo = repoOf(c.repo);
    const kind = repo.pulls.has(c.issue) ? 'pull' : 'issues';
    return {
      url: `${apiUrl()}/repos/${repo.fullName}/issues/comments/${c.id}`,
      html_url: `${serverUrl}/${repo.fullName}/${kind}/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${apiUrl()}/repos/${repo.fullName}/issues/${c.issue}`,
      id: c.id,
      node_id: nodeId('IC', c.id),
      user: simpleUser(c.author),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: c.association,
      body: c.body,
      reactions: {
        url: `${apiUrl()}/repos/${repo.fullName}/issues/comments/${c.id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0
      },
      performed_via_github_app: c.author === USERS.actions.login ? ACTIONS_APP : null
    };
  };

  const addComment = (repo: RepoState, issue: number, author: string, body: string, assoc?: AuthorAssociation) => {
    const at = tick();
    const c: CommentState = {
      id: nextCommentId++,
      repo: repo.fullName,
      issue,
      body,
      author: userOf(author).login,
      association: assoc ?? association(repo, author),
      createdAt: at,
      updatedAt: at
    };
    comments.set(c.id, c);
    return c;
  };

  const commentsOf = (repo: RepoState, issue: number): CommentState[] =>
    [...comments.values()].filter((c) => c.repo === repo.fullName && c.issue === issue).sort((a, b) => a.id - b.id);

  const repoJson = (fullName: string) => {
    const [owner = '', name = ''] = fullName.split('/');
    const known = repos.get(key(fullName));
    const id = known?.id ?? 700_000_000 + [...fullName].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_000, 7);
    return {
      id,
      node_id: nodeId('R', id),
      name,
      full_name: known?.fullName ?? fullName,
      private: known?.private ?? false,
      owner: simpleUser(owner),
      html_url: `${serverUrl}/${fullName}`,
      fork: known === undefined,
      url: `${apiUrl()}/repos/${fullName}`,
      default_branch: known?.defaultBranch ?? 'main'
    };
  };

  const pullJson = (repo: RepoState, p: PullState, full: boolean) => {
    const base = `${apiUrl()}/repos/${repo.fullName}`;
    const headOwner = p.headRepo === null ? p.author : (p.headRepo.split('/')[0] ?? p.author);
    const headRepo = p.headRepo === null ? null : repoJson(p.headRepo);
    if (headRepo !== null) headRepo.fork = p.fork;
    const closedAt = p.state === 'closed' ? p.createdAt : null;
    const simple = {
      url: `${base}/pulls/${p.number}`,
      id: p.id,
      node_id: nodeId('PR', p.id),
      html_url: `${serverUrl}/${repo.fullName}/pull/${p.number}`,
      diff_url: `${serverUrl}/${repo.fullName}/pull/${p.number}.diff`,
      patch_url: `${serverUrl}/${repo.fullName}/pull/${p.number}.patch`,
      issue_url: `${base}/issues/${p.number}`,
      comments_url: `${base}/issues/${p.number}/comments`,
      number: p.number,
      state: p.state,
      locked: p.locked,
      title: p.title,
      user: simpleUser(p.author),
      body: null,
      created_at: p.createdAt,
      updated_at: p.createdAt,
      closed_at: closedAt,
      merged_at: p.merged ? closedAt : null,
      merge_commit_sha: p.merged ? p.headSha : null,
      draft: false,
      head: {
        label: `${headOwner}:${p.headRef}`,
        ref: p.headRef,
        sha: p.headSha,
        user: simpleUser(headOwner),
        repo: headRepo
      },
      base: {
        label: `${repo.owner}:${p.baseRef}`,
        ref: p.baseRef,
        sha: p.baseSha,
        user: simpleUser(repo.owner),
        repo: { ...repoJson(repo.fullName), fork: false }
      },
      author_association: association(repo, p.author),
      auto_merge: null,
      active_lock_reason: null
    };
    if (!full) return simple;
    return {
      ...simple,
      merged: p.merged,
      mergeable: p.state === 'open' ? true : null,
      mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
      maintainer_can_modify: false,
      comments: commentsOf(repo, p.number).length
    };
  };

  const checkRunJson = (run: CheckRunState) => {
    const repo = repoOf(run.repo);
    const pulls = [...repo.pulls.values()].filter((p) => p.headSha === run.headSha && !p.fork && p.state === 'open');
    return {
      id: run.id,
      head_sha: run.headSha,
      node_id: nodeId('CR', run.id),
      external_id: run.externalId,
      url: `${apiUrl()}/repos/${repo.fullName}/check-runs/${run.id}`,
      html_url: `${serverUrl}/${repo.fullName}/runs/${run.id}`,
      details_url: run.detailsUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        ...run.output,
        annotations_count: run.annotations.length,
        annotations_url: `${apiUrl()}/repos/${repo.fullName}/check-runs/${run.id}/annotations`
      },
      name: run.name,
      check_suite: { id: 20_000_000_000 + (run.id % 1_000_000) },
      app: ACTIONS_APP,
      pull_requests: pulls.map((p) => ({
        url: `${apiUrl()}/repos/${repo.fullName}/pulls/${p.number}`,
        id: p.id,
        number: p.number,
        head: { ref: p.headRef, sha: p.headSha, repo: { id: repo.id, url: `${apiUrl()}/repos/${repo.fullName}` } },
        base: { ref: p.baseRef, sha: p.baseSha, repo: { id: repo.id, url: `${apiUrl()}/repos/${repo.fullName}` } }
      }))
    };
  };

  // --- replies ---------------------------------------------------------------------------------------------------

  const errorReply = (
    route: RouteName | null,
    status: number,
    message: string,
    extra: { errors?: unknown[]; headers?: Record<string, string> } = {}
  ): Reply => ({
    status,
    body: {
      message,
      ...(extra.errors === undefined ? {} : { errors: extra.errors }),
      documentation_url: DOCS[route ?? 'unknown'],
      status: String(status)
    },
    ...(extra.headers === undefined ? {} : { headers: extra.headers })
  });

  const fail = (route: RouteName | null, status: number, message: string, errors?: unknown[]): never => {
    throw new HttpReply(errorReply(route, status, message, errors === undefined ? {} : { errors }));
  };

  const integrationForbidden = (route: RouteName, grant: TokenGrant): Reply =>
    errorReply(
      route,
      403,
      grant.kind === 'pat'
        ? 'Resource not accessible by personal access token'
        : 'Resource not accessible by integration',
      ACCEPTED_PERMISSIONS[route] === ''
        ? {}
        : { headers: { 'x-accepted-github-permissions': ACCEPTED_PERMISSIONS[route] } }
    );

  const validationFailed = (route: RouteName, errors: ValidationError[]): never =>
    fail(route, 422, 'Validation Failed', errors);

  const invalidRequest = (route: RouteName, detail: string): never => fail(route, 422, `Invalid request.\n\n${detail}`);

  const faultReply = (
    route: RouteName | null,
    fault: Fault,
    grant: TokenGrant | undefined
  ): Reply | 'hang' | 'reset' | null => {
    switch (fault.kind) {
      case undefined:
      case 'status': {
        if (fault.status === 502) {
          return {
            status: 502,
            body: '<!DOCTYPE html>\n<html><head><title>Server Error · GitHub</title></head><body>Server Error</body></html>\n',
            headers: { 'content-type': 'text/html; charset=utf-8', ...fault.headers }
          };
        }
        const defaults: Record<number, string> = {
          400: 'Problems parsing JSON',
          401: 'Bad credentials',
          403: 'Resource not accessible by integration',
          404: 'Not Found',
          409: 'Conflict',
          410: 'Gone',
          422: 'Validation Failed',
          500: 'Server Error',
          503: 'Service Unavailable'
        };
        const errors =
          fault.errors ??
          (fault.status === 422
            ? route?.startsWith('check-run') === true
              ? [{ resource: 'CheckRun', code: 'invalid', field: 'output' }]
              : [
                  {
                    resource: 'IssueComment',
                    code: 'custom',
                    field: 'body',
                    message: 'body is too long (maximum is 65536 characters)'
                  }
                ]
            : undefined);
        const headers: Record<string, string> = { ...fault.headers };
        if (
          fault.status === 403 &&
          route !== null &&
          ACCEPTED_PERMISSIONS[route] !== '' &&
          fault.message === undefined
        ) {
          headers['x-accepted-github-permissions'] = ACCEPTED_PERMISSIONS[route];
        }
        return errorReply(route, fault.status, fault.message ?? defaults[fault.status] ?? 'Error', {
          ...(errors === undefined ? {} : { errors }),
          headers
        });
      }
      case 'secondary-rate-limit': {
        const retryAfter = fault.retryAfter === undefined ? 1 : fault.retryAfter;
        const status = fault.status ?? 403;
        return {
          status,
          body: {
            message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId()}.`,
            documentation_url: SECONDARY_RATE_LIMIT_DOCS,
            status: String(status)
          },
          headers: retryAfter === null ? {} : { 'retry-after': String(retryAfter) }
        };
      }
      case 'rate-limit': {
        const status = fault.status ?? 403;
        const reset = Math.ceil(Date.now() / 1000) + (fault.resetInSeconds ?? 1);
        const who = grant?.kind === 'pat' ? `user ID ${userOf(grant.login).id}` : 'installation ID 12345678';
        return {
          status,
          body: {
            message: `API rate limit exceeded for ${who}. If you reach out to GitHub Support for help, please include the request ID ${requestId()} and timestamp ${new Date().toISOString()}.`,
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
            status: String(status)
          },
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(reset) }
        };
      }
      case 'graphql-errors':
        return {
          status: 200,
          body: {
            data: null,
            errors: fault.errors ?? [
              {
                type: 'FORBIDDEN',
                path: ['viewer'],
                extensions: { saml_failure: false },
                locations: [{ line: 1, column: 9 }],
                message: 'Resource not accessible by integration'
              }
            ]
          }
        };
      case 'hang':
        return 'hang';
      case 'reset':
        return 'reset';
      case 'delay':
        return null;
    }
  };

  // --- handlers --------------------------------------------------------------------------------------------------

  const paginate = <T>(items: T[], query: URLSearchParams, linkPath: string, route: RouteName) => {
    const endless = options.endlessPages?.includes(route) ?? false;
    const rawPerPage = Number(query.get('per_page') ?? '30');
    const perPage = Number.isInteger(rawPerPage) && rawPerPage >= 1 ? Math.min(rawPerPage, 100) : 30;
    const rawPage = Number(query.get('page') ?? '1');
    const page = Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1;
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const url = (n: number): string => {
      const params = new URLSearchParams(query);
      params.delete('page');
      params.append('page', String(n));
      return `${apiUrl()}${linkPath}?${params.toString()}`;
    };
    const links: string[] = [];
    if (page > 1) links.push(`<${url(Math.min(page - 1, last))}>; rel="prev"`);
    if (page < last || endless)
      links.push(`<${url(page + 1)}>; rel="next"`, `<${url(Math.max(last, page + 1))}>; rel="last"`);
    if (page > 1) links.push(`<${url(1)}>; rel="first"`);
    return { slice, link: links.length === 0 ? undefined : links.join(', ') };
  };

  const linkHeader = (link: string | undefined): Record<string, string> => (link === undefined ? {} : { link });

  interface Context {
    route: RouteName;
    params: string[];
    query: URLSearchParams;
    body: unknown;
    grant: TokenGrant;
    record: RecordedRequest;
  }

  const findRepo = (route: RouteName, owner: string, name: string): RepoState =>
    repos.get(key(`${owner}/${name}`)) ?? fail(route, 404, 'Not Found');

  const findPull = (route: RouteName, repo: RepoState, number: string): PullState =>
    repo.pulls.get(Number(number)) ?? fail(route, 404, 'Not Found');

  const requireWrite = (ctx: Context): void => {
    if (ctx.grant.access === 'read') throw new HttpReply(integrationForbidden(ctx.route, ctx.grant));
  };

  const bodyObject = (ctx: Context): Record<string, unknown> => {
    const b = ctx.body;
    return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
  };

  const commentBody = (ctx: Context): string => {
    const body = bodyObject(ctx).body;
    if (typeof body !== 'string' || body === '') {
      return validationFailed(ctx.route, [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
    }
    if (body.length > MAX_COMMENT_LENGTH) {
      return validationFailed(ctx.route, [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`
        }
      ]);
    }
    return body;
  };

  const checkOutput = (ctx: Context, output: unknown): Annotation[] => {
    if (output === undefined) return [];
    if (typeof output !== 'object' || output === null)
      return invalidRequest(ctx.route, "For 'properties/output', it is not an object.");
    const o = output as Record<string, unknown>;
    if (typeof o.title !== 'string') invalidRequest(ctx.route, '"title" wasn\'t supplied.');
    if (typeof o.summary !== 'string') invalidRequest(ctx.route, '"summary" wasn\'t supplied.');
    if ((o.summary as string).length > MAX_SUMMARY_LENGTH) {
      invalidRequest(
        ctx.route,
        `Only ${MAX_SUMMARY_LENGTH} characters are allowed; ${(o.summary as string).length} were supplied.`
      );
    }
    const annotations = o.annotations ?? [];
    if (!Array.isArray(annotations))
      return invalidRequest(ctx.route, "For 'properties/annotations', it is not an array.");
    if (annotations.length > MAX_ANNOTATIONS) {
      invalidRequest(
        ctx.route,
        `No more than ${MAX_ANNOTATIONS} items are allowed; ${annotations.length} were supplied.`
      );
    }
    for (const a of annotations as Record<string, unknown>[]) {
      for (const field of ['path', 'start_line', 'end_line', 'annotation_level', 'message']) {
        if (a[field] === undefined) invalidRequest(ctx.route, `"${field}" wasn't supplied.`);
      }
      if (!['notice', 'warning', 'failure'].includes(String(a.annotation_level))) {
        invalidRequest(
          ctx.route,
          `For 'properties/annotation_level', "${String(a.annotation_level)}" is not a member of ["notice", "warning", "failure"].`
        );
      }
    }
    return annotations as Annotation[];
  };

  const CONCLUSIONS = [
    'action_required',
    'cancelled',
    'failure',
    'neutral',
    'success',
    'skipped',
    'stale',
    'timed_out'
  ];

  const applyRunFields = (ctx: Context, run: CheckRunState, b: Record<string, unknown>): void => {
    if (b.conclusion !== undefined && !CONCLUSIONS.includes(String(b.conclusion))) {
      invalidRequest(
        ctx.route,
        `For 'properties/conclusion', "${String(b.conclusion)}" is not a member of ${JSON.stringify(CONCLUSIONS)}.`
      );
    }
    const annotations = checkOutput(ctx, b.output);
    if (typeof b.name === 'string') run.name = b.name;
    if (typeof b.details_url === 'string') run.detailsUrl = b.details_url;
    if (typeof b.external_id === 'string') run.externalId = b.external_id;
    if (typeof b.status === 'string') run.status = b.status;
    if (typeof b.conclusion === 'string') {
      run.conclusion = b.conclusion;
      run.status = 'completed';
    }
    if (run.status === 'completed' && run.completedAt === null) {
      run.completedAt = typeof b.completed_at === 'string' ? b.completed_at : tick();
    }
    if (b.output !== undefined) {
      const o = b.output as Record<string, unknown>;
      run.output = {
        title: o.title as string,
        summary: o.summary as string,
        text: typeof o.text === 'string' ? o.text : null
      };
    }
    run.annotations.push(...annotations);
    run.batches.push(annotations.length);
  };

  const handlers: Record<Exclude<RouteName, 'graphql'>, (ctx: Context) => Reply> = {
    'comments-list': (ctx) => {
      const [owner = '', name = '', number = ''] = ctx.params;
      const repo = findRepo(ctx.route, owner, name);
      findPull(ctx.route, repo, number);
      const since = ctx.query.get('since');
      const sinceMs = since === null ? null : Date.parse(since);
      const list = commentsOf(repo, Number(number)).filter(
        (c) => sinceMs === null || Number.isNaN(sinceMs) || Date.parse(c.updatedAt) >= sinceMs
      );
      const linkPath =
        linkStyle === 'repositories'
          ? `/repositories/${repo.id}/issues/${number}/comments`
          : `/repos/${repo.fullName}/issues/${number}/comments`;
      const { slice, link } = paginate(list, ctx.query, linkPath, ctx.route);
      return { status: 200, body: slice.map(commentJson), headers: linkHeader(link) };
    },
    'comment-create': (ctx) => {
      const [owner = '', name = '', number = ''] = ctx.params;
      const repo = findRepo(ctx.route, owner, name);
      const pull = findPull(ctx.route, repo, number);
      requireWrite(ctx);
      const body = commentBody(ctx);
      if (pull.locked && association(repo, ctx.grant.login) === 'NONE' && ctx.grant.kind === 'pat') {
        fail(ctx.route, 403, 'Unable to create comment because issue is locked.');
      }
      const c = addComment(repo, pull.number, ctx.grant.login, body);
      const json = commentJson(c);
      return { status: 201, body: json, headers: { location: json.url } };
    },
    'comment-update': (ctx) => {
      const [owner = '', name = '', id = ''] = ctx.params;
      const repo = findRepo(ctx.route, owner, name);
      const c = comments.get(Number(id));
      if (c === undefined || c.repo !== repo.fullName) return fail(ctx.route, 404, 'Not Found');
      requireWrite(ctx);
      if (ctx.record.foreignAuthor !== undefined && options.foreignEdit === 'forbid') {
        throw new HttpReply(integrationForbidden(ctx.route, ctx.grant));
      }
      c.body = commentBody(ctx);
      c.updatedAt = tick();
      return { status: 200, body: commentJson(c) };
    },
    'commit-pulls': (ctx) => {
      const [owner = '', name = '', sha = ''] = ctx.params;
      const repo = findRepo(ctx.route, owner, name);
      const numbers = repo.commits.get(sha);
      if (numbers === undefined) return fail(ctx.route, 422, `No commit found for SHA: ${sha}`);
      const list = numbers.map((n) => repo.pulls.get(n)).filter((p): p is PullState => p !== undefined);
      const linkPath =
        linkStyle === 'repositories'
          ? `/repositories/${repo.id}/commits/${sha}/pulls`
          : `/repos/${repo.fullName}/commits/${sha}/pulls`;
      const { slice, link } = paginate(list, ctx.query, linkPath, ctx.route);
      return {
        status: 200,
        body: slice.map((p) => pullJson(repo, p, false)),
        headers: linkHeader(link)
      };
    },
    'pull-get': (ctx) => {
      const [owner = '', name = '', number = ''] = ctx.params;
      const repo = findRepo(ctx.route, owner, name);
      return { status: 200, body: pullJson(repo, findPull(ctx.route, repo, number), true) };
    },
    user: (ctx) => {
      if (ctx.grant.kind === 'installation') return integrationForbidden(ctx.route, ctx.grant);
      return { status: 200, body: { ...simpleUser(ctx.grant.login), name: null } };
    },
    'check-run-create': (ctx) => {
      const [owner = '', name = ''] = ctx.params;
      const repo = findRepo(ctx.route, owner, name);
      if (ctx.grant.kind === 'pat') return fail(ctx.route, 403, 'You must authenticate via a GitHub App.');
      requireWrite(ctx);
      const b = bodyObject(ctx);
      if (typeof b.name !== 'string') invalidRequest(ctx.route, '"name" wasn\'t supplied.');
      if (typeof b.head_sha !== 'string') invalidRequest(ctx.route, '"head_sha" wasn\'t supplied.');
      if (!repo.commits.has(b.head_sha as string))
        fail(ctx.route, 422, `No commit found for SHA: ${String(b.head_sha)}`);
      const run: CheckRunState = {
        id: nextCheckRunId++,
        repo: repo.fullName,
        name: b.name as string,
        headSha: b.head_sha as string,
        status: 'queued',
        conclusion: null,
        detailsUrl: null,
        externalId: '',
        startedAt: typeof b.started_at === 'string' ? b.started_at : tick(),
        completedAt: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
        batches: []
      };
      applyRunFields(ctx, run, b);
      checkRuns.set(run.id, run);
      return { status: 201, body: checkRunJson(run) };
    },
    'check-run-update': (ctx) => {
      const [owner = '', name = '', id = ''] = ctx.params;
      const repo = findRepo(ctx.route, owner, name);
      if (ctx.grant.kind === 'pat') return fail(ctx.route, 403, 'You must authenticate via a GitHub App.');
      const run = checkRuns.get(Number(id));
      if (run === undefined || run.repo !== repo.fullName) return fail(ctx.route, 404, 'Not Found');
      requireWrite(ctx);
      applyRunFields(ctx, run, bodyObject(ctx));
      return { status: 200, body: checkRunJson(run) };
    }
  };

  // --- GraphQL ---------------------------------------------------------------------------------------------------

  interface Field {
    alias: string;
    name: string;
    selection: Field[];
  }

  /** The fields of a selection set (`{ a b: c(x: 1) { d } }`), enough for simple queries. */
  const parseSelection = (text: string, start: number): { fields: Field[]; end: number } => {
    const fields: Field[] = [];
    let i = start;
    const skipSpace = (): void => {
      while (i < text.length) {
        const ch = text[i] ?? '';
        if (/[\s,]/.test(ch)) i++;
        else if (ch === '#') while (i < text.length && text[i] !== '\n') i++;
        else break;
      }
    };
    const word = (): string => {
      const match = /^[_A-Za-z][_0-9A-Za-z]*/.exec(text.slice(i));
      if (match === null) throw new Error(`Parse error on "${text.slice(i, i + 10)}"`);
      i += match[0].length;
      return match[0];
    };
    while (true) {
      skipSpace();
      if (i >= text.length) throw new Error('Parse error on end of query');
      if (text[i] === '}') return { fields, end: i + 1 };
      const alias = word();
      let name = alias;
      skipSpace();
      if (text[i] === ':') {
        i++;
        skipSpace();
        name = word();
        skipSpace();
      }
      if (text[i] === '(') {
        let depth = 0;
        do {
          if (text[i] === '(') depth++;
          if (text[i] === ')') depth--;
          i++;
        } while (depth > 0 && i < text.length);
        skipSpace();
      }
      let selection: Field[] = [];
      if (text[i] === '{') {
        const inner = parseSelection(text, i + 1);
        selection = inner.fields;
        i = inner.end;
      }
      fields.push({ alias, name, selection });
    }
  };

  const graphqlReply = (body: unknown, grant: TokenGrant): Reply => {
    const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const query = b.query;
    if (typeof query !== 'string') {
      return {
        status: 200,
        body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] }
      };
    }
    const custom = options.graphql?.({ query, variables: b.variables, login: grant.login });
    if (custom !== undefined) return { status: 200, body: custom };
    const open = query.indexOf('{');
    const operation = query.slice(0, Math.max(open, 0)).trim().split(/\s+/)[0] ?? '';
    const typeName = operation === 'mutation' ? 'Mutation' : 'Query';
    let fields: Field[];
    try {
      if (open < 0) throw new Error('Parse error on end of query');
      fields = parseSelection(query, open + 1).fields;
    } catch (error) {
      return {
        status: 200,
        body: { errors: [{ message: (error as Error).message, locations: [{ line: 1, column: 1 }] }] }
      };
    }
    const undefinedField = (type: string, field: Field, path: string[]): GraphqlError => ({
      path: [...path, field.alias],
      extensions: { code: 'undefinedField', typeName: type, fieldName: field.name },
      locations: [{ line: 1, column: 1 }],
      message: `Field '${field.name}' doesn't exist on type '${type}'`
    });
    const errors: GraphqlError[] = [];
    const data: Record<string, unknown> = {};
    for (const field of fields) {
      if (typeName === 'Query' && field.name === '__typename') {
        data[field.alias] = 'Query';
      } else if (typeName === 'Query' && field.name === 'viewer') {
        if (grant.viewer === 'forbidden') {
          return errorReply('graphql', 403, 'Resource not accessible by integration');
        }
        if (grant.viewer === 'errors') {
          return {
            status: 200,
            body: {
              data: null,
              errors: [
                {
                  type: 'FORBIDDEN',
                  path: [field.alias],
                  extensions: { saml_failure: false },
                  locations: [{ line: 1, column: 1 }],
                  message: 'Resource not accessible by integration'
                }
              ]
            }
          };
        }
        const user = userOf(grant.login);
        const viewer: Record<string, unknown> = {};
        const values: Record<string, unknown> = {
          login: user.login,
          id: nodeId(user.type === 'Bot' ? 'BOT' : 'U', user.id),
          databaseId: user.id,
          url:
            user.type === 'Bot'
              ? `${serverUrl}/apps/${user.login.replace(/\[bot\]$/, '')}`
              : `${serverUrl}/${user.login}`,
          name: null,
          __typename: 'User'
        };
        for (const f of field.selection) {
          if (f.name in values) viewer[f.alias] = values[f.name];
          else errors.push(undefinedField('User', f, [field.alias]));
        }
        data[field.alias] = viewer;
      } else {
        errors.push(undefinedField(typeName, field, []));
      }
    }
    return { status: 200, body: errors.length > 0 ? { errors } : { data } };
  };

  // --- the server ------------------------------------------------------------------------------------------------

  const { sleep } = lifetime;

  const faultList = (route: RouteName | null): { id: string; fault: Fault }[] => {
    const list = (name: RouteName | 'all'): { id: string; fault: Fault }[] => {
      const value = faults[name];
      const all = value === undefined ? [] : Array.isArray(value) ? value : [value];
      return all.map((fault, i) => ({ id: `${route ?? '-'}:${name}#${i}`, fault }));
    };
    return route === null ? list('all') : [...list('all'), ...list(route)];
  };

  const applies = (id: string, fault: Fault): boolean => {
    const n = counters.get(id) ?? 0;
    if (fault.times !== undefined && n >= fault.times) return false;
    counters.set(id, n + 1);
    return true;
  };

  const latencyOf = (route: RouteName | null): number => {
    const l = options.latencyMs;
    if (l === undefined) return 0;
    if (typeof l === 'number') return l;
    return (l.all ?? 0) + (route === null ? 0 : (l[route] ?? 0));
  };

  const send = (res: ServerResponse, record: RecordedRequest, reply: Reply): void => {
    if (lifetime.closed || res.destroyed || res.writableEnded) return;
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const token = record.token ?? 'anonymous';
    const count = (used.get(token) ?? 0) + 1;
    used.set(token, count);
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': requestId(),
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, 5000 - count)),
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(count),
      'x-ratelimit-resource': record.route === 'graphql' ? 'graphql' : 'core',
      ...reply.headers
    });
    res.end(text);
    record.status = reply.status;
    record.answeredAt = Date.now();
  };

  const resolveRoute = (
    method: string,
    path: string
  ): { route: RouteName | null; routePath: string; params: string[] } => {
    if (path === graphqlPath) return { route: method === 'POST' ? 'graphql' : null, routePath: path, params: [] };
    if (basePath !== '' && path !== basePath && !path.startsWith(`${basePath}/`)) {
      return { route: null, routePath: path, params: [] };
    }
    const routePath = path.slice(basePath.length) || '/';
    // `/repositories/{id}/…` (the form of GitHub's Link URLs) is `/repos/{owner}/{repo}/…`.
    const byId = /^\/repositories\/(\d+)(\/.*)$/.exec(routePath);
    let effective = routePath;
    if (byId !== null) {
      const repo = reposById.get(Number(byId[1]));
      if (repo === undefined) return { route: null, routePath, params: [] };
      effective = `/repos/${repo.fullName}${byId[2] ?? ''}`;
    }
    for (const candidate of ROUTES) {
      const match = candidate.pattern.exec(effective);
      if (match !== null && candidate.method === method) {
        return { route: candidate.name, routePath, params: match.slice(1).map((p) => decodeURIComponent(p)) };
      }
    }
    return { route: null, routePath, params: [] };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, rawBody: string): Promise<void> => {
    const url = req.url ?? '/';
    const parsed = new URL(url, 'http://fake.invalid');
    const method = req.method ?? 'GET';
    const { route, routePath, params } = resolveRoute(method, parsed.pathname);
    const token = tokenOf(req.headers.authorization);
    const grant = token === null ? undefined : grants.get(token);
    let body: unknown = undefined;
    let badJson = false;
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
        badJson = true;
      }
    }
    const record: RecordedRequest = {
      route,
      method,
      path: parsed.pathname,
      routePath,
      query: Object.fromEntries(parsed.searchParams),
      url,
      headers: req.headers,
      authorization: req.headers.authorization,
      token,
      login: grant?.login ?? null,
      body,
      rawBody,
      status: null,
      at: Date.now()
    };
    if (route === 'comment-update' && grant !== undefined) {
      const target = comments.get(Number(params[2]));
      if (target !== undefined && target.author.toLowerCase() !== grant.login.toLowerCase()) {
        record.foreignAuthor = target.author;
      }
    }
    requests.push(record);

    const latency = latencyOf(route);
    if (latency > 0) await sleep(latency);
    for (const { id, fault } of faultList(route)) {
      if (!applies(id, fault)) continue;
      if (fault.kind === 'delay') {
        await sleep(fault.ms);
        continue;
      }
      const reply = faultReply(route, fault, grant);
      if (reply === null) continue;
      record.fault = fault.kind ?? 'status';
      if (reply === 'hang') {
        record.status = 'hang';
        return;
      }
      if (reply === 'reset') {
        record.status = 'reset';
        const socket = req.socket as Socket & { resetAndDestroy?: () => void };
        socket.resetAndDestroy?.();
        if (!socket.destroyed) socket.destroy();
        return;
      }
      send(res, record, reply);
      return;
    }

    if (route === null) {
      send(res, record, errorReply(null, 404, 'Not Found'));
      return;
    }
    const docsRoute = route === 'graphql' ? 'graphql' : route;
    if (token === null) {
      send(
        res,
        record,
        route === 'graphql'
          ? errorReply(docsRoute, 401, 'This endpoint requires you to be authenticated.')
          : errorReply(docsRoute, 401, 'Requires authentication')
      );
      return;
    }
    if (grant === undefined) {
      send(res, record, errorReply(docsRoute, 401, 'Bad credentials'));
      return;
    }
    if (badJson) {
      send(res, record, errorReply(docsRoute, 400, 'Problems parsing JSON'));
      return;
    }
    if (route === 'graphql') {
      send(res, record, graphqlReply(body, grant));
      return;
    }
    try {
      send(res, record, handlers[route]({ route, params, query: parsed.searchParams, body, grant, record }));
    } catch (error) {
      if (error instanceof HttpReply) send(res, record, error.reply);
      else throw error;
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`fake GitHub failed: ${String(error)}`);
        }
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  serverUrl = (options.serverUrl ?? (basePath === '/api/v3' ? origin : 'https://github.com')).replace(/\/+$/, '');

  const fake: FakeGitHub = {
    origin,
    port,
    basePath,
    graphqlPath,
    apiUrl: apiUrl(),
    graphqlUrl: `${origin}${graphqlPath}`,
    serverUrl,
    env: { GITHUB_API_URL: apiUrl(), GITHUB_GRAPHQL_URL: `${origin}${graphqlPath}`, GITHUB_SERVER_URL: serverUrl },
    tokens: TOKENS,
    requests,
    requestsTo: (route) => requests.filter((r) => r.route === route),
    foreignEdits: () => requests.filter((r) => r.route === 'comment-update' && r.foreignAuthor !== undefined),
    setFaults(next) {
      faults = next;
      counters = new Map();
    },
    addRepo,
    addPull: (repo, seed) => addPull(repoOf(repo), seed),
    associateCommit: (repo, sha, pulls) => {
      repoOf(repo).commits.set(sha, [...pulls]);
    },
    addToken: (token, grant) => {
      grants.set(token, grant);
    },
    addUser: (user) => {
      users.set(user.login.toLowerCase(), user);
    },
    seedComments(repoName, pull, count, seedOptions = {}) {
      const repo = repoOf(repoName);
      if (!repo.pulls.has(pull)) throw new Error(`fake GitHub: ${repo.fullName} has no pull request ${pull}`);
      const by = seedOptions.by ?? USERS.actions.login;
      const made: IssueComment[] = [];
      for (let i = 0; i < count; i++) {
        const text =
          typeof seedOptions.body === 'function'
            ? seedOptions.body(i)
            : (seedOptions.body ?? `comment ${commentsOf(repo, pull).length + 1}`);
        made.push(commentJson(addComment(repo, pull, by, text, seedOptions.authorAssociation)));
      }
      return made;
    },
    comments: (repoName, pull) => commentsOf(repoOf(repoName), pull).map(commentJson),
    checkRuns: (repoName) =>
      [...checkRuns.values()]
        .filter((r) => repoName === undefined || key(r.repo) === key(repoName))
        .sort((a, b) => a.id - b.id),
    close: () => lifetime.close(server)
  };
  return fake;
}
