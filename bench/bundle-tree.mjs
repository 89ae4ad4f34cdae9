#!/usr/bin/env node
// Deterministic generator of built client bundles for the benchmark's bundle scan (see bench/README.md).
//
//   node bench/bundle-tree.mjs [--force] [--next|--maps] [100 10 ...]  (sizes in MiB of scanned files; default 100 10)
//   node bench/bundle-tree.mjs --floor DIR                  the bundle scan's lower bound (below), on DIR
//
// Trees go to bench/.trees/ (gitignored), beside the dotenv trees:
//   bundle-<N>m/   a Vite-style `dist/` of N MiB of .js .mjs .css .html .json .txt (what the gate's --build-dir
//                  scans), plus .map files, fonts and images that it does not scan
//   bundle-next-<N>m/  with --next: a `next build` `.next/static` of N MiB, ~180 single-line chunks of ~0.5 MiB,
//                  CSS and JSON (planNext below)
//   bundle-maps-37m/  with --maps: 6 chunks of ~6 MiB, each with the development key and a ~16 MiB source map
//                  (planMaps below), for the peak RSS of a scan that reads every map
// Every tree of a shape has the same files; only their sizes scale with N. Each has a manifest
// (bench/.trees/bundle-<N>m.manifest.json); a tree is regenerated only when it is missing or its manifest does not
// match the current parameters (generator version, this file's digest, seed, size); --force regenerates anyway.

import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync
} from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { DEFAULT_SEED, ROOT_DIR, TREES_DIR, createRng } from './generate-tree.mjs';

export const BUNDLE_GENERATOR_VERSION = 1;
const MIB = 1024 * 1024;
export const BUNDLE_SIZES_MIB = [10, 100];

/** What the gate's --build-dir scans; everything else in the tree (.map, fonts, images) it skips. */
export const SCANNED_EXTENSIONS = ['.js', '.mjs', '.css', '.html', '.json', '.txt'];

/**
 * The one development publishable key in the tree (base64 of `happy-hippo-42.clerk.accounts.dev$`), as Vite inlines
 * `import.meta.env.VITE_CLERK_PUBLISHABLE_KEY`: in the entry chunk, near its end.
 */
export const PLANTED_KEY = 'pk_test_aGFwcHktaGlwcG8tNDIuY2xlcmsuYWNjb3VudHMuZGV2JA';

/** What grep is asked (`grep -rcE PATTERN`), and what must not appear in the random text. */
export const GREP_PATTERN = 'pk_test_|sk_(test|live)_';
const FORBIDDEN = /[ps]k_(test|live)_|clerk\.accounts\.dev/;

export function bundleTreeName(mib, shape = 'vite') {
  return shape === 'vite' ? `bundle-${mib}m` : `bundle-${shape}-${mib}m`;
}

// ---------------------------------------------------------------------------
// The files. Sizes are KiB at 100 MiB; every tree scales them to its size. `lines`: 'single' (one long line, as
// Rollup/esbuild minify) or 'multi' (workers and pre-bundled libraries that keep their newlines). `clerk`: where the
// Clerk SDK's constants sit (a fraction of the file); `planted`: where the development key sits.

