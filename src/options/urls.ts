import { isIP } from '../net/ip.js';
import { isHttpsOrLoopback } from '../net/address.js';

/** An API base the secret key is sent to: https (http only on loopback), no credentials in the URL. */
export function isSafeApiUrl(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && !url.username && !url.password && isHttpsOrLoopback(url);
}

/** The deployed site: https, or http on loopback; the bypass secret may travel with it, so the same rule. */
export function isSafeSiteUrl(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && isHttpsOrLoopback(url);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** `1.1.1.1`, `127.0.0.1:5353`, `::1`, `[::1]:5353`. */
export function isDnsServer(text: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return isIP(bracketed[1] ?? '') === 6 && validPort(bracketed[2]);
  if (isIP(text) !== 0) return true;
  const [host = '', port] = text.split(':');
  return isIP(host) === 4 && text.split(':').length === 2 && validPort(port);
}

function validPort(port: string | undefined): boolean {
  return port === undefined || (/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536);
}
