/**
 * Builders of Clerk API response bodies that follow Clerk's published OpenAPI documents field for field
 * (`__tests__/fixtures/clerk-openapi/`: Backend API 2026-05-12, Frontend API 2026-05-12, Platform API beta):
 * every required property, the right types, enums, nullability, and no property a schema with
 * `additionalProperties: false` forbids. `clerk-contract.test.ts` validates every body the fake server can send
 * against those documents, so a builder that drifts fails there.
 *
 * Nothing secret is written here: ids are obviously fake, OAuth secrets are fillers, and API keys are made at run
 * time (see `clerk-server.ts`).
 */

// ---------------------------------------------------------------------------------------------------------------
// Common values

/** The `Clerk-API-Version` the gate sends (the Backend API document's `info.version`). */
export const BAPI_VERSION = '2026-05-12';
/** The application's domain in the production scenarios (`.test` is reserved: it never resolves on the internet). */
export const APP_DOMAIN = 'example.test';
/** Another domain, for the scenario whose Backend API domain is not the publishable key's. */
export const OTHER_DOMAIN = 'other-app.test';
/** A development instance's domain, as Clerk names it, and its Frontend API host. */
export const DEV_DOMAIN = 'happy-hippo-12.accounts.dev';
export const DEV_FRONTEND_API_HOST = 'happy-hippo-12.clerk.accounts.dev';
/** The per-instance token in the mail and DKIM CNAME targets (12 lowercase letters and digits, as Clerk's are). */
export const MAIL_ID = 'k3x9q2m7p4ab';
/** A fixed point in time for created_at / updated_at fields. */
const CREATED = '2026-05-06T09:30:00Z';
const UPDATED = '2026-08-01T12:00:00Z';
const CREATED_MS = Date.parse(CREATED);

/** An obviously fake Clerk object id: `<prefix>_2` + `label`, padded with zeros to Clerk's 27 characters. */
export function fakeId(prefix: string, label: string): string {
  return `${prefix}_${`2${label}`.padEnd(27, '0').slice(0, 27)}`;
}

export const APPLICATION_ID = fakeId('app', 'FakeApplication');
export const PRODUCTION_INSTANCE_ID = fakeId('ins', 'FakeProduction');
export const DEVELOPMENT_INSTANCE_ID = fakeId('ins', 'FakeDevelopment');

// ---------------------------------------------------------------------------------------------------------------
// Errors (all three APIs share `ClerkErrors`)

/** One entry of `ClerkErrors.errors`. */
export interface ClerkError {
  code: string;
  message: string;
  long_message: string;
  meta?: Record<string, unknown>;
}

/** The error body of every Clerk API. */
export interface ClerkErrors {
  errors: ClerkError[];
  meta?: Record<string, unknown>;
  clerk_trace_id?: string;
}

/** An error of Clerk's catalogue: code, HTTP status and messages as `data/api_errors.json` (clerk/clerk-docs) has them. */
export interface CatalogueError {
  code: string;
  status: number;
  /** `shortMessage` in the catalogue: the body's `message`. */
  message: string;
  /** `longMessage` in the catalogue, with its `<placeholder>`s: the body's `long_message` once they are filled. */
  long_message: string;
}

/**
 * The errors the fake sends, copied from Clerk's error catalogue (`../shared/reference/clerk/errors/api_errors.json`;
 * the contract test checks each against it when that file is present).
 */