const JS_FILES = [
  { name: 'index', kib: 9800, lines: 'single', clerk: [0.31], planted: 0.97 },
  { name: 'vendor', kib: 8600, lines: 'single' },
  { name: 'editor.main', kib: 7400, lines: 'single' },
  { name: 'ts.worker', kib: 6600, lines: 'multi' },
  { name: 'vendor-antd', kib: 6100, lines: 'single' },
  { name: 'charts', kib: 5600, lines: 'single' },
  { name: 'vendor-aws', kib: 5400, lines: 'single' },
  { name: 'tinymce', kib: 4300, lines: 'multi' },
  { name: 'vendor-mui', kib: 4800, lines: 'single' },
  { name: 'vendor-icons', kib: 3900, lines: 'single' },
  { name: 'vendor-firebase', kib: 3200, lines: 'single' },
  { name: 'ffmpeg', kib: 3200, lines: 'single' },
  { name: 'moment-locales', kib: 3100, lines: 'multi' },
  { name: 'json.worker', kib: 2900, lines: 'multi' },
  { name: 'clerk', kib: 2300, lines: 'single', clerk: [0.08, 0.64] },
  { name: 'css.worker', kib: 2100, lines: 'multi' },
  { name: 'mapbox-gl', kib: 1700, lines: 'single' },
  { name: 'html.worker', kib: 1600, lines: 'multi' },
  { name: 'three.module', kib: 1300, lines: 'single' },
  { name: 'xlsx', kib: 1200, lines: 'multi' },
  { name: 'monaco-languages', kib: 1900, lines: 'multi' },
  { name: 'date-fns', kib: 1400, lines: 'single' },
  { name: 'markdown', kib: 1100, lines: 'single' },
  { name: 'highlight', kib: 1000, lines: 'single' },
  { name: 'vendor-graphql', kib: 900, lines: 'single' },
  { name: 'prism', kib: 800, lines: 'single' },
  { name: 'lottie', kib: 900, lines: 'single' },
  { name: 'Dashboard', kib: 780, lines: 'single' },
  { name: 'editor.worker', kib: 600, lines: 'multi' },
  { name: 'lodash', kib: 540, lines: 'single' },
  { name: 'sentry', kib: 450, lines: 'single' },
  { name: 'Settings', kib: 420, lines: 'single' },
  { name: 'polyfills', kib: 320, lines: 'multi' },
  { name: 'katex', kib: 300, lines: 'single' },
  { name: 'Billing', kib: 260, lines: 'single' },
  { name: 'Reports', kib: 240, lines: 'single' },
  { name: 'Projects', kib: 210, lines: 'single' },
  { name: 'SignIn', kib: 150, lines: 'single', clerk: [0.5] },
  { name: 'Team', kib: 130, lines: 'single' },
  { name: 'Profile', kib: 110, lines: 'single' },
  { name: 'Onboarding', kib: 90, lines: 'single' },
  { name: 'Notifications', kib: 70, lines: 'single' },
  { name: 'Search', kib: 55, lines: 'single' },
  { name: 'Help', kib: 40, lines: 'single' },
  { name: 'NotFound', kib: 12, lines: 'single' },
  { name: 'modulepreload-polyfill', kib: 2, lines: 'single' }
];
const MJS_FILES = [{ name: 'pdf.worker.min', kib: 1400, lines: 'single' }];
const CSS_FILES = [
  { name: 'index', kib: 1400 },
  { name: 'editor', kib: 800 },
  { name: 'fonts', kib: 400, fonts: true },
  { name: 'Dashboard', kib: 90 },
  { name: 'charts', kib: 60 }
];
const PAGES = [
  { path: 'index.html', kib: 40, entry: true },
  { path: 'pricing/index.html', kib: 180 },
  { path: 'blog/index.html', kib: 260 },
  { path: 'about/index.html', kib: 120 },
  { path: '404.html', kib: 8 }
];
/** [path, KiB, kind]: JSON manifests and text files. */
const OTHER = [
  ['manifest.json', 90, 'vite-manifest'],
  ['site.webmanifest.json', 1, 'webmanifest'],
  ['assets/locales/en.json', 120, 'locale'],
  ['assets/locales/de.json', 130, 'locale'],
  ['assets/locales/ja.json', 140, 'locale'],
  ['assets/licenses.txt', 600, 'licenses'],
  ['robots.txt', 0.1, 'robots']
];
/** Not scanned by the gate, nor by grep --include: [path, KiB]. Every .js, .mjs and .css file also gets a source map. */
const BINARY = [
  ['favicon.ico', 15],
  ['assets/logo.svg', 6],
  ['assets/inter-latin-400.woff2', 48],
  ['assets/inter-latin-600.woff2', 50],
  ['assets/hero.png', 210],
  ['assets/screenshot.webp', 160],
  ['sitemap.xml', 12]
];
/**
 * Source maps as Vite writes them (`build.sourcemap: true`), sized from the Vite fixture in __tests__/fixtures/bundles
 * (306 KB of JS: 433 KB of `mappings`, a segment per 4.4 bytes of JS, 6.2 characters per segment, and 360 KB of
 * `sourcesContent` without React's): `mappings` 1.4× the file, `sourcesContent` 1.2×. Their lines and columns match
 * the file's, so a position looked up in one lands in the file's range. grep --include skips them, the gate scans none
 * but reads the map of a file it reports a finding in (for the finding's original position).
 */
const MAPPINGS_RATIO = 1.4;
const SOURCES_CONTENT_RATIO = 1.2;
const MAP_SEGMENT_CHARS = 6.2;

// ---------------------------------------------------------------------------
// Vocabulary.

const WORDS =
  'user session token render state props children value error result data config options params request response event target element node index count items list entry record field name label title description message status type mode locale theme color size width height offset position style layout container wrapper header footer content button input form submit cancel close open toggle pressed disabled loading shown hidden selected checked focus blur change click hover scroll resize update create delete remove insert append replace filter sort search query page limit total cursor next prev first last start end range min max step duration delay timeout interval retry callback handler listener watcher subscriber provider context store reducer action payload dispatch effect memo ref key id uuid email password phone address city country organization member role permission invite domain redirect url path route link href navigate history location origin host port protocol method headers body json text blob stream buffer chunk frame picture image media audio source track layer shape point coord matrix transform scale rotate translate opacity gradient shadow border radius margin padding font weight family line spacing align justify flex grid column row cell table tooltip overlay modal dialog drawer menu tab panel card badge sheet icon spinner skeleton alert toast banner chart axis legend series tick zoom pan map marker tile cluster editor cursor selection range model language worker document schema checker parser lexer token compiler plugin module bundle asset manifest version build release'.split(
    ' '
  );
const PROPS =
  'length push pop shift map filter reduce forEach find findIndex some every includes indexOf slice splice concat join split trim replace toLowerCase toUpperCase startsWith endsWith then catch finally resolve reject all race keys values entries assign freeze create defineProperty getOwnPropertyNames prototype call apply bind toString valueOf hasOwnProperty createElement appendChild removeChild setAttribute getAttribute addEventListener removeEventListener querySelector classList contains style dataset current useState useEffect useMemo useCallback useRef useContext useReducer useLayoutEffect forwardRef memo lazy jsx jsxs Fragment createContext Provider Consumer displayName defaultProps propTypes default exports __esModule set get has delete clear size add next done return throw from of isArray parse stringify now random floor ceil round abs max min pow sqrt PI getTime toISOString fetch json text status ok headers signal abort emit on off once subscribe unsubscribe dispatch getState setState forceUpdate componentDidMount componentWillUnmount'.split(
    ' '
  );
/** Underscored names as real bundles have them: SDK internals, API fields in snake case, React's and Babel's. */
const UNDERSCORED =
  '__internal_state __internal_updateProps __internal_toSnapshot __internal_environment __internal_getOption __experimental_mode __experimental_asProvider __esModule __proto__ _type _owner _store _self _source _context _currentValue _payload _init _defaulted _reactName _interopRequireDefault total_count second_factor first_name last_name email_address phone_number created_at updated_at expire_at user_id org_id session_id redirect_url public_metadata unsafe_metadata ERROR_CODE __BUILD_DISABLE_RHC__'.split(
    ' '
  );
