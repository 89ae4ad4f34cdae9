import { hostOf } from '../clerk/hosts.js';
import { redact } from '../core/redact.js';
import type { Variable } from '../core/variable.js';
import { isSecretVariable } from './secret-values.js';

/** Longer URLs are cut: a report row is not the place for them. */
const MAX_SHOWN = 200;
/** A key prefix anywhere in the value: a URL with a key pasted into it is a secret. */
const EMBEDDED_KEY = /(sk|pk|rk)_(test|live)_|whsec_|(^|[^a-z])(test|live)_[A-Za-z0-9]{16}/i;
/** A long unbroken token in the path or query (an API key, a signed link): not something to print. */
const TOKEN_IN_PATH = /[A-Za-z0-9_+=-]{24,}/;

/**
 * How a finding shows a variable's value. URLs, paths and hosts that are not secrets are shown as they are, since
 * the reviewer needs them (`http://localhost:3000/sign-in`, `foo-bar-13.clerk.accounts.dev`), except for the parts
 * that can carry credentials: user-info, query string and fragment become `…`. Everything else is redacted.
 */
export function displayValue(variable: Variable): string {
  const { value } = variable;
  if (isSecretVariable(variable) || EMBEDDED_KEY.test(value)) return redact(value);
  const shown = isPath(value) || hostOf(value) !== null ? withoutCredentials(value) : null;
  if (shown === null || TOKEN_IN_PATH.test(pathOf(shown))) return redact(value);
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown;
}

/** The part after the host: `/sign-in` of `https://example.com/sign-in`. */
function pathOf(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/|^\/\//i, '');
  const slash = afterScheme.search(/[/?#]/);
  return slash === -1 ? '' : afterScheme.slice(slash);
}

/** A path on the app's own domain (`/sign-in`), not a protocol-relative URL. */
function isPath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !/\s/.test(value);
}

/** The URL or host with user-info, query string and fragment replaced by `…`. */
function withoutCredentials(value: string): string {
  const trimmed = value.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/|^\/\//i.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(scheme.length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  let tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  const at = authority.lastIndexOf('@');
  const host = at === -1 ? authority : `…@${authority.slice(at + 1)}`;
  const hash = tail.indexOf('#');
  if (hash !== -1) tail = `${tail.slice(0, hash)}#…`;
  const query = tail.indexOf('?');
  if (query !== -1) tail = `${tail.slice(0, query)}?…${hash !== -1 ? '#…' : ''}`;
  return scheme + host + tail;
}
