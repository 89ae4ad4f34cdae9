/**
 * zod schemas of the Clerk responses the gate reads, after the OpenAPI documents in ../shared/reference/clerk
 * (Backend API 2026-05-12, Frontend API 2026-05-12, Platform API beta). Each lists the fields the gate uses as the
 * spec types them; objects are loose, so fields the gate does not read may come and go.
 */
import * as z from 'zod/mini';

const nullableString = z.nullable(z.string());

/** Backend API `Instance` (`GET /v1/instance`). */
export const Instance = z.looseObject({
  object: z.literal('instance'),
  id: z.string(),
  environment_type: z.string()
});

/** Backend API `CNameTarget`. */
const CNameTarget = z.object({ host: z.string(), value: z.string(), required: z.boolean() });

/** Backend API `Domain`. */
const Domain = z.looseObject({
  object: z.literal('domain'),
  id: z.string(),
  name: z.string(),
  is_satellite: z.boolean(),
  frontend_api_url: z.string(),
  proxy_url: z.optional(nullableString),
  cname_targets: z.optional(z.nullable(z.array(CNameTarget)))
});

/** Backend API `Domains` (`GET /v1/domains`). */
export const Domains = z.object({ data: z.array(Domain), total_count: z.number() });

/** One `user_settings.social.oauth_<provider>` entry of the Frontend API environment. */
const SocialProvider = z.looseObject({ enabled: z.boolean(), name: z.optional(z.string()) });

/** Frontend API `Client.Environment` (`GET /v1/environment`), the parts the gate reads. */
export const Environment = z.looseObject({
  display_config: z.looseObject({ instance_environment_type: z.enum(['production', 'development', 'staging']) }),
  user_settings: z.looseObject({ social: z.record(z.string(), SocialProvider) })
});

/** Platform API domain (`GET /v1/platform/domains/{domainIDOrName}`). */
export const PlatformDomain = z.looseObject({
  object: z.literal('domain'),
  id: z.string(),
  name: z.string(),
  application: z.looseObject({ object: z.literal('application'), id: z.string() }),
  instance: z.looseObject({ id: z.string(), environment_type: z.enum(['production', 'development']) })
});

const FailureHints = z.nullable(z.array(z.looseObject({ code: z.string(), message: z.string() })));

const CnameStatus = z.looseObject({
  from: z.string(),
  to: z.string(),
  verified: z.boolean(),
  required: z.boolean(),
  failure_hints: FailureHints
});

/** Platform API domain status (`GET …/domains/{domain}/status`, and the body of `POST …/dns_check`). */
export const DomainStatus = z.looseObject({
  status: z.enum(['complete', 'incomplete']),
  dns: z.looseObject({
    status: z.enum(['not_started', 'in_progress', 'complete']),
    cnames: z.record(z.string(), CnameStatus)
  }),
  ssl: z.optional(z.looseObject({ status: z.optional(z.string()), failure_hints: z.optional(FailureHints) })),
  mail: z.optional(z.looseObject({ status: z.string(), required: z.boolean() }))
});

/** Platform API instance config (`GET …/instances/{env}/config`): key → value, free-form but for its version. */
export const InstanceConfig = z.looseObject({ config_version: z.optional(z.string()) });

/** A `connection_oauth_<provider>` entry of an instance config. */
export const OAuthConnection = z.looseObject({
  enabled: z.optional(z.boolean()),
  client_id: z.optional(nullableString),
  client_secret: z.optional(nullableString),
  team_id: z.optional(nullableString),
  key_id: z.optional(nullableString)
});

/** `ClerkErrors`, the error body of every Clerk API. */
export const ClerkErrors = z.looseObject({
  errors: z.array(
    z.looseObject({
      message: z.string(),
      long_message: z.optional(z.string()),
      code: z.string(),
      meta: z.optional(z.record(z.string(), z.unknown()))
    })
  ),
  meta: z.optional(z.record(z.string(), z.unknown())),
  clerk_trace_id: z.optional(z.string())
});

export type DomainT = z.infer<typeof Domain>;
export type EnvironmentT = z.infer<typeof Environment>;
export type DomainStatusT = z.infer<typeof DomainStatus>;
export type ClerkErrorsT = z.infer<typeof ClerkErrors>;