const TAGS =
  'div span button a p h1 h2 h3 ul li img svg path input label form section nav header footer main table tr td'.split(
    ' '
  );
const CSS_PROPS =
  'display position top left right bottom width height min-width max-width margin padding border border-radius background background-color color font-size font-weight line-height letter-spacing text-align text-decoration white-space overflow opacity transform transition box-shadow z-index cursor flex flex-direction align-items justify-content gap grid-template-columns outline pointer-events user-select'.split(
    ' '
  );
const CSS_VALUES =
  '0 auto none block flex inline-flex grid absolute relative fixed hidden 100% 50% 1px 2px 4px 8px 12px 16px 24px 32px .25rem .5rem .75rem 1rem 1.5rem 2rem 600 700 1.25 1.5 center space-between column row pointer inherit transparent #fff #000 #111827 #6b7280 #e5e7eb #3b82f6 #ef4444 rgba(0,0,0,.1) var(--radius) var(--primary) translate(-50%,-50%) all .2s ease-in-out'.split(
    ' '
  );
const MESSAGES = [
  'Something went wrong',
  'Invalid email address',
  'Password must be at least 8 characters',
  'Network request failed',
  'Unexpected token in JSON at position',
  'Cannot read properties of undefined',
  'Minified React error #',
  'The operation was aborted',
  'Failed to fetch dynamically imported module',
  'You have unsaved changes',
  'Are you sure you want to delete this item?',
  'Loading…',
  'No results found',
  'Réessayer',
  'Einstellungen speichern',
  'ログインしてください',
  'Verify your email',
  'Sign in to continue',
  'Your session has expired',
  'Copied to clipboard'
];
const URL_PATHS = [
  '/api/v1/users',
  '/api/v1/projects',
  '/api/graphql',
  '/api/auth/callback',
  '/static/icons',
  '/v2/events'
];

// The Clerk SDK's constants as minified client bundles carry them (modelled on the Next.js 16 / @clerk/nextjs 7 chunk
// in __tests__/fixtures/bundles: @clerk/shared's suffix lists and API URLs, the key prefixes, the key-checking
// functions and their error messages; tree-shaking drops the rest of its constants module, the Frontend API URLs
// included). grep counts every line holding one; the gate must judge none of them a finding.
const CLERK_SDK = [
  'let H=[".lcl.dev",".lclstage.dev",".lclclerk.com"],J=[".lcl.dev",".stg.dev",".lclstage.dev",".stgstage.dev",',
  '".dev.lclclerk.com",".stg.lclclerk.com",".accounts.lclclerk.com","accountsstage.dev","accounts.dev"];',
  'e.s(["p",0,[".accounts.dev",".accountsstage.dev",".accounts.lclclerk.com"],"y",0,J,"Z",0,H,"Q",0,"https://api.lclclerk.com",',
  '"e",0,[".lcl.dev","lclstage.dev",".lclclerk.com",".accounts.lclclerk.com"],"E",0,"https://api.clerk.com",',
  '"f",0,"https://api.clerkstage.dev","F",0,[".accountsstage.dev"]],43227);',
  'let Y=e=>"u">typeof atob&&"function"==typeof atob?atob(e):void 0!==globalThis.Buffer?globalThis.Buffer.from(e,"base64").toString():e,',
  'X="pk_live_",Z="pk_test_",ee=/^(([a-z]+)-){2}([0-9]{1,2})\\.clerk\\.accounts([a-z.]*)(dev|com)$/i;',
  'function et(e,t={}){if(e=e||"",!e||!en(e)){if(t.fatal&&!e)throw Error("Publishable key is missing. Ensure that your publishable key is correctly configured.");',
  'if(t.fatal&&!en(e))throw Error(`Publishable key not valid (expected format: pk_test_... or pk_live_...).`);return null}',
  'let r=e.startsWith(X)?"production":"development",i=Y(e.split("_")[2]);return{instanceType:r,frontendApi:i.slice(0,-1)}}',
  'function en(e=""){try{let t=e.startsWith(X)||e.startsWith(Z),r=Y(e.split("_")[2]||"").endsWith("$");return t&&r}catch{return!1}}',
  'e.s(["a",0,function(e){return e.startsWith("test_")||e.startsWith("pk_test_")},"b",0,function(e){return e.startsWith("test_")||e.startsWith("sk_test_")},',
  '"c",0,function(e){return e.startsWith("live_")||e.startsWith("pk_live_")},"d",0,function(e){return e.endsWith(".lclstage.dev")||',
  'e.endsWith(".stgstage.dev")||e.endsWith(".clerkstage.dev")||e.endsWith(".accountsstage.dev")}],28684);',
  'var $k={InvalidPublishableKeyErrorMessage:`The publishableKey passed to Clerk is invalid (key={{key}}, expected format: pk_test_... or pk_live_...).`,',
  'MissingPublishableKeyErrorMessage:"Missing publishableKey. You can get your key at https://dashboard.clerk.com/last-active?path=api-keys."};'
].join('');

// ---------------------------------------------------------------------------
// Text makers. Each returns a piece of text; the file writers call them until the file has its size.

