/** Words for network and TLS error codes. */
const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  UND_ERR_SOCKET: 'connection closed',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (temporary)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  TIMEOUT: 'timed out',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out connecting',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response',
  BODY_TOO_LARGE: 'response too large',
  ERR_REDIRECT_REFUSED: 'a redirect was refused',
  ERR_TOO_MANY_REDIRECTS: 'too many redirects',
  ERR_INTERNAL_ADDRESS: 'refused: the host name resolves to a loopback, private or link-local address',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chains to an untrusted root',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate is not signed by a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate is not signed by a trusted authority',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is not valid for this host name',
  ETIMEOUT: 'timed out'
};

/** Network and TLS error codes of a failed connection: the TLS ones (undici, Node's tls) by prefix. */
const TLS_CODES = /^(CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH|EPROTO)/;

/** A network error code in words, without the `TLS verification failed:` prefix. */
export function codeWords(code: string): string {
  return NETWORK_CODES[code] ?? code;
}

/** A network or TLS error code in words (`connection refused`, `TLS verification failed: …`). */
export function networkWords(code: string): string {
  return TLS_CODES.test(code) ? `TLS verification failed: ${codeWords(code)}` : codeWords(code);
}

/** The error code of a network failure, looking through undici's and Node's wrappers. */
export function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (name === 'TimeoutError' || name === 'AbortError') return 'TIMEOUT';
    current = (current as { cause?: unknown }).cause;
  }
  return 'UNKNOWN';
}

type NetworkKind = 'tls' | 'timeout' | 'network';

export function networkKind(code: string): NetworkKind {
  if (TLS_CODES.test(code)) return 'tls';
  if (code === 'TIMEOUT' || code.endsWith('_TIMEOUT') || code === 'ETIMEDOUT') return 'timeout';
  return 'network';
}
