import { Parser } from 'htmlparser2';

/** The clerk-js `<script>` a Clerk page loads: its publishable key attribute and the host it loads from. */
export interface ClerkScript {
  src?: URL;
  publishableKey?: string;
}

export interface PageScripts {
  clerkScripts: ClerkScript[];
  /** Every script and preloaded module the page references, resolved, in page order, without repeats. */
  scripts: URL[];
}

/** clerk-js as Clerk's SDKs and docs load it: `https://<frontend api>/npm/@clerk/clerk-js@<version>/dist/…`. */
const CLERK_JS_PATH = /\/npm\/@clerk\/clerk-js(@|\/)/;

/**
 * The scripts of an HTML page, read with htmlparser2 (a tolerant, streaming HTML tokenizer, so broken markup
 * does not stop the check): `<script src>`, `<link rel="modulepreload">`, `<link rel="preload" as="script">`,
 * and the clerk-js script with its `data-clerk-publishable-key`.
 */
export function pageScripts(html: string, pageUrl: URL): PageScripts {
  const scripts = new Map<string, URL>();
  const clerkScripts: ClerkScript[] = [];
  let base = pageUrl;
  const resolve = (href: string | undefined): URL | undefined => {
    if (!href || href.trim() === '') return undefined;
    try {
      return new URL(href.trim(), base);
    } catch {
      return undefined;
    }
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'base' && attributes.href) base = resolve(attributes.href) ?? base;
        if (name === 'script') {
          const src = resolve(attributes.src);
          if (src) scripts.set(src.href, src);
          const publishableKey = attributes['data-clerk-publishable-key'];
          if ((src && CLERK_JS_PATH.test(src.pathname)) || publishableKey !== undefined) {
            clerkScripts.push({ ...(src && { src }), ...(publishableKey !== undefined && { publishableKey }) });
          }
        }
        if (name === 'link') {
          const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
          const isScript = rel.includes('modulepreload') || (rel.includes('preload') && attributes.as === 'script');
          const href = isScript ? resolve(attributes.href) : undefined;
          if (href) scripts.set(href.href, href);
        }
      }
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();
  return { clerkScripts, scripts: [...scripts.values()] };
}