function makers(rng) {
  const { int, pick, chance } = rng;
  const ID_FIRST = 'etnroiaslcudfphmgvbywxkqjzEUTNROIASLCDFPHMGVBYWXKQJZ$_';
  const ID_REST = `${ID_FIRST}0123456789`;
  const ident = () => {
    const r = rng.next();
    if (r < 0.45) return ID_FIRST[int(26)];
    if (r < 0.47) return pick(['_', 'e_', 't_', '_e', '__']);
    if (r < 0.9) return ID_FIRST[int(ID_FIRST.length)] + ID_REST[int(ID_REST.length)];
    return pick(WORDS) + (chance(0.5) ? pick(WORDS).replace(/^./, (c) => c.toUpperCase()) : '');
  };
  const num = () => {
    const r = rng.next();
    if (r < 0.4) return String(int(10));
    if (r < 0.7) return String(int(100000));
    if (r < 0.8) return `.${1 + int(99)}`;
    if (r < 0.9) return `0x${int(0xffffff).toString(16)}`;
    return `${1 + int(9)}e${1 + int(5)}`;
  };
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const classes = () => Array.from({ length: 1 + int(5) }, () => `${pick(WORDS)}-${pick(WORDS)}`).join(' ');
  const str = () => {
    const r = rng.next();
    const text =
      r < 0.15
        ? pick(MESSAGES)
        : r < 0.3
          ? classes()
          : r < 0.4
            ? `${pick(URL_PATHS)}/${pick(WORDS)}`
            : r < 0.5
              ? `${pick(WORDS)}.${pick(WORDS)}`
              : r < 0.6
                ? `M${int(24)} ${int(24)}h${int(24)}v${int(24)}l${int(12)}.${int(99)} ${int(12)}.${int(9)}z`
                : words(1 + int(4));
    const q = rng.next();
    if (q < 0.7) return `"${text}"`;
    if (q < 0.85) return `'${text}'`;
    return `\`${text} \${${ident()}.${prop()}}\``;
  };
  const prop = () => (chance(0.1) ? pick(UNDERSCORED) : pick(PROPS));
  const atom = () => {
    const r = rng.next();
    if (r < 0.35) return ident();
    if (r < 0.5) return `${ident()}.${prop()}`;
    if (r < 0.65) return str();
    if (r < 0.8) return num();
    if (r < 0.85) return pick(['!0', '!1', 'null', 'void 0', 'this', '[]', '{}']);
    return `${ident()}[${num()}]`;
  };
  const expr = (depth = 0) => {
    if (depth > 2) return atom();
    const r = rng.next();
    if (r < 0.3) return atom();
    if (r < 0.45)
      return `${atom()}${pick(['+', '-', '*', '/', '===', '!==', '&&', '||', '??', '<', '>=', '|', '&'])}${expr(depth + 1)}`;
    if (r < 0.6) return `${ident()}.${prop()}(${args(depth + 1)})`;
    if (r < 0.7) return `${atom()}?${expr(depth + 1)}:${expr(depth + 1)}`;
    if (r < 0.78) return `(${ident()})=>${expr(depth + 1)}`;
    if (r < 0.86) return `{${Array.from({ length: 1 + int(4) }, () => `${prop()}:${expr(depth + 2)}`).join(',')}}`;
    if (r < 0.93) return `(0,${ident()}.jsx)("${pick(TAGS)}",{className:"${classes()}",children:${expr(depth + 2)}})`;
    return `[${args(depth + 1)}]`;
  };
  const args = (depth) => Array.from({ length: int(4) }, () => expr(depth)).join(',');
  const stmt = () => {
    const r = rng.next();
    if (r < 0.14) return `${chance(0.5) ? 'var' : 'let'} ${ident()}=${expr()},${ident()}=${expr()};`;
    if (r < 0.24) return `const ${ident()}=${expr()};`;
    if (r < 0.34) return `${ident()}.${prop()}=${expr()};`;
    if (r < 0.44) return `function ${ident()}(${ident()},${ident()}){${stmtShort()}${stmtShort()}return ${expr()}}`;
    if (r < 0.52) return `if(${expr()})return ${expr()};`;
    if (r < 0.58) return `${ident()}(${args(0)});`;
    if (r < 0.63) return `case ${num()}:return ${str()};`;
    if (r < 0.67) return `throw new Error(${str()});`;
    if (r < 0.71) {
      const i = ident();
      return `for(let ${i}=0;${i}<${ident()}.length;${i}++)${ident()}.push(${ident()}[${i}]);`;
    }
    if (r < 0.75) return `try{${stmtShort()}}catch(${ident()}){${stmtShort()}}`;
    if (r < 0.78) return `if(!/^[\\w.+-]+@[\\w-]+\\.[a-z]{2,}$/i.test(${ident()}))return ${str()};`;
    if (r < 0.81)
      return `async function ${ident()}(${ident()}){const ${ident()}=await fetch(\`${pick(URL_PATHS)}/\${${ident()}}\`,{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify(${ident()})});return ${ident()}.json()}`;
    if (r < 0.84)
      return `class ${ident()} extends ${ident()}{constructor(${ident()}){super(${ident()}),this.${prop()}=${expr()}}}`;
    if (r < 0.87) return `${ident()}=${ident()}===void 0?${num()}:${ident()};`;
    if (r < 0.89) {
      const json = JSON.stringify(
        Object.fromEntries(Array.from({ length: 2 + int(8) }, () => [pick(WORDS), chance(0.5) ? int(1000) : words(2)]))
      );
      return `const ${ident()}=JSON.parse('${json}');`;
    }
    return `${expr()};`;
  };
  const stmtShort = () => (chance(0.5) ? `${ident()}=${expr(2)};` : `${ident()}.${prop()}(${atom()});`);

  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const base64 = (n) => {
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = B64[int(64)];
    return out.join('');
  };
  const cssRule = () => {
    const r = rng.next();
    const decls = () => Array.from({ length: 1 + int(6) }, () => `${pick(CSS_PROPS)}:${pick(CSS_VALUES)}`).join(';');
    const sel = () =>
      `.${pick(WORDS)}-${pick(WORDS)}${chance(0.3) ? `:${pick(['hover', 'focus', 'disabled', 'active'])}` : ''}`;
    if (r < 0.08)
      return `@media (min-width:${pick([640, 768, 1024, 1280])}px){${sel()}{${decls()}}${sel()}{${decls()}}}`;
    if (r < 0.1) return `@keyframes ${pick(WORDS)}{0%{opacity:0}to{opacity:1}}`;
    if (r < 0.12) return `:root{--${pick(WORDS)}:${pick(CSS_VALUES)};--${pick(WORDS)}:${pick(CSS_VALUES)}}`;
    return `${sel()}${chance(0.3) ? `,${sel()}` : ''}{${decls()}}`;
  };
  const fontFace = () =>
    `@font-face{font-family:${pick(['Inter', 'Roboto Mono', 'KaTeX_Main', 'codicon'])};font-style:normal;font-weight:${pick([400, 500, 600, 700])};font-display:swap;src:url(data:font/woff2;base64,${base64(8000 + int(40000))}) format("woff2")}`;
  const html = () => {
    const r = rng.next();
    const t = pick(TAGS.slice(0, 8));
    if (r < 0.6) return `<${t} class="${classes()}">${words(3 + int(20))}</${t}>\n`;
    if (r < 0.8) return `<a class="${classes()}" href="${pick(URL_PATHS)}/${pick(WORDS)}">${words(1 + int(3))}</a>\n`;
    if (r < 0.9)
      return `<svg viewBox="0 0 24 24" class="${classes()}"><path d="M${int(24)} ${int(24)}h${int(24)}v${int(24)}l${int(12)} ${int(12)}z"/></svg>\n`;
    return `<script>window.__${pick(WORDS).toUpperCase()}__=${JSON.stringify({ [pick(WORDS)]: words(4), [pick(WORDS)]: int(1e6) })}</script>\n`;
  };
  const license = () =>
    `${pick(WORDS)}-${pick(WORDS)}@${int(20)}.${int(30)}.${int(20)}\nMIT License\n\nCopyright (c) ${2010 + int(16)} ${words(2)} contributors\n\n` +
    'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated\n' +
    'documentation files (the "Software"), to deal in the Software without restriction, including without limitation\n' +
    'the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software.\n\n' +
    'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.\n\n---\n\n';
  const localeEntry = () =>
    `  "${pick(WORDS)}.${pick(WORDS)}.${pick(WORDS)}": "${chance(0.3) ? pick(MESSAGES) : words(2 + int(8))}",\n`;
  // A line of original source, JSON-escaped (it sits in sourcesContent).
  const makeSourceLine = () =>
    `${'  '.repeat(int(4))}${pick(['const', 'let', 'export const', 'return', 'if (', '//'])} ${ident()} = ${ident()}.${prop()}(${pick(WORDS)}, \\"${words(2)}\\");\\n`;
  // From a pool: sourcesContent is most of a map's bytes, and nothing reads it.
  const sourceLines = Array.from({ length: 4096 }, () => guard(makeSourceLine()));
  const sourceLine = () => sourceLines[int(sourceLines.length)];
  return {
    next: rng.next,
    sourceLine,
    stmt,
    cssRule,
    fontFace,
    html,
    license,
    localeEntry,
    base64,
    words,
    ident,
    pick,
    int,
    chance
  };
}

