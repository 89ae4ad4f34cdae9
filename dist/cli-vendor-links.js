/**
 * The vendors' own pages the gate may link to when a URL comes from an API answer or a report: https on the
 * vendor's known host, nothing else (no other host, port, user info or scheme).
 */
const VENDOR_HOSTS = new Set(['app.netlify.com', 'vercel.com', 'dashboard.clerk.com']);
function isVendorPage(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return false;
    }
    return (parsed.protocol === 'https:' &&
        VENDOR_HOSTS.has(parsed.hostname) &&
        parsed.port === '' &&
        parsed.username === '' &&
        parsed.password === '');
}

export { isVendorPage as i };