export const CLERK_ERRORS = {
  clerkKeyInvalid: {
    code: 'clerk_key_invalid',
    status: 401,
    message: 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
    long_message: 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.'
  },
  authorizationHeaderFormatInvalid: {
    code: 'authorization_header_format_invalid',
    status: 401,
    message: 'Invalid Authorization header format',
    long_message: "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'"
  },
  platformCredentialUnrecognized: {
    code: 'platform_api_unrecognized_credential',
    status: 401,
    message: 'Unrecognized credential',
    long_message: 'The credential format is not recognized for the Platform API.'
  },
  authenticationInvalid: {
    code: 'authentication_invalid',
    status: 401,
    message: 'Invalid authentication',
    long_message: 'Unable to authenticate the request, you need to supply an active session'
  },
  authorizationInvalid: {
    code: 'authorization_invalid',
    status: 403,
    message: 'Unauthorized request',
    long_message: 'You are not authorized to perform this request'
  },
  originAuthorizationConflict: {
    code: 'origin_authorization_headers_conflict',
    status: 400,
    message: "Setting both the 'Origin' and 'Authorization' headers is forbidden",
    long_message:
      "For security purposes, only one of the 'Origin' and 'Authorization' headers should be provided, but not both. In browser contexts, the 'Origin' header is set automatically by the browser. In native application contexts (e.g. mobile apps), set the 'Authorization' header."
  },
  resourceNotFound: {
    code: 'resource_not_found',
    status: 404,
    message: 'Resource not found',
    long_message: 'Resource not found'
  },
  domainNotFound: {
    code: 'resource_not_found',
    status: 404,
    message: 'Domain not found',
    long_message: 'No domain was found with <id>'
  },
  applicationNotFound: {
    code: 'resource_not_found',
    status: 404,
    message: 'Application not found',
    long_message: 'No application was found with the specified id'
  },
  instanceNotFound: {
    code: 'resource_not_found',
    status: 404,
    message: 'Instance not found',
    long_message: 'No instance was found with id <instanceID>'
  },
  conflict: { code: 'conflict', status: 409, message: 'Conflict', long_message: 'Conflict' },
  tooManyRequests: {
    code: 'too_many_requests',
    status: 429,
    message: 'Too many requests',
    long_message: 'Too many requests, retry later'
  },
  internalError: {
    code: 'internal_clerk_error',
    status: 500,
    message: 'Oops, an unexpected error occurred',
    long_message: "There was an internal error on our servers. We've been notified and are working on fixing it."
  },
  serviceUnavailable: {
    code: 'service_unavailable',
    status: 503,
    message: 'Service unavailable',
    long_message: 'Service unavailable'
  },
  gatewayTimeout: {
    code: 'gateway_timeout',
    status: 504,
    message: 'Gateway Timeout',
    long_message: 'A request to a 3rd party service timed out'
  }
} as const satisfies Record<string, CatalogueError>;

export type CatalogueErrorName = keyof typeof CLERK_ERRORS;

/** A catalogue error as a body entry, its `<placeholder>`s filled from `values` (e.g. `{ id: 'dmn_…' }`). */
export function clerkError(
  name: CatalogueErrorName,
  values: Record<string, string> = {},
  meta?: Record<string, unknown>
): ClerkError {
  const entry: CatalogueError = CLERK_ERRORS[name];
  const long = entry.long_message.replace(/<([A-Za-z]+)>/g, (whole: string, key: string) => values[key] ?? whole);
  return { code: entry.code, message: entry.message, long_message: long, ...(meta === undefined ? {} : { meta }) };
}

/** A `ClerkErrors` body. */
export function clerkErrors(errors: ClerkError[], traceId?: string): ClerkErrors {
  return { errors, ...(traceId === undefined ? {} : { clerk_trace_id: traceId }) };
}

// ---------------------------------------------------------------------------------------------------------------
// Backend API: GET /v1/instance, GET /v1/domains

export type EnvironmentType = 'production' | 'development' | 'staging';

/** `#/components/schemas/Instance` (Backend API). */
export interface Instance {
  object: 'instance';
  id: string;
  environment_type: string;
  allowed_origins: string[] | null;
  workspace_id: string | null;
}

export function instance(options: {
  environment_type: EnvironmentType;
  id?: string;
  allowed_origins?: string[] | null;
  workspace_id?: string | null;
}): Instance {
  const production = options.environment_type === 'production';
  return {
    object: 'instance',
    id: options.id ?? (production ? PRODUCTION_INSTANCE_ID : DEVELOPMENT_INSTANCE_ID),
    environment_type: options.environment_type,
    allowed_origins: options.allowed_origins ?? (production ? null : ['http://localhost:3000']),
    workspace_id: options.workspace_id ?? null
  };
}

/** The five DNS records of a production domain, by the name of their host under the domain. */
export const CNAME_NAMES = ['clerk', 'accounts', 'clkmail', 'clk._domainkey', 'clk2._domainkey'] as const;
export type CnameName = (typeof CNAME_NAMES)[number];

/** `#/components/schemas/CNameTarget` (Backend API) and `PlatformCNameTarget` (Platform API): same shape. */
export interface CNameTarget {
  host: string;
  value: string;
  required: boolean;
}