// ---------------------------------------------------------------------------
// Writing.

/** Appends text to a file through a 1 MiB buffer; counts bytes and the lines grep -c would count. */
class Out {
  constructor(path) {
    this.fd = openSync(path, 'w');
    this.parts = [];
    this.pending = 0;
    this.bytes = 0;
    /** UTF-16 units written, and the length of every finished line in them (what source map columns count). */
    this.units = 0;
    this.lineStart = 0;
    this.lineLengths = [];
  }
  write(s) {
    this.parts.push(s);
    this.pending += s.length;
    this.bytes += Buffer.byteLength(s);
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) {
      this.lineLengths.push(this.units + i - this.lineStart);
      this.lineStart = this.units + i + 1;
    }
    this.units += s.length;
    if (this.pending >= MIB) this.flush();
  }
  flush() {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.pending = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
    this.lineLengths.push(this.units - this.lineStart);
  }
}

/** Random text never holds a key prefix or a dev host by chance: every one in the tree is put there on purpose. */
function guard(s) {
  if (FORBIDDEN.test(s)) throw new Error(`bundle generator made a key-like string by chance: ${s.match(FORBIDDEN)[0]}`);
  return s;
}

function hashName(rng) {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 8 }, () => A[rng.int(A.length)]).join('');
}

/** The file list with final names (Vite-style content hashes) and sizes scaled to `totalBytes` of scanned files. */
/**
 * A `next build` client output (`.next/static`): about 180 minified single-line chunks of ~0.5 MiB each (Next.js
 * splits the client code into many small chunks, where Vite writes a few large ones), the CSS, and the JSON and
 * text files beside them. Next.js writes no browser source maps by default (productionBrowserSourceMaps), so none.
 */
const NEXT_CHUNKS = 180;
const NEXT_CSS = [2600, 900, 400, 120];
const NEXT_OTHER = [
  ['build-manifest.json', 60, 'vite-manifest'],
  ['app-build-manifest.json', 120, 'vite-manifest'],
  ['react-loadable-manifest.json', 30, 'vite-manifest'],
  ['locales/en.json', 220, 'locale'],
  ['locales/de.json', 240, 'locale'],
  ['chunks/licenses.txt', 500, 'licenses']
];

