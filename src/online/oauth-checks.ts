import { describeFailure } from './api-failure.js';
import type { Credentials } from './credentials.js';
import { OAuthConnection, type EnvironmentT } from './clerk-schemas.js';
import type { CallResult } from './http-client.js';
import { sharedOAuthCredentials } from '../rules/online.js';
import { API_ORIGIN, type Outcome } from './outcome.js';

export function judgeDevelopmentOAuth(
  pk: NonNullable<Credentials['publishableKey']>,
  environment: CallResult<EnvironmentT> | undefined,
  outcome: Outcome
): void {
  const host = pk.parsed.frontendApi.toLowerCase();
  if (!environment) return outcome.skip(sharedOAuthCredentials, 'the publishable key does not encode a host name');
  if (!environment.ok) return outcome.failed(sharedOAuthCredentials, environment.failure);
  const providers = Object.entries(environment.data.user_settings.social)
    .filter(([, provider]) => provider.enabled)
    .map(([key, provider]) => provider.name ?? providerName(key.replace(/^oauth_/, '')));
  if (providers.length === 0) return outcome.pass(sharedOAuthCredentials, `${host}: no social provider enabled`);
  outcome.fail(sharedOAuthCredentials, 'development', {
    data: { name: pk.name, host, providers: providers.join(', ') },
    variable: pk.name,
    value: providers.join(', '),
    origin: API_ORIGIN
  });
}

export function judgeProductionOAuth(config: CallResult<Record<string, unknown>> | undefined, outcome: Outcome): void {
  if (!config) return outcome.skip(sharedOAuthCredentials, 'the Platform API domain could not be read');
  if (!config.ok) return outcome.failed(sharedOAuthCredentials, config.failure);
  const shared: string[] = [];
  for (const [key, value] of Object.entries(config.data)) {
    if (!key.startsWith('connection_oauth_')) continue;
    const parsed = OAuthConnection.safeParse(value);
    if (!parsed.success) {
      // A connection the gate cannot read might be one on shared credentials: fail closed.
      const detail = `unexpected ${key}: ${parsed.error.issues[0]?.message ?? 'not a connection object'}`;
      const failure = describeFailure({
        endpoint: config.endpoint,
        kind: 'invalid-response',
        status: config.status,
        detail
      });
      return outcome.failed(sharedOAuthCredentials, failure);
    }
    if (parsed.data.enabled !== true) continue;
    const provider = key.slice('connection_oauth_'.length);
    const fields =
      provider === 'apple'
        ? (['client_id', 'client_secret', 'team_id', 'key_id'] as const)
        : (['client_id', 'client_secret'] as const);
    if (fields.some((field) => !parsed.data[field])) shared.push(providerName(provider));
  }
  if (shared.length === 0)
    return outcome.pass(sharedOAuthCredentials, 'every enabled provider has its own credentials');
  outcome.fail(sharedOAuthCredentials, 'production', {
    data: { providers: shared.join(', ') },
    variable: 'connection_oauth',
    value: shared.join(', '),
    origin: API_ORIGIN
  });
}

/** `google` → `Google`, `linkedin_oidc` → `Linkedin oidc`: for providers the response names no better. */
function providerName(id: string): string {
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
