import { n as netAgent, g as guardedLookup, u as undiciExports, R as REDIRECT_STATUSES, M as MAX_REDIRECTS, b as redirectTarget, a as shownUrl } from './action-client.js';
import { ai as isInternalAddress, aa as isHttpsOrLoopback } from './index.js';

/** Headers never carried to another origin by a redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-vercel-protection-bypass'];
/**
 * A `fetch` for vendor SDKs on the gate's network policy: the loopback rule (https, or http only to a loopback IP),
 * every call's timeout bounded by the deadline (the whole body too), the body capped, and redirects followed by hand
 * under redirect.ts's policy (GET and HEAD, or a 303) with credentials dropped across origins. It does not retry: the
 * SDKs retry by themselves, each retry a new call under the same deadline. Errors are TypeErrors like fetch's, with
 * a code and a message that names the URL without its query.
 */
function netFetch(options) {
    const open = options.dispatcher ?? netAgent(options.timeoutMs, options.lookup);
    const guarded = options.dispatcher ?? netAgent(options.timeoutMs, guardedLookup(options.lookup));
    const run = async (input, init = {}) => {
        const request = await asInit(input, init);
        const first = new URL(request.url);
        const firstInternal = isInternalAddress(first.hostname);
        const signal = AbortSignal.any([
            options.deadline.signal(options.timeoutMs),
            ...(request.signal ? [request.signal] : [])
        ]);
        let url = first;
        let method = request.init.method ?? 'GET';
        const headers = new undiciExports.Headers(request.init.headers);
        for (let hop = 0;; hop++) {
            if (!isHttpsOrLoopback(url))
                throw refusal(url, 'ERR_NOT_HTTPS', 'plain http to a host that is not a loopback IP');
            const dispatcher = firstInternal || url.host === first.host ? open : guarded;
            const response = await undiciExports.fetch(url, {
                ...request.init,
                method,
                headers,
                signal,
                dispatcher,
                redirect: 'manual'
            });
            const location = response.headers.get('location');
            const follow = method === 'GET' || method === 'HEAD' || response.status === 303;
            if (!REDIRECT_STATUSES.has(response.status) || location === null || !follow || init.redirect === 'manual') {
                return capped(response, options.maxBytes);
            }
            await response.body?.cancel();
            if (hop >= MAX_REDIRECTS)
                throw refusal(url, 'ERR_TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`);
            const next = redirectTarget(url, location, firstInternal);
            if (!next.ok)
                throw refusal(url, 'ERR_REDIRECT_REFUSED', next.reason);
            if (next.url.origin !== url.origin)
                for (const name of CREDENTIAL_HEADERS)
                    headers.delete(name);
            if (response.status === 303 && method !== 'HEAD')
                method = 'GET';
            url = next.url;
        }
    };
    // undici's Response is the one Node's own fetch returns, from the package rather than the runtime.
    return run;
}
/** The URL and init of a call, a `Request` taken apart (its body read: SDK request bodies are small JSON). */
async function asInit(input, init) {
    const plain = { ...init };
    const signal = plain.signal ?? undefined;
    delete plain.signal;
    if (typeof input === 'string' || input instanceof URL)
        return { url: String(input), init: plain, ...(signal && { signal }) };
    const body = input.method === 'GET' || input.method === 'HEAD' ? undefined : Buffer.from(await input.arrayBuffer());
    const own = signal ?? input.signal;
    return {
        url: input.url,
        init: { method: input.method, headers: [...input.headers.entries()], ...(body && { body }), ...plain },
        signal: own
    };
}
function refusal(url, code, reason) {
    return Object.assign(new TypeError(`fetch ${shownUrl(url)}: ${reason}`), { code });
}
/** The response with its body stopped (a stream error) once it passes `maxBytes`. */
function capped(response, maxBytes) {
    if (response.body === null)
        return response;
    let size = 0;
    const limit = new TransformStream({
        transform(chunk, controller) {
            size += chunk.byteLength;
            if (size > maxBytes) {
                controller.error(Object.assign(new TypeError(`response larger than ${maxBytes} bytes`), { code: 'BODY_TOO_LARGE' }));
                return;
            }
            controller.enqueue(chunk);
        }
    });
    const wrapped = new undiciExports.Response(response.body.pipeThrough(limit), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
    });
    // A constructed Response has an empty `url`; callers (Octokit's `response.url`, a next page's origin check) need
    // the address that answered.
    Object.defineProperty(wrapped, 'url', { value: response.url });
    return wrapped;
}

export { netFetch as n };