function planNext(seed, totalBytes) {
  const names = createRng(`${seed}:bundle-next-names`);
  const files = [];
  for (let i = 0; i < NEXT_CHUNKS; i++) {
    const f = { name: `chunk${i}`, kib: 540, lines: 'single', kind: 'js', path: `chunks/${hashName(names)}.js` };
    if (i === 3 || i === 97) f.clerk = [0.4];
    if (i === 151) f.planted = 0.9;
    files.push(f);
  }
  NEXT_CSS.forEach((kib, i) => files.push({ name: `css${i}`, kib, kind: 'css', path: `css/${hashName(names)}.css` }));
  for (const [path, kib, kind] of NEXT_OTHER) files.push({ path, kib, kind });
  const scale = totalBytes / files.reduce((s, f) => s + f.kib * 1024, 0);
  for (const f of files) f.bytes = Math.max(64, Math.round(f.kib * 1024 * scale));
  return { files, extra: [] };
}

/**
 * Source-map memory: 6 chunks of about 6 MiB, each holding the development key (so the gate reads every map, for the
 * findings' original positions) and a map of about 16 MiB (writeMap: `mappings` 1.4× the chunk, `sourcesContent`
 * 1.2×). The tree is `MAP_CHUNKS × 6.2 MiB` of scanned files.
 */
export const MAP_CHUNKS = 6;
export const MAP_TREE_MIB = 37;

function planMaps(seed, totalBytes) {
  const names = createRng(`${seed}:bundle-maps-names`);
  const files = [];
  for (let i = 0; i < MAP_CHUNKS; i++) {
    const path = `assets/chunk${i}-${hashName(names)}.js`;
    files.push({ name: `chunk${i}`, kib: 1, lines: 'single', planted: 0.5, kind: 'js', path, map: `${path}.map` });
  }
  for (const f of files) f.bytes = Math.round(totalBytes / MAP_CHUNKS);
  return { files, extra: [] };
}

function plan(seed, totalBytes, shape = 'vite') {
  if (shape === 'next') return planNext(seed, totalBytes);
  if (shape === 'maps') return planMaps(seed, totalBytes);
  const names = createRng(`${seed}:bundle-names`); // the same names in every tree, only the sizes differ
  const files = [];
  for (const f of JS_FILES) files.push({ ...f, kind: 'js', path: `assets/${f.name}-${hashName(names)}.js` });
  for (const f of MJS_FILES) files.push({ ...f, kind: 'js', path: `assets/${f.name}-${hashName(names)}.mjs` });
  for (const f of CSS_FILES) files.push({ ...f, kind: 'css', path: `assets/${f.name}-${hashName(names)}.css` });
  for (const p of PAGES) files.push({ ...p, kind: 'html' });
  for (const [path, kib, kind] of OTHER) files.push({ path, kib, kind });
  const scale = totalBytes / files.reduce((s, f) => s + f.kib * 1024, 0);
  for (const f of files) f.bytes = Math.max(64, Math.round(f.kib * 1024 * scale));
  for (const f of files) if (f.kind === 'js' || f.kind === 'css') f.map = `${f.path}.map`;
  const extra = [];
  for (const [path, kib] of BINARY) extra.push({ path, bytes: Math.round(kib * 1024 * scale), kind: 'binary' });
  return { files, extra };
}

function writeJs(out, m, f) {
  const marks = [...(f.clerk ?? []).map((at) => ({ at, text: CLERK_SDK, what: 'clerk' }))];
  if (f.planted !== undefined) {
    marks.push({
      at: f.planted,
      text: `const Zp="${PLANTED_KEY}";if(!Zp)throw new Error("Missing Publishable Key");`,
      what: 'planted'
    });
  }
  marks.sort((a, b) => a.at - b.at);
  const newline = f.lines === 'multi' ? 0.12 : 0;
  out.write(`/*! ${f.name} | (c) ${m.words(2)} | MIT */\n`);
  let planted;
  while (out.bytes < f.bytes) {
    while (marks.length && out.bytes >= marks[0].at * f.bytes) {
      const mark = marks.shift();
      if (mark.what === 'planted') planted = { offset: out.bytes };
      out.write(mark.text);
    }
    out.write(guard(m.stmt()));
    if (newline && m.chance(newline)) out.write('\n');
  }
  for (const mark of marks) out.write(mark.text); // a tiny tree: still every mark, at the end
  if (f.map) out.write(`\n//# sourceMappingURL=${f.map.split('/').pop()}`);
  return planted;
}

function writeCss(out, m, f) {
  while (out.bytes < f.bytes) out.write(guard(f.fonts && m.chance(0.5) ? m.fontFace() : m.cssRule()));
  if (f.map) out.write(`\n/*# sourceMappingURL=${f.map.split('/').pop()} */`);
}

function writeHtml(out, m, f, files) {
  const js = files.filter((x) => x.kind === 'js' && x.path.endsWith('.js'));
  const css = files.filter((x) => x.kind === 'css');
  out.write(
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="UTF-8" />\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n' +
      `<title>${m.words(3)}</title>\n` +
      `<script type="module" crossorigin src="/${js[0].path}"></script>\n` +
      js
        .slice(1, 6)
        .map((x) => `<link rel="modulepreload" crossorigin href="/${x.path}">\n`)
        .join('') +
      `<link rel="stylesheet" crossorigin href="/${css[0].path}">\n</head>\n<body>\n<div id="root">\n`
  );
  while (out.bytes < f.bytes - 40) out.write(guard(m.html()));
  out.write('</div>\n</body>\n</html>\n');
}