/** What the CNAME `name`.`domain` must point to. */
export function cnameValue(name: CnameName, mailId: string = MAIL_ID): string {
  switch (name) {
    case 'clerk':
      return 'frontend-api.clerk.services';
    case 'accounts':
      return 'accounts.clerk.services';
    case 'clkmail':
      return `mail.${mailId}.clerk.services`;
    case 'clk._domainkey':
      return `dkim1.${mailId}.clerk.services`;
    case 'clk2._domainkey':
      return `dkim2.${mailId}.clerk.services`;
  }
}

/** The CNAME targets Clerk lists for `domain`: all five for a primary domain, the Frontend API one for a satellite. */
export function cnameTargets(
  domain: string,
  options: { mailId?: string; satellite?: boolean; names?: readonly CnameName[] } = {}
): CNameTarget[] {
  const names = options.names ?? (options.satellite === true ? ['clerk' as const] : CNAME_NAMES);
  return names.map((name) => ({ host: `${name}.${domain}`, value: cnameValue(name, options.mailId), required: true }));
}

/** `#/components/schemas/Domain` (Backend API). */
export interface Domain {
  object: 'domain';
  id: string;
  name: string;
  is_satellite: boolean;
  frontend_api_url: string;
  accounts_portal_url?: string | null;
  proxy_url?: string | null;
  development_origin: string;
  cname_targets?: CNameTarget[] | null;
}

export interface DomainOptions {
  name: string;
  /** Defaults: `https://clerk.<name>`; for a development domain (`*.accounts.dev`) `https://<slug>.clerk.accounts.dev`. */
  frontend_api_url?: string;
  proxy_url?: string | null;
  is_satellite?: boolean;
  /** Defaults to `cnameTargets(name)` for a production domain, null for a development one. */
  cname_targets?: CNameTarget[] | null;
  accounts_portal_url?: string | null;
  development_origin?: string;
  id?: string;
}

/** True for a development instance's Clerk-provided domain such as `happy-hippo-12.accounts.dev`. */
function isDevelopmentDomain(name: string): boolean {
  return name.endsWith('.accounts.dev');
}

/** The Frontend API URL Clerk gives `name`. */
export function frontendApiUrl(name: string): string {
  return isDevelopmentDomain(name)
    ? `https://${name.replace(/\.accounts\.dev$/, '.clerk.accounts.dev')}`
    : `https://clerk.${name}`;
}

export function domain(options: DomainOptions): Domain {
  const development = isDevelopmentDomain(options.name);
  const satellite = options.is_satellite ?? false;
  const proxy = options.proxy_url ?? null;
  const defaultTargets = development ? null : cnameTargets(options.name, { satellite });
  let targets = options.cname_targets === undefined ? defaultTargets : options.cname_targets;
  if (options.cname_targets === undefined && proxy !== null && targets !== null) {
    // Behind a proxy, requests reach the Frontend API through the proxy: its CNAME is no longer needed.
    targets = targets.map((t) => (t.host.startsWith('clerk.') ? { ...t, required: false } : t));
  }
  return {
    object: 'domain',
    id: options.id ?? fakeId('dmn', `Fake${options.name.replace(/[^A-Za-z0-9]/g, '')}`),
    name: options.name,
    is_satellite: satellite,
    frontend_api_url: options.frontend_api_url ?? frontendApiUrl(options.name),
    accounts_portal_url:
      options.accounts_portal_url !== undefined
        ? options.accounts_portal_url
        : satellite
          ? null
          : development
            ? `https://${options.name}`
            : `https://accounts.${options.name}`,
    proxy_url: proxy,
    development_origin: options.development_origin ?? '',
    cname_targets: targets
  };
}

/** `#/components/schemas/Domains` (Backend API). */
export interface Domains {
  data: Domain[];
  total_count: number;
}