function writeOther(out, m, f, files) {
  if (f.kind === 'vite-manifest') {
    out.write('{\n');
    let i = 0;
    while (out.bytes < f.bytes) {
      const x = files[i++ % files.length];
      out.write(
        `${i > 1 ? ',\n' : ''}  "src/${m.words(1)}/${m.ident()}${i}.tsx": {\n    "file": "${x.path}",\n` +
          `    "name": "${x.name ?? m.words(1)}",\n    "src": "src/${m.words(1)}.tsx",\n    "isDynamicEntry": ${m.chance(0.5)},\n` +
          `    "imports": [\n      "_${m.words(1)}-${m.base64(8).replace(/[+/]/g, 'x')}.js"\n    ]\n  }`
      );
    }
    out.write('\n}\n');
  } else if (f.kind === 'webmanifest') {
    out.write(
      `${JSON.stringify({ name: 'Acme', short_name: 'Acme', start_url: '/', display: 'standalone', icons: [{ src: '/favicon.ico', sizes: '64x64' }] }, null, 2)}\n`
    );
  } else if (f.kind === 'locale') {
    out.write('{\n');
    while (out.bytes < f.bytes) out.write(guard(m.localeEntry()));
    out.write('  "end": ""\n}\n');
  } else if (f.kind === 'licenses') {
    while (out.bytes < f.bytes) out.write(guard(m.license()));
  } else if (f.kind === 'robots') {
    out.write('User-agent: *\nAllow: /\nSitemap: https://example.com/sitemap.xml\n');
  }
}

const VLQ_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VLQ_SMALL = 4096;
const vlqTable = [];
function vlq(n) {
  if (n > -VLQ_SMALL && n < VLQ_SMALL) return (vlqTable[n + VLQ_SMALL] ??= vlqEncode(n));
  return vlqEncode(n);
}
function vlqEncode(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += VLQ_CHARS[digit];
  } while (v > 0);
  return out;
}

/**
 * The source map of a built file whose lines are `lineLengths` long (UTF-16 units): segments spread over every line
 * in proportion to its length, generated columns inside the line, sources, lines and columns moving as a
 * bundler's do; then `sourcesContent`. Written in pieces: a map of a 10 MB chunk is ~25 MB.
 */
function writeMap(out, m, f, built, lineLengths) {
  const sources = Array.from(
    { length: 8 + m.int(40) },
    (_, i) =>
      `../../${i % 3 ? `node_modules/${m.words(1)}-${m.words(1)}/dist/index.mjs` : `src/${m.words(1)}/${m.ident()}${i}.tsx`}`
  );
  out.write(
    `{"version":3,"file":"${f.path.split('/').pop()}","sources":${JSON.stringify(sources)},` +
      `"names":["${Array.from({ length: 500 }, () => m.ident()).join('","')}"],"mappings":"`
  );
  const total = lineLengths.reduce((a, b) => a + b, 0);
  const segments = Math.max(1, Math.round((built.bytes * MAPPINGS_RATIO) / MAP_SEGMENT_CHARS));
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  for (let line = 0; line < lineLengths.length; line++) {
    if (line > 0) out.write(';');
    const len = lineLengths[line];
    const n = Math.round((segments * len) / Math.max(1, total));
    const parts = [];
    let wrote = false;
    const flush = () => {
      if (parts.length) out.write((wrote ? ',' : '') + parts.join(','));
      wrote ||= parts.length > 0;
      parts.length = 0;
    };
    let col = 0;
    for (let i = 0; i < n; i++) {
      const next = Math.min(len - 1, Math.floor(((i + m.next()) * len) / n));
      if (next < col || (i > 0 && next === col)) continue;
      const dSrc = m.chance(0.002) ? m.int(sources.length) - src : 0;
      const dLine = dSrc ? -srcLine + m.int(50) : m.chance(0.3) ? Math.max(-srcLine, m.int(5) - 2) : 0;
      const dCol = m.int(60) - 30;
      let seg = vlq(next - col) + vlq(dSrc) + vlq(dLine) + vlq(Math.max(-srcCol, dCol));
      src += dSrc;
      srcLine = Math.max(0, srcLine + dLine);
      srcCol = Math.max(0, srcCol + dCol);
      if (m.chance(0.25)) {
        const dName = m.int(100) - 50;
        seg += vlq(Math.max(-name, Math.min(499 - name, dName)));
        name = Math.max(0, Math.min(499, name + dName));
      }
      col = next;
      parts.push(seg);
      if (parts.length >= 8192) flush();
    }
    flush();
  }
  out.write('","sourcesContent":[');
  const contentBytes = built.bytes * SOURCES_CONTENT_RATIO;
  const per = contentBytes / sources.length;
  for (let i = 0; i < sources.length; i++) {
    out.write(i ? ',"' : '"');
    const end = out.bytes + per;
    while (out.bytes < end) out.write(m.sourceLine());
    out.write('"');
  }
  out.write(']}\n');
}

/** Any edit to this generator regenerates the trees, even one that forgot to bump BUNDLE_GENERATOR_VERSION. */
const GENERATOR_DIGEST = createHash('sha256')
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex')
  .slice(0, 16);

function manifestPath(name) {
  return join(TREES_DIR, `${name}.manifest.json`);
}

function readManifest(name) {
  try {
    return JSON.parse(readFileSync(manifestPath(name), 'utf8'));
  } catch {
    return undefined;
  }
}

function generate(name, params) {
  const { files, extra } = plan(params.seed, params.scannedTarget, params.shape);
  const finalDir = join(TREES_DIR, name);
  const tmpDir = join(TREES_DIR, `.tmp-${name}-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  const m = makers(
    createRng(`${params.seed}:bundle:${params.shape === 'vite' ? '' : `${params.shape}:`}${params.scannedTarget}`)
  );
  let scannedBytes = 0;
  let planted;
  let largest = { path: '', bytes: 0 };
  const fileRows = [];
  for (const f of [...files, ...extra]) {
    const abs = join(tmpDir, f.path);
    mkdirSync(dirname(abs), { recursive: true });
    if (f.kind === 'binary') {
      const fd = openSync(abs, 'w');
      for (let left = f.bytes; left > 0;) {
        const b = Buffer.allocUnsafe(Math.min(65536, left));
        for (let i = 0; i < b.length; i++) b[i] = m.int(256);
        writeSync(fd, b);
        left -= b.length;
      }
      closeSync(fd);
      fileRows.push({ path: f.path, bytes: f.bytes, scanned: false });
      continue;
    }
    const out = new Out(abs);
    if (f.kind === 'js') {
      const p = writeJs(out, m, f);
      if (p) planted = { path: f.path, offset: p.offset };
    } else if (f.kind === 'css') writeCss(out, m, f);
    else if (f.kind === 'html') writeHtml(out, m, f, files);
    else writeOther(out, m, f, files);
    out.close();
    if (f.map) {
      const mapOut = new Out(join(tmpDir, f.map));
      writeMap(mapOut, m, f, out, out.lineLengths);
      mapOut.close();
      fileRows.push({ path: f.map, bytes: mapOut.bytes, scanned: false });
    }
    fileRows.push({ path: f.path, bytes: out.bytes, scanned: true });
    scannedBytes += out.bytes;
    if (out.bytes > largest.bytes) largest = { path: f.path, bytes: out.bytes };
  }
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(tmpDir, finalDir);
  const scannedRows = fileRows.filter((r) => r.scanned);
  const manifest = {
    ...params,
    files: scannedRows.length,
    scannedBytes,
    otherFiles: fileRows.length - scannedRows.length,
    otherBytes: fileRows.filter((r) => !r.scanned).reduce((s, r) => s + r.bytes, 0),
    largest,
    planted: { key: PLANTED_KEY, ...planted },
    fileList: fileRows,
    generatedAt: new Date().toISOString()
  };
  writeFileSync(manifestPath(name), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** A bundle tree of `mib` MiB of scanned files; generated when missing or out of date. */
export function ensureBundleTree(
  mib,
  { seed = DEFAULT_SEED, force = false, log = console.error, shape = 'vite' } = {}
) {
  const name = bundleTreeName(mib, shape);
  const params = { version: BUNDLE_GENERATOR_VERSION, digest: GENERATOR_DIGEST, seed, scannedTarget: mib * MIB, shape };
  const existing = readManifest(name);
  const dir = join(TREES_DIR, name);
  if (
    !force &&
    existsSync(dir) &&
    existing &&
    existing.version === params.version &&
    existing.digest === params.digest &&
    existing.seed === params.seed &&
    existing.scannedTarget === params.scannedTarget &&
    (existing.shape ?? 'vite') === params.shape
  ) {
    return { dir, manifest: existing, generated: false };
  }
  mkdirSync(TREES_DIR, { recursive: true });
  const t0 = performance.now();
  const manifest = generate(name, params);
  log(
    `generated ${relative(ROOT_DIR, dir)}: ${manifest.files} scanned files, ${(manifest.scannedBytes / MIB).toFixed(1)} MiB ` +
      `(+ ${manifest.otherFiles} others, ${(manifest.otherBytes / MIB).toFixed(1)} MiB) (${((performance.now() - t0) / 1000).toFixed(1)} s)`
  );
  return { dir, manifest, generated: true };
}

// ---------------------------------------------------------------------------
// The lower bound of a bundle scan in Node: walk DIR, read every file the gate scans through one reused 1 MiB
// buffer, and find the scanner's two anchors with single-byte Buffer.indexOf (memchr) passes: `_` after `test` or
// `live`, `v` after `.de` (src/artifacts/byte-scanner.ts). No token spans, positions, classification, source maps or
// report: whatever the gate costs beyond this is that work and its own start-up. Prints {files, bytes, anchors}.

export function scanFloor(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && SCANNED_EXTENSIONS.includes(extname(e.name))) files.push(p);
    }
  };
  walk(dir);
  const buf = Buffer.allocUnsafe(MIB);
  let bytes = 0;
  let anchors = 0;
  for (const file of files) {
    const fd = openSync(file, 'r');
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) {
      bytes += n;
      const b = n === buf.length ? buf : buf.subarray(0, n);
      for (let p = b.indexOf(0x5f, 4); p !== -1; p = b.indexOf(0x5f, p + 1)) {
        // `test_` / `live_`
        const t = b[p - 4] === 0x74 && b[p - 3] === 0x65 && b[p - 2] === 0x73 && b[p - 1] === 0x74;
        if (t || (b[p - 4] === 0x6c && b[p - 3] === 0x69 && b[p - 2] === 0x76 && b[p - 1] === 0x65)) anchors++;
      }
      for (let p = b.indexOf(0x76, 3); p !== -1; p = b.indexOf(0x76, p + 1)) {
        if (b[p - 1] === 0x65 && b[p - 2] === 0x64 && b[p - 3] === 0x2e) anchors++; // `.dev`
      }
    }
    closeSync(fd);
  }
  return { files: files.length, bytes, anchors };
}

// ---------------------------------------------------------------------------

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args[0] === '--floor') {
    process.stdout.write(`${JSON.stringify(scanFloor(args[1]))}\n`);
    process.exit(0);
  }
  const force = args.includes('--force');
  const shape = args.includes('--next') ? 'next' : args.includes('--maps') ? 'maps' : 'vite';
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  for (const mib of sizes.length ? sizes : [...BUNDLE_SIZES_MIB].reverse()) {
    const r = ensureBundleTree(mib, { force, shape });
    if (!r.generated) console.error(`up to date: ${relative(ROOT_DIR, r.dir)} (${r.manifest.files} scanned files)`);
  }
}