export function domains(list: Domain[]): Domains {
  return { data: list, total_count: list.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Frontend API: GET /v1/environment

/** Keys of `UserSettings.Socials` (Frontend API), without `oauth_`: the only providers the schema allows. */
export const SOCIAL_PROVIDERS = {
  apple: 'Apple',
  atlassian: 'Atlassian',
  bitbucket: 'Bitbucket',
  box: 'Box',
  coinbase: 'Coinbase',
  custom_mock: 'Custom Mock',
  discord: 'Discord',
  dropbox: 'Dropbox',
  enstall: 'Enstall',
  expressen: 'Expressen',
  facebook: 'Facebook',
  github: 'GitHub',
  gitlab: 'GitLab',
  google: 'Google',
  hubspot: 'HubSpot',
  huggingface: 'Hugging Face',
  instagram: 'Instagram',
  line: 'LINE',
  linear: 'Linear',
  linkedin: 'LinkedIn',
  linkedin_oidc: 'LinkedIn',
  microsoft: 'Microsoft',
  mock: 'Mock',
  notion: 'Notion',
  slack: 'Slack',
  spotify: 'Spotify',
  tiktok: 'TikTok',
  twitch: 'Twitch',
  twitter: 'Twitter',
  x: 'X / Twitter',
  xero: 'Xero'
} as const;
export type SocialProvider = keyof typeof SOCIAL_PROVIDERS;

/** `#/components/schemas/UserSettings.Social`. */
export interface SocialSetting {
  enabled: boolean;
  required: boolean;
  authenticatable: boolean;
  block_email_subaddresses: boolean;
  strategy: string;
  not_selectable: boolean;
  deprecated: boolean;
  name?: string;
  logo_url?: string | null;
}

/** `#/components/schemas/UserSettings.Attribute`. */
export interface UserSettingsAttribute {
  enabled: boolean;
  required: boolean;
  used_for_first_factor: boolean;
  first_factors: string[];
  used_for_second_factor: boolean;
  second_factors: string[];
  verifications: string[];
  verify_at_sign_up: boolean;
  immutable: boolean;
}

/** `#/components/schemas/Client.Environment`, in full (the schema requires none of its top-level keys). */
export interface Environment {
  auth_config: Record<string, unknown>;
  display_config: { instance_environment_type: EnvironmentType; [key: string]: unknown };
  user_settings: {
    attributes: Record<string, UserSettingsAttribute>;
    social: Partial<Record<`oauth_${SocialProvider}`, SocialSetting>>;
    [key: string]: unknown;
  };
  organization_settings: Record<string, unknown>;
  fraud_settings: Record<string, unknown>;
  commerce_settings: Record<string, unknown>;
  api_keys_settings: Record<string, unknown>;
  client_debug_mode: boolean;
  partitioned_cookies: boolean;
  maintenance_mode: boolean;
}

export interface EnvironmentOptions {
  instance_environment_type: EnvironmentType;
  /** Providers to list, enabled (`true`) or not (`false`), or with fields of their entry overridden. */
  social?: Partial<Record<SocialProvider, boolean | Partial<SocialSetting>>>;
  application_name?: string;
  /** The application's URL. Default: `https://example.test` (production), `http://localhost:3000` (development). */
  home_url?: string;
  /** The Account Portal's origin. Default: `https://accounts.example.test` or `https://happy-hippo-12.accounts.dev`. */
  accounts_url?: string;
}

function attribute(enabled: boolean, fields: Partial<UserSettingsAttribute> = {}): UserSettingsAttribute {
  return {
    enabled,
    required: false,
    used_for_first_factor: false,
    first_factors: [],
    used_for_second_factor: false,
    second_factors: [],
    verifications: [],
    verify_at_sign_up: false,
    immutable: false,
    ...fields
  };
}

/** One `UserSettings.Social` entry for `provider`. */
export function socialSetting(provider: SocialProvider, fields: Partial<SocialSetting> = {}): SocialSetting {
  return {
    enabled: true,
    required: false,
    authenticatable: true,
    block_email_subaddresses: false,
    strategy: `oauth_${provider}`,
    not_selectable: false,
    deprecated: false,
    name: SOCIAL_PROVIDERS[provider],
    logo_url: `https://img.clerk.com/static/${provider}.png`,
    ...fields
  };
}

function image(id: string, name: string): Record<string, string> {
  return { object: 'image', id, name, public_url: `https://img.clerk.com/${id}` };
}

/** A complete Frontend API environment: every object the schema describes, with every field it requires. */
export function environment(options: EnvironmentOptions): Environment {
  const type = options.instance_environment_type;
  const production = type === 'production';
  const home = options.home_url ?? (production ? `https://${APP_DOMAIN}` : 'http://localhost:3000');
  const accounts = options.accounts_url ?? (production ? `https://accounts.${APP_DOMAIN}` : `https://${DEV_DOMAIN}`);
  const social: Partial<Record<`oauth_${SocialProvider}`, SocialSetting>> = {};
  for (const [provider, value] of Object.entries(options.social ?? {}) as [
    SocialProvider,
    boolean | Partial<SocialSetting>
  ][]) {
    social[`oauth_${provider}`] = socialSetting(provider, typeof value === 'boolean' ? { enabled: value } : value);
  }
  const oauth = Object.values(social)
    .filter((s) => s.enabled && s.authenticatable)
    .map((s) => s.strategy);
  const logo = image('img_2FakeLogo0000000000000000', 'logo.png');
  const favicon = image('img_2FakeFavicon000000000000', 'favicon.ico');
  return {
    auth_config: {
      object: 'auth_config',
      id: fakeId('aac', production ? 'FakeProduction' : 'FakeDevelopment'),
      first_name: 'off',
      last_name: 'off',
      email_address: 'required',
      phone_number: 'off',
      username: 'off',
      password: 'required',
      identification_requirements: [['email_address', ...oauth]],
      identification_strategies: ['email_address', ...oauth],
      first_factors: ['email_code', 'password', 'reset_password_email_code', ...oauth],
      second_factors: ['totp', 'backup_code'],
      email_address_verification_strategies: ['email_code'],
      single_session_mode: true,
      enhanced_email_deliverability: false,
      test_mode: !production,
      ...(production ? {} : { cookieless_dev: false }),
      url_based_session_syncing: !production,
      claimed_at: CREATED_MS,
      reverification: true,
      native_settings: {
        object: 'native_settings',
        api_enabled: false,
        trusted_device_sign_in_enabled: false,
        trusted_device_enrollment_prompt_after_sign_in_enabled: false,
        trusted_device_enrollment_prompt_after_sign_up_enabled: false
      }
    },
    display_config: {
      object: 'display_config',
      id: fakeId('display_config', production ? 'FakeProduction' : 'FakeDevelopment'),
      instance_environment_type: type,
      application_name: options.application_name ?? 'Example App',
      theme: {
        buttons: { font_color: '#ffffff', font_family: '"Source Sans Pro", sans-serif', font_weight: '600' },
        general: {
          color: '#6c47ff',
          padding: '1em',
          box_shadow: '0 2px 8px rgba(0, 0, 0, 0.2)',
          font_color: '#151515',
          font_family: '"Source Sans Pro", sans-serif',
          border_radius: '0.5em',
          background_color: '#ffffff',
          label_font_weight: '600'
        },
        accounts: { background_color: '#f2f2f2' }
      },
      preferred_sign_in_strategy: 'password',
      logo_image_url: logo.public_url,
      favicon_image_url: favicon.public_url,
      home_url: home,
      sign_in_url: `${accounts}/sign-in`,
      sign_up_url: `${accounts}/sign-up`,
      user_profile_url: `${accounts}/user`,
      waitlist_url: `${accounts}/waitlist`,
      oauth_consent_url: `${accounts}/oauth-consent`,
      after_sign_in_url: home,
      after_sign_up_url: home,
      after_sign_out_one_url: `${accounts}/sign-in/choose`,
      after_sign_out_all_url: `${accounts}/sign-in`,
      after_switch_session_url: home,
      after_join_waitlist_url: home,
      organization_profile_url: `${accounts}/organization`,
      create_organization_url: `${accounts}/create-organization`,
      after_leave_organization_url: home,
      after_create_organization_url: home,
      logo_link_url: home,
      support_email: production ? `support@${APP_DOMAIN}` : null,
      branded: !production,
      experimental_force_oauth_first: false,
      clerk_js_version: '5',
      show_devmode_warning: !production,
      google_one_tap_client_id: null,
      help_url: null,
      privacy_policy_url: production ? `https://${APP_DOMAIN}/privacy` : null,
      terms_url: production ? `https://${APP_DOMAIN}/terms` : null,
      logo_url: logo.public_url,
      favicon_url: favicon.public_url,
      // Non-null on purpose: the schema is `nullable` + `allOf: [Image]`, and by OpenAPI 3.0.3's rule
      // `nullable` adds null only to a `type` in the same schema, which `allOf`'s Image (an object) rejects.
      logo_image: logo,
      favicon_image: favicon,
      captcha_public_key: production ? '0x4AAAAAAAFakeTurnstileSiteKey' : null,
      captcha_widget_type: production ? 'smart' : null,
      captcha_public_key_invisible: production ? '0x4AAAAAAAFakeInvisibleSiteKey' : null,
      captcha_provider: production ? 'turnstile' : null,
      captcha_oauth_bypass: ['oauth_google', 'oauth_microsoft', 'oauth_apple'],
      captcha_heartbeat: false
    },
    user_settings: {
      attributes: {
        email_address: attribute(true, {
          required: true,
          used_for_first_factor: true,
          first_factors: ['email_code'],
          verifications: ['email_code'],
          verify_at_sign_up: true
        }),
        phone_number: attribute(false, { first_factors: ['phone_code'], verifications: ['phone_code'] }),
        username: attribute(false),
        web3_wallet: attribute(false, {
          first_factors: ['web3_metamask_signature'],
          verifications: ['web3_metamask_signature']
        }),
        first_name: attribute(false),
        last_name: attribute(false),
        password: attribute(true, { required: true }),
        authenticator_app: attribute(true, {
          used_for_second_factor: true,
          second_factors: ['totp'],
          verifications: ['totp']
        }),
        ticket: attribute(true, { used_for_first_factor: true, first_factors: ['ticket'], verifications: ['ticket'] }),
        backup_code: attribute(true, { used_for_second_factor: true, second_factors: ['backup_code'] }),
        passkey: attribute(false, { first_factors: ['passkey'], verifications: ['passkey'] })
      },
      social,
      saml: { enabled: false },
      enterprise_sso: { enabled: false, self_serve_sso: false },
      sign_in: { second_factor: { required: false } },
      sign_up: {
        captcha_enabled: production,
        captcha_widget_type: 'smart',
        custom_action_required: false,
        progressive: true,
        mode: 'public',
        legal_consent_enabled: false
      },
      restrictions: {
        allowlist: { enabled: false },
        blocklist: { enabled: false },
        allowlist_blocklist_disabled_on_sign_in: { enabled: false },
        block_email_subaddresses: { enabled: false },
        block_disposable_email_domains: { enabled: false }
      },
      password_settings: {
        disable_hibp: false,
        disable_password_reverification: false,
        min_length: 8,
        max_length: 72,
        require_special_char: false,
        require_numbers: false,
        require_uppercase: false,
        require_lowercase: false,
        show_zxcvbn: false,
        min_zxcvbn_strength: 0,
        enforce_hibp_on_sign_in: false,
        allowed_special_characters: '!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~'
      },
      username_settings: {
        min_length: 4,
        max_length: 64,
        allow_extended_special_characters: false,
        allow_numeric_usernames: true
      },
      actions: { delete_self: true, create_organization: true, create_organizations_limit: null },
      attack_protection: {
        user_lockout: { enabled: true, max_attempts: 100, duration_in_minutes: 60 },
        pii: { enabled: true },
        email_link: { require_same_client: true },
        enumeration_protection: { enabled: false }
      },
      passkey_settings: { allow_autofill: true, show_sign_in_button: true, satisfies_second_factor: false }
    },
    organization_settings: {
      enabled: false,
      max_allowed_memberships: 5,
      actions: { admin_delete: true },
      domains: { enabled: false, enrollment_modes: [], default_role: 'org:member' },
      slug: { disabled: false },
      creator_role: 'org:admin'
    },
    fraud_settings: { object: 'fraud_settings', native: { device_attestation_mode: 'disabled' } },
    commerce_settings: {
      billing: {
        stripe_publishable_key: null,
        free_trial_requires_payment_method: true,
        user: { enabled: false, has_paid_plans: false },
        organization: { enabled: false, has_paid_plans: false }
      }
    },
    api_keys_settings: { enabled: false, user_api_keys_enabled: false, orgs_api_keys_enabled: false },
    client_debug_mode: false,
    partitioned_cookies: false,
    maintenance_mode: false
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Platform API: domains, domain status, DNS check, instance config

/** `#/components/schemas/PlatformWorkspaceDomainResponse` (Platform API). */
export interface PlatformDomain {
  object: 'domain';
  id: string;
  name: string;
  is_satellite?: boolean;
  is_provider_domain?: boolean;
  frontend_api_url: string;
  development_origin: string;
  accounts_portal_url?: string;
  proxy_url?: string;
  cname_targets?: CNameTarget[];
  created_at: string;
  updated_at: string;
  application: { object: 'application'; id: string; created_at: string; updated_at: string };
  instance: {
    object: 'instance';
    id: string;
    environment_type: 'production' | 'development';
    created_at: string;
    updated_at: string;
  };
}

export interface PlatformDomainOptions {
  name: string;
  applicationId?: string;
  instanceEnvironment: 'production' | 'development';
  instanceId?: string;
  id?: string;
  is_satellite?: boolean;
  frontend_api_url?: string;
  /** Not nullable in this schema: absent when there is none. */
  proxy_url?: string;
  cname_targets?: CNameTarget[];
}

export function platformDomain(options: PlatformDomainOptions): PlatformDomain {
  // The Platform API describes the same domain the Backend API does, with fewer nullable fields.
  const base = domain({
    name: options.name,
    is_satellite: options.is_satellite,
    frontend_api_url: options.frontend_api_url,
    proxy_url: options.proxy_url ?? null,
    cname_targets: options.cname_targets,
    id: options.id
  });
  const production = options.instanceEnvironment === 'production';
  return {
    object: 'domain',
    id: base.id,
    name: base.name,
    is_satellite: base.is_satellite,
    is_provider_domain: false,
    frontend_api_url: base.frontend_api_url,
    development_origin: base.development_origin,
    ...(typeof base.accounts_portal_url === 'string' ? { accounts_portal_url: base.accounts_portal_url } : {}),
    ...(typeof base.proxy_url === 'string' ? { proxy_url: base.proxy_url } : {}),
    cname_targets: base.cname_targets ?? [],
    created_at: CREATED,
    updated_at: UPDATED,
    application: {
      object: 'application',
      id: options.applicationId ?? APPLICATION_ID,
      created_at: CREATED,
      updated_at: UPDATED
    },
    instance: {
      object: 'instance',
      id: options.instanceId ?? (production ? PRODUCTION_INSTANCE_ID : DEVELOPMENT_INSTANCE_ID),
      environment_type: options.instanceEnvironment,
      created_at: CREATED,
      updated_at: UPDATED
    }
  };
}

/** `#/components/schemas/FailureHint`. */
export interface FailureHint {
  code: string;
  message: string;
}

/** `#/components/schemas/CNAMEStatus`. */
export interface CnameStatus {
  actual?: string[];
  clerk_subdomain: string;
  from: string;
  to: string;
  verified: boolean;
  required: boolean;
  failure_hints: FailureHint[] | null;
}

/** `#/components/schemas/SSLStatus`. */
export interface SslStatus {
  status: string;
  required: boolean;
  failure_hints: FailureHint[] | null;
}

/** `#/components/schemas/PlatformDomainStatusResponse`. */
export interface PlatformDomainStatus {
  dns: { status: 'not_started' | 'in_progress' | 'complete'; cnames: Partial<Record<CnameName, CnameStatus>> };
  ssl: {
    status?: 'complete' | 'in_process' | 'not_started' | 'failed' | 'incomplete';
    required?: boolean;
    failure_hints?: FailureHint[] | null;
  };
  ssl_hosts?: Record<string, SslStatus>;
  mail?: { status: string; required: boolean };
  proxy?: { status: string; required: boolean };
  status: 'complete' | 'incomplete';
}

export interface CnameStatusInput {
  verified: boolean;
  /** Default when unverified: one hint saying the record is missing. */
  failure_hints?: FailureHint[] | null;
  /** What DNS answers today. Default: the target when verified, nothing otherwise. */
  actual?: string[];
  required?: boolean;
}

export interface PlatformDomainStatusOptions {
  status: 'complete' | 'incomplete';
  /** The domain whose records these are. Default: `example.test`. */
  domain?: string;
  mailId?: string;
  /** Records to list. Default: all five (a production domain); `[]` for a development domain. */
  names?: readonly CnameName[];
  /** Per record; a record not given is verified. */
  cnames?: Partial<Record<CnameName, CnameStatusInput>>;
  ssl?: PlatformDomainStatus['ssl']['status'] | PlatformDomainStatus['ssl'];
  mail?: string | { status: string; required: boolean };
  proxy?: { status: string; required: boolean };
}

/** A failure hint for a CNAME that does not resolve as it should. The Platform API documents only the hint's shape
 * (`code`, `message`), not its codes: this one is illustrative. */
export function missingCnameHint(from: string, to: string): FailureHint {
  return {
    code: 'cname_record_not_found',
    message: `No CNAME record was found for ${from}. Add a CNAME record pointing to ${to}.`
  };
}

export function platformDomainStatus(options: PlatformDomainStatusOptions): PlatformDomainStatus {
  const name = options.domain ?? APP_DOMAIN;
  const names = options.names ?? CNAME_NAMES;
  const cnames: Partial<Record<CnameName, CnameStatus>> = {};
  for (const sub of names) {
    const input = options.cnames?.[sub] ?? { verified: true };
    const from = `${sub}.${name}`;
    const to = cnameValue(sub, options.mailId);
    cnames[sub] = {
      actual: input.actual ?? (input.verified ? [to] : []),
      clerk_subdomain: sub,
      from,
      to,
      verified: input.verified,
      required: input.required ?? true,
      failure_hints: input.verified ? null : (input.failure_hints ?? [missingCnameHint(from, to)])
    };
  }
  const all = Object.values(cnames);
  const verified = (sub: CnameName): boolean => cnames[sub]?.verified ?? true;
  const dnsStatus = all.every((c) => c.verified)
    ? 'complete'
    : all.some((c) => c.verified)
      ? 'in_progress'
      : 'not_started';
  const hostsVerified = verified('clerk') && verified('accounts');
  const ssl =
    typeof options.ssl === 'object'
      ? options.ssl
      : { status: options.ssl ?? (hostsVerified ? 'complete' : 'not_started'), required: true, failure_hints: null };
  const sslHostStatus: SslStatus = {
    status: ssl.status ?? 'not_started',
    required: ssl.required ?? true,
    failure_hints: ssl.failure_hints ?? null
  };
  const sslHosts =
    names.length === 0 ? {} : { [`clerk.${name}`]: sslHostStatus, [`accounts.${name}`]: { ...sslHostStatus } };
  const mailVerified = verified('clkmail') && verified('clk._domainkey') && verified('clk2._domainkey');
  const mail =
    typeof options.mail === 'object'
      ? options.mail
      : { status: options.mail ?? (mailVerified ? 'complete' : 'not_started'), required: names.length > 0 };
  return {
    dns: { status: dnsStatus, cnames },
    ssl,
    ssl_hosts: sslHosts,
    mail,
    ...(options.proxy === undefined ? {} : { proxy: options.proxy }),
    status: options.status
  };
}

/** `#/components/schemas/PlatformDNSCheckResponse`: the domain status, the domain's id and when the check ran. */
export type DnsCheck = PlatformDomainStatus & { domain_id: string; last_run_at: number | null };

export function dnsCheck(
  options: PlatformDomainStatusOptions & { domain_id: string; last_run_at?: number | null }
): DnsCheck {
  const { domain_id, last_run_at, ...status } = options;
  return {
    ...platformDomainStatus(status),
    domain_id,
    last_run_at: last_run_at === undefined ? Date.parse(UPDATED) : last_run_at
  };
}

/**
 * One `connection_oauth_<provider>` entry of an instance's config. The Platform API types the config only as an
 * object with a `config_version`; these fields are those of Clerk's config schema (`platform-config/2025-01-01`:
 * `enabled`, `authenticatable`, `block_email_subaddresses`, `client_id`, `client_secret`, and for Apple also
 * `key_id`, `team_id`, `bundle_id`).
 */
export interface OAuthConnectionConfig {
  enabled: boolean;
  authenticatable?: boolean;
  block_email_subaddresses?: boolean;
  client_id?: string;
  client_secret?: string;
  key_id?: string;
  team_id?: string;
  bundle_id?: string;
  [field: string]: unknown;
}

/** `#/components/schemas/PlatformConfigResponse`. */
export interface PlatformConfig {
  config_version: string;
  [key: string]: unknown;
}

/** An instance config: `connection_oauth_*` entries get their defaults; any other key is passed through. */
export function platformConfig(
  config: Record<string, OAuthConnectionConfig | Record<string, unknown>>,
  options: { config_version?: string } = {}
): PlatformConfig {
  const out: PlatformConfig = { config_version: options.config_version ?? 'v1_3f9a2c7e' };
  for (const [key, value] of Object.entries(config)) {
    out[key] = key.startsWith('connection_oauth_')
      ? { authenticatable: true, block_email_subaddresses: false, ...value }
      : value;
  }
  return out;
}

/** An OAuth client secret filler: obviously fake, not shaped like any real provider's secret. */
export function fakeOAuthSecret(provider: string): string {
  return `fake-${provider}-client-secret-for-tests`;
}
