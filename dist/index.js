import * as os from 'os';
import os__default, { EOL } from 'os';
import { openSync, readSync, closeSync, constants as constants$1, fstatSync, statSync, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fs from 'fs';
import { promises, constants } from 'fs';
import 'path';
import { writeFile as writeFile$1 } from 'node:fs/promises';
import path, { resolve, join, relative } from 'node:path';
import { isUtf8 } from 'node:buffer';

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

/**
 * A random (version 4) UUID, from the kernel's generator through /dev/urandom where there is one (the Linux and
 * macOS runners), else from node:crypto. Loading node:crypto (and Web Crypto) costs about 8 ms of every action
 * run's start-up, reading 16 bytes a fraction of a millisecond (bench/README.md). The tokens that keep echoed text
 * from ending a `::stop-commands::` block or an output's heredoc must be unguessable, so never Math.random.
 */
const UUID_BYTES = 16;
/** Bytes read at a time: one read for the run's few tokens, as node:crypto keeps a cache of 128 UUIDs' worth. */
const POOL_BYTES = UUID_BYTES * 16;
let pool;
function randomUUID(source = '/dev/urandom') {
    const bytes = takeBytes(source);
    if (!bytes)
        return createRequire(import.meta.url)('node:crypto').randomUUID();
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** 16 bytes from `source` not given out before, or undefined when it cannot be opened or gives too few. */
function takeBytes(source) {
    if (pool?.source !== source || pool.used === POOL_BYTES) {
        const bytes = kernelBytes(source);
        pool = bytes && { source, bytes, used: 0 };
        if (!pool)
            return undefined;
    }
    pool.used += UUID_BYTES;
    return pool.bytes.subarray(pool.used - UUID_BYTES, pool.used);
}
/** POOL_BYTES read from `source`, or undefined when it cannot be opened or gives fewer. */
function kernelBytes(source) {
    let fd;
    try {
        fd = openSync(source, 'r');
    }
    catch {
        return undefined;
    }
    try {
        const bytes = Buffer.alloc(POOL_BYTES);
        return readSync(fd, bytes, 0, POOL_BYTES, null) === POOL_BYTES ? bytes : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        closeSync(fd);
    }
}

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile } = promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, constants.R_OK | constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
os__default.platform();
os__default.arch();

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
}

/**
 * Redacts a value for display as prefix + `…` + last 4.
 * The prefix is a known non-secret key prefix (`sk_live_`, `pk_test_`, `rk_live_`, `whsec_`, `test_`, `live_`),
 * and nothing at all for other values. Short values are fully masked: showing the last 4 characters
 * of an 8-character secret would reveal half of it.
 */
const KNOWN_PREFIXES = [
    'sk_live_',
    'sk_test_',
    'pk_live_',
    'pk_test_',
    'rk_live_',
    'rk_test_',
    'whsec_',
    'live_',
    'test_',
    'ak_'
];
const MIN_LENGTH_FOR_TAIL = 16;
function redact(value) {
    if (value === '')
        return '(empty)';
    const prefix = KNOWN_PREFIXES.find((p) => value.startsWith(p)) ?? '';
    const rest = value.slice(prefix.length);
    if (rest.length < MIN_LENGTH_FOR_TAIL)
        return `${prefix}…`;
    return `${prefix}…${rest.slice(-4)}`;
}
/** A key-shaped run anywhere in a text: publishable, secret, webhook, Platform API and 2021-era keys. */
const KEY_SHAPED = /(sk|pk|rk)_(test|live)_[A-Za-z0-9+/=]{8,}|whsec_[A-Za-z0-9+/]{8,}|\bak_[A-Za-z0-9]{8,}|\b(test|live)_[A-Za-z0-9]{16,}/g;
/** Any other long unbroken token (another service's key, a signed value): shown as `…` + last 4 at most. */
const LONG_TOKEN = /[A-Za-z0-9+/=_-]{32,}/g;
/** Every key-shaped run in a free text redacted (prefix + … + last 4), and other long tokens too. */
function redactKeysIn(text) {
    return text.replace(KEY_SHAPED, (key) => redact(key)).replace(LONG_TOKEN, (token) => redact(token));
}

/**
 * The one scrubber: takes every secret of the run (Clerk secret and publishable keys, the Platform API key, the
 * GitHub, Vercel and Netlify tokens, the Vercel bypass secret) out of text a server, an SDK or the network stack
 * produced, before any of it reaches a message. Each secret is found as it is, percent-encoded, and in base64
 * (standard and URL-safe, at any alignment inside a longer base64 text, such as a Basic credential); each occurrence
 * becomes the secret's redacted form (prefix + `…` + last 4). `Bearer`/`Basic` credentials become CREDENTIAL_HIDDEN
 * whatever they hold. Display redaction of values the gate reports is core/redact.ts.
 */
const CREDENTIAL_HIDDEN = '[token hidden]';
/** Secrets shorter than this are not searched for: too likely to match ordinary text. */
const MIN_SECRET_LENGTH$1 = 8;
/** The base64 text that encodes `secret` wherever it starts inside longer data: one core per byte alignment. */
function base64Cores(secret) {
    const cores = [];
    for (let shift = 0; shift < 3; shift++) {
        const text = Buffer.concat([Buffer.alloc(shift), secret]).toString('base64');
        // Only whole 3-byte groups made of the secret's bytes alone: the first group holds `shift` foreign bytes.
        const firstGroup = shift === 0 ? 0 : 1;
        const lastGroup = Math.floor((shift + secret.length) / 3);
        const core = text.slice(firstGroup * 4, lastGroup * 4);
        if (core.length >= 8)
            cores.push(core);
    }
    return cores;
}
/** Every form of one secret to look for, longest first. */
function formsOf(secret) {
    const forms = new Set([secret, encodeURIComponent(secret)]);
    for (const core of base64Cores(Buffer.from(secret, 'utf8'))) {
        forms.add(core);
        forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    return [...forms].sort((a, b) => b.length - a.length);
}
/** A `Bearer`/`Basic` credential (RFC 7235 token68), unless it is already a redacted form (`sk_live_…1234`). */
const CREDENTIAL = /\b(bearer|basic)(\s+)[A-Za-z0-9._~+/-]{8,}=*(?![…A-Za-z0-9._~+/=-])/gi;
function secretForms(secret) {
    return { length: secret.length, shown: redact(secret), forms: formsOf(secret) };
}
/** Longer secrets first: one that holds another (a URL and its password) is replaced whole. */
function scrubForms(text, secrets) {
    let out = text;
    const longestFirst = [...secrets].sort((a, b) => b.length - a.length);
    for (const { shown, forms } of longestFirst)
        for (const form of forms)
            out = out.split(form).join(shown);
    return out.replace(CREDENTIAL, `$1$2${CREDENTIAL_HIDDEN}`);
}
/**
 * The run's scrubber: every secret of the run in one place. The shell creates it with the secrets it was given
 * (the GitHub, Vercel and Netlify tokens, the bypass secret) and hands it down; the gate adds each secret it finds
 * (Clerk keys, the Platform API key, any other secret variable) as it finds it. Every path that turns text from
 * outside (a server's answer, an SDK's or the network stack's error) into a message goes through `scrub` or
 * `scrubDeep`, so an answer from one service that echoes another service's secret shows it redacted.
 */
class Scrubber {
    /** Each secret with its forms, worked out once. */
    known = new Map();
    constructor(secrets = []) {
        this.add(secrets);
    }
    /** The run's scrubber when there is one (a new one otherwise), knowing `secrets` too. */
    static of(scrubber, secrets) {
        const chosen = scrubber ?? new Scrubber();
        chosen.add(secrets);
        return chosen;
    }
    /** More secrets of the run; empty and short values are ignored (see MIN_SECRET_LENGTH). */
    add(secrets) {
        for (const secret of secrets) {
            if (secret !== undefined && secret.length >= MIN_SECRET_LENGTH$1 && !this.known.has(secret)) {
                this.known.set(secret, secretForms(secret));
            }
        }
    }
    /** `text` without any form of any secret known so far. */
    scrub(text) {
        return scrubForms(text, this.known.values());
    }
    /** A deep copy of an SDK's error without credentials or any form of a secret (see `scrubDeep`). */
    scrubDeep(value) {
        return deepCopy(value, (text) => this.scrub(text));
    }
}
const AUTH_KEYS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-vercel-protection-bypass)$/i;
/** The walk behind `scrubDeep`: each secret's forms are worked out once, not again for every string. */
function deepCopy(value, scrubText) {
    const seen = new WeakSet();
    const walk = (item, depth) => {
        if (typeof item === 'string')
            return scrubText(item);
        if (item === null || typeof item !== 'object')
            return typeof item === 'function' ? undefined : item;
        if (seen.has(item) || depth > 8)
            return '[…]';
        seen.add(item);
        if (item instanceof URL)
            return scrubText(item.href);
        if (typeof Headers !== 'undefined' && item instanceof Headers) {
            return walk(Object.fromEntries(item.entries()), depth + 1);
        }
        if (Array.isArray(item))
            return item.slice(0, 100).map((entry) => walk(entry, depth + 1));
        return walkObject(item, (entry) => walk(entry, depth + 1));
    };
    return walk(value, 0);
}
function walkObject(item, walk) {
    const out = {};
    // An Error's message, name, stack and cause are not enumerable: take them explicitly.
    const keys = new Set(Object.keys(item));
    // (An error from another realm, such as fetch's under a test runner's VM, is not `instanceof Error`.)
    if (item instanceof Error || Object.prototype.toString.call(item) === '[object Error]') {
        for (const key of ['name', 'message', 'stack', 'cause'])
            keys.add(key);
    }
    for (const key of keys) {
        if (AUTH_KEYS.test(key)) {
            out[key] = CREDENTIAL_HIDDEN;
            continue;
        }
        let entry;
        try {
            entry = item[key];
        }
        catch {
            continue;
        }
        const copied = walk(entry);
        if (copied !== undefined)
            out[key] = copied;
    }
    return out;
}

/**
 * A problem with what the user gave us (missing file, broken JSON, malformed dotenv, unknown option).
 * Shells print `message` as one line and exit with code 2; no stack trace is ever shown.
 * Messages name the file and line (or the endpoint) and never include a scanned value.
 */
class InputError extends Error {
    name = 'InputError';
}
const EXIT_PASSED = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
/**
 * One line, no stack. Unexpected errors say so, since they are bugs to report. An error's text may quote an outside
 * answer: every secret the run's scrubber knows is taken out (without one, Bearer/Basic credentials still are).
 */
function describeError(error, scrubber = new Scrubber()) {
    if (error instanceof InputError)
        return scrubber.scrub(error.message);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return scrubber.scrub(`internal error: ${message} (please report this)`);
}

function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}

const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-34028234663852886e22, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own$1(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own$1(inst, key, value, false);
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own$1(this, key, fn.bind(this));
        },
        set(value) {
            own$1(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}

var _a;
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    return globalConfig;
}

/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodRealError = $constructor("$ZodError", initializer, undefined, {
    Parent: Error,
});

const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);

// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const number$1 = /^-?\d+(?:\.\d+)?$/;
const boolean$1 = /^(?:true|false)$/i;

// import { $ZodType } from "./schemas.js";
const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ $constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ $constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ $constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own$1(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}
const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number$1;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ $constructor("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ $constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = boolean$1;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
});
const $ZodUnknown = /*@__PURE__*/ $constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ $constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject$1 = isObject;
    const catchall = def.catchall;
    let value;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    assignProp(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
});
const $ZodTuple = /*@__PURE__*/ $constructor("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = aborted(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (aborted(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
});
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...prefixIssues(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ $constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && number$1.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
});
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ $constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(issue(_iss));
    }
}

function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _positive(params) {
    return _gt(0, params);
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}

const ZodMiniType = /*@__PURE__*/ $constructor("ZodMiniType", (inst, def) => {
    if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
}, {
    // `with` is an alias for `check`: the same function object, not a wrapper.
    get with() {
        return this.check;
    },
    set with(value) {
        own$1(this, "with", value);
    },
    parse(data, params) {
        return parse(this, data, params, { callee: this.parse });
    },
    parseAsync(data, params) {
        return parseAsync(this, data, params, { callee: this.parseAsync });
    },
    safeParse(data, params) {
        return safeParse(this, data, params);
    },
    safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
    },
    check(...checks) {
        const def = this.def;
        return this.clone({
            ...def,
            checks: [
                ...(def.checks ?? []),
                ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }, { parent: true });
    },
    clone(_def, params) {
        return clone(this, _def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
});
const ZodMiniString = /*@__PURE__*/ $constructor("ZodMiniString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string(params) {
    return _string(ZodMiniString, params);
}
const ZodMiniNumber = /*@__PURE__*/ $constructor("ZodMiniNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number(params) {
    return _number(ZodMiniNumber, params);
}
const ZodMiniNumberFormat = /*@__PURE__*/ $constructor("ZodMiniNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodMiniNumber.init(inst, def);
});
function int(params) {
    return _int(ZodMiniNumberFormat, params);
}
const ZodMiniBoolean = /*@__PURE__*/ $constructor("ZodMiniBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean(params) {
    return _boolean(ZodMiniBoolean, params);
}
const ZodMiniUnknown = /*@__PURE__*/ $constructor("ZodMiniUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
    return _unknown(ZodMiniUnknown);
}
const ZodMiniNever = /*@__PURE__*/ $constructor("ZodMiniNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
    return _never(ZodMiniNever, params);
}
const ZodMiniArray = /*@__PURE__*/ $constructor("ZodMiniArray", (inst, def) => {
    $ZodArray.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
    return new ZodMiniArray({
        type: "array",
        element: element,
        ...normalizeParams(params),
    });
}
const ZodMiniObject = /*@__PURE__*/ $constructor("ZodMiniObject", (inst, def) => {
    $ZodObject.init(inst, def);
    ZodMiniType.init(inst, def);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...normalizeParams(params),
    };
    return new ZodMiniObject(def);
}
// strictObject
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
    return new ZodMiniObject({
        type: "object",
        shape,
        catchall: never(),
        ...normalizeParams(params),
    });
}
// looseObject
// @__NO_SIDE_EFFECTS__
function looseObject(shape, params) {
    return new ZodMiniObject({
        type: "object",
        shape,
        catchall: unknown(),
        ...normalizeParams(params),
    });
}
const ZodMiniUnion = /*@__PURE__*/ $constructor("ZodMiniUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
    return new ZodMiniUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodMiniDiscriminatedUnion = /*@__PURE__*/ $constructor("ZodMiniDiscriminatedUnion", (inst, def) => {
    $ZodDiscriminatedUnion.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function discriminatedUnion(discriminator, options, params) {
    return new ZodMiniDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...normalizeParams(params),
    });
}
const ZodMiniTuple = /*@__PURE__*/ $constructor("ZodMiniTuple", (inst, def) => {
    $ZodTuple.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof $ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodMiniTuple({
        type: "tuple",
        items: items,
        rest,
        ...normalizeParams(params),
    });
}
const ZodMiniRecord = /*@__PURE__*/ $constructor("ZodMiniRecord", (inst, def) => {
    $ZodRecord.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodMiniRecord({
            type: "record",
            keyType: string(),
            valueType: keyType,
            ...normalizeParams(valueType),
        });
    }
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...normalizeParams(params),
    });
}
const ZodMiniEnum = /*@__PURE__*/ $constructor("ZodMiniEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodMiniType.init(inst, def);
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodMiniEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}
const ZodMiniLiteral = /*@__PURE__*/ $constructor("ZodMiniLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
    return new ZodMiniLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...normalizeParams(params),
    });
}
const ZodMiniOptional = /*@__PURE__*/ $constructor("ZodMiniOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
    return new ZodMiniOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodMiniNullable = /*@__PURE__*/ $constructor("ZodMiniNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
    return new ZodMiniNullable({
        type: "nullable",
        innerType: innerType,
    });
}
const ZodMiniCustom = /*@__PURE__*/ $constructor("ZodMiniCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodMiniType.init(inst, def);
});
// refine
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
    return _refine(ZodMiniCustom, fn, _params);
}

/**
 * A string-keyed memo for pure functions of names or values that repeat from file to file (variable names,
 * `/sign-in`, a project's domain): a map lookup instead of regular expressions or URL parsing each time.
 * Bounded, so a huge or hostile tree cannot grow it forever.
 */
function memo(compute, limit = 10_000) {
    const cache = new Map();
    return (key) => {
        if (cache.has(key))
            return cache.get(key);
        const result = compute(key);
        if (cache.size >= limit)
            cache.clear();
        cache.set(key, result);
        return result;
    };
}
/**
 * A value built on first use and kept: for zod schemas that only some runs need, so a run that does not use
 * them does not pay for building them at start-up.
 */
function once(build) {
    let value;
    return () => (value ??= { built: build() }).built;
}

/**
 * The one way the gate reads a file from disk: only a regular file (whether named directly or through a symbolic
 * link), never more than a cap. A FIFO, socket or device file (`/dev/zero`, `/dev/stdin`) would block the run or
 * read without end, so it is refused with the reason. The file is opened with O_NONBLOCK, so opening a FIFO does
 * not wait for a writer, and its type is taken from the opened descriptor (`fstat`), so a path swapped between a
 * check and the open cannot slip a device in.
 */
class UnreadableFile extends Error {
    reason;
    code;
    name = 'UnreadableFile';
    constructor(
    /** Why, in words: `a FIFO (named pipe), not a regular file`, `permission denied`. */
    reason, 
    /** The errno code when the system refused it (`ENOENT`, `EACCES`); none when it is not a regular file. */
    code) {
        super(reason);
        this.reason = reason;
        this.code = code;
    }
    /** Nothing is there (or a path component is not a directory): for files the gate only looks for. */
    get missing() {
        return this.code === 'ENOENT' || this.code === 'ENOTDIR';
    }
}
/** What is at a path that is not a regular file, in words; undefined for a regular file. */
function notRegularFile(stats) {
    if (stats.isFile())
        return undefined;
    if (stats.isDirectory())
        return 'is a directory';
    if (stats.isFIFO())
        return 'a FIFO (named pipe), not a regular file';
    if (stats.isSocket())
        return 'a socket, not a regular file';
    if (stats.isCharacterDevice() || stats.isBlockDevice())
        return 'a device file, not a regular file';
    return 'not a regular file';
}
/** Why a file or directory could not be read, from its error code, in words. */
function readFailure(code) {
    switch (code) {
        case 'ENOENT':
            return 'no such file or directory';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EISDIR':
            return 'is a directory';
        case 'ELOOP':
            return 'too many levels of symbolic links';
        default:
            return `cannot read (${code ?? 'unknown error'})`;
    }
}
/**
 * Opens `abs` for reading when it is a regular file; the caller closes the descriptor. Throws UnreadableFile.
 */
function openRegularFile(abs) {
    let fd;
    try {
        fd = openSync(abs, constants$1.O_RDONLY | constants$1.O_NONBLOCK);
    }
    catch (error) {
        const code = error.code;
        // A socket cannot be opened at all (ENXIO): say what it is.
        const kind = code === 'ENXIO' ? kindAt(abs) : undefined;
        if (kind !== undefined)
            throw new UnreadableFile(kind);
        throw new UnreadableFile(readFailure(code), code);
    }
    try {
        const stats = fstatSync(fd);
        const why = notRegularFile(stats);
        if (why !== undefined)
            throw new UnreadableFile(why, why === 'is a directory' ? 'EISDIR' : undefined);
        return { fd, size: stats.size };
    }
    catch (error) {
        closeSync(fd);
        if (error instanceof UnreadableFile)
            throw error;
        throw new UnreadableFile(readFailure(error.code), error.code);
    }
}
function kindAt(abs) {
    try {
        return notRegularFile(statSync(abs));
    }
    catch {
        return undefined;
    }
}
/** Up to `maxBytes` of the regular file at `abs`; throws UnreadableFile (see openRegularFile). */
function readRegularFile(abs, maxBytes) {
    const { fd, size } = openRegularFile(abs);
    try {
        // One byte past the cap tells a file over it. fstat's size only sizes the first buffer: a file may grow.
        let bytes = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
        let filled = 0;
        for (;;) {
            if (filled === bytes.length) {
                if (filled > maxBytes)
                    return { bytes: bytes.subarray(0, maxBytes), overCap: true };
                const larger = Buffer.allocUnsafe(Math.min(bytes.length * 2, maxBytes + 1));
                bytes.copy(larger, 0, 0, filled);
                bytes = larger;
            }
            const n = readSync(fd, bytes, filled, bytes.length - filled, null);
            if (n === 0)
                return { bytes: bytes.subarray(0, filled), overCap: false };
            filled += n;
        }
    }
    catch (error) {
        throw new UnreadableFile(readFailure(error.code), error.code);
    }
    finally {
        closeSync(fd);
    }
}
/** A byte count for messages: `4 MB`, `512 KB`. */
function sizeInWords(bytes) {
    return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** GitHub caps a webhook payload at 25 MB: a larger event file is not one GitHub wrote. */
const MAX_EVENT_BYTES = 25 * 1024 * 1024;
/**
 * The parsed JSON of the webhook payload file `GITHUB_EVENT_PATH` names: a regular file only (a FIFO or a device
 * there never blocks the run), at most 25 MB. Throws InputError naming the file when it cannot be read or parsed.
 */
function readEventPayload(eventPath) {
    const label = `GITHUB_EVENT_PATH (${eventPath})`;
    let text;
    try {
        const read = readRegularFile(eventPath, MAX_EVENT_BYTES);
        if (read.overCap) {
            throw new InputError(`${label}: larger than ${sizeInWords(MAX_EVENT_BYTES)}, GitHub's cap on a webhook payload (not read)`);
        }
        text = read.bytes.toString('utf8');
    }
    catch (error) {
        if (error instanceof UnreadableFile)
            throw new InputError(`${label}: ${error.reason}`);
        throw error;
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new InputError(`${label}: not JSON`);
    }
}
/** The event with its payload; undefined outside a workflow (no repository). */
function readEvent(context) {
    if (!context.owner || !context.repo)
        return undefined;
    let payload = {};
    let unreadable;
    if (context.eventPath) {
        try {
            const data = readEventPayload(context.eventPath);
            if (data && typeof data === 'object')
                payload = data;
        }
        catch (error) {
            // An unreadable payload: no pull request from it; the commits lookup still works.
            if (!(error instanceof InputError))
                throw error;
            unreadable = error.message;
        }
    }
    return {
        name: context.eventName,
        owner: context.owner,
        repo: context.repo,
        sha: context.sha,
        payload,
        serverUrl: context.serverUrl,
        ...(context.runId && { runId: context.runId }),
        ...(unreadable !== undefined && { unreadable })
    };
}
/** `https://github.com/owner/repo/actions/runs/123`, when the run is known. */
function runUrl(event) {
    return event.runId && event.owner && event.repo
        ? `${event.serverUrl}/${event.owner}/${event.repo}/actions/runs/${event.runId}`
        : undefined;
}
/** The pull request of a `pull_request` / `pull_request_target` payload. */
function payloadPullRequest(event) {
    const pr = event.payload.pull_request;
    if (typeof pr?.number !== 'number')
        return undefined;
    return { number: pr.number, ...(typeof pr.head?.sha === 'string' && { headSha: pr.head.sha }) };
}

/** GitHub's Vercel app (`performed_via_github_app.slug`) and its bot account (`creator.login`). */
const VERCEL_APP_SLUG = 'vercel';
const VERCEL_BOT_LOGIN = 'vercel[bot]';
/** The parts of a `deployment_status` payload the gate uses (GitHub's webhook docs; optional ones may be absent). */
const deploymentStatusPayload = once(() => {
    const Actor = optional(nullable(object({ login: optional(string()) })));
    const App = optional(nullable(object({ slug: optional(string()) })));
    return object({
        deployment_status: object({
            state: optional(string()),
            environment_url: optional(nullable(string())),
            target_url: optional(nullable(string())),
            environment: optional(string()),
            creator: Actor,
            performed_via_github_app: App
        }),
        deployment: optional(object({
            environment: optional(string()),
            production_environment: optional(boolean()),
            creator: Actor,
            performed_via_github_app: App
        }))
    });
});
/**
 * What a `deployment_status` event says about the deploy that finished: where it is and which environment. Vercel,
 * Netlify and others send this event when a deploy is done. An unreadable or unexpected payload gives nothing
 * (the inputs then decide), never a crash. A payload file that cannot be read at all (not a regular file, over
 * GitHub's 25 MB, not JSON) is an InputError naming it: the run would otherwise judge without the deploy's URL and
 * environment, which this event is there to give.
 */
function readDeploymentStatus(eventPath) {
    if (!eventPath)
        return undefined;
    const parsed = deploymentStatusPayload().safeParse(readEventPayload(eventPath));
    if (!parsed.success)
        return undefined;
    const { deployment_status: status, deployment } = parsed.data;
    const url = [status.environment_url, status.target_url].find((u) => typeof u === 'string' && u !== '');
    const environment = deployment?.environment ?? status.environment;
    // Vercel names a project's environments `Production – <project>` when a repository has several projects.
    const namedProduction = environment !== undefined && /^production(\s|$)/i.test(environment.trim());
    const byVercel = [status, deployment].some((made) => made?.performed_via_github_app?.slug === VERCEL_APP_SLUG || made?.creator?.login === VERCEL_BOT_LOGIN);
    return {
        ...(url !== undefined && { url }),
        ...(environment !== undefined && { environment }),
        isProduction: deployment?.production_environment === true || namedProduction,
        isVercel: byVercel || (url !== undefined && onVercelApp(url))
    };
}
/** An https URL on a `*.vercel.app` host, Vercel's deployment domain. */
function onVercelApp(text) {
    try {
        const url = new URL(text);
        return url.protocol === 'https:' && url.hostname.endsWith('.vercel.app');
    }
    catch {
        return false;
    }
}

/**
 * Forgiving base64 decoding, exactly as `atob` does it.
 *
 * Mirrors `isomorphicAtob` from `@clerk/shared` 4.41 (src/isomorphicAtob.ts). Clerk calls the global
 * `atob` whenever one exists (every Node >= 16, every browser, edge runtimes) and only falls back to
 * `Buffer.from(data, 'base64')` where there is none. `atob` implements the WHATWG "forgiving-base64
 * decode" (https://infra.spec.whatwg.org/#forgiving-base64-decode), which is stricter than Buffer:
 * Buffer silently skips invalid characters and misplaced `=`, `atob` rejects them. Node's `atob` (16+)
 * implements that algorithm, so we call it, as Clerk does; the oracle tests compare the two on every run.
 *
 * The algorithm:
 *  1. remove ASCII whitespace (TAB, LF, FF, CR, SPACE) anywhere in the input;
 *  2. if the length is a multiple of 4, drop one or two trailing `=`;
 *  3. fail if the length is now 4n+1;
 *  4. fail on any character outside `A-Z a-z 0-9 + /` (including a leftover `=`);
 *  5. decode 6 bits per character, discarding leftover bits (non-zero leftover bits are accepted).
 *
 * The result is a "binary string": one UTF-16 code unit per decoded byte (0x00-0xFF), like `atob`.
 */
const BASE64_CHARACTERS = /^[A-Za-z0-9+/=\t\n\f\r ]*$/;
/** Decodes like `atob` (it is `atob`); returns null where `atob` throws. */
function forgivingBase64Decode(data) {
    // atob would throw for any other character; saying so without an exception is much cheaper.
    if (!BASE64_CHARACTERS.test(data))
        return null;
    try {
        return atob(data);
    }
    catch {
        return null;
    }
}

/**
 * Clerk publishable keys: `pk_test_` / `pk_live_` + base64 (padding optional) of `<frontend API host>$`.
 *
 * Mirrors `isPublishableKey` / `parsePublishableKey` from `@clerk/shared` 4.41 (src/keys.ts) line for
 * line, so the gate accepts and rejects exactly what Clerk's SDKs do. It is a copy rather than an
 * import because `@clerk/shared` is only a devDependency (used as the test oracle) and the runtime
 * bundle should not carry it. `__tests__/clerk/publishable-key.test.ts` checks the two agree.
 *
 * Things Clerk accepts that one might not expect (all mirrored):
 *  - whitespace (space, TAB, LF, FF, CR) anywhere after the prefix, e.g. a trailing newline;
 *  - padded and unpadded base64, and non-zero leftover bits in the last character;
 *  - any decoded bytes before the `$` (spaces, `/`, `https://`, bytes >= 0x80 as Latin-1), as long as
 *    there is a dot and exactly one `$`, at the end: `pk_live_LiQ` (".$") is a valid key;
 *  - the instance type comes from the prefix only: `pk_live_` with a `.lcl.dev` host is "production".
 */
const PUBLISHABLE_KEY_LIVE_PREFIX = 'pk_live_';
const PUBLISHABLE_KEY_TEST_PREFIX = 'pk_test_';
/** Clerk's `isValidDecodedPublishableKey`: ends with `$`, no other `$`, and contains a dot. */
function isValidDecoded(decoded) {
    if (!decoded.endsWith('$'))
        return false;
    const withoutTrailing = decoded.slice(0, -1);
    if (withoutTrailing.includes('$'))
        return false;
    return withoutTrailing.includes('.');
}
function hasPublishablePrefix(value) {
    return value.startsWith(PUBLISHABLE_KEY_LIVE_PREFIX) || value.startsWith(PUBLISHABLE_KEY_TEST_PREFIX);
}
/** The base64 part, or null when the value does not split into exactly `pk`, `live|test`, `<encoded>`. */
function encodedPart(value) {
    const parts = value.split('_');
    if (parts.length !== 3)
        return null;
    return parts[2] || null;
}
function isPublishableKey(value) {
    if (!hasPublishablePrefix(value))
        return false;
    const encoded = encodedPart(value);
    if (encoded === null)
        return false;
    const decoded = forgivingBase64Decode(encoded);
    return decoded !== null && isValidDecoded(decoded);
}
function parsePublishableKey(value) {
    if (!value || !isPublishableKey(value))
        return null;
    const instanceType = value.startsWith(PUBLISHABLE_KEY_LIVE_PREFIX) ? 'production' : 'development';
    // isPublishableKey guarantees both are non-null here.
    const decoded = forgivingBase64Decode(encodedPart(value) ?? '') ?? '';
    return { instanceType, frontendApi: decoded.slice(0, -1) };
}
/**
 * Why a value found in a publishable-key variable is not a valid key, as a clause (`it is empty`), or null when
 * it is one (null exactly when `isPublishableKey` is true). The reason never contains the value.
 */
function publishableKeyProblem(value) {
    if (value.trim() === '')
        return 'it is empty';
    if (!hasPublishablePrefix(value)) {
        if (hasPublishablePrefix(value.trimStart()))
            return 'it has whitespace before pk_test_ or pk_live_';
        return 'it does not start with pk_test_ or pk_live_';
    }
    const parts = value.split('_');
    if (parts.length !== 3)
        return 'it contains an underscore after the pk_test_ or pk_live_ prefix';
    if (!parts[2] || /^[\t\n\f\r ]*$/.test(parts[2]))
        return 'it has nothing after the pk_test_ or pk_live_ prefix';
    const decoded = forgivingBase64Decode(parts[2]);
    if (decoded === null)
        return 'the part after the prefix is not valid base64';
    if (!decoded.endsWith('$') || decoded.slice(0, -1).includes('$')) {
        return 'the host it encodes does not end with a single $';
    }
    if (!decoded.includes('.'))
        return 'the host it encodes has no dot';
    return null;
}

/**
 * node:net's address checks, with node:net loaded on first use: a run that checks no address (most runs of the
 * CLI) does not pay for loading it at start-up (bench/README.md). A synchronous load, so the checks stay
 * synchronous; Node's own parser rather than a hand-written one.
 */
const net = once(() => createRequire(import.meta.url)('node:net'));
/** 4 for an IPv4 literal, 6 for an IPv6 literal, 0 otherwise (net.isIP). */
function isIP(input) {
    return net().isIP(input);
}
function isIPv4(input) {
    return net().isIPv4(input);
}
function isIPv6(input) {
    return net().isIPv6(input);
}
/** An empty net.BlockList. */
function newBlockList() {
    return new (net().BlockList)();
}

/**
 * Clerk Frontend API hosts: which are development or staging, and pulling a host out of a URL.
 *
 * The suffix lists and rules mirror `@clerk/shared` 4.41 (src/constants.ts, src/keys.ts,
 * src/utils/instance.ts). Copied, not imported, because `@clerk/shared` is a devDependency only
 * (the test oracle) and the runtime bundle should not carry it.
 */
/** `@clerk/shared` constants.ts `LEGACY_DEV_INSTANCE_SUFFIXES`. */
const LEGACY_DEV_INSTANCE_SUFFIXES = ['.lcl.dev', '.lclstage.dev', '.lclclerk.com'];
/**
 * `@clerk/shared` constants.ts `DEV_OR_STAGING_SUFFIXES`. The last two have no leading dot, so they
 * also match Account Portal hosts such as `happy-hippo-12.accounts.dev` — and any host merely ending
 * in those letters (`myaccounts.dev`), exactly as Clerk does.
 */
const DEV_OR_STAGING_SUFFIXES = [
    '.lcl.dev',
    '.stg.dev',
    '.lclstage.dev',
    '.stgstage.dev',
    '.dev.lclclerk.com',
    '.stg.lclclerk.com',
    '.accounts.lclclerk.com',
    'accountsstage.dev',
    'accounts.dev'
];
/** Suffixes of `isStaging` in `@clerk/shared` utils/instance.ts (`.clerkstage.dev` is only here). */
const STAGING_SUFFIXES = [
    '.lclstage.dev',
    '.stgstage.dev',
    '.clerkstage.dev',
    '.accountsstage.dev'
];
/** `PUBLISHABLE_FRONTEND_API_DEV_REGEX` in `@clerk/shared` keys.ts, e.g. `foo-bar-13.clerk.accounts.dev`. */
const DEV_FRONTEND_API = /^(([a-z]+)-){2}([0-9]{1,2})\.clerk\.accounts([a-z.]*)(dev|com)$/i;
/** Lower-case, without one trailing dot (`Example.COM.` and `example.com` are the same host). */
function normalizeHost(host) {
    const lower = host.toLowerCase();
    return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
/**
 * True when a host (not a URL: use `hostOf` first) is a Clerk development or staging Frontend API
 * or Account Portal host. The union of every rule `@clerk/shared` uses on a host:
 *  - `isDevOrStagingUrl` (`DEV_OR_STAGING_SUFFIXES`),
 *  - `isStaging` (`STAGING_SUFFIXES`),
 *  - `buildPublishableKey`'s choice of `pk_test_`: the dev Frontend API pattern, or a legacy
 *    `clerk.` host under `LEGACY_DEV_INSTANCE_SUFFIXES` other than `.prod.lclclerk.com`.
 * Unlike Clerk's (case-sensitive) checks, the host is lower-cased and one trailing dot dropped first.
 */
function isDevelopmentOrStagingHost(host) {
    const h = normalizeHost(host);
    if (h === '')
        return false;
    if (DEV_OR_STAGING_SUFFIXES.some((s) => h.endsWith(s)))
        return true;
    if (STAGING_SUFFIXES.some((s) => h.endsWith(s)))
        return true;
    if (DEV_FRONTEND_API.test(h))
        return true;
    return (h.startsWith('clerk.') &&
        LEGACY_DEV_INSTANCE_SUFFIXES.some((s) => h.endsWith(s)) &&
        !h.endsWith('.prod.lclclerk.com'));
}
const SCHEME_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\//i;
const BARE_AUTHORITY = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/;
const ASCII_LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;
const UNICODE_LABEL = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?$/u;
function isBareLabel(label) {
    return ASCII_LABEL.test(label) || UNICODE_LABEL.test(label);
}
/** Host as URL gives it, lower-cased, without IPv6 brackets or one trailing dot; null if empty. */
function cleanHostname(hostname) {
    const unbracketed = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
    const host = normalizeHost(unbracketed);
    return host === '' ? null : host;
}
function hostnameViaUrl(url) {
    try {
        return cleanHostname(new URL(url).hostname);
    }
    catch {
        return null;
    }
}
/** Whether a bare (scheme-less) host looks like a host and not like a word, a version or a file. */
function isBareHostShape(host, hasPort) {
    if (host.startsWith('['))
        return isIPv6(host.slice(1, -1));
    // BARE_AUTHORITY keeps colons out of an unbracketed host, so only IPv4 is possible here.
    if (isIPv4(host))
        return true;
    const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
    if (!labels.every(isBareLabel))
        return false;
    if (/^\d+$/.test(labels[labels.length - 1] ?? ''))
        return false;
    return labels.length > 1 || hasPort || host.toLowerCase() === 'localhost';
}
/**
 * The host in a URL (`https://clerk.example.com/path`), a protocol-relative URL (`//host/x`), a bare
 * host (`clerk.example.com`, `clerk.example.com/path`), a host:port (`localhost:3000`) or an IP
 * (`127.0.0.1`, `::1`, `[::1]:3000`). Lower-cased, IDN as punycode, IPv4 normalised as URL does
 * (`127.1` → `127.0.0.1`), IPv6 without brackets, no trailing dot.
 * Null for relative paths (`/sign-in`), single words (`sign-in`, `true`), e-mail addresses, version
 * numbers (`1.2.3`), values with inner whitespace and anything URL cannot parse.
 */
function hostOf(value) {
    const v = value.trim();
    if (v === '' || /\s/.test(v))
        return null;
    if (SCHEME_AUTHORITY.test(v))
        return hostnameViaUrl(v);
    if (v.startsWith('//'))
        return hostnameViaUrl(`http:${v}`);
    if (isIPv6(v))
        return hostnameViaUrl(`http://[${v}]`) ?? v.toLowerCase();
    const authority = v.split(/[/?#]/, 1)[0] ?? '';
    const match = BARE_AUTHORITY.exec(authority);
    if (!match)
        return null;
    const host = match[1] ?? '';
    if (!isBareHostShape(host, match[2] !== undefined))
        return null;
    return hostnameViaUrl(`http://${authority}`);
}

const IP_RANGES = [
    [
        'points at a loopback address (localhost)',
        [
            ['127.0.0.0', 8, 'ipv4'],
            ['::1', 128, 'ipv6']
        ]
    ],
    [
        'points at the unspecified address (0.0.0.0 or ::)',
        [
            ['0.0.0.0', 32, 'ipv4'],
            ['::', 128, 'ipv6']
        ]
    ],
    [
        'points at a private network address',
        [
            ['10.0.0.0', 8, 'ipv4'],
            ['172.16.0.0', 12, 'ipv4'],
            ['192.168.0.0', 16, 'ipv4'],
            ['fc00::', 7, 'ipv6']
        ]
    ],
    [
        'points at a link-local address',
        [
            ['169.254.0.0', 16, 'ipv4'],
            ['fe80::', 10, 'ipv6']
        ]
    ]
];
/** Built on the first IP literal checked (node:net is loaded only then). */
const blockLists = once(() => IP_RANGES.map(([reason, ranges]) => {
    const list = newBlockList();
    for (const [address, prefix, family] of ranges)
        list.addSubnet(address, prefix, family);
    return [reason, list];
}));
const NAME_SUFFIXES = [
    ['.local', 'points at a .local (mDNS) host'],
    ['.internal', 'points at a .internal (private network) host'],
    ['.home.arpa', 'points at a .home.arpa (home network) host'],
    ['.test', 'points at a .test host (reserved, never public)']
];
function ipReason(address, family) {
    // A zone id (`fe80::1%eth0`) only occurs on link-local addresses; BlockList wants it removed.
    const plain = address.replace(/%.*$/, '');
    for (const [reason, list] of blockLists()) {
        if (list.check(plain, family))
            return reason;
    }
    return null;
}
/** A short reason when the URL or host is local or private, null when it is public or has no host. */
function localUrlReason(value) {
    const host = hostOf(value);
    if (host === null)
        return null;
    if (isIPv6(host))
        return ipReason(host, 'ipv6');
    if (isIPv4(host))
        return ipReason(host, 'ipv4');
    if (host === 'localhost' || host.endsWith('.localhost'))
        return 'points at localhost';
    for (const [suffix, reason] of NAME_SUFFIXES) {
        if (host.endsWith(suffix))
            return reason;
    }
    return null;
}

const SECRET_KEY = /^(sk_)?(test|live)_[A-Za-z0-9]+$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;
const RESTRICTED_KEY = /^rk_(test|live)_[A-Za-z0-9]+$/;
function classifySecretKey(value) {
    const match = SECRET_KEY.exec(value);
    if (!match)
        return null;
    return {
        kind: match[1] ? 'secret-key' : 'legacy-api-key',
        instanceType: match[2] === 'live' ? 'production' : 'development'
    };
}
/** A Svix-style webhook signing secret: `whsec_` + base64. */
function isWebhookSecret(value) {
    return WEBHOOK_SECRET.test(value);
}
/**
 * A Stripe restricted API key (`rk_test_…` / `rk_live_…`). Not Clerk's, but a secret wherever it is found, like
 * Stripe's `sk_` keys, which `classifySecretKey` cannot tell from Clerk's.
 */
function isRestrictedKey(value) {
    return RESTRICTED_KEY.test(value);
}

const cache = new WeakMap();
function factsOf(variable) {
    let facts = cache.get(variable);
    if (!facts) {
        const { value } = variable;
        facts = {
            // Cheap prefix tests first: most values are neither kind of key.
            publishableKey: value.startsWith('pk_') ? parsePublishableKey(value) : null,
            secretKey: value.startsWith('sk_') || value.startsWith('test_') || value.startsWith('live_')
                ? classifySecretKey(value)
                : null
        };
        cache.set(variable, facts);
    }
    return facts;
}
/** The variable's value as a Clerk publishable key (any variable: the format is Clerk's own). */
function publishableKeyOf(variable) {
    return factsOf(variable).publishableKey;
}
/** The variable's value as a secret key or legacy API key, by format only; callers check the name. */
function secretKeyOf(variable) {
    return factsOf(variable).secretKey;
}
/** The host a value names (URL, bare host or host:port), or null. */
const hostOfValue = memo(hostOf);
/** Why a URL or host points somewhere local or private, or null. */
const localUrlReasonOf = memo(localUrlReason);

/**
 * Which variables belong to Clerk, and what each holds, judged by name.
 * A value counts as a Clerk key only through these names or a format that is unmistakably Clerk's
 * (a publishable key that decodes to `<host>$`), so `STRIPE_SECRET_KEY=sk_test_…` is never flagged.
 */
/** Prefixes that make a variable visible to browser code in the frameworks Clerk supports. */
const PUBLIC_PREFIXES = [
    'NEXT_PUBLIC_',
    'VITE_',
    'PUBLIC_',
    'EXPO_PUBLIC_',
    'NUXT_PUBLIC_',
    'REACT_APP_',
    'VUE_APP_',
    'GATSBY_',
    'PLASMO_PUBLIC_'
];
const classOf = memo((name) => {
    const clerk = /(^|_)CLERK(_|$)/i.test(name);
    return {
        public: PUBLIC_PREFIXES.some((prefix) => name.startsWith(prefix)),
        clerk,
        publishableKey: /(^|_)CLERK_PUBLISHABLE_KEY$/.test(name),
        secretKey: /(^|_)CLERK_(SECRET|API)_KEY$/.test(name),
        legacyApiKey: /(^|_)CLERK_API_KEY$/.test(name),
        url: clerk && /(URL|DOMAIN|FRONTEND_API|ISSUER|HOST)$/.test(name),
        concernsClerk: /CLERK|UNSAFE_DISABLE_DEVELOPMENT_MODE/i.test(name)
    };
});
function isPublicVariable(name) {
    return classOf(name).public;
}
/** `NEXT_PUBLIC_CLERK_SIGN_IN_URL`, `CLERK_SECRET_KEY`, `NUXT_CLERK_SECRET_KEY`, … */
function isClerkVariable(name) {
    return classOf(name).clerk;
}
function isPublishableKeyVariable(name) {
    return classOf(name).publishableKey;
}
/** `CLERK_SECRET_KEY` and the 2021-era `CLERK_API_KEY`. */
function isSecretKeyVariable(name) {
    return classOf(name).secretKey;
}
function isLegacyApiKeyVariable(name) {
    return classOf(name).legacyApiKey;
}
/** Variables that carry a URL or host Clerk calls or redirects to. */
function isClerkUrlVariable(name) {
    return classOf(name).url;
}
/**
 * Whether any rule could concern this variable: a Clerk name, the development-console switch, a value shaped
 * like a Clerk key, or one shaped like a secret that no public variable may hold (`rk_…`, `whsec_…`). The engine hands rules only these (most variables of a project are not Clerk's),
 * and a test checks that every rule finds the same with and without this filter.
 */
function mayConcernClerk(name, value) {
    return (classOf(name).concernsClerk ||
        value.startsWith('pk_') ||
        value.startsWith('sk_') ||
        value.startsWith('rk_') ||
        value.startsWith('whsec_'));
}

/**
 * The hits of a rule that judges each variable on its own: `test` returns a hit or null. A loop rather than
 * `flatMap`, which would make an array for every variable of every unit.
 */
function hitsPerVariable(variables, test) {
    const hits = [];
    for (const variable of variables) {
        const hit = test(variable);
        if (hit !== null)
            hits.push(hit);
    }
    return hits;
}
/**
 * A message of `meta.messages` with its `{{name}}` placeholders filled. An unknown id or a placeholder without
 * a value is a bug in the rule, so it throws.
 */
function formatMessage(meta, messageId, data = {}) {
    const template = Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : undefined;
    if (template === undefined)
        throw new Error(`rule ${meta.id} has no message ${messageId}`);
    return template.replace(PLACEHOLDER, (_, key) => {
        if (!Object.hasOwn(data, key))
            throw new Error(`rule ${meta.id}, message ${messageId}: no value for {{${key}}}`);
        return data[key];
    });
}
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w]*)\s*\}\}/g;
/** Whether a rule judges the target environment at all. */
function ruleApplies(meta, isProduction) {
    return meta.appliesIn === 'always' || (meta.appliesIn === 'production') === isProduction;
}
/** A rule whose check stays silent where `meta.appliesIn` says it does not judge. */
function defineRule(meta, check) {
    return { meta, check: (context) => (ruleApplies(meta, context.isProduction) ? check(context) : []) };
}
const RULES_DOCS_BASE = 'https://github.com/clerk-production-gate/clerk-production-gate/blob/main/docs/rules.md';

/** Link to a rule's section in docs/rules.md. */
function ruleDocs(id) {
    return `${RULES_DOCS_BASE}#${id}`;
}

const devFrontendApi = defineRule({
    id: 'dev-frontend-api',
    severity: 'error',
    title: 'Development Frontend API or Account Portal host',
    explanation: 'Hosts ending in `.clerk.accounts.dev`, `.accounts.dev`, `.lcl.dev` (and Clerk staging suffixes) belong to development instances. A production app must use `clerk.<your-domain>` and `accounts.<your-domain>`.',
    fix: 'Use the production Frontend API host shown on the Domains page of the production instance (`clerk.<your-domain>`), or remove the variable and let the publishable key carry it.',
    docs: ruleDocs('dev-frontend-api'),
    appliesIn: 'production',
    messages: {
        devHost: '{{name}} points at {{host}}, a development or staging Clerk host.',
        liveKeyDevHost: '{{name}} is a pk_live_ key, but it encodes {{host}}, a development or staging Clerk host.'
    }
}, ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
        const { name } = variable;
        const key = publishableKeyOf(variable);
        // A `pk_live_` key whose encoded host is a development host: hand-built or corrupted.
        if (key) {
            if (key.instanceType !== 'production' || !isDevelopmentOrStagingHost(key.frontendApi))
                return null;
            return { variable, messageId: 'liveKeyDevHost', data: { name, host: key.frontendApi } };
        }
        if (!isClerkVariable(name) || isSecretKeyVariable(name) || secretKeyOf(variable))
            return null;
        const host = hostOfValue(variable.value);
        if (!host || !isDevelopmentOrStagingHost(host))
            return null;
        return { variable, messageId: 'devHost', data: { name, host } };
    });
});

/** An empty or whitespace-only value: a committed placeholder (`CLERK_SECRET_KEY=`), as good as not set. */
function isBlank(value) {
    return value.trim() === '';
}

/** Settings meant for development or automated tests only, matched on the name without a public prefix. */
const DEV_ONLY = [
    [/(^|_)UNSAFE_DISABLE_DEVELOPMENT_MODE_CONSOLE_WARNING$/, 'consoleWarningOff'],
    [/(^|_)CLERK_TESTING_TOKEN$/, 'testingToken'],
    [/(^|_)CLERK_TEST_(EMAIL|PASSWORD)$/, 'testCredentials'],
    [/(^|_)CLERK_TELEMETRY_DEBUG$/, 'telemetryDebug'],
    [/(^|_)CLERK_DEBUG$/, 'debug']
];
/** `false`, `0`, `off`, `no` and empty turn a flag off; such a setting does nothing. */
const OFF = /^(false|0|off|no)$/i;
const devOnlySetting = defineRule({
    id: 'dev-only-setting',
    severity: 'warning',
    title: 'Development-only setting in production',
    explanation: 'Some settings exist only for local development or automated tests: they hide warnings, log request details or bypass protections. In production they hide problems or weaken security.',
    fix: 'Remove the variable from the production environment.',
    docs: ruleDocs('dev-only-setting'),
    appliesIn: 'production',
    messages: {
        consoleWarningOff: '{{name}} silences the development-instance warning.',
        testingToken: '{{name}} is a testing token that bypasses bot protection.',
        testCredentials: '{{name}} holds test-account credentials for end-to-end tests.',
        telemetryDebug: '{{name}} turns on telemetry debug logging.',
        debug: '{{name}} turns on debug logging.'
    }
}, ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
        const { name, value } = variable;
        const messageId = DEV_ONLY.find(([pattern]) => pattern.test(name))?.[1];
        if (messageId === undefined || isBlank(value) || OFF.test(value.trim()))
            return null;
        return { variable, messageId, data: { name } };
    });
});

const devPublishableKey = defineRule({
    id: 'dev-publishable-key',
    severity: 'error',
    title: 'Development publishable key in production',
    explanation: 'A `pk_test_…` key points the browser at your development instance: sign-ins land in development, with its banner, shared OAuth credentials and development limits.',
    fix: "Replace it with the production instance's publishable key (`pk_live_…`) from the Clerk Dashboard, API keys page, with the production instance selected.",
    docs: ruleDocs('dev-publishable-key'),
    appliesIn: 'production',
    messages: {
        devKey: '{{name}} holds a development publishable key (instance {{host}}).',
        devPrefix: '{{name}} holds a development publishable key (`pk_test_…`).'
    }
}, ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
        const { name } = variable;
        const parsed = publishableKeyOf(variable);
        // Outside Clerk-named variables only a value that decodes to a Clerk host counts (Stripe shares `pk_test_`).
        if (parsed?.instanceType === 'development') {
            return { variable, messageId: 'devKey', data: { name, host: parsed.frontendApi } };
        }
        if (!parsed && isPublishableKeyVariable(name) && variable.value.startsWith('pk_test_')) {
            return { variable, messageId: 'devPrefix', data: { name } };
        }
        return null;
    });
});

const devSecretKey = defineRule({
    id: 'dev-secret-key',
    severity: 'error',
    title: 'Development secret key in production',
    explanation: 'A development secret key (`sk_test_…`, or a legacy `test_…` API key) talks to your development instance: production users would sign in to development, which has shared OAuth credentials and lower rate limits.',
    fix: "Replace it with the production instance's secret key (`sk_live_…`) from the Clerk Dashboard, API keys page, with the production instance selected.",
    docs: ruleDocs('dev-secret-key'),
    appliesIn: 'production',
    messages: {
        secretKey: '{{name}} holds a development secret key (`sk_test_…`).',
        legacyApiKey: '{{name}} holds a legacy development API key (`test_…`).'
    }
}, ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
        const { name } = variable;
        if (!isClerkVariable(name))
            return null;
        const key = secretKeyOf(variable);
        if (!key || key.instanceType !== 'development')
            return null;
        if (key.kind === 'secret-key')
            return { variable, messageId: 'secretKey', data: { name } };
        // A bare `test_…` value means a key only in a variable that holds one.
        if (!isLegacyApiKeyVariable(name) && !/CLERK_SECRET_KEY$/.test(name))
            return null;
        return { variable, messageId: 'legacyApiKey', data: { name } };
    });
});

/** Variables that hold a host or domain, not a URL: their fix names a domain, not a path. */
const HOST_NAME = /(DOMAIN|HOST|FRONTEND_API)$/;
const devUrl = defineRule({
    id: 'dev-url',
    severity: 'error',
    title: 'Local or private URL in a Clerk URL variable',
    explanation: 'Sign-in, sign-up, redirect, proxy, domain and API URLs are followed by browsers and by Clerk. A localhost, loopback, private-network or `.local` address works on a laptop and breaks for every real user.',
    fix: "Use a path on your production domain (e.g. `/sign-in`) or its full `https://` URL, or remove the variable to use Clerk's defaults.",
    docs: ruleDocs('dev-url'),
    appliesIn: 'production',
    messages: {
        local: '{{name}} {{reason}}.',
        fixHost: "Use your production domain (e.g. `example.com`, or `clerk.example.com` for the Frontend API host), or remove the variable to use Clerk's defaults."
    }
}, ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
        const { name } = variable;
        if (!isClerkUrlVariable(name))
            return null;
        const reason = localUrlReasonOf(variable.value);
        if (!reason)
            return null;
        return {
            variable,
            messageId: 'local',
            data: { name, reason },
            ...(HOST_NAME.test(name) && { fixId: 'fixHost' })
        };
    });
});

const invalidKey = defineRule({
    id: 'invalid-key',
    severity: 'error',
    title: 'Clerk key variable holds no valid key',
    explanation: 'Clerk refuses to start with a placeholder or malformed key, so the deploy would ship a broken sign-in. A publishable key is `pk_live_`/`pk_test_` followed by the base64 of `<frontend API host>$`; a secret key is `sk_live_`/`sk_test_` followed by its random part. An empty value counts as not set (see `missing-key`).',
    fix: 'Copy the key again from the Clerk Dashboard, API keys page, of the production instance; check that no quotes, spaces or a placeholder such as `your_key_here` were left in.',
    docs: ruleDocs('invalid-key'),
    appliesIn: 'always',
    messages: {
        notPublishableKey: '{{name}} is not a valid publishable key: {{problem}}.',
        publishableInSecret: '{{name}} holds a publishable key, not a secret key.',
        notSecretKey: '{{name}} is not a valid secret key: it does not start with sk_live_ or sk_test_.'
    }
}, ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
        const { name, value } = variable;
        // An empty value is a placeholder, as good as not set: missing-key judges whether a key is needed.
        if (isBlank(value))
            return null;
        if (isPublishableKeyVariable(name)) {
            // A secret in a public variable is secret-in-public-variable's finding, not a malformed key.
            if (isPublicVariable(name) && (secretKeyOf(variable) || isWebhookSecret(value) || isRestrictedKey(value))) {
                return null;
            }
            const problem = publishableKeyProblem(value);
            return problem ? { variable, messageId: 'notPublishableKey', data: { name, problem } } : null;
        }
        if (!isSecretKeyVariable(name))
            return null;
        if (value.startsWith('pk_'))
            return { variable, messageId: 'publishableInSecret', data: { name } };
        return secretKeyOf(variable) ? null : { variable, messageId: 'notSecretKey', data: { name } };
    });
});

const keyEnvironmentMismatch = defineRule({
    id: 'key-environment-mismatch',
    severity: 'error',
    title: 'Publishable and secret key from different instances',
    explanation: 'The publishable key and the secret key must come from the same instance. A mix makes the server reject every session the browser creates, so nobody can sign in.',
    fix: 'Take both keys from the same instance (the production instance for a production deploy) on the API keys page of the Clerk Dashboard.',
    docs: ruleDocs('key-environment-mismatch'),
    appliesIn: 'always',
    messages: {
        mismatch: '{{secretName}} is a {{secretType}} key but {{publishableName}} is a {{publishableType}} key.'
    }
}, 
/**
 * Pairs the keys that reach one app (`effective`: the app's files plus the runtime environment) and
 * reports a clash once, on a key defined in this scope (`variables`), preferring the secret key.
 */
({ variables, effective }) => {
    const own = new Set(variables);
    const publishable = keysOf(effective, isPublishableKeyVariable, (v) => publishableKeyOf(v)?.instanceType);
    const secret = keysOf(effective, isSecretKeyVariable, (v) => secretKeyOf(v)?.instanceType);
    const hits = [];
    for (const sk of secret) {
        const pk = publishable.find((p) => p.type !== sk.type && (own.has(sk.variable) || own.has(p.variable)));
        if (!pk)
            continue;
        hits.push({
            variable: own.has(sk.variable) ? sk.variable : pk.variable,
            messageId: 'mismatch',
            data: {
                secretName: sk.variable.name,
                secretType: sk.type,
                publishableName: pk.variable.name,
                publishableType: pk.type
            }
        });
    }
    return hits;
});
function keysOf(variables, byName, typeOf) {
    const keys = [];
    for (const variable of variables) {
        const type = byName(variable.name) ? typeOf(variable) : undefined;
        if (type)
            keys.push({ variable, type });
    }
    return keys;
}

const liveKeyOutsideProduction = defineRule({
    id: 'live-key-outside-production',
    severity: 'warning',
    title: 'Production key outside production',
    explanation: 'A `pk_live_`/`sk_live_` key in a preview or staging environment lets test traffic create and change real users, and spreads the production secret to more places.',
    fix: "Use the development instance's keys here, or add this environment's name to `production-environments` if it really is production.",
    docs: ruleDocs('live-key-outside-production'),
    appliesIn: 'elsewhere',
    messages: {
        liveKey: '{{name}} holds a production key in the {{environment}} environment.'
    }
}, ({ variables, environment }) => {
    return hitsPerVariable(variables, (variable) => {
        const pk = publishableKeyOf(variable);
        const sk = isClerkVariable(variable.name) ? secretKeyOf(variable) : null;
        if (pk?.instanceType !== 'production' && sk?.instanceType !== 'production')
            return null;
        return { variable, messageId: 'liveKey', data: { name: variable.name, environment } };
    });
});

/** Frameworks whose Clerk SDK runs on a server and so needs the secret key. */
const SERVER_FRAMEWORKS = new Set(['nextjs', 'remix', 'astro', 'nuxt', 'node']);
const missingKey = defineRule({
    id: 'missing-key',
    severity: 'error',
    title: 'Clerk is configured but a key is missing',
    explanation: 'Clerk variables reach this environment, but no publishable key (needed by every app) or no secret key (needed by server-side code) does. The app would fail at start or on the first request. An empty value counts as not set.',
    fix: "Add the production instance's keys to the environment, e.g. `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY` and `CLERK_SECRET_KEY` as environment secrets. If your hosting provider injects them, pass them to the gate too, or ignore this rule.",
    docs: ruleDocs('missing-key'),
    appliesIn: 'always',
    messages: {
        publishableKey: 'Clerk is in use ({{evidence}} is set) but no publishable key reaches this environment.',
        secretKey: 'Clerk is in use ({{evidence}} is set) but no secret key reaches this environment.'
    }
}, ({ variables, effective, frameworks, hasRuntimeSources }) => {
    // Judged once per scope, on evidence defined in it: a Clerk variable with a value that reaches the app.
    // Empty values are placeholders (a committed `CLERK_SECRET_KEY=`): they are neither evidence nor a key.
    const first = variables.find((v) => isClerkVariable(v.name) && !v.shadowedBy && isSet(v));
    if (!first)
        return [];
    const clerk = effective.filter((v) => isClerkVariable(v.name) && isSet(v));
    // Without the runtime environment the keys may live in the host's settings, which the gate cannot see.
    const severity = hasRuntimeSources ? 'error' : 'warning';
    const hits = [];
    if (!clerk.some((v) => isPublishableKeyVariable(v.name))) {
        hits.push(missing(first, 'CLERK_PUBLISHABLE_KEY', 'publishableKey', severity));
    }
    const serverSide = [...frameworks].some((f) => SERVER_FRAMEWORKS.has(f)) ||
        clerk.some((v) => !isPublicVariable(v.name) && !isPublishableKeyVariable(v.name));
    if (serverSide && !clerk.some((v) => isSecretKeyVariable(v.name))) {
        hits.push(missing(first, 'CLERK_SECRET_KEY', 'secretKey', severity));
    }
    return hits;
});
/** Set: a value that is not blank, or a host's write-only variable (present, value not readable). */
function isSet(v) {
    return v.unreadable === true || !isBlank(v.value);
}
function missing(evidence, subject, messageId, severity) {
    return { variable: evidence, subject, absent: true, severity, messageId, data: { evidence: evidence.name } };
}

/**
 * The rules on what was built: the client bundle (bundle-…). Like the other rules, each has its messages in one
 * table; artifacts/check-bundle.ts decides when they fire.
 */
const meta$3 = (m) => ({ ...m, docs: ruleDocs(m.id) });
/** The fix of a secret key found in built or deployed code. */
const ROTATE = 'Rotate the key now (Clerk Dashboard → API keys; for a Stripe key, the Stripe Dashboard): once deployed, the bundle is public and the key must be taken as leaked. Then move it to a server-only variable (no NEXT_PUBLIC_, VITE_, PUBLIC_, EXPO_PUBLIC_ or REACT_APP_ prefix), remove it from client code, and rebuild.';
const bundleDevPublishableKey = meta$3({
    id: 'bundle-dev-publishable-key',
    severity: 'error',
    appliesIn: 'production',
    title: 'Development publishable key in the built client code',
    explanation: "The client code the build produced holds a development publishable key (`pk_test_…`), whatever the variables say: it reached the build through the host's settings, a build cache, a `.env.local` on the build machine or a hard-coded `publishableKey`. Users of the deployed app would sign in to the development instance. Keys are found whole in string literals; a key a minifier left split across a string concatenation is not.",
    fix: "Set the production publishable key (pk_live_…) where the build runs (the host's production variables), remove any hard-coded key and any .env.local from the build, and rebuild.",
    messages: {
        found: 'The built file holds a development publishable key (instance {{host}}).'
    }
});
const bundleDevFrontendApi = meta$3({
    id: 'bundle-dev-frontend-api',
    severity: 'error',
    appliesIn: 'production',
    title: 'Development Frontend API host in the built client code',
    explanation: "The client code names a development or staging Frontend API or Account Portal host (for example in a clerk-js script URL, a `proxyUrl`, `domain` or `signInUrl`). Clerk's own SDK constants (`api.clerkstage.dev`, the suffix lists such as `accounts.dev` and `.lcl.dev`) are not findings.",
    fix: 'Replace the development host with the production one (clerk.<your-domain>, accounts.<your-domain>) in the variables the build reads or in the code, and rebuild.',
    messages: {
        found: 'The built file names the development host {{host}}.'
    }
});
const bundleSecretKey = meta$3({
    id: 'bundle-secret-key',
    severity: 'error',
    appliesIn: 'always',
    title: 'Secret key in the built client code',
    explanation: 'The client code holds a secret key (`sk_live_…`/`sk_test_…`, Clerk or Stripe format, or a 2021-era `live_…`/`test_…` API key). Anyone who loads the app can read it. This is an error in every environment.',
    fix: ROTATE,
    messages: {
        found: 'The built file holds a {{what}}: anyone who loads the app can read it.'
    }
});
const bundleIncomplete = meta$3({
    id: 'bundle-incomplete',
    severity: 'error',
    appliesIn: 'always',
    title: 'The built client code could not be read whole',
    explanation: "The bundle scan left part of the client output unread: a file that is not a regular file (a FIFO, socket or device file, or a symbolic link to one or to a directory), or a file over the scan's size cap (256 MB). A key there would not be found, so the bundle checks cannot pass. In production this fails the gate unless `on-api-error: warn`, which makes it a warning; in other environments it is a warning.",
    fix: 'Remove the special files and links from the build output (or point build-dirs at the real client output), and rebuild.',
    messages: {
        unread: 'The bundle scan is incomplete: {{reasons}}.'
    }
});
/** The bundle rules, in checklist order. */
const BUNDLE_RULES = [
    bundleDevPublishableKey,
    bundleDevFrontendApi,
    bundleSecretKey,
    bundleIncomplete
];

/**
 * The rules on the live site (deployed-…). Like the other rules, each has its messages in one table;
 * site/check-site.ts decides when they fire.
 */
const meta$2 = (m) => ({ ...m, docs: ruleDocs(m.id) });
const deployedDevInstance = meta$2({
    id: 'deployed-dev-instance',
    severity: 'error',
    appliesIn: 'production',
    title: 'The deployed site loads a development Clerk instance',
    explanation: 'The page at the deployment URL loads Clerk with a development publishable key or from a development Frontend API host (the clerk-js script, its `data-clerk-publishable-key`, serialised props such as `__NEXT_DATA__`, or the JS chunks the page loads).',
    fix: "Set the production publishable key (pk_live_…) in the host's production variables and redeploy; then check the page again.",
    messages: {
        key: 'The deployed site uses a development publishable key (instance {{host}}).',
        host: 'The deployed site loads Clerk from the development host {{host}}.'
    }
});
const deployedKeyMismatch = meta$2({
    id: 'deployed-key-mismatch',
    severity: 'error',
    appliesIn: 'always',
    title: 'The deployed publishable key is not the one the gate checked',
    explanation: 'The publishable key the deployed page uses differs from the one read from the variables: the deploy did not use the variables the gate checked (a host setting, a cache, a hard-coded key), so the other checks say nothing about it.',
    fix: "Make the host's variables the ones the gate reads (vars-json/secrets-json, or the host as a source) and redeploy, or gate on the variables the deploy really uses.",
    messages: {
        mismatch: 'The deployed site uses the key of {{deployed}}, but {{name}} is the key of {{expected}}.'
    }
});
const deployedSecretKey = meta$2({
    id: 'deployed-secret-key',
    severity: 'error',
    appliesIn: 'always',
    title: 'Secret key in the deployed site',
    explanation: 'The page at the deployment URL, or a JS chunk it loads, holds a secret key (Clerk or Stripe format, or a 2021-era API key). It is public now.',
    fix: ROTATE,
    messages: {
        found: 'The deployed site serves a {{what}}: anyone can read it.'
    }
});
const deployedSiteUnread = meta$2({
    id: 'deployed-site-unread',
    severity: 'error',
    appliesIn: 'always',
    title: 'The deployed site could not be read',
    explanation: 'The gate could not fetch the page at the deployment URL (unreachable, a 5xx, a timeout, too large), so it could not check what the site really loads. Like a failed Clerk API call, this follows `on-api-error`.',
    fix: 'Check that the deployment URL is right and answers from the runner; raise api-timeout for a slow cold start, or set on-api-error: warn.',
    messages: {
        failed: '{{message}}.'
    }
});
const deployedNoClerk = meta$2({
    id: 'deployed-no-clerk',
    severity: 'notice',
    appliesIn: 'always',
    title: 'No Clerk found on the deployed page',
    explanation: 'The page at the deployment URL and the chunks it loads show no Clerk publishable key, clerk-js script or Frontend API host. Clerk may load on another page (set deployment-url to a page that signs in) or the URL may not be the app.',
    fix: 'Point deployment-url at a page of the app that uses Clerk (for example /sign-in).',
    messages: {
        none: 'No Clerk publishable key or clerk-js script was found on {{url}} or the {{chunks}} it loads.'
    }
});
/** The deployed-site rules, in checklist order. */
const SITE_RULES = [
    deployedDevInstance,
    deployedKeyMismatch,
    deployedSecretKey,
    deployedSiteUnread,
    deployedNoClerk
];

/** The rules on reading the hosts' project variables (Vercel, Netlify); the variables then go through every rule. */
const meta$1 = (m) => ({ ...m, docs: ruleDocs(m.id) });
const hostApiError = meta$1({
    id: 'host-api-error',
    severity: 'error',
    appliesIn: 'always',
    title: "A host's variables could not be read",
    explanation: "The gate could not read the deployment's variables from Vercel or Netlify, so it could not check what the deployed app receives. A refused token (401, 403) or an unknown project (404) is always an error; other failures (429, 5xx, timeouts, network) follow `on-api-error`.",
    fix: 'Read the message: a 401 needs a valid token, a 403 a token with access to the project and its team, a 404 the right project or site id; for an outage set on-api-error: warn.',
    messages: {
        failed: '{{message}}.'
    }
});
const hostVariableUnreadable = meta$1({
    id: 'host-variable-unreadable',
    severity: 'notice',
    appliesIn: 'always',
    title: "A host's variable could not be judged",
    explanation: 'A variable is present in the host\'s project but its value cannot be read: Vercel "sensitive" variables and Netlify secret values are write-only. Its presence counts (a missing key is not reported), but no rule can judge its value. Also: production variables a Vercel token may not see, and a linked project the gate could not read for want of a token.',
    fix: "To have the value judged, pass it to the gate another way (secrets-json), or check it by hand in the host's settings.",
    messages: {
        sensitive: '{{name}} is present in {{where}}, value not readable ({{why}}).',
        hidden: '{{count}} production variables of {{where}} are not visible to the token, so they were not checked.',
        notLinked: '{{file}} links this directory to a {{host}} project, but {{token}} is not set: its variables were not read.',
        noProject: '{{token}} is set but no {{host}} project is named: its variables were not read.',
        notLinkedFix: "Set {{token}} to a read-only token (see the README) to read the project's variables, or ignore this notice.",
        noProjectFix: "Set {{input}} (or commit the link file the host CLI writes) to read the project's variables."
    }
});
const HOST_RULES = [hostApiError, hostVariableUnreadable];

/**
 * The online checks' rules: what Clerk's APIs, DNS and the Frontend API say about the production instance.
 * Like the offline rules, each has its messages in one table; the checks in run-online.ts decide when they fire.
 */
const meta = (m) => ({
    ...m,
    docs: ruleDocs(m.id),
    appliesIn: 'production'
});
const instanceNotProduction = meta({
    id: 'instance-not-production',
    severity: 'error',
    title: 'The secret key belongs to a non-production instance',
    explanation: "Clerk's Backend API (`GET /v1/instance`) says the instance of this secret key is not a production instance.",
    fix: 'In the Clerk Dashboard, switch to the production instance (top of the sidebar) and copy its keys from API keys.',
    messages: {
        notProduction: 'The instance of {{name}} is a {{environment}} instance, not a production one.'
    }
});
const keyInstanceMismatch = meta({
    id: 'key-instance-mismatch',
    severity: 'error',
    title: 'Publishable key from another instance than the secret key',
    explanation: "The Frontend API host a publishable key encodes must be its instance's primary domain's `frontend_api_url` or `proxy_url` host (`GET /v1/domains`). Another host means the keys come from different instances or applications: the server rejects every session the browser creates.",
    fix: 'Take both keys from the API keys page of the same production instance in the Clerk Dashboard.',
    messages: {
        mismatch: '{{name}} points at {{host}}, but the instance of {{secretName}} serves {{expected}}.'
    }
});
const dnsRecordMissing = meta({
    id: 'dns-record-missing',
    severity: 'error',
    title: 'A DNS record Clerk needs is missing',
    explanation: 'Clerk serves the production Frontend API, Account Portal and e-mail from your domain through CNAME records (`clerk.`, `accounts.`, `clkmail.`, `clk._domainkey.`, `clk2._domainkey.`). Until each required record resolves, sign-in fails and e-mail is not delivered.',
    fix: 'Add the CNAME records shown on the Domains page of the production instance in the Clerk Dashboard at your DNS provider.',
    messages: {
        missing: '{{host}} has no CNAME record; Clerk needs one pointing at {{target}} ({{reason}}).',
        fixDoubled: 'Your DNS provider appended the domain to the record name: {{doubled}} exists instead of {{host}}. Enter the record name without the domain (`{{label}}`, not `{{host}}`), or with a trailing dot (`{{host}}.`).'
    }
});
const dnsRecordWrongTarget = meta({
    id: 'dns-record-wrong-target',
    severity: 'error',
    title: 'A DNS record points somewhere else',
    explanation: 'A CNAME record Clerk needs exists but points at another target than the one Clerk gave.',
    fix: 'At your DNS provider, set the CNAME record to the target shown on the Domains page of the production instance in the Clerk Dashboard.',
    messages: {
        wrongTarget: '{{host}} is a CNAME to {{actual}}; Clerk needs {{target}}.'
    }
});
const dnsRecordProxied = meta({
    id: 'dns-record-proxied',
    severity: 'error',
    title: 'A DNS record Clerk needs is proxied',
    explanation: 'The host answers with addresses (A/AAAA) but no CNAME record: a proxying DNS provider, such as Cloudflare with the orange cloud on, hides the CNAME, so Clerk cannot verify the domain or issue its certificate.',
    fix: 'At your DNS provider, set the record to "DNS only" (in Cloudflare: click the orange cloud so it turns grey), pointing at the target shown in the Clerk Dashboard.',
    messages: {
        proxied: '{{host}} answers with addresses ({{addresses}}) but no CNAME to {{target}}: the record is proxied.'
    }
});
const frontendApiUnreachable = meta({
    id: 'frontend-api-unreachable',
    severity: 'error',
    title: 'The production Frontend API does not answer as production',
    explanation: 'Every browser sign-in goes through the Frontend API host the publishable key encodes. It must answer `GET /v1/environment` over valid TLS, as a production instance.',
    fix: 'Check the Domains page of the production instance in the Clerk Dashboard: DNS verified and SSL issued. A TLS error usually means the certificate is not issued yet (or CAA blocks it).',
    messages: {
        unreachable: '{{host}} does not answer: {{reason}}.',
        notProduction: '{{host}} answers as a {{environment}} instance, not a production one.'
    }
});
const caaBlocksCertificates = meta({
    id: 'caa-blocks-certificates',
    severity: 'warning',
    title: "CAA records forbid Clerk's certificate authorities",
    explanation: "Clerk issues the certificates of `clerk.` and `accounts.` on your domain through Let's Encrypt or Google Trust Services. CAA records that allow neither make the issuing fail.",
    fix: 'At your DNS provider, add CAA records `0 issue "letsencrypt.org"` and `0 issue "pki.goog"` at the domain that has CAA records, or remove the restriction.',
    messages: {
        blocked: 'The CAA records of {{name}} allow only {{allowed}}: neither letsencrypt.org nor pki.goog.'
    }
});
const sharedOAuthCredentials = meta({
    id: 'shared-oauth-credentials',
    severity: 'error',
    title: "Social sign-in runs on Clerk's shared development credentials",
    explanation: 'In development, Clerk signs users in with its own shared OAuth credentials, shown to users as "Clerk Development" on the provider\'s consent screen. Production needs the team\'s own client ID and secret for every enabled provider.',
    fix: 'For each provider: create an OAuth app at the provider, then in the Clerk Dashboard (production instance) open SSO connections, the provider, "Use custom credentials", and enter its client ID and secret.',
    messages: {
        development: 'The instance of {{name}} ({{host}}) is a development instance: {{providers}} sign users in with shared development credentials.',
        production: 'The production instance has {{providers}} enabled without its own OAuth credentials.'
    }
});
const dnsNotVerified = meta({
    id: 'dns-not-verified',
    severity: 'error',
    title: 'Clerk has not verified the domain',
    explanation: "The Platform API's domain status says Clerk has not completed the domain's set-up: a DNS record is not verified, or the certificate or e-mail records are not ready.",
    fix: 'Open the Domains page of the production instance in the Clerk Dashboard and follow the hints; with `dns-check: true` the gate asks Clerk to check again first.',
    messages: {
        incomplete: 'The domain {{domain}} is not verified: {{details}}.'
    }
});
const clerkApiError = meta({
    id: 'clerk-api-error',
    severity: 'error',
    title: 'A Clerk API or DNS lookup failed',
    explanation: 'An online check could not get its answer, so it could not prove the production instance is ready. A refused key (401, 403) always fails the gate; other failures follow `on-api-error`.',
    fix: 'Check the message: a refused key must be replaced (Clerk Dashboard, API keys); a network failure may need `clerk-api-url` or `dns-servers` for a proxy or an air-gapped runner, or `on-api-error: warn`.',
    messages: {
        failed: '{{message}}.'
    }
});
/** Every online rule, in the order the checklist shows them. */
const ONLINE_RULES = [
    instanceNotProduction,
    keyInstanceMismatch,
    dnsRecordMissing,
    dnsRecordWrongTarget,
    dnsRecordProxied,
    caaBlocksCertificates,
    frontendApiUnreachable,
    sharedOAuthCredentials,
    dnsNotVerified,
    clerkApiError
];

/**
 * A secret in any browser-exposed variable, whatever its name: a value shaped like a secret key (`sk_test_…`,
 * `sk_live_…`: Clerk's and Stripe's share the shape), a Stripe restricted key (`rk_…`) or a webhook signing secret
 * (`whsec_…`) is published with the client bundle. A legacy `test_…`/`live_…` API key is too plain a shape to judge
 * outside a Clerk API key variable.
 */
const secretInPublicVariable = defineRule({
    id: 'secret-in-public-variable',
    severity: 'error',
    title: 'Secret in a client-exposed variable',
    explanation: 'Variables with a public prefix (`NEXT_PUBLIC_`, `VITE_`, `PUBLIC_`, `EXPO_PUBLIC_`, `NUXT_PUBLIC_`, …) are inlined into the JavaScript sent to every visitor. A secret key, restricted key or webhook signing secret there is published to the world, whatever the variable is called.',
    fix: 'Move the value to a variable without a public prefix (e.g. `CLERK_SECRET_KEY`, `CLERK_WEBHOOK_SIGNING_SECRET`), then roll the secret in the Clerk Dashboard: it has been exposed.',
    docs: ruleDocs('secret-in-public-variable'),
    appliesIn: 'always',
    messages: {
        secretKey: '{{name}} is exposed to the browser and holds a secret key.',
        legacyApiKey: '{{name}} is exposed to the browser and holds a legacy API key.',
        webhookSecret: '{{name}} is exposed to the browser and holds a webhook signing secret.',
        restrictedKey: '{{name}} is exposed to the browser and holds a restricted API key (`rk_…`).',
        fixAnyService: 'Move the value to a variable without a public prefix, then roll the secret with the service that issued it (Clerk Dashboard → API keys for a Clerk key, Stripe Dashboard → Developers → API keys for a Stripe key): it has been exposed.'
    }
}, ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
        const { name, value } = variable;
        if (!isPublicVariable(name))
            return null;
        const key = secretKeyOf(variable);
        const messageId = (key?.kind === 'secret-key' && 'secretKey') ||
            (key?.kind === 'legacy-api-key' && isLegacyApiKeyVariable(name) && 'legacyApiKey') ||
            (isWebhookSecret(value) && 'webhookSecret') ||
            (isRestrictedKey(value) && 'restrictedKey');
        if (!messageId)
            return null;
        // A variable not named for Clerk may hold another service's secret (Stripe's share the `sk_` shape).
        return { variable, messageId, data: { name }, ...(!isClerkVariable(name) && { fixId: 'fixAnyService' }) };
    });
});

/** Every offline rule, in the order the checklist shows them. */
const RULES = [
    devSecretKey,
    devPublishableKey,
    devFrontendApi,
    invalidKey,
    keyEnvironmentMismatch,
    secretInPublicVariable,
    devUrl,
    devOnlySetting,
    missingKey,
    liveKeyOutsideProduction
];
/** Every rule's metadata, offline, online and on build output and the deployed site: for reports, docs and `ignore`. */
const RULE_METAS = new Map([...RULES.map((rule) => rule.meta), ...ONLINE_RULES, ...BUNDLE_RULES, ...SITE_RULES, ...HOST_RULES].map((meta) => [
    meta.id,
    meta
]));
const RULE_IDS = [...RULE_METAS.keys()];

const FRAMEWORKS = ['nextjs', 'vite', 'remix', 'astro', 'nuxt', 'expo', 'node'];
/** First match wins: a Next.js or Expo app may also list vite (e.g. for tests), so vite comes last. */
const DETECTORS = [
    ['nextjs', (d) => d === 'next'],
    ['expo', (d) => d === 'expo'],
    ['nuxt', (d) => d === 'nuxt'],
    ['astro', (d) => d === 'astro'],
    ['remix', (d) => d.startsWith('@remix-run/') || d === '@react-router/dev'],
    ['vite', (d) => d === 'vite']
];
/** The most of a package.json read; a larger one is refused, not judged in part. */
const MAX_PACKAGE_JSON_BYTES = 4 * 1024 * 1024;
/**
 * The package names `dir`'s package.json depends on (dependencies and devDependencies); undefined when there is
 * none. A package.json that is there but is not a readable regular file of JSON stops the gate (exit 2): what it
 * names decides which dotenv files and build output are read. `label` names `dir` in messages.
 */
function packageDependencies(dir, label = dir) {
    const name = path.posix.join(label, 'package.json');
    let text;
    try {
        const read = readRegularFile(path.join(dir, 'package.json'), MAX_PACKAGE_JSON_BYTES);
        if (read.overCap)
            throw new InputError(`${name}: larger than ${sizeInWords(MAX_PACKAGE_JSON_BYTES)}, not read`);
        text = read.bytes.toString('utf8');
    }
    catch (err) {
        if (!(err instanceof UnreadableFile))
            throw err;
        if (err.missing)
            return undefined;
        throw new InputError(`${name}: ${err.reason}`);
    }
    let pkg;
    try {
        pkg = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch {
        throw new InputError(`${name}: invalid JSON`);
    }
    const deps = new Set();
    for (const field of ['dependencies', 'devDependencies']) {
        const section = pkg?.[field];
        if (section && typeof section === 'object')
            for (const dep of Object.keys(section))
                deps.add(dep);
    }
    return [...deps];
}
/** The framework of the app in `dir`, from its package.json (dependencies and devDependencies). */
function detectFramework(dir, label = dir) {
    const deps = packageDependencies(dir, label) ?? [];
    for (const [framework, matches] of DETECTORS)
        if (deps.some(matches))
            return framework;
    return 'node';
}
/**
 * The dotenv files `framework` loads for `environment`, highest precedence first. Documented orders:
 * - Next.js: .env.$(NODE_ENV).local, .env.local (not when NODE_ENV is test), .env.$(NODE_ENV), .env; `next build`
 *   and `next start` run with NODE_ENV=production (nextjs.org/docs/app/guides/environment-variables).
 * - Expo: same files and order via @expo/env; `expo export` / EAS builds are production
 *   (docs.expo.dev/guides/environment-variables).
 * - Vite, and Remix / React Router and Astro, which load env through Vite: .env.[mode].local, .env.[mode],
 *   .env.local, .env (vite.dev/guide/env-and-mode#env-files; docs.astro.build/en/guides/environment-variables).
 * - Nuxt: .env only (nuxt.com/docs/guide/directory-structure/env).
 * - Node, dotenv-flow convention: .env.{NODE_ENV}.local, .env.local (skipped for test), .env.{NODE_ENV}, .env
 *   (github.com/kerimdzhanov/dotenv-flow#files-under-version-control).
 */
function envFilesFor(framework, environment) {
    switch (framework) {
        case 'nextjs':
        case 'expo': {
            const mode = environment === 'development' || environment === 'test' ? environment : 'production';
            return flowOrder(mode);
        }
        case 'vite':
        case 'remix':
        case 'astro':
            return [`.env.${environment}.local`, `.env.${environment}`, '.env.local', '.env'];
        case 'nuxt':
            return ['.env'];
        case 'node':
            return flowOrder(environment);
    }
}
function flowOrder(mode) {
    return mode === 'test'
        ? [`.env.${mode}.local`, `.env.${mode}`, '.env']
        : [`.env.${mode}.local`, '.env.local', `.env.${mode}`, '.env'];
}

/**
 * Which addresses the gate treats as internal: the runner itself and the networks behind it. A redirect is never
 * followed to one of them unless the first URL of the request was itself internal (a test server, a local proxy).
 */
const INTERNAL_V4 = [
    [0x00000000, 8], // 0.0.0.0/8: unspecified, "this network"
    [0x0a000000, 8], // 10/8: private
    [0x7f000000, 8], // 127/8: loopback
    [0xa9fe0000, 16], // 169.254/16: link-local (cloud metadata at 169.254.169.254)
    [0xac100000, 12], // 172.16/12: private
    [0xc0a80000, 16], // 192.168/16: private
    [0x64400000, 10] // 100.64/10: carrier-grade NAT, also used for cloud metadata
];
/** An IP literal (IPv4, IPv6, or a URL's `[…]` host) without brackets; `undefined` for a host name. */
function ipOf(host) {
    const bare = host.replace(/^\[|\]$/g, '');
    return isIP(bare) === 0 ? undefined : bare;
}
function v4Number(ip) {
    return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}
/** An IPv6 address as eight 16-bit groups (`::` expanded, an embedded IPv4 tail converted). */
function v6Groups(ip) {
    let text = ip.toLowerCase().split('%')[0] ?? '';
    const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (tail?.[1]) {
        const n = v4Number(tail[1]);
        text = `${text.slice(0, -tail[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
    }
    const [head = '', rest] = text.split('::');
    const left = head === '' ? [] : head.split(':');
    const right = rest === undefined || rest === '' ? [] : rest.split(':');
    const fill = rest === undefined ? [] : new Array(8 - left.length - right.length).fill('0');
    return [...left, ...fill, ...right].map((g) => parseInt(g, 16));
}
/** Loopback: 127.0.0.0/8 or ::1 (also as an IPv4-mapped address). */
function isLoopbackAddress(host) {
    const ip = ipOf(host);
    if (ip === undefined)
        return false;
    if (isIP(ip) === 4)
        return ip.startsWith('127.');
    const groups = v6Groups(ip);
    if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1)
        return true;
    return isMappedV4(groups) && (groups[6] ?? 0) >> 8 === 127;
}
function isMappedV4(groups) {
    return groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
}
/**
 * Loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16, fe80::/10) or
 * unspecified (0.0.0.0/8, ::). IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry. A host name is
 * not an address: false (its resolved addresses are judged when it is connected to, see `guardedLookup`).
 */
function isInternalAddress(host) {
    const ip = ipOf(host);
    if (ip === undefined)
        return false;
    if (isIP(ip) === 4) {
        const n = v4Number(ip);
        return INTERNAL_V4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
    }
    const groups = v6Groups(ip);
    if (isMappedV4(groups)) {
        const g6 = groups[6] ?? 0;
        const g7 = groups[7] ?? 0;
        return isInternalAddress(`${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`);
    }
    const first = groups[0] ?? 0;
    const unspecifiedOrLoopback = groups.slice(0, 7).every((g) => g === 0) && (groups[7] ?? 0) <= 1;
    return unspecifiedOrLoopback || (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}
/**
 * The loopback rule for anything that may carry a key or a secret: https, or plain http only to a loopback IP
 * (127.0.0.0/8, ::1). A host name such as `localhost` is not enough: it resolves through whatever the resolver says.
 */
function isHttpsOrLoopback(url) {
    if (url.protocol === 'https:')
        return true;
    return url.protocol === 'http:' && isLoopbackAddress(url.hostname);
}

/** An API base the secret key is sent to: https (http only on loopback), no credentials in the URL. */
function isSafeApiUrl(text) {
    const url = parseUrl(text);
    return url !== null && !url.username && !url.password && isHttpsOrLoopback(url);
}
/** The deployed site: https, or http on loopback; the bypass secret may travel with it, so the same rule. */
function isSafeSiteUrl(text) {
    const url = parseUrl(text);
    return url !== null && isHttpsOrLoopback(url);
}
function parseUrl(text) {
    try {
        return new URL(text);
    }
    catch {
        return null;
    }
}
/** `1.1.1.1`, `127.0.0.1:5353`, `::1`, `[::1]:5353`. */
function isDnsServer(text) {
    const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
    if (bracketed)
        return isIP(bracketed[1] ?? '') === 6 && validPort(bracketed[2]);
    if (isIP(text) !== 0)
        return true;
    const [host = '', port] = text.split(':');
    return isIP(host) === 4 && text.split(':').length === 2 && validPort(port);
}
function validPort(port) {
    return port === undefined || (/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536);
}

/**
 * Every option of the gate, declared once: its key, action input, CLI flag, zod type, action.yml default and
 * help. The CLI's parser and usage text (options/cli-options.ts), the action's input reader
 * (options/action-options.ts) and the engine's schema (engine/options.ts) are built from these tables;
 * __tests__/options/declarations.test.ts fails when action.yml disagrees.
 *
 * `kind` says how a raw value (an input's text, a flag's value) becomes the zod type's input:
 * - text: the string (an empty input is not given);
 * - list: comma- or newline-separated, a repeatable flag's values joined;
 * - boolean: `true`/`false` as an input, present or not as a flag;
 * - seconds: a number of seconds, in milliseconds;
 * - count: a positive whole number;
 * - json: JSON text as an input, a file to read as a flag (`{ label, text }`);
 * - secret: an input or the environment only, never a flag (it would show in `ps` and shell history).
 * `fromEnvironment` names the variables a shell reads for an option not given (see options/shell-environment.ts).
 */
const oneOf = (choices) => ({ error: `expected one of ${choices.join(', ')}` });
const nonEmpty$1 = () => string().check(_trim(), _minLength(1, 'must not be empty'));
const FRAMEWORK_CHOICES = ['auto', ...FRAMEWORKS];
const FAIL_ON_CHOICES = ['error', 'warning', 'never'];
const ON_API_ERROR_CHOICES = ['fail', 'warn'];
const COMMENT_CHOICES = ['always', 'on-failure', 'never'];
const FORMATS = ['text', 'json', 'markdown', 'sarif'];
const jsonInput = () => object({ label: string(), text: string() });
/** The options the engine takes (engine/options.ts builds its schema from these). */
const ENGINE_OPTIONS = {
    paths: {
        kind: 'list',
        input: 'env-files',
        flag: 'path',
        positional: true,
        default: '.',
        schema: () => array(string().check(_minLength(1, 'must not be empty'))),
        fallback: ['.'],
        help: 'dotenv files, globs or directories (default: .)'
    },
    environment: {
        kind: 'text',
        input: 'environment',
        flag: 'environment',
        arg: 'NAME',
        default: '',
        schema: nonEmpty$1,
        fallback: 'production',
        help: 'target environment (default: production)'
    },
    productionEnvironments: {
        kind: 'list',
        input: 'production-environments',
        flag: 'production-environments',
        arg: 'LIST',
        default: 'production',
        schema: () => array(nonEmpty$1()).check(_minLength(1, 'must name at least one environment')),
        fallback: ['production'],
        help: 'names that count as production, comma-separated (default: production)'
    },
    varsJson: {
        kind: 'json',
        input: 'vars-json',
        flag: 'vars-json',
        arg: 'FILE',
        default: '',
        schema: jsonInput,
        help: 'JSON object of variables, as ${{ toJSON(vars) }} gives it'
    },
    secretsJson: {
        kind: 'json',
        input: 'secrets-json',
        flag: 'secrets-json',
        arg: 'FILE',
        default: '',
        schema: jsonInput,
        help: 'JSON object of secrets, as ${{ toJSON(secrets) }} gives it'
    },
    framework: {
        kind: 'text',
        input: 'framework',
        flag: 'framework',
        arg: 'NAME',
        default: 'auto',
        schema: () => _enum(FRAMEWORK_CHOICES, oneOf(FRAMEWORK_CHOICES)),
        choices: FRAMEWORK_CHOICES,
        fallback: 'auto',
        help: `${FRAMEWORK_CHOICES.join('|')} (default: auto)`
    },
    ignore: {
        kind: 'list',
        input: 'ignore',
        flag: 'ignore',
        multiple: true,
        arg: 'RULES',
        default: '',
        schema: () => array(string()).check(refine((ids) => ids.every((id) => RULE_IDS.includes(id)), {
            error: `names an unknown rule; known rules: ${RULE_IDS.join(', ')}`
        })),
        fallback: [],
        help: 'rule ids to suppress, comma-separated, repeatable'
    },
    failOn: {
        kind: 'text',
        input: 'fail-on',
        flag: 'fail-on',
        arg: 'LEVEL',
        default: 'error',
        schema: () => _enum(FAIL_ON_CHOICES, oneOf(FAIL_ON_CHOICES)),
        choices: FAIL_ON_CHOICES,
        fallback: 'error',
        help: `${FAIL_ON_CHOICES.join('|')} (default: error)`
    },
    offline: {
        kind: 'boolean',
        input: 'offline',
        flag: 'offline',
        default: 'false',
        schema: () => boolean(),
        fallback: false,
        help: 'skip every network check (Clerk API, DNS, the deployed site)'
    },
    apiTimeoutMs: {
        kind: 'seconds',
        input: 'api-timeout',
        flag: 'api-timeout',
        arg: 'SECONDS',
        default: '10',
        schema: () => number().check(_positive('must be more than 0'), _lte(600_000, 'must be 600 seconds at most')),
        fallback: 10_000,
        help: 'each call to Clerk or DNS (default: 10); retries stop at 3x this'
    },
    onApiError: {
        kind: 'text',
        input: 'on-api-error',
        flag: 'on-api-error',
        arg: 'fail|warn',
        default: 'fail',
        schema: () => _enum(ON_API_ERROR_CHOICES, oneOf(ON_API_ERROR_CHOICES)),
        choices: ON_API_ERROR_CHOICES,
        fallback: 'fail',
        help: 'what a failed call means (default: fail); a refused key always fails'
    },
    clerkApiUrl: {
        kind: 'text',
        input: 'clerk-api-url',
        flag: 'clerk-api-url',
        arg: 'URL',
        default: 'https://api.clerk.com',
        schema: () => string().check(refine(isSafeApiUrl, {
            error: 'must be an https:// URL (http:// only on a loopback address): the secret key is sent to it'
        })),
        fallback: 'https://api.clerk.com',
        help: 'Clerk Backend/Platform API base (default: https://api.clerk.com)'
    },
    dnsServers: {
        kind: 'list',
        input: 'dns-servers',
        flag: 'dns-servers',
        arg: 'LIST',
        default: '',
        schema: () => array(string().check(refine(isDnsServer, { error: 'expected ip or ip:port ([ipv6]:port) entries' }))),
        fallback: [],
        help: "DNS servers, ip[:port], comma-separated (default: the system's)"
    },
    dnsCheck: {
        kind: 'boolean',
        input: 'dns-check',
        flag: 'dns-check',
        default: 'false',
        schema: () => boolean(),
        fallback: false,
        help: 'with CLERK_PLATFORM_API_KEY, ask Clerk to check DNS again first'
    },
    buildDirs: {
        kind: 'list',
        input: 'build-dirs',
        flag: 'build-dir',
        multiple: true,
        arg: 'DIR',
        default: 'auto',
        schema: () => array(nonEmpty$1()),
        fallback: ['auto'],
        help: "client build output to scan, repeatable; auto (default: each detected framework's output) or none"
    },
    deploymentUrl: {
        kind: 'text',
        input: 'deployment-url',
        flag: 'url',
        arg: 'URL',
        default: '',
        schema: () => string()
            .check(refine(isSafeSiteUrl, { error: 'must be an https:// URL (http:// only on a loopback address)' })),
        help: 'the deployed site to read (https://; http:// only on loopback)'
    },
    vercelProtectionBypass: {
        kind: 'secret',
        input: 'vercel-protection-bypass',
        default: '',
        fromEnvironment: 'VERCEL_AUTOMATION_BYPASS_SECRET',
        schema: () => string(),
        help: 'Vercel Deployment Protection bypass secret, sent to the deployment only'
    },
    vercelToken: {
        kind: 'secret',
        input: 'vercel-token',
        default: '',
        fromEnvironment: 'VERCEL_TOKEN',
        schema: () => string(),
        help: "a Vercel token, to read the project's variables"
    },
    vercelProject: {
        kind: 'text',
        input: 'vercel-project',
        flag: 'vercel-project',
        arg: 'ID',
        default: '',
        fromEnvironment: 'VERCEL_PROJECT_ID',
        schema: nonEmpty$1,
        help: 'Vercel project id or name (default: .vercel/project.json); needs VERCEL_TOKEN'
    },
    vercelTeam: {
        kind: 'text',
        input: 'vercel-team',
        flag: 'vercel-team',
        arg: 'ID',
        default: '',
        fromEnvironment: 'VERCEL_ORG_ID (a team_ id)',
        schema: nonEmpty$1,
        help: 'Vercel team id or slug (default: the orgId of .vercel/project.json)'
    },
    vercelApiUrl: {
        kind: 'text',
        fromEnvironment: 'VERCEL_API_URL',
        schema: () => string(),
        help: "Vercel's API base"
    },
    netlifyToken: {
        kind: 'secret',
        input: 'netlify-token',
        default: '',
        fromEnvironment: 'NETLIFY_AUTH_TOKEN',
        schema: () => string(),
        help: "a Netlify token, to read the site's variables"
    },
    netlifySite: {
        kind: 'text',
        input: 'netlify-site',
        flag: 'netlify-site',
        arg: 'ID',
        default: '',
        fromEnvironment: 'NETLIFY_SITE_ID',
        schema: nonEmpty$1,
        help: 'Netlify site id (default: .netlify/state.json); needs NETLIFY_AUTH_TOKEN'
    },
    netlifyApiUrl: {
        kind: 'text',
        fromEnvironment: 'NETLIFY_API_URL',
        schema: () => string(),
        help: "Netlify's API base"
    },
    gitBranch: {
        kind: 'text',
        input: 'git-branch',
        flag: 'git-branch',
        arg: 'NAME',
        default: '',
        fromEnvironment: 'GITHUB_HEAD_REF, or the branch of GITHUB_REF',
        schema: nonEmpty$1,
        help: 'the branch a preview deploys (default: GITHUB_HEAD_REF, or the branch of GITHUB_REF)'
    }
};
/** The options of the shells: where the scan starts and what it reads, how the report is published or printed. */
const SHELL_OPTIONS = {
    workingDirectory: {
        kind: 'text',
        input: 'working-directory',
        default: '.',
        schema: nonEmpty$1,
        fallback: '.',
        help: 'directory the env-files paths are relative to'
    },
    scanProcessEnv: {
        kind: 'boolean',
        input: 'scan-process-env',
        flag: 'scan-process-env',
        default: 'false',
        schema: () => boolean(),
        fallback: false,
        help: "also scan this process's environment (minus GITHUB_*, RUNNER_*, INPUT_*, ACTIONS_*)"
    },
    githubToken: {
        kind: 'secret',
        input: 'github-token',
        default: '${{ github.token }}',
        schema: () => string(),
        fallback: '',
        help: 'token for the pull-request comment and the check run'
    },
    comment: {
        kind: 'text',
        input: 'comment',
        default: 'always',
        schema: () => _enum(COMMENT_CHOICES, oneOf(COMMENT_CHOICES)),
        choices: COMMENT_CHOICES,
        fallback: 'always',
        help: 'when to write the sticky pull-request comment'
    },
    prNumber: {
        kind: 'count',
        input: 'pr-number',
        default: '',
        schema: () => number().check(int('expected a pull request number'), _positive('expected a pull request number')),
        help: 'the pull request to comment on'
    },
    checkRun: {
        kind: 'boolean',
        input: 'check-run',
        default: 'false',
        schema: () => boolean(),
        fallback: false,
        help: 'also create a check run per environment'
    },
    fromReport: {
        kind: 'text',
        input: 'from-report',
        default: '',
        schema: () => string(),
        help: 'post from this JSON report instead of scanning'
    },
    format: {
        kind: 'text',
        flag: 'format',
        arg: 'FORMAT',
        schema: () => _enum(FORMATS, oneOf(FORMATS)),
        choices: FORMATS,
        fallback: 'text',
        help: `${FORMATS.join('|')} (default: text)`
    },
    output: {
        kind: 'text',
        flag: 'output',
        arg: 'FILE',
        schema: () => string(),
        help: 'write the report to FILE instead of standard output'
    },
    noColor: {
        kind: 'boolean',
        flag: 'no-color',
        schema: () => boolean(),
        fallback: false,
        help: 'plain text even on a terminal'
    },
    help: {
        kind: 'boolean',
        flag: 'help',
        short: 'h',
        schema: () => boolean(),
        fallback: false,
        help: 'show this help'
    },
    version: {
        kind: 'boolean',
        flag: 'version',
        short: 'v',
        schema: () => boolean(),
        fallback: false,
        help: 'show the version'
    }
};
/**
 * Whether `value` passes the option's type unchanged without building it, as a fallback (the action passes
 * action.yml's defaults as given inputs), a boolean of a boolean option or one of its `choices` do
 * (__tests__/options/declarations.test.ts). A run whose options are all such builds no zod type: zod's code is
 * not even compiled at start-up (bench/README.md).
 */
function needsNoCheck(spec, value) {
    if (spec.kind === 'boolean' && typeof value === 'boolean')
        return true;
    if (typeof value === 'string' && spec.choices?.includes(value))
        return true;
    const fallback = spec.fallback;
    if (!Array.isArray(fallback) || !Array.isArray(value))
        return fallback !== undefined && value === fallback;
    return value.length === fallback.length && value.every((item, index) => item === fallback[index]);
}
/**
 * Checks one option's value with its zod type; `undefined` (not given) takes the fallback. The same result as
 * the option's type wrapped in zod's `_default(type, fallback)` or `optional(type)`.
 */
function parseOption(spec, value) {
    if (value === undefined) {
        return { success: true, data: Array.isArray(spec.fallback) ? [...spec.fallback] : spec.fallback };
    }
    if (needsNoCheck(spec, value))
        return { success: true, data: value };
    const result = spec.schema().safeParse(value);
    return result.success
        ? { success: true, data: result.data }
        : { success: false, message: result.error.issues[0]?.message ?? 'invalid' };
}

/** Splits a list given as one string (action inputs, CLI flags): commas or newlines, blanks dropped. */
function splitList(text) {
    if (!text)
        return [];
    return text
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/**
 * Reads every option of `table`: `raw` gives a shell's value, `fallback` the environment's for an option not
 * given; each is converted by its kind and checked with its zod type. A problem is an InputError naming the option
 * as `name` gives it (`--url`, `deployment-url`), or the environment variable; never the value. An option given by
 * neither is left out, so the engine's default applies.
 */
function parseOptions(table, raw, name, fallback = {}) {
    const values = {};
    for (const [key, spec] of Object.entries(table)) {
        let given = convert(spec, raw(spec), name(spec));
        let label = name(spec);
        const fromEnvironment = fallback[key];
        if (given === undefined && fromEnvironment !== undefined && spec.fromEnvironment) {
            label = spec.fromEnvironment.split(' ')[0] ?? key;
            given = convert(spec, fromEnvironment, label);
        }
        if (given === undefined)
            continue;
        const result = parseOption(spec, given);
        if (!result.success)
            throw new InputError(`${label}: ${result.message}`);
        values[key] = result.data;
    }
    // Each value was checked by the schema its key's type is read from.
    return values;
}
/** A raw value as its kind's schema input; undefined when not given (an empty input, an absent flag). */
function convert(spec, raw, name) {
    if (Array.isArray(raw))
        return spec.positional ? (raw.length > 0 ? raw : undefined) : listOf(raw);
    if (raw === undefined || typeof raw === 'boolean' || typeof raw === 'object')
        return raw;
    const text = raw.trim();
    switch (spec.kind) {
        case 'list':
            return listOf([raw]);
        case 'boolean':
            if (text === '')
                return undefined;
            if (text.toLowerCase() === 'true' || text.toLowerCase() === 'false')
                return text.toLowerCase() === 'true';
            throw new InputError(`${name}: expected true or false`);
        case 'seconds':
            if (text === '')
                return undefined;
            if (!Number.isFinite(Number(text)))
                throw new InputError(`${name}: expected a number of seconds`);
            return Number(text) * 1000;
        case 'count':
            if (text === '')
                return undefined;
            if (!/^\d+$/.test(text))
                throw new InputError(`${name}: expected a whole number`);
            return Number(text);
        case 'json':
            return text === '' ? undefined : { label: `input ${name}`, text: raw };
        case 'text':
        case 'secret':
            return text === '' ? undefined : raw;
    }
}
/** A list's values, each split on commas and newlines; undefined when empty (the default applies). */
function listOf(values) {
    const items = values.flatMap((value) => splitList(value));
    return items.length > 0 ? items : undefined;
}

/**
 * The action's inputs, read and checked from the declarations (errors name the input), with the environment's
 * defaults and, on deployment_status, what the deployment says. Every secret is masked before anything is printed.
 */
function readActionOptions(shell, github) {
    const raw = (spec) => spec.input === undefined ? undefined : getInput(spec.input);
    const name = (spec) => spec.input ?? '';
    const given = parseOptions(ENGINE_OPTIONS, raw, name, shell.defaults);
    const own = parseOptions(SHELL_OPTIONS, raw, name);
    for (const secret of [given.vercelProtectionBypass, given.vercelToken, given.netlifyToken]) {
        if (secret)
            setSecret(secret);
    }
    // On deployment_status, the deploy that finished says where it is and which environment it is, unless the
    // inputs say otherwise.
    const deployment = github.eventName === 'deployment_status' ? readDeploymentStatus(github.eventPath) : undefined;
    const workspace = github.workspace ?? process.cwd();
    const gate = {
        ...given,
        cwd: resolve(workspace, own.workingDirectory ?? '.'),
        ...fromDeployment(given, deployment),
        processEnv: own.scanProcessEnv ? shell.variables : undefined
    };
    return {
        gate,
        publishing: {
            token: own.githubToken ?? '',
            comment: own.comment ?? 'always',
            ...(own.prNumber !== undefined && { prNumber: own.prNumber }),
            checkRun: own.checkRun ?? false,
            fromReport: (own.fromReport ?? '').trim()
        }
    };
}
/**
 * The environment and URL of a deployment_status event, for inputs left empty. The bypass secret goes only to the
 * deployment it is for: the URL the user named, or a Vercel deployment (made by Vercel's app, or on *.vercel.app).
 */
function fromDeployment(given, deployment) {
    if (!deployment)
        return {};
    const environment = given.environment ?? deployment.environment;
    let productionEnvironments = given.productionEnvironments;
    if (given.environment === undefined && deployment.environment && deployment.isProduction) {
        productionEnvironments = [...(productionEnvironments ?? ['production']), deployment.environment];
    }
    const fromPayload = given.deploymentUrl === undefined && deployment.url !== undefined;
    const withheld = fromPayload && given.vercelProtectionBypass !== undefined && !deployment.isVercel;
    if (withheld) {
        info('The Vercel bypass secret is not sent: the deployment_status event is not from a Vercel deployment ' +
            '(set deployment-url to send it to a site you name).');
    }
    return {
        ...(environment !== undefined && { environment }),
        ...(productionEnvironments !== undefined && { productionEnvironments }),
        ...(fromPayload && { deploymentUrl: deployment.url }),
        vercelProtectionBypass: withheld ? undefined : given.vercelProtectionBypass
    };
}

// zod/mini: the same validation as classic zod, in a smaller bundle that starts faster (see bench/README.md).
/**
 * The fields both shells add to the declared options, each with its zod type (built on first use) and `plain`: a
 * value its type passes unchanged, taken without building the type (as the shells give them), so a run builds no
 * zod type it does not need (bench/README.md).
 */
const SHELL_FIELDS = {
    cwd: {
        schema: once(() => string().check(_trim(), _minLength(1, 'must not be empty'))),
        plain: (value) => typeof value === 'string' && value !== '' && value.trim() === value
    },
    // Name/value pairs rather than a record: zod's record drops a `__proto__` key, a valid variable name.
    processEnv: {
        schema: once(() => optional(array(tuple([string(), optional(string())])))),
        plain: (value) => value === undefined || (Array.isArray(value) && value.every(isNameValuePair))
    }
};
function isNameValuePair(pair) {
    return (Array.isArray(pair) &&
        pair.length === 2 &&
        typeof pair[0] === 'string' &&
        (pair[1] === undefined || typeof pair[1] === 'string'));
}
/**
 * Validates options at the boundary, field by field in declaration order (the first problem wins): each option
 * given is checked with its zod type, built only then; an option not given takes its declared fallback. A problem
 * becomes an InputError naming the option's input (never its value).
 */
function parseGateOptions(input) {
    if (typeof input !== 'object' || input === null)
        throw new InputError('options: expected object');
    const given = input;
    const values = {};
    for (const [key, { schema, plain }] of Object.entries(SHELL_FIELDS)) {
        if (plain(given[key])) {
            if (given[key] !== undefined || key in given)
                values[key] = given[key];
            continue;
        }
        const result = schema().safeParse(given[key]);
        if (!result.success)
            throw new InputError(`${key}: ${result.error.issues[0]?.message ?? 'invalid'}`);
        if (result.data !== undefined || key in given)
            values[key] = result.data;
    }
    const declared = ENGINE_OPTIONS;
    for (const [key, spec] of Object.entries(declared)) {
        const result = parseOption(spec, given[key]);
        if (!result.success)
            throw new InputError(`${spec.input ?? key}: ${result.message}`);
        if (result.data !== undefined || key in given)
            values[key] = result.data;
    }
    // Each value was checked by the zod type of its key, or is its key's declared fallback.
    return values;
}
/** GitHub environment names are case-insensitive. */
function isProductionEnvironment(options) {
    const target = options.environment.toLowerCase();
    return options.productionEnvironments.some((name) => name.toLowerCase() === target);
}

/** Whether the checks alone fail the gate: any `incomplete` check not tolerated, in a production environment. */
function incompleteFailsGate(checks, isProduction) {
    return isProduction && checks.some((c) => c.status === 'incomplete' && c.tolerated !== true);
}

/**
 * A point in time after which no network wait may go on: one per run, and a child per check that ends no later than
 * its parent. Every call, retry pause and redirect hop waits at most the smaller of its own timeout and the time
 * left here, so a check ends within its budget however many hops, chunks or retries it needs.
 *
 * Budgets, from `api-timeout` (T): each check 4 × T (the longest chain of calls that wait for one another, the
 * Platform domain, its DNS check and its status, is 3 calls deep, plus a retry pause), the run 8 × T (host reads
 * first, then the Clerk and deployed-site checks side by side), and a check's never ends after the run's. A call
 * gives up after T at most.
 */
class Deadline {
    at;
    budgetMs;
    constructor(
    /** Milliseconds since the epoch. */
    at, 
    /** The budget it was made with, for messages ("the check's 3 s"). */
    budgetMs) {
        this.at = at;
        this.budgetMs = budgetMs;
    }
    /** A deadline `ms` from now. */
    static after(ms) {
        return new Deadline(Date.now() + ms, ms);
    }
    /** A deadline `ms` from now, but never later than this one. */
    child(ms) {
        return new Deadline(Math.min(this.at, Date.now() + ms), ms);
    }
    remainingMs() {
        return Math.max(0, this.at - Date.now());
    }
    expired() {
        return this.remainingMs() <= 0;
    }
    /** The longer wait allowed now: `ms`, cut to the time left. */
    bound(ms) {
        return Math.min(ms, this.remainingMs());
    }
    /** A signal that aborts after `callTimeoutMs` or at this deadline, whichever comes first. */
    signal(callTimeoutMs) {
        return AbortSignal.timeout(Math.max(1, this.bound(callTimeoutMs)));
    }
}
/** The run's budget for `api-timeout` T: 8 × T. */
function runDeadline(apiTimeoutMs) {
    return Deadline.after(8 * apiTimeoutMs);
}
/** One check's deadline: 4 × T, within the run's when there is one. */
function checkDeadline(apiTimeoutMs, run) {
    return run ? run.child(4 * apiTimeoutMs) : Deadline.after(4 * apiTimeoutMs);
}

/**
 * What a file matched by a glob is for, judged by its name, when its directory's framework does not load it
 * for the target: a template or another mode's file is skipped (no tool loads it for this deploy); any other
 * dotenv-named file is read on its own, since a deploy script may load it (`docker compose --env-file .env.prod`).
 */
/** `.env.example`, `.env.local.sample`, `.env.template`, `.env.dist`, `.example.env`, `env.example`, … */
const TEMPLATE = /(^|[.\-_ ])(example|sample|template|dist)([.\-_ ]|$)/i;
/** `.env.<mode>` and `.env.<mode>.local`, the files Vite, Next.js and dotenv-flow load per mode. */
const MODE_FILE = /^\.env\.([^.]+)(\.local)?$/;
/** `.env.keys` and `.env.vault` (dotenvx, dotenv-vault) follow the `.env.<word>` shape but are no mode. */
const NOT_MODES = new Set(['local', 'keys', 'vault']);
/** Names dotenv files go by: `.env`, `.env.*`, `*.env`, `env.*`. */
const DOTENV_NAME = /^\.env($|\.)|\.env$|^env\./;
/**
 * @param name the file's base name
 * @param targetModes mode names that mean this deploy (`production`, and the environment's own name)
 * @param buildMode the mode the deploy builds in, for the reason text
 */
function classifyGlobbedFile(name, targetModes, buildMode) {
    if (!DOTENV_NAME.test(name))
        return { skip: 'not a dotenv file name' };
    if (TEMPLATE.test(name))
        return { skip: 'a template (example, sample, template or dist): no tool loads it' };
    const mode = MODE_FILE.exec(name)?.[1]?.toLowerCase();
    if (mode !== undefined && !NOT_MODES.has(mode) && !targetModes.has(mode)) {
        return { skip: `loaded only in ${mode} mode, and this deploy builds in ${buildMode} mode` };
    }
    return {};
}

/**
 * Whether any path needs glob support: an exclusion, or glob syntax (a superset of what the library calls a
 * pattern, extglobs included; a false positive only loads the library).
 */
function needsGlobs(paths) {
    return paths.some((p) => p.startsWith('!') || /[*?[\]{}()|]/.test(p));
}

/** The most of a dotenv file read: real ones are a few KB; a larger file is refused, not judged in part. */
const MAX_DOTENV_BYTES = 4 * 1024 * 1024;
/*
 * Synchronous on purpose: the gate reads its files one after another and keeps only one set in memory at a
 * time, and nothing else runs meanwhile that an asynchronous read would let through.
 */
/** What is at `abs`; `label` (the path as the user knows it) names it in errors. */
function pathKind(abs, label) {
    try {
        const s = statSync(abs);
        return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return 'missing';
        throw new InputError(`${label}: ${readFailure(code)}`);
    }
}
/**
 * The text of a dotenv file: must be UTF-8 without NUL bytes. A BOM is kept, as `fs.readFileSync(p, 'utf8')`
 * (what dotenv itself uses) keeps it; the parser treats it like dotenv does.
 */
function readDotenvText(abs, label) {
    let bytes;
    try {
        const read = readRegularFile(abs, MAX_DOTENV_BYTES);
        if (read.overCap) {
            throw new InputError(`${label}: larger than ${sizeInWords(MAX_DOTENV_BYTES)}, not a dotenv file (not read)`);
        }
        bytes = read.bytes;
    }
    catch (err) {
        if (err instanceof UnreadableFile)
            throw new InputError(`${label}: ${err.reason}`);
        throw err;
    }
    if (bytes.indexOf(0) !== -1)
        throw new InputError(`${label}: contains NUL bytes, not a dotenv text file`);
    // Native checks and decoding; TextDecoder({ fatal: true }) does the same through more JavaScript.
    if (!isUtf8(bytes))
        throw new InputError(`${label}: not valid UTF-8`);
    return bytes.toString('utf8');
}

/**
 * Resolves paths, globs and directories into units, in the order given:
 * - a directory is read the way its framework loads it for the target (layered, with shadowing);
 * - a file named explicitly is read as given;
 * - the files a glob matches are grouped by directory, and each group is read as that directory's framework
 *   loads it; a matched file no tool would load for the target (a template, another mode's file) is skipped
 *   with the reason, and any other matched dotenv file is read on its own. A matched directory is a directory.
 */
function planSources(options, globs) {
    // The shells load glob support whenever needsGlobs says so: without it here, that contract was broken.
    if (!globs && needsGlobs(options.paths))
        throw new Error('glob support was not loaded');
    const cwd = path.resolve(options.cwd);
    const rel = (abs) => relativePath(cwd, abs);
    const excludes = options.paths.filter((p) => p.startsWith('!')).map((p) => p.slice(1).replace(/^\.\//, ''));
    const includes = options.paths.filter((p) => !p.startsWith('!'));
    const isExcluded = globs ? globs.excluder(excludes) : () => false;
    const skipped = [];
    // Exclusions alone apply to the default, the working directory.
    const roots = includes.length === 0 && excludes.length > 0 ? ['.'] : includes;
    const entries = roots.flatMap((entry) => resolveEntry(cwd, entry, excludes, globs));
    const unnamable = new Map();
    const loads = (dir) => {
        const framework = options.framework === 'auto' ? detectFramework(dir, rel(dir)) : options.framework;
        return { framework, files: layeredFiles(dir, rel(dir), envFilesFor(framework, options.environment), unnamable) };
    };
    const keep = (files) => files.filter((file) => {
        if (!isExcluded(rel(file)))
            return true;
        skipped.push({ file: rel(file), reason: 'excluded by a !pattern entry' });
        return false;
    });
    // Directories first: their files belong to a layered set, so the same file named or matched again is dropped.
    const units = new Map();
    const taken = new Set();
    for (const { kind, abs } of entries) {
        if (kind !== 'dir' || units.has(abs))
            continue;
        const { framework, files } = loads(abs);
        // Like the frameworks, skip what is not a regular file at an optional name.
        const present = keep(regularFiles(files, rel, skipped));
        for (const file of files)
            taken.add(file);
        units.set(abs, { kind: 'layered', dir: abs, framework, files: present });
    }
    // A glob's files, by directory: the ones the directory's framework loads form one layered unit.
    const explicit = new Set(entries.filter((e) => e.kind === 'file').map((e) => e.abs));
    const globbed = groupByDirectory(entries.filter((e) => e.kind === 'globbed' && !taken.has(e.abs)).map((e) => e.abs));
    const groupUnits = new Map();
    for (const [dir, matched] of globbed) {
        const { framework, files } = loads(dir);
        const layered = files.filter((file) => matched.has(file));
        const planned = [];
        if (layered.length > 0)
            planned.push({ kind: 'layered', dir, framework, files: layered });
        for (const file of layered)
            taken.add(file);
        for (const file of matched) {
            // A file also named explicitly is read as given, below.
            if (taken.has(file) || explicit.has(file))
                continue;
            const role = classifyGlobbedFile(path.basename(file), options.targetModes, options.environment);
            if (role.skip)
                skipped.push({ file: rel(file), reason: role.skip });
            else
                planned.push({ kind: 'file', file });
            taken.add(file);
        }
        groupUnits.set(dir, planned);
    }
    for (const { kind, abs } of entries) {
        if (kind !== 'file' || taken.has(abs))
            continue;
        taken.add(abs);
        if (keep([abs]).length > 0)
            units.set(abs, { kind: 'file', file: abs });
    }
    // Keep the order of the arguments; a glob's group comes where its first file was matched.
    const result = [];
    for (const { kind, abs } of entries) {
        const unit = units.get(abs);
        if (unit) {
            units.delete(abs);
            result.push(unit);
        }
        else if (kind === 'globbed') {
            const dir = path.dirname(abs);
            result.push(...(groupUnits.get(dir) ?? []));
            groupUnits.delete(dir);
        }
    }
    return { units: result, skipped: [...unnamable.values(), ...skipped] };
}
/**
 * The regular files among a directory's dotenv `files`, missing ones left out. A FIFO, socket or device file at one
 * of the names (directly or through a symlink) is listed in `skipped` with the reason, and never opened.
 */
function regularFiles(files, rel, skipped) {
    return files.filter((file) => {
        const kind = pathKind(file, rel(file));
        if (kind === 'other')
            skipped.push({ file: rel(file), reason: specialFileReason(file) });
        return kind === 'file';
    });
}
/** Why a special file at a dotenv name is skipped: `a FIFO (named pipe), not a regular file`. */
function specialFileReason(abs) {
    try {
        return notRegularFile(statSync(abs)) ?? 'not a regular file';
    }
    catch (error) {
        return readFailure(error.code);
    }
}
/**
 * The paths of a directory's dotenv `names`. An environment name may hold a `/` (`review/feature-x`): the names
 * derived from it cannot be files, so they go to `unnamable` (skipped with the reason) and the others are read.
 */
function layeredFiles(dir, shownDir, names, unnamable) {
    for (const name of names.filter((n) => !isFileName(n))) {
        const file = shownDir === '.' ? name : `${shownDir}/${name}`;
        unnamable.set(file, { file, reason: UNNAMABLE_REASON });
    }
    return names.filter(isFileName).map((name) => path.join(dir, name));
}
const UNNAMABLE_REASON = 'the environment name cannot be part of a file name; this dotenv file was not read';
/** One name in a directory: no separator, no NUL, not `.` or `..`. */
function isFileName(name) {
    return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}
/** Paths in reports: relative to cwd, forward slashes. */
function relativePath(cwd, abs) {
    const relative = path.relative(cwd, abs);
    return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || '.';
}
function groupByDirectory(files) {
    const groups = new Map();
    for (const file of files) {
        const dir = path.dirname(file);
        const group = groups.get(dir) ?? new Set();
        group.add(file);
        groups.set(dir, group);
    }
    return groups;
}
/** An entry of `paths`: an existing file or directory, else a glob (an error when it matches nothing). */
function resolveEntry(cwd, entry, excludes, globs) {
    const abs = path.resolve(cwd, entry);
    const kind = pathKind(abs, entry);
    if (kind === 'file' || kind === 'dir')
        return [{ kind, abs }];
    if (kind === 'other')
        throw new InputError(`${entry}: not a regular file or directory`);
    if (!globs?.isPattern(entry))
        throw new InputError(`${entry}: no such file or directory`);
    const matches = globs.walk(cwd, entry, excludes);
    if (matches.length === 0)
        throw new InputError(`${entry}: matched no files`);
    return matches.sort().map((match) => {
        const isDir = match.endsWith('/');
        const abs = path.resolve(match);
        return isDir ? { kind: 'dir', abs } : { kind: 'globbed', abs };
    });
}

/**
 * Inline suppression in dotenv files:
 *   # clerk-production-gate-ignore dev-publishable-key, dev-url -- reason
 * on the line above a definition, or trailing it (`KEY=value # clerk-production-gate-ignore dev-url`).
 */
const DIRECTIVE = /^#\s*clerk-production-gate-ignore(?=\s|,|$)(.*)$/;
/** Rule ids named by `comment` (which starts at its `#`); empty when it is not a directive or names none. */
function parseIgnoreDirective(comment) {
    const m = DIRECTIVE.exec(comment.trim());
    if (!m)
        return [];
    const ids = (m[1] ?? '').split(/(?:^|\s)--(?:\s|$)/)[0] ?? '';
    return [...new Set(ids.split(/[\s,]+/).filter((id) => id !== ''))];
}

/*!
 * The LINE regex and the value post-processing below are copied from dotenv 16.6
 * (https://github.com/motdotla/dotenv), whose license follows.
 *
 * Copyright (c) 2015, Scott Motte
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * * Redistributions of source code must retain the above copyright notice, this
 *   list of conditions and the following disclaimer.
 *
 * * Redistributions in binary form must reproduce the above copyright notice,
 *   this list of conditions and the following disclaimer in the documentation
 *   and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 * AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/**
 * dotenv 16.6's LINE regex, copied verbatim from node_modules/dotenv/lib/main.js because `dotenv.parse`
 * returns only name → value and we need each definition's position (and every duplicate).
 * The corpus test checks that we still agree with `dotenv.parse`; re-copy it when upgrading dotenv.
 * Flags: dotenv uses `mg`; DEFINITION adds `d`, for where the name and the value of each match are.
 */
const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;
const DEFINITION = new RegExp(LINE.source, 'dgm');
const NOT_A_DEFINITION = 'line is not a NAME=value definition; dotenv ignores it';
/** dotenv's value post-processing, copied from its `parse` (trim, strip quotes, `\n`/`\r` in double quotes). */
function dotenvValue(raw) {
    let value = (raw ?? '').trim();
    const maybeQuote = value[0];
    // Only a value that starts with a quote can match dotenv's quote-stripping regex (unquoted values are one line).
    if (maybeQuote !== '"' && maybeQuote !== "'" && maybeQuote !== '`')
        return value;
    value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
    if (maybeQuote === '"') {
        value = value.replace(/\\n/g, '\n');
        value = value.replace(/\\r/g, '\r');
    }
    return value;
}
function parseDotenv(text, file) {
    // Same normalization as dotenv; `\r\n` and lone `\r` each become one `\n`, so line numbers stay physical.
    const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    const lineStarts = [0];
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1))
        lineStarts.push(i + 1);
    const hasBom = src.charCodeAt(0) === 0xfeff;
    // Suppression comments are rare: a file that never names the directive has no comment worth reading.
    const mayHaveDirectives = src.includes(DIRECTIVE_WORD);
    const variables = [];
    const diagnostics = [];
    const valueSpans = [];
    const lines = { src, lineStarts, valueSpans };
    let line = 1; // of the current name; names come in order, so this only moves forward
    let gapStart = 0; // where the previous match ended
    // One compiled regex for every file (parsing runs synchronously, so sharing its lastIndex is safe).
    const re = DEFINITION;
    re.lastIndex = 0;
    let match;
    while ((match = execLine(re, src, file, () => lineNumberAt(lineStarts, firstDefinitionAfter(src, gapStart)))) !== null) {
        const name = match[1];
        const nameSpan = match.indices?.[1];
        if (name === undefined || nameSpan === undefined)
            continue; // cannot happen: group 1 is mandatory
        const nameStart = nameSpan[0];
        // The text between two matches holds comments, blank lines and the lines dotenv ignores.
        reportIgnoredLines(gapStart, match.index);
        gapStart = match.index + match[0].length;
        while (line < lineStarts.length && lineStarts[line] <= nameStart)
            line++;
        // Editors do not count the BOM as a column.
        const column = nameStart - lineStarts[line - 1] + 1 - (line === 1 && hasBom ? 1 : 0);
        const origin = { kind: 'file', file, line, column };
        const variable = { name, value: dotenvValue(match[2]), origin };
        if (mayHaveDirectives) {
            const valueSpan = match.indices?.[2];
            variable.ignoredRules = directivesFor(lines, line, valueSpan ? valueSpan[1] : nameStart + name.length);
            if (valueSpan)
                valueSpans.push({ start: valueSpan[0], end: valueSpan[1] });
        }
        variables.push(variable);
    }
    reportIgnoredLines(gapStart, src.length + 1);
    markOverridden(variables);
    return { variables, diagnostics };
    /**
     * Lines starting in [from, to) whose first non-blank character is there too and is not a comment's `#`:
     * text dotenv skips without a word. A first character at or after `to` belongs to the next definition.
     */
    function reportIgnoredLines(from, to) {
        let start = from;
        if (from > 0 && src.charCodeAt(from - 1) !== NEWLINE) {
            const newline = src.indexOf('\n', from);
            if (newline === -1)
                return;
            start = newline + 1;
        }
        while (start < to) {
            const end = src.indexOf('\n', start);
            const lineEnd = end === -1 ? src.length : end;
            let first = start;
            while (first < lineEnd && isSpace(src.charCodeAt(first)))
                first++;
            if (first < lineEnd && first < to && src.charCodeAt(first) !== HASH) {
                diagnostics.push({ file, line: lineNumberAt(lineStarts, start), message: NOT_A_DEFINITION });
            }
            if (end === -1)
                return;
            start = end + 1;
        }
    }
}
/** An earlier definition of a name is overridden by the file's last one (dotenv keeps the last). */
function markOverridden(variables) {
    if (variables.length < 2)
        return;
    const last = new Map();
    for (let i = variables.length - 1; i >= 0; i--) {
        const v = variables[i];
        const winner = last.get(v.name);
        if (winner === undefined)
            last.set(v.name, v.origin);
        else
            v.shadowedBy = winner;
    }
}
function lineNumberAt(lineStarts, offset) {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo + 1;
}
/** Rule ids suppressed for the definition on `line` by a directive above it or trailing its value. */
function directivesFor(text, line, valueEnd) {
    const { src } = text;
    // Trailing comment: the rest of the physical line after the value (after the closing quote when quoted).
    const lineEnd = src.indexOf('\n', valueEnd);
    const hash = src.indexOf('#', valueEnd);
    const trailing = hash === -1 || (lineEnd !== -1 && hash > lineEnd)
        ? NONE
        : parseIgnoreDirective(src.slice(hash, lineEnd === -1 ? src.length : lineEnd));
    const above = line >= 2 ? commentAbove(text, line - 1) : NONE;
    return above.length + trailing.length === 0 ? undefined : [...new Set([...above, ...trailing])];
}
/** Ignore ids from physical line `n` when it is a standalone comment (not text inside a quoted value). */
function commentAbove({ src, lineStarts, valueSpans }, n) {
    const end = n < lineStarts.length ? lineStarts[n] - 1 : src.length;
    let first = lineStarts[n - 1];
    while (first < end && isSpace(src.charCodeAt(first)))
        first++;
    if (first === end || src.charCodeAt(first) !== HASH || inside(valueSpans, first))
        return NONE;
    return parseIgnoreDirective(src.slice(first, end));
}
const NONE = [];
/**
 * One match of LINE. Its quoted-value branches recurse once per character in V8's regex engine, so a quoted value
 * of some megabytes overflows the stack, in dotenv itself too (it throws "Maximum call stack size exceeded" and the
 * app cannot start). The gate makes that an input error naming the line, not a crash.
 */
function execLine(re, src, file, line) {
    try {
        return re.exec(src);
    }
    catch (error) {
        if (!(error instanceof RangeError))
            throw error;
        throw new InputError(`${file}:${line()}: a value too long for dotenv's parser (it overflows the stack there too, so the app ` +
            'would not start); shorten it or load it from a file');
    }
}
/** Offset of the first line from `from` (the end of the previous match) holding more than blanks and comments. */
function firstDefinitionAfter(src, from) {
    const match = /^[^\S\n]*[^#\s]/m.exec(src.slice(from));
    return match ? from + match.index : from;
}
const HASH = 0x23;
const NEWLINE = 0x0a;
const DIRECTIVE_WORD = 'clerk-production-gate-ignore';
/** What String.prototype.trim removes at the start of a line (without the line break, already split off). */
function isSpace(code) {
    return (code === 0x20 ||
        (code >= 0x09 && code <= 0x0d) ||
        code === 0xa0 ||
        code === 0xfeff ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000);
}
/** Whether `offset` falls in one of `spans` (sorted, non-overlapping: regex matches come in order). */
function inside(spans, offset) {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = spans[mid];
        if (offset < s.start)
            hi = mid - 1;
        else if (offset >= s.end)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

/** Where, without the column: `path/.env:3`, `https://example.com/app.js:1`, or the source's name. */
function shortOrigin(origin) {
    if (origin.kind === 'file')
        return `${origin.file}:${origin.line}`;
    if (origin.kind === 'url')
        return `${origin.url}:${origin.line}`;
    if (origin.kind === 'host')
        return describeHost(origin);
    return origin.kind;
}
/** `vercel project my-app (production)`, `netlify site 1234… (deploy-preview)`. */
function describeHost(origin) {
    return `${origin.host} ${origin.host === 'vercel' ? 'project' : 'site'} ${origin.project} (${origin.target})`;
}
/** Human form of an origin: `path/.env:3:1`, `https://example.com/app.js:1:20`, `vars`, `secrets`, `env`, `clerk-api`, `dns`. */
function describeOrigin(origin) {
    if (origin.kind === 'file')
        return `${origin.file}:${origin.line}:${origin.column}`;
    if (origin.kind === 'url')
        return `${origin.url}:${origin.line}:${origin.column}`;
    if (origin.kind === 'host')
        return describeHost(origin);
    return origin.kind;
}

/*!
 * The expansion below is ported from dotenv-expand 12.0.3 (https://github.com/motdotla/dotenv-expand), whose
 * license follows.
 *
 * Copyright (c) 2016, Scott Motte
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * * Redistributions of source code must retain the above copyright notice, this
 *   list of conditions and the following disclaimer.
 *
 * * Redistributions in binary form must reproduce the above copyright notice,
 *   this list of conditions and the following disclaimer in the documentation
 *   and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 * AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/**
 * The expansion of dotenv-expand 12.0.3 (`lib/main.js`, BSD-2-Clause: see the notice above), ported
 * because the package cannot be made safe from outside, and a gate must never hang or crash on a user's file:
 *
 * - It looks names up in plain objects, so a name that is also an `Object.prototype` property reads the
 *   inherited function or object: `A=${constructor}` loops forever, a variable named `constructor` throws
 *   ("replace is not a function"), `${toString}` becomes `[object Undefined]`.
 * - It loops forever on input such as `A=\$A` + `B=$A$B`: the escape-resolved `$A` is searched again, and
 *   replacing it with itself changes nothing.
 *
 * Here every lookup is of an own entry (a name is set or not, whatever it is called), and the expansion of one
 * value is bounded: more than MAX_STEPS substitutions, or more than MAX_TEXT characters searched in all (which
 * also bounds the `seen` set, which keeps every intermediate text), throws EndlessExpansion. Everything else is the
 * library's algorithm statement for statement, quirks included: `$&`/`$1` patterns in a substituted value,
 * `split(null)` for an expression without operator, the early stop when a value equals its own name's entry.
 * A test compares the two over the dotenv corpus and random input (the package stays a devDependency).
 */
/** Substitutions in one value: real values need a handful. */
const MAX_STEPS = 1000;
/** Characters searched while expanding one value, all steps together (`B=$A$A`, `C=$B$B`, … doubles each line). */
const MAX_TEXT = 1 << 22;
class EndlessExpansion extends Error {
    key;
    name = 'EndlessExpansion';
    constructor(key) {
        super(`the expansion of ${key} does not finish`);
        this.key = key;
    }
}
const REFERENCE = /(?<!\\)\${([^{}]+)}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)/g;
const OPERATOR = /(:\+|\+|:-|-)/;
function own(record, key) {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}
function resolveEscapeSequences(value) {
    return value.replace(/\\\$/g, '$');
}
function expandValue(key, value, processEnv, runningParsed, onReference) {
    // dotenv-expand builds `{ ...runningParsed, ...processEnv }`: process.env wins.
    const env = (name) => own(processEnv, name) ?? runningParsed.get(name);
    const regex = REFERENCE; // not re-entered: one expansion at a time
    regex.lastIndex = 0;
    let result = value;
    let match;
    const seen = new Set(); // self-referential checker
    let steps = 0;
    let searched = 0;
    while ((match = regex.exec(result)) !== null) {
        searched += result.length;
        if (++steps > MAX_STEPS || searched > MAX_TEXT)
            throw new EndlessExpansion(key);
        seen.add(result);
        const [template, bracedExpression, unbracedExpression] = match;
        const expression = (bracedExpression || unbracedExpression);
        const opMatch = expression.match(OPERATOR);
        // The library splits on `null` (the string "null") when there is no operator; kept for identical output.
        const splitter = opMatch ? opMatch[0] : null;
        const r = expression.split(splitter);
        let defaultValue;
        let found;
        const name = r.shift();
        if ([':+', '+'].includes(splitter)) {
            defaultValue = env(name) ? r.join(splitter) : '';
            found = null;
        }
        else {
            defaultValue = r.join(splitter);
            found = env(name);
        }
        if (found) {
            if (!seen.has(found))
                onReference(key, name);
            result = result.replace(template, seen.has(found) ? defaultValue : found);
        }
        else {
            result = result.replace(template, defaultValue);
        }
        // if the result equaled what was in process.env and runningParsed then stop expanding
        if (result === runningParsed.get(name))
            break;
        regex.lastIndex = 0; // reset regex search position to re-evaluate after each replacement
    }
    return result;
}
/** dotenv-expand's `expand`, except that it neither reads nor writes process.env (see the file comment). */
function expandDotenv(options) {
    const { parsed, processEnv, onReference = () => { } } = options;
    const runningParsed = new Map();
    for (const key of Object.keys(parsed)) {
        let value = parsed[key];
        const fromEnv = own(processEnv, key);
        if (fromEnv && fromEnv !== value) {
            value = fromEnv;
        }
        else if (value.includes('$')) {
            // Without a `$` there is no reference to expand and no `\$` to resolve: the value stays as it is.
            value = expandValue(key, value, processEnv, runningParsed, onReference);
        }
        if (value.includes('\\$'))
            value = resolveEscapeSequences(value);
        parsed[key] = value;
        runningParsed.set(key, value);
    }
    return parsed;
}

const NO_ENVIRONMENT = { values: {}, origins: new Map() };
/**
 * `${NAME}` / `$NAME` expansion as dotenv-expand does it (see dotenv-expand.ts), over dotenv definitions, against
 * the deployment's environment: Vite's `loadEnv`, `@next/env` and dotenv-expand all expand against `process.env`,
 * whose values win over the files'. A name the environment defines is shadowed in the files already (see
 * runtime.ts), so its file definitions are not in the context. Context = the effective (non-shadowed)
 * definitions, in order of each name's first appearance, which is what Vite does when it merges `.env` files:
 * pass layered sets lowest precedence first so that `.env.production` can use a name from `.env`. Expansion is
 * progressive: a reference to a name that comes later is empty. An expanded variable records what it was
 * expanded from (`references`), so a finding on it can say so.
 */
function expandVariables(vars, environment = NO_ENVIRONMENT) {
    if (!vars.some((v) => mayExpand(v.value)))
        return vars;
    // Names in order of first appearance (as dotenv.parse builds its object), each with its effective definition.
    const effective = new Map();
    for (const v of vars)
        if (!effective.has(v.name))
            effective.set(v.name, undefined);
    for (const v of vars)
        if (!v.shadowedBy)
            effective.set(v.name, v);
    const originOf = (name) => environment.origins.get(name) ?? effective.get(name)?.origin;
    // Object.fromEntries defines own properties, so a name such as `__proto__` stays a plain key; its key order
    // (integer-like names first) is the order dotenv-expand walks an object in.
    const context = Object.fromEntries([...effective].flatMap(([name, v]) => (v ? [[name, v.value]] : [])));
    const references = new Map();
    const record = (key, name) => {
        const origin = originOf(name);
        if (!origin)
            return;
        const list = references.get(key) ?? [];
        if (!list.some((r) => r.name === name))
            list.push({ name, origin });
        references.set(key, list);
    };
    try {
        expandDotenv({ parsed: context, processEnv: environment.values, onReference: record });
    }
    catch (error) {
        throw error instanceof EndlessExpansion ? endless(effective.get(error.key)) : error;
    }
    return vars.map((v) => {
        if (!v.shadowedBy) {
            const value = context[v.name];
            const from = references.get(v.name);
            return value === v.value ? v : { ...v, value, ...(from && { references: from }) };
        }
        if (!mayExpand(v.value))
            return v;
        // A shadowed definition sees the same (already expanded) context and environment, minus its own name:
        // dotenv-expand would otherwise replace the value with that name's value.
        const others = { ...context, ...environment.values };
        delete others[v.name];
        const one = Object.fromEntries([[v.name, v.value]]);
        const shadowedKey = `\u0000${v.name}`;
        try {
            expandDotenv({ parsed: one, processEnv: others, onReference: (_, name) => record(shadowedKey, name) });
        }
        catch (error) {
            throw error instanceof EndlessExpansion ? endless(v) : error;
        }
        const from = references.get(shadowedKey);
        references.delete(shadowedKey);
        return { ...v, value: one[v.name], ...(from && { references: from }) };
    });
}
/**
 * Whether expansion could change the value: a `${…}` or `$NAME` reference (dotenv-expand's regex, without the
 * look-behind for an escaping backslash, so a superset) or a `\$` escape, which it turns into `$`.
 * A `$` before a digit or a space, or at the end, passes through unchanged.
 */
const EXPANDABLE = /\$(?:\{[^{}]+\}|[A-Za-z_])|\\\$/;
function mayExpand(value) {
    return value.includes('$') && EXPANDABLE.test(value);
}
function endless(variable) {
    return new InputError(`${describeOrigin(variable.origin)}: ${variable.name}: its \${…} / $NAME expansion does not finish ` +
        '(dotenv-expand would loop or grow the value without bound); rewrite or remove the reference');
}

/**
 * Checked as name/value pairs (after JSON.parse has made an object): zod's record drops a `__proto__` key,
 * which is a valid variable name, and the gate must not skip a variable without a word.
 */
const entriesSchema = once(() => array(tuple([string(), string()])));
/** The token GitHub adds to every `toJSON(secrets)`; it is not one of the user's secrets. */
const GITHUB_TOKEN_KEY = 'github_token';
/**
 * Variables from `${{ toJSON(vars) }}` / `${{ toJSON(secrets) }}`: a JSON object of name → string.
 * Error messages name the label, a position or a key, never a value or any of the input text.
 */
async function parseJsonInput(text, kind, label) {
    if (text.trim() === '')
        return [];
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        // Loaded only here: a run without broken JSON does not load jsonc-parser (bench/README.md).
        const { errorPosition } = await import('./action-json-position.js');
        const { line, column } = errorPosition(text);
        throw new InputError(`${label}: invalid JSON at line ${line}, column ${column}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new InputError(`${label}: expected a JSON object of name → string`);
    }
    const entries = Object.entries(data);
    const result = entriesSchema().safeParse(entries);
    if (!result.success) {
        const index = Number(result.error.issues[0]?.path[0]);
        const key = entries[index]?.[0] ?? '?';
        throw new InputError(`${label}: the value of ${JSON.stringify(key)} is not a string`);
    }
    return result.data
        .filter(([name]) => !(kind === 'secrets' && name === GITHUB_TOKEN_KEY))
        .map(([name, value]) => ({ name, value, origin: { kind } }));
}

/** Variables the Actions runner sets for itself; never the app's configuration. */
const RUNNER_PREFIXES = ['GITHUB_', 'RUNNER_', 'INPUT_', 'ACTIONS_'];
function readProcessEnv(env) {
    const variables = [];
    for (const [name, value] of env) {
        if (value === undefined || RUNNER_PREFIXES.some((p) => name.startsWith(p)))
            continue;
        variables.push({ name, value, origin: { kind: 'env' } });
    }
    return variables;
}

/**
 * The deployment's own environment: process env, the hosts' project variables, secrets and vars. They do not shadow
 * each other (each is reported); for expansion and for shadowing dotenv files the winner is, highest first: the
 * process environment, a host, secrets, vars (see the README's precedence table for why).
 */
async function readRuntime(options, hosts = []) {
    const groups = [];
    if (options.processEnv)
        groups.push({ kind: 'env', variables: readProcessEnv(options.processEnv) });
    if (options.varsJson) {
        const { text, label } = options.varsJson;
        groups.push({ kind: 'vars', variables: await parseJsonInput(text, 'vars', label) });
    }
    if (options.secretsJson) {
        const { text, label } = options.secretsJson;
        groups.push({ kind: 'secrets', variables: await parseJsonInput(text, 'secrets', label) });
    }
    const winners = new Map();
    const values = new Map();
    const ranked = [
        ...['vars', 'secrets'].map((kind) => groups.find((g) => g.kind === kind)?.variables ?? []),
        ...hosts.map((h) => h.variables),
        groups.find((g) => g.kind === 'env')?.variables ?? []
    ];
    for (const variables of ranked) {
        for (const v of variables) {
            winners.set(v.name, v.origin);
            values.set(v.name, v.value);
        }
    }
    return {
        variables: [...groups.flatMap((g) => g.variables), ...hosts.flatMap((h) => h.variables)],
        sources: [
            ...groups.map((g) => ({ kind: g.kind, variables: g.variables.length })),
            ...hosts.map(({ origin: { host, project, target }, variables }) => ({
                kind: 'host',
                host,
                project,
                target,
                variables: variables.length
            }))
        ],
        winners,
        // Object.fromEntries keeps a name such as `__proto__` as an own key.
        expansion: { values: Object.fromEntries(values), origins: winners }
    };
}
/** Frameworks never override a variable already in the environment: runtime definitions shadow dotenv ones. */
function shadowByRuntime(variables, runtime) {
    for (const v of variables) {
        const winner = runtime.winners.get(v.name);
        if (winner)
            v.shadowedBy = winner;
    }
}

/**
 * Reads one unit. The runtime environment shadows every file definition of a name it defines; in a layered set
 * the highest-precedence definition of a name shadows the others. Then `${NAME}` references are expanded
 * against what reaches the app (see expand.ts).
 */
function readUnit(unit, cwd, runtime) {
    if (unit.kind === 'file') {
        const file = relativePath(cwd, unit.file);
        const parsed = parseDotenv(readDotenvText(unit.file, file), file);
        shadowByRuntime(parsed.variables, runtime);
        const variables = expandVariables(parsed.variables, runtime.expansion);
        return {
            variables,
            sources: [{ kind: 'file', file, variables: variables.length }],
            diagnostics: parsed.diagnostics
        };
    }
    const layers = unit.files.map((abs) => {
        const file = relativePath(cwd, abs);
        return { file, ...parseDotenv(readDotenvText(abs, file), file) };
    });
    for (const layer of layers)
        shadowByRuntime(layer.variables, runtime);
    const winner = new Map();
    for (const layer of layers) {
        for (const v of layer.variables)
            if (!v.shadowedBy && !winner.has(v.name))
                winner.set(v.name, v.origin);
    }
    for (const layer of layers) {
        for (const v of layer.variables) {
            const w = winner.get(v.name);
            if (w && w !== v.origin)
                v.shadowedBy = w;
        }
    }
    // Expansion runs over the merged set, lowest precedence first, as Vite and Next.js merge files.
    const lowestFirst = [...layers].reverse();
    const expanded = expandVariables(lowestFirst.flatMap((l) => l.variables), runtime.expansion);
    const variables = [];
    const sources = [];
    let end = expanded.length;
    // Back to highest precedence first, each file's definitions in file order.
    for (const layer of layers) {
        variables.push(...expanded.slice(end - layer.variables.length, end));
        end -= layer.variables.length;
        sources.push({ kind: 'file', file: layer.file, variables: layer.variables.length, framework: unit.framework });
    }
    return { variables, sources, diagnostics: layers.flatMap((l) => l.diagnostics) };
}

/**
 * Where an app's Clerk keys are read: compiled into the client build, or read by a server at runtime. When the
 * build carries the key, the build output is evidence of it; when a server reads it at runtime, the build output
 * proves nothing about it and only the deployment's variables can.
 *
 * Compiled into the client build (the build is evidence): Next.js (`NEXT_PUBLIC_` is inlined at build), Vite
 * (`VITE_`), Astro (`@clerk/astro` reads `import.meta.env.PUBLIC_CLERK_PUBLISHABLE_KEY`, an `astro:env` client
 * variable, in the browser), Expo (`EXPO_PUBLIC_`), Gatsby, Create React App.
 *
 * Read at runtime (the server hands the key to the browser), by each SDK's source:
 * - Nuxt, `nuxt build`: `@clerk/nuxt` puts the key in `runtimeConfig.public.clerk`, which a server fills from
 *   `NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY` when it starts and serialises into each page it renders. `nuxt generate`
 *   (nitro's `static` preset) prerenders the pages with the key in their HTML and writes no server: the build is
 *   evidence there.
 * - Remix: `@clerk/remix`'s `rootAuthLoader` reads `CLERK_PUBLISHABLE_KEY` from the request's context or
 *   `process.env`, and `ClerkApp` takes it from the loader's data.
 * - React Router (framework mode): `@clerk/react-router`'s `ReactRouterClerkProvider` takes the key only from the
 *   loader's `clerkState`, read on the server; in SPA mode (`ssr: false`) it is a prop compiled into the build.
 * - SvelteKit: `svelte-clerk` reads `PUBLIC_CLERK_PUBLISHABLE_KEY` from `$env/dynamic/public`, which the server
 *   fills at runtime.
 * - TanStack Start and SolidStart: `@clerk/tanstack-react-start` and `clerk-solidjs` prefer the key in the
 *   server's initial state, read from `process.env` at runtime, over the `VITE_CLERK_PUBLISHABLE_KEY` compiled
 *   into the client: the compiled one is only a fallback.
 *
 * Which one a build is, is told from what is on disk, per app: server output present means a server reads the
 * keys; client output alone with a prerendered `index.html` (or Nuxt's `200.html`) is a static or SPA build, whose
 * pages and bundle carry the key. Client output alone without one is taken as the client half of a server build
 * (fail closed).
 */
const RUNTIME_KEY_FRAMEWORKS = [
    {
        name: 'Nuxt',
        marks: (d) => d === 'nuxt',
        server: ['.output/server', '.vercel/output/functions'],
        client: ['.output/public'],
        prerendered: ['.output/public/index.html', '.output/public/200.html']
    },
    {
        name: 'Remix',
        marks: (d) => d.startsWith('@remix-run/'),
        server: ['build/server', 'build/index.js'],
        client: ['build/client', 'public/build'],
        prerendered: ['build/client/index.html']
    },
    {
        name: 'React Router',
        marks: (d) => d === '@react-router/dev',
        server: ['build/server'],
        client: ['build/client'],
        prerendered: ['build/client/index.html']
    },
    {
        name: 'SvelteKit',
        marks: (d) => d === '@sveltejs/kit',
        server: ['.svelte-kit/output/server'],
        client: ['.svelte-kit/output/client'],
        prerendered: []
    },
    {
        name: 'TanStack Start',
        marks: (d) => d === '@tanstack/react-start' || d === '@tanstack/solid-start' || d === '@tanstack/start',
        server: ['dist/server', '.output/server'],
        client: ['dist/client', '.output/public'],
        prerendered: []
    },
    {
        name: 'SolidStart',
        marks: (d) => d === '@solidjs/start',
        server: ['.output/server', 'dist/server'],
        client: ['.output/public', 'dist/client'],
        prerendered: []
    }
];
/** Packages named for Clerk that do not mean the app runs Clerk: tooling, types, the SDKs' internals. */
const NOT_AN_SDK = new Set(['@clerk/testing', '@clerk/types', '@clerk/shared', '@clerk/upgrade', '@clerk/dev-cli']);
/**
 * Whether a dependency is a Clerk SDK: Clerk's own (`@clerk/nuxt`, `@clerk/remix`, …) or a community one named for
 * Clerk (`svelte-clerk`, `clerk-sveltekit`, `clerk-solidjs`, `vue-clerk`, `@hono/clerk-auth`).
 */
function isClerkSdk(dependency) {
    if (NOT_AN_SDK.has(dependency))
        return false;
    return dependency.startsWith('@clerk/') || /(^|[/-])clerk(-|$)/.test(dependency);
}
/**
 * The apps that use a Clerk SDK and whose framework's build on disk reads Clerk's keys at runtime: among `appDirs`
 * (absolute; the working directory's first) and the apps that hold the build directories named in `buildDirs`
 * (the nearest directory with a package.json, up to the working directory). An app with no build output on disk is
 * not judged here.
 */
function runtimeKeyApps(cwd, appDirs, buildDirs = []) {
    const found = [];
    const named = buildDirs.filter((d) => d !== 'auto' && d !== 'none').map((d) => appHolding(cwd, path.resolve(cwd, d)));
    for (const dir of new Set([...appDirs, ...named.filter((d) => d !== undefined)])) {
        const app = (path.relative(cwd, dir) || '.').split(path.sep).join('/');
        const dependencies = packageDependencies(dir, app) ?? [];
        if (!dependencies.some(isClerkSdk))
            continue;
        for (const framework of RUNTIME_KEY_FRAMEWORKS) {
            if (!dependencies.some(framework.marks))
                continue;
            const evidence = runtimeEvidence(dir, framework);
            if (evidence !== undefined)
                found.push({ dir, app, framework: framework.name, evidence });
        }
    }
    return found;
}
/**
 * The app a directory belongs to: the nearest directory from `dir` up to `cwd` with a package.json; undefined
 * outside `cwd` or without one.
 */
function appHolding(cwd, dir) {
    const root = path.resolve(cwd);
    for (let at = dir;; at = path.dirname(at)) {
        const inside = path.relative(root, at);
        if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside))
            return undefined;
        if (exists(path.join(at, 'package.json')))
            return at;
        if (at === root)
            return undefined;
    }
}
/** The output that shows the keys are read at runtime; undefined for a static build or no build. */
function runtimeEvidence(dir, framework) {
    const server = framework.server.find((p) => exists(path.join(dir, p)));
    if (server !== undefined)
        return server;
    const client = framework.client.find((p) => exists(path.join(dir, p)));
    if (client === undefined)
        return undefined;
    if (framework.prerendered.some((p) => exists(path.join(dir, p))))
        return undefined;
    return `${client} without a prerendered page`;
}
function exists(abs) {
    try {
        statSync(abs);
        return true;
    }
    catch {
        return false;
    }
}

/** `1 finding`, `2 findings`. */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One checklist line per rule: pass, fail, or skipped when the rule does not apply here. */
function ruleChecks(rules, tally, isProduction) {
    return rules.map(({ meta }) => {
        const base = { id: meta.id, title: meta.title };
        if (!ruleApplies(meta, isProduction)) {
            const where = meta.appliesIn === 'production' ? 'production' : 'non-production';
            return { ...base, status: 'skipped', detail: `applies to ${where} environments only` };
        }
        const { active, quiet } = tally.forRule(meta.id);
        const note = quiet > 0 ? ` (${quiet} suppressed or shadowed)` : '';
        return active > 0
            ? { ...base, status: 'fail', detail: `${plural(active, 'finding')}${note}` }
            : { ...base, status: 'pass', detail: `no findings${note}` };
    });
}
/**
 * The first line of the checklist: how much the gate read. It fails the gate (exit 1, whatever `fail-on` but
 * `never`) when the gate judged nothing that shows the keys the app runs with: no variable and no build output, or
 * no Clerk variable for an app whose framework reads Clerk's keys at runtime (its build output cannot show them;
 * the deployed site, when it was read and showed Clerk, can).
 * Build output alone, of a framework that compiles the key into it, is evidence: the line is skipped, not failed.
 */
function readCheck(read) {
    const { sources, skipped, builtScanned, clerkRead, deployedClerk, runtimeKeys } = read;
    const variables = sources.reduce((sum, s) => sum + s.variables, 0);
    const base = { id: 'variables-read', title: 'Variables read from the deployment environment' };
    if (runtimeKeys.length > 0 && !deployedClerk) {
        const apps = runtimeKeys.map(({ app, framework, evidence }) => {
            const where = app === '.' ? '' : `${app}: `;
            return `${where}${framework} (${evidence}): this framework reads Clerk's keys at runtime`;
        });
        const what = variables === 0
            ? 'no variable was read'
            : clerkRead
                ? 'no Clerk variable was read for it'
                : `${plural(variables, 'variable')} read, none of them Clerk's`;
        return {
            ...base,
            status: 'fail',
            detail: `${apps.join('; ')}: pass its variables (vars-json, secrets-json or a host); ${what}`
        };
    }
    if (variables === 0 && builtScanned) {
        return { ...base, status: 'skipped', detail: 'no variable was read; the gate judged the build output only' };
    }
    if (variables === 0) {
        return {
            ...base,
            status: 'fail',
            detail: 'no variable was read: point env-files at the app, or pass vars-json / secrets-json'
        };
    }
    const files = sources.filter((s) => s.kind === 'file').length;
    const runtime = sources.filter((s) => s.kind !== 'file').map((s) => (s.kind === 'host' ? s.host : s.kind));
    const from = [files > 0 ? plural(files, 'file') : '', ...runtime].filter(Boolean).join(', ');
    const notJudged = skipped > 0 ? `; ${plural(skipped, 'file')} skipped (not loaded for this deploy)` : '';
    return { ...base, status: 'pass', detail: `${plural(variables, 'variable')} from ${from}${notJudged}` };
}

const PLATFORM_KEY_NAME = /(^|_)CLERK_PLATFORM_API_KEY$/;
/**
 * The keys among the variables that reach one app (unshadowed: the value the app runs with). A secret key is an
 * `sk_…` key in `CLERK_SECRET_KEY` (or another secret-key name); a legacy `live_`/`test_` API key counts too.
 */
function credentialsOf(effective) {
    const credentials = {};
    for (const { name, value, shadowedBy } of effective) {
        if (shadowedBy)
            continue;
        if (!credentials.secretKey && isSecretKeyVariable(name) && classifySecretKey(value)) {
            credentials.secretKey = { name, value };
        }
        else if (!credentials.publishableKey && isPublishableKeyVariable(name)) {
            const parsed = parsePublishableKey(value);
            if (parsed)
                credentials.publishableKey = { name, value, parsed };
        }
        else if (!credentials.platformKey && PLATFORM_KEY_NAME.test(name) && value.startsWith('ak_')) {
            credentials.platformKey = { name, value };
        }
    }
    return credentials;
}
/** Tells credential sets apart (in memory only: the text holds the keys). */
function credentialsKey(c) {
    return JSON.stringify([c.secretKey?.value ?? '', c.publishableKey?.value ?? '', c.platformKey?.value ?? '']);
}

/** Why the online checks do not run at all, or undefined when they do. */
function whyNotOnline(settings, sets) {
    if (settings.offline)
        return 'offline mode';
    if (!settings.isProduction)
        return 'applies to production environments only';
    if (sets.length === 0)
        return 'no Clerk key was read';
    return undefined;
}

/** Words for network and TLS error codes. */
const NETWORK_CODES = {
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
function codeWords(code) {
    return NETWORK_CODES[code] ?? code;
}
/** A network or TLS error code in words (`connection refused`, `TLS verification failed: …`). */
function networkWords(code) {
    return TLS_CODES.test(code) ? `TLS verification failed: ${codeWords(code)}` : codeWords(code);
}
/** The error code of a network failure, looking through undici's and Node's wrappers. */
function errorCode(error) {
    let current = error;
    for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
        const { code, name } = current;
        if (typeof code === 'string')
            return code;
        if (name === 'TimeoutError' || name === 'AbortError')
            return 'TIMEOUT';
        current = current.cause;
    }
    return 'UNKNOWN';
}
function networkKind(code) {
    if (TLS_CODES.test(code))
        return 'tls';
    if (code === 'TIMEOUT' || code.endsWith('_TIMEOUT') || code === 'ETIMEDOUT')
        return 'timeout';
    return 'network';
}

/** A 401 or 403: the key was refused. A revoked production key blocks the deploy whatever `on-api-error` says. */
function isAuthFailure(failure) {
    return failure.kind === 'http' && (failure.status === 401 || failure.status === 403);
}
/** Clerk error codes whose meaning deserves plainer words than the catalogue's. */
const CLERK_CODES = {
    clerk_key_invalid: 'the secret key is invalid or revoked',
    authentication_invalid: 'the key was not accepted',
    authorization_header_format_invalid: 'the key is not in the form the API expects',
    too_many_requests: 'rate limited by Clerk'
};
/** Words for node:dns (c-ares) error codes. */
const DNS_CODES = {
    ENOTFOUND: 'no such name (NXDOMAIN)',
    ENODATA: 'no record of this type',
    ESERVFAIL: 'the DNS server failed (SERVFAIL)',
    EREFUSED: 'the DNS server refused the query',
    ECONNREFUSED: 'the DNS server refused the connection',
    ETIMEOUT: 'no answer from the DNS server (timed out)',
    ECANCELLED: 'the query was cancelled'
};
/** Longest text taken from a server's error message. */
const MAX_SERVER_TEXT = 300;
/**
 * The failure with its one-line message. Text the server sent (Clerk's error messages) is cut short and
 * scrubbed of every secret, in case an error ever quoted the request.
 */
function describeFailure(failure, scrubber = new Scrubber()) {
    const trace = failure.clerk?.clerk_trace_id ? ` (Clerk trace id ${failure.clerk.clerk_trace_id})` : '';
    const reason = scrubber.scrub(`${reasonOf(failure, scrubber)}${trace}`);
    return { ...failure, reason, message: `${failure.endpoint}: ${reason}` };
}
function reasonOf(failure, scrubber) {
    switch (failure.kind) {
        case 'http': {
            const first = failure.clerk?.errors[0];
            if (!first)
                return `HTTP ${failure.status}`;
            // Scrubbed before it is cut: a key cut in two would no longer be found whole.
            const words = CLERK_CODES[first.code] ?? scrubber.scrub(first.long_message ?? first.message);
            return `HTTP ${failure.status}, ${scrubber.scrub(first.code).slice(0, 100)}: ${words.slice(0, MAX_SERVER_TEXT)}`;
        }
        case 'invalid-response':
            return `unexpected response (HTTP ${failure.status}): ${failure.detail ?? 'invalid'}`;
        case 'dns':
            return DNS_CODES[failure.code ?? ''] ?? failure.code ?? 'failed';
        case 'tls':
            return `TLS verification failed: ${codeWords(failure.code ?? 'failed')}`;
        default:
            return failure.code === undefined ? 'failed' : codeWords(failure.code);
    }
}

const API_ORIGIN = { kind: 'clerk-api' };
const DNS_ORIGIN = { kind: 'dns' };
const RANK = { skipped: 0, pass: 1, error: 2, fail: 3 };
/** Each online rule's checklist line and hits, merged over every set of keys checked. */
class Outcome {
    onApiError;
    lines = new Map();
    hits = [];
    failedEndpoints = new Set();
    constructor(onApiError) {
        this.onApiError = onApiError;
    }
    pass(meta, detail) {
        this.line(meta, 'pass', detail);
    }
    skip(meta, reason) {
        this.line(meta, 'skipped', reason);
    }
    fail(meta, messageId, parts) {
        this.hits.push({
            meta,
            messageId,
            data: parts.data,
            ...(parts.severity !== undefined && { severity: parts.severity }),
            ...(parts.fixId !== undefined && { fixId: parts.fixId }),
            subject: parts.variable,
            value: parts.value,
            origin: parts.origin
        });
        this.line(meta, 'fail', formatMessage(meta, messageId, parts.data));
    }
    /** A call the rule needed gave no answer: the line says so, and the failure is a clerk-api-error hit once. */
    failed(meta, failure) {
        this.line(meta, 'error', failure.message);
        if (this.failedEndpoints.has(failure.endpoint))
            return;
        this.failedEndpoints.add(failure.endpoint);
        const severity = isAuthFailure(failure) || this.onApiError === 'fail' ? 'error' : 'warning';
        this.hits.push({
            meta: clerkApiError,
            messageId: 'failed',
            data: { message: failure.message },
            severity,
            subject: failure.endpoint,
            value: failure.status ? `HTTP ${failure.status}` : (failure.code ?? failure.kind),
            origin: failure.kind === 'dns' ? DNS_ORIGIN : API_ORIGIN
        });
    }
    result() {
        const apiFailures = this.hits.filter((h) => h.meta === clerkApiError);
        if (!this.lines.has(clerkApiError.id)) {
            const checked = [...this.lines.values()].some((l) => l.status !== 'skipped');
            if (apiFailures.length > 0)
                this.line(clerkApiError, 'fail', `${apiFailures.length} failed`);
            else if (checked)
                this.line(clerkApiError, 'pass', 'every call answered');
            else
                this.line(clerkApiError, 'skipped', [...this.lines.values()][0]?.details[0] ?? 'nothing to call');
        }
        const checks = ONLINE_RULES.map((meta) => {
            const line = this.lines.get(meta.id);
            const status = line?.status ?? 'skipped';
            return { id: meta.id, title: meta.title, status, detail: line?.details.join('; ') ?? 'skipped' };
        });
        return { hits: this.hits, checks };
    }
    line(meta, status, detail) {
        const line = this.lines.get(meta.id);
        if (!line) {
            this.lines.set(meta.id, { meta, status, details: [detail] });
            return;
        }
        if (RANK[status] > RANK[line.status])
            line.status = status;
        if (!line.details.includes(detail))
            line.details.push(detail);
    }
}
/** Every online check skipped, for one reason. */
function skippedOnline(reason) {
    const outcome = new Outcome('fail');
    for (const rule of ONLINE_RULES)
        outcome.skip(rule, reason);
    return outcome.result();
}

const SEVERITY_RANK = { error: 3, warning: 2, notice: 1 };
/** Severities, most severe first: the order of every report. */
const SEVERITIES = ['error', 'warning', 'notice'];

/**
 * Running counts of findings, so the verdict, summary and checklist need not keep the findings
 * themselves (a large tree's findings can be written out as they come).
 */
class FindingTally {
    /** Active (not suppressed) findings by severity. */
    bySeverity = { error: 0, warning: 0, notice: 0 };
    suppressed = 0;
    /** Per rule: findings that count against it, and suppressed or shadowed (notice) ones. */
    byRule = new Map();
    add(finding) {
        if (finding.suppressed)
            this.suppressed += 1;
        else
            this.bySeverity[finding.severity] += 1;
        const counts = this.byRule.get(finding.rule) ?? { active: 0, quiet: 0 };
        if (!finding.suppressed && finding.severity !== 'notice')
            counts.active += 1;
        else
            counts.quiet += 1;
        this.byRule.set(finding.rule, counts);
    }
    forRule(rule) {
        return this.byRule.get(rule) ?? { active: 0, quiet: 0 };
    }
}

/** Names whose values are treated as secrets whatever they hold. */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|API_KEY|_KEY$)/i;
const PUBLIC_KEY_NAME = /PUBLISHABLE_KEY$/i;
/** Shorter values are placeholders (`true`, `xxx`); masking them would garble every log line. */
const MIN_SECRET_LENGTH = 8;
/**
 * Workflow-command names (actions/runner's registered commands). A "secret" line equal to one of them would make
 * the runner mask that word everywhere in the log, commands included: a hostile value must not get to choose.
 */
const COMMAND_WORDS = new Set([
    'set-env',
    'set-output',
    'save-state',
    'add-mask',
    'add-path',
    'add-matcher',
    'remove-matcher',
    'debug',
    'warning',
    'error',
    'notice',
    'group',
    'endgroup',
    'echo',
    'stop-commands',
    'pause-logging'
]);
/** Whether a variable's value is a secret: from secrets, shaped like a key, or named like one. */
function isSecretVariable({ name, value, origin }) {
    return (origin.kind === 'secrets' ||
        classifySecretKey(value) !== null ||
        isWebhookSecret(value) ||
        isRestrictedKey(value) ||
        (SECRET_NAME.test(name) && !PUBLIC_KEY_NAME.test(name)));
}
/**
 * Values to register with the runner's log masking (`core.setSecret`): every secret value, and each line of a
 * multi-line one (the runner masks line by line). A line shorter than 8 characters or equal to a workflow-command
 * word is not registered.
 */
function secretValues(variables) {
    const values = new Set();
    for (const variable of variables) {
        if (!isSecretVariable(variable))
            continue;
        const { value } = variable;
        for (const part of [value, ...value.split(/\r?\n/)]) {
            const word = part.trim();
            if (word.length >= MIN_SECRET_LENGTH && !COMMAND_WORDS.has(word.toLowerCase()))
                values.add(part);
        }
    }
    return [...values];
}

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
function displayValue(variable) {
    const { value } = variable;
    if (isSecretVariable(variable) || EMBEDDED_KEY.test(value))
        return redact(value);
    const shown = isPath(value) || hostOf(value) !== null ? withoutCredentials(value) : null;
    if (shown === null || TOKEN_IN_PATH.test(pathOf(shown)))
        return redact(value);
    return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown;
}
/** The part after the host: `/sign-in` of `https://example.com/sign-in`. */
function pathOf(url) {
    const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/|^\/\//i, '');
    const slash = afterScheme.search(/[/?#]/);
    return slash === -1 ? '' : afterScheme.slice(slash);
}
/** A path on the app's own domain (`/sign-in`), not a protocol-relative URL. */
function isPath(value) {
    return value.startsWith('/') && !value.startsWith('//') && !/\s/.test(value);
}
/** The URL or host with user-info, query string and fragment replaced by `…`. */
function withoutCredentials(value) {
    const trimmed = value.trim();
    const scheme = /^[a-z][a-z0-9+.-]*:\/\/|^\/\//i.exec(trimmed)?.[0] ?? '';
    const rest = trimmed.slice(scheme.length);
    const authorityEnd = rest.search(/[/?#]/);
    const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
    let tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
    const at = authority.lastIndexOf('@');
    const host = at === -1 ? authority : `…@${authority.slice(at + 1)}`;
    const hash = tail.indexOf('#');
    if (hash !== -1)
        tail = `${tail.slice(0, hash)}#…`;
    const query = tail.indexOf('?');
    if (query !== -1)
        tail = `${tail.slice(0, query)}?…${hash !== -1 ? '#…' : ''}`;
    return scheme + host + tail;
}

/**
 * The one way from a check's hit to a reportable finding, for every rule: words it from the rule's messages,
 * shows the value safely (secrets and the keys in an excerpt redacted), downgrades a shadowed definition to a
 * notice, and records (never drops) a suppression: the `ignore` option or an ignore comment in a dotenv file.
 */
function toFinding(hit, ignored) {
    const finding = 'variable' in hit ? variableFinding(hit) : placeFinding(hit);
    const suppression = suppressionOf(hit, ignored);
    if (suppression)
        finding.suppressed = suppression;
    return finding;
}
function variableFinding(hit) {
    const { meta, variable } = hit;
    let message = formatMessage(meta, hit.messageId, hit.data);
    if (variable.references && !hit.absent)
        message += ` ${expandedFrom(variable.references)}`;
    if (variable.shadowedBy) {
        message += ' It is overridden by a higher-precedence definition, so it does not reach the environment.';
    }
    const finding = {
        rule: meta.id,
        severity: variable.shadowedBy ? 'notice' : (hit.severity ?? meta.severity),
        variable: hit.subject ?? variable.name,
        value: hit.absent ? '(not set)' : displayValue(variable),
        origin: variable.origin,
        message,
        fix: fixOf(hit)
    };
    if (variable.shadowedBy)
        finding.shadowedBy = variable.shadowedBy;
    if (variable.references && !hit.absent)
        finding.expandedFrom = variable.references;
    return finding;
}
function placeFinding(hit) {
    const finding = {
        rule: hit.meta.id,
        severity: hit.severity ?? hit.meta.severity,
        variable: hit.subject,
        value: hit.secret ? redact(hit.value) : hit.value,
        origin: hit.origin,
        message: formatMessage(hit.meta, hit.messageId, hit.data),
        fix: fixOf(hit)
    };
    if (hit.excerpt !== undefined)
        finding.excerpt = redactKeysIn(hit.excerpt);
    if (hit.original)
        finding.original = hit.original;
    return finding;
}
function fixOf(hit) {
    return hit.fixId === undefined ? hit.meta.fix : formatMessage(hit.meta, hit.fixId, hit.data);
}
/** `Its value is expanded from ${CLERK_PUBLISHABLE_KEY} (secrets).` */
function expandedFrom(references) {
    const list = references.map(({ name, origin }) => `\${${name}} (${describeOrigin(origin)})`).join(', ');
    return `Its value is expanded from ${list}.`;
}
/** The `ignore` option, for every rule; an ignore comment on the variable's line, for a hit on a dotenv variable. */
function suppressionOf(hit, ignored) {
    const { id } = hit.meta;
    if (ignored.has(id))
        return { by: 'ignore-option' };
    if (!('variable' in hit) || hit.absent)
        return undefined;
    const { origin, ignoredRules } = hit.variable;
    if (origin.kind === 'file' && ignoredRules?.includes(id)) {
        return { by: 'inline-comment', file: origin.file, line: origin.line };
    }
    return undefined;
}

/**
 * Where every check's hits go: they become findings here (engine/to-finding.ts: ignore, suppression, shadowing,
 * masking), are counted, and are kept or handed to a sink. Also collects the secret values found, for masking,
 * and tells each to the run's scrubber, which takes every secret known from the texts of findings made from outside
 * answers (any finding not on a file: hosts, Clerk's APIs, DNS, the deployed site).
 */
class FindingOutput {
    sink;
    collectSecrets;
    scrubber;
    tally = new FindingTally();
    kept = [];
    secretSet = new Set();
    ignored;
    settingsPages;
    constructor(ignore, hostSources, sink, collectSecrets, scrubber = new Scrubber()) {
        this.sink = sink;
        this.collectSecrets = collectSecrets;
        this.scrubber = scrubber;
        this.ignored = new Set(ignore);
        this.settingsPages = new Map(hostSources.map((h) => [describeOrigin(h.origin), h.settingsUrl]));
    }
    /**
     * One scope's hits as findings. Within a scope by location. A sink buffers each severity apart; here the stable
     * sort by severity in `findings()` keeps reading order. Returns the scope's findings, for its checklist lines.
     */
    emit(hits) {
        const found = hits.map((hit) => this.scrubbed(toFinding(hit, this.ignored)));
        found.sort(byLocation);
        for (const original of found) {
            // A finding on a host's variable says where to change it: the project's settings page.
            const page = original.origin.kind === 'host' ? this.settingsPages.get(describeOrigin(original.origin)) : undefined;
            const finding = page && !original.fix.includes(page) ? { ...original, fix: `${original.fix} Change it at ${page}.` } : original;
            this.tally.add(finding);
            if (this.sink)
                this.sink.add(finding);
            else
                this.kept.push(finding);
        }
        return found;
    }
    /** Secret values found by a check: for the shell to register with log masking, and for the scrubber. */
    keepSecrets(values) {
        this.scrubber.add(values);
        if (this.collectSecrets)
            for (const secret of values)
                this.secretSet.add(secret);
    }
    /** The secret values among variables read. */
    keepVariables(variables) {
        this.keepSecrets(secretValues(variables));
    }
    /** A finding made from an outside answer (not on a file), with every secret known so far scrubbed from it. */
    scrubbed(finding) {
        if (finding.origin.kind === 'file')
            return finding;
        return { ...finding, message: this.scrubber.scrub(finding.message), fix: this.scrubber.scrub(finding.fix) };
    }
    get secrets() {
        return [...this.secretSet];
    }
    /** The findings kept (none when a sink took them), by severity. */
    findings() {
        return this.kept.sort(bySeverity);
    }
}
function bySeverity(a, b) {
    return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}
/** Within one scope: files (by path, then line) before vars, secrets and env; then by rule. */
function byLocation(a, b) {
    const fileA = a.origin.kind === 'file' ? a.origin : null;
    const fileB = b.origin.kind === 'file' ? b.origin : null;
    if (fileA && fileB)
        return compare(fileA.file, fileB.file) || fileA.line - fileB.line || compare(a.rule, b.rule);
    if (fileA || fileB)
        return fileA ? -1 : 1;
    return compare(a.origin.kind, b.origin.kind) || compare(a.rule, b.rule);
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** How a finding names what was found, in place of a variable. */
const ARTIFACT_LABEL = {
    'publishable-key': 'publishable key',
    'secret-key': 'secret key',
    'dev-host': 'Frontend API host'
};
/** The message's words for a secret key: Clerk's and Stripe's share the `sk_` prefixes. */
function secretKeyKind(artifact) {
    return artifact.legacy
        ? `2021-era Clerk API key (${artifact.key.startsWith('live_') ? 'live_' : 'test_'}…)`
        : `secret key (${artifact.key.slice(0, 8)}…, Clerk or Stripe format)`;
}
/** A hit on something found in built or fetched code: keys are secret (redacted), hosts shown in full. */
function artifactHit(meta, messageId, data, hit, origin, severity) {
    const { artifact } = hit;
    return {
        meta,
        messageId,
        data,
        ...(severity !== undefined && { severity }),
        subject: ARTIFACT_LABEL[artifact.kind],
        value: artifact.kind === 'dev-host' ? artifact.host : artifact.key,
        secret: artifact.kind !== 'dev-host',
        origin,
        excerpt: hit.excerpt,
        ...(hit.original && { original: hit.original })
    };
}
/**
 * One checklist line per rule: skipped where the rule does not apply or nothing was scanned; else fail (counting
 * hits past the listing cap), incomplete when part of the output was not read, or pass.
 */
function artifactChecks(rules, findings, isProduction, scanned, notScanned, gaps = {}) {
    return rules.map((meta) => {
        const base = { id: meta.id, title: meta.title };
        if (!ruleApplies(meta, isProduction)) {
            const where = meta.appliesIn === 'production' ? 'production' : 'non-production';
            return { ...base, status: 'skipped', detail: `applies to ${where} environments only` };
        }
        if (scanned === undefined)
            return { ...base, status: 'skipped', detail: notScanned };
        const mine = findings.filter((f) => f.rule === meta.id);
        const listed = mine.filter((f) => !f.suppressed).length;
        // `ignore` is per rule: hits past the cap share the listed ones' suppression.
        const omitted = gaps.omitted?.get(meta.id) ?? 0;
        const active = listed > 0 ? listed + omitted : 0;
        const quiet = mine.length - listed + (listed > 0 ? 0 : omitted);
        const note = quiet > 0 ? ` (${quiet} suppressed)` : '';
        const unlisted = listed > 0 && omitted > 0 ? `; ${omitted} not listed` : '';
        if (active > 0)
            return { ...base, status: 'fail', detail: `${plural(active, 'finding')} in ${scanned}${unlisted}${note}` };
        if (gaps.incomplete !== undefined) {
            return {
                ...base,
                status: 'incomplete',
                detail: `no findings in what was read of ${scanned}, but ${gaps.incomplete}${note}`,
                ...(gaps.tolerated && { tolerated: true })
            };
        }
        return { ...base, status: 'pass', detail: `no findings in ${scanned}${note}` };
    });
}

/**
 * Where a framework writes the code the browser loads, by the package that marks the framework. Server output
 * (`.next/server`, `.output/server`, `dist/server` beside `dist/client`) is never scanned as client code (see
 * isServerDir): server secrets belong there. Next's prerendered pages are the exception: served as they are, they
 * are read as client output (see PRERENDERED).
 */
const CLIENT_OUTPUT = [
    // `out` is `output: 'export'` (a static export).
    [(d) => d === 'next', ['.next/static', '.next/server/app', '.next/server/pages', 'out']],
    [(d) => d === 'vite' || d === 'astro' || d === 'expo', ['dist']],
    [(d) => d.startsWith('@remix-run/') || d === '@react-router/dev', ['build/client', 'public/build']],
    [(d) => d === 'nuxt', ['.output/public']],
    [(d) => d === '@sveltejs/kit', ['.svelte-kit/output/client', '.svelte-kit/output/prerendered']],
    [(d) => d === 'react-scripts', ['build/static']],
    // TanStack Start and SolidStart: `dist/client` beside `dist/server` (Vite), or Nitro's `.output/public`.
    [(d) => /^@tanstack\/(react-|solid-)?start$/.test(d) || d === '@solidjs/start', ['dist', '.output/public']],
    // Qwik City: `dist/` (the SSR build goes to `server/` beside it).
    [(d) => d === '@builder.io/qwik-city' || d === '@qwik.dev/router', ['dist']],
    [(d) => d === 'gatsby', ['public']],
    [(d) => d === '@docusaurus/core', ['build']],
    [(d) => d === '@11ty/eleventy', ['_site']]
];
/** Vercel's Build Output API (`vercel build`): every framework's static client files. */
const VERCEL_STATIC = '.vercel/output/static';
/** Directories under a build directory that hold server code or caches, never client code. */
const SERVER_DIRS = [
    '.next/server',
    '.next/cache',
    '.next/standalone',
    '.output/server',
    'build/server',
    '.svelte-kit/output/server',
    '.vercel/output/functions'
];
/** Beside one of these, a `server` directory is a framework's server build (Astro, TanStack Start, Angular SSR). */
const CLIENT_SIBLINGS = ['client', 'browser'];
/**
 * Server directories whose prerendered files are served to the browser as they are, and which files those are:
 * Next's App Router pages (`.html`, the RSC payload `.rsc`, a static route's `.body`) and Pages Router pages
 * (`.html`, and the `getStaticProps` data `.json` served under `/_next/data`). Their JS is server code.
 */
const PRERENDERED = [
    ['.next/server/app', new Set(['.html', '.rsc', '.body'])],
    ['.next/server/pages', new Set(['.html', '.json'])]
];
/** Where an Astro adapter writes the server build: node (`dist/server`), Netlify, Vercel. */
const ASTRO_SERVER_OUTPUT = ['dist/server', '.netlify/build', '.vercel/output/functions'];
/**
 * The build directories to scan. Named ones must exist (a typo must not pass silently) and must not be server
 * output. `auto` takes, for the working directory and each app directory the gate read, the client output of the
 * frameworks its package.json names, when that output exists, and `.vercel/output/static`. `none` scans nothing.
 *
 * A Next.js `.next` without `BUILD_ID` is `next dev`'s output, which holds the development key by design: it is
 * skipped with the reason, so a local run after `next dev` is not a false alarm.
 */
function planBuildDirs(cwd, buildDirs, appDirs) {
    const dirs = new Set();
    const skipped = [];
    const rel = (abs) => path.relative(cwd, abs).split(path.sep).join('/') || '.';
    const apps = [...new Set([cwd, ...appDirs])];
    for (const entry of buildDirs) {
        if (entry === 'none')
            continue;
        if (entry !== 'auto') {
            const abs = path.resolve(cwd, entry);
            if (!isDirectory(abs))
                throw new InputError(`build-dirs: ${entry} is not a directory (build the app first?)`);
            if (prerenderedExtensions(abs) === undefined && insideServerDir(abs)) {
                throw new InputError(`build-dirs: ${entry} is server output, not client code (secrets belong there)`);
            }
            dirs.add(abs);
            continue;
        }
        for (const app of apps) {
            for (const candidate of clientOutputOf(app, rel)) {
                const abs = path.join(app, candidate);
                if (!isDirectory(abs) || dirs.has(abs))
                    continue;
                if (candidate.startsWith('.next/') && !existsSync(path.join(app, '.next/BUILD_ID'))) {
                    skipped.push({ file: rel(abs), reason: 'a next dev build (no .next/BUILD_ID), not a production build' });
                    continue;
                }
                dirs.add(abs);
            }
        }
    }
    const scanned = dirs.size > 0;
    const astroServerDirs = scanned ? apps.flatMap((app) => astroServerOutput(app, rel)) : [];
    return { dirs: [...dirs], skipped, astroServerDirs };
}
function clientOutputOf(app, rel) {
    const dependencies = packageDependencies(app, rel(app)) ?? [];
    const dirs = CLIENT_OUTPUT.filter(([test]) => dependencies.some(test)).flatMap(([, d]) => d);
    if (dependencies.includes('@angular/core'))
        dirs.push(...angularBrowserOutput(app, rel));
    return [...new Set([...dirs, VERCEL_STATIC])];
}
function astroServerOutput(app, rel) {
    if (!(packageDependencies(app, rel(app)) ?? []).includes('astro'))
        return [];
    return ASTRO_SERVER_OUTPUT.map((d) => path.join(app, d)).filter(isDirectory);
}
/** The most of an angular.json read; a larger one is refused, not judged in part. */
const MAX_ANGULAR_JSON_BYTES = 4 * 1024 * 1024;
const outputPathSchema = union([string(), object({ base: string(), browser: optional(string()) })]);
const angularJsonSchema = object({
    projects: optional(record(string(), object({
        architect: optional(object({
            build: optional(object({ options: optional(object({ outputPath: optional(outputPathSchema) })) }))
        }))
    })))
});
/**
 * Angular's browser output, relative to the app: for each project in angular.json, `<outputPath>/browser` (the
 * application builder; `outputPath.browser` when set) or `<outputPath>` itself (the older browser builder), and
 * without an angular.json, every `dist/<project>/browser`. The `server` beside `browser` is never scanned.
 */
function angularBrowserOutput(app, rel) {
    const name = path.posix.join(rel(app), 'angular.json');
    let text;
    try {
        const read = readRegularFile(path.join(app, 'angular.json'), MAX_ANGULAR_JSON_BYTES);
        if (read.overCap)
            throw new InputError(`${name}: larger than ${sizeInWords(MAX_ANGULAR_JSON_BYTES)}, not read`);
        text = read.bytes.toString('utf8');
    }
    catch (err) {
        if (!(err instanceof UnreadableFile))
            throw err;
        if (!err.missing)
            throw new InputError(`${name}: ${err.reason}`);
        return dirsNamed(path.join(app, 'dist'), 'browser').map((d) => path.relative(app, d));
    }
    let parsed;
    try {
        parsed = angularJsonSchema.parse(JSON.parse(text.replace(/^\uFEFF/, '')));
    }
    catch {
        throw new InputError(`${name}: not a readable angular.json (JSON with projects.<name>.architect.build.options)`);
    }
    return Object.values(parsed.projects ?? {}).flatMap((project) => {
        const outputPath = project.architect?.build?.options?.outputPath;
        if (outputPath === undefined)
            return [];
        const base = typeof outputPath === 'string' ? outputPath : outputPath.base;
        const browser = typeof outputPath === 'string' ? 'browser' : (outputPath.browser ?? 'browser');
        const nested = path.join(base, browser);
        return [isDirectory(path.join(app, nested)) ? nested : base];
    });
}
/** The directories named `name` one level under `dir`, sorted. */
function dirsNamed(dir, name) {
    let entries;
    try {
        entries = readdirSync(dir).sort();
    }
    catch {
        return [];
    }
    return entries.map((e) => path.join(dir, e, name)).filter(isDirectory);
}
function isDirectory(abs) {
    try {
        return statSync(abs).isDirectory();
    }
    catch {
        return false;
    }
}
const toPosix = (abs) => abs.split(path.sep).join('/');
/**
 * Whether a directory is server output (or a cache) of a framework: one of SERVER_DIRS by its path's end, or a
 * `server` directory beside a `client` or `browser` one (Astro, TanStack Start, Angular SSR). A `server` folder with
 * an `index.html` is a site's page (`/docs/server/` beside `/docs/client/`), not server output: it is read.
 */
function isServerDir(abs) {
    const posix = toPosix(abs);
    if (SERVER_DIRS.some((server) => posix.endsWith(`/${server}`)))
        return true;
    return (path.basename(abs) === 'server' &&
        CLIENT_SIBLINGS.some((c) => isDirectory(path.join(abs, '..', c))) &&
        !existsSync(path.join(abs, 'index.html')));
}
/** Whether a directory is server output or inside it. */
function insideServerDir(abs) {
    for (let dir = abs; path.dirname(dir) !== dir; dir = path.dirname(dir))
        if (isServerDir(dir))
            return true;
    return false;
}
/**
 * The extensions read as client output in a directory of prerendered pages (or under one), such as
 * `.next/server/app`; undefined for any other directory.
 */
function prerenderedExtensions(abs) {
    const posix = `${toPosix(abs)}/`;
    return PRERENDERED.find(([dir]) => posix.includes(`/${dir}/`))?.[1];
}
/** The prerendered-page directories inside a server directory (`.next/server/app`, `.next/server/pages`). */
function prerenderedDirsIn(serverDir) {
    return PRERENDERED.map(([dir]) => path.join(serverDir, path.basename(dir))).filter((d) => prerenderedExtensions(d) !== undefined && isDirectory(d));
}
/** A directory's entries, sorted by name; one that cannot be read stops the gate (exit 2), naming it. */
function directoryEntries(abs, rel) {
    let entries;
    try {
        entries = readdirSync(abs, { withFileTypes: true });
    }
    catch (error) {
        throw new InputError(`build-dirs: cannot read directory ${rel(abs)} (${error.code ?? 'error'})`);
    }
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The built client bundle: what the browser will load, whatever the variables said. Finds development
 * publishable keys and hosts (production only) and secret keys (everywhere).
 */
async function checkBundle(cwd, buildDirs, appDirs, isProduction, onApiError = 'fail') {
    const plan = planBuildDirs(cwd, buildDirs, appDirs);
    const notScanned = buildDirs.length === 1 && buildDirs[0] === 'none'
        ? 'build-dirs is none'
        : 'no build output found (build the app before the gate, or set build-dirs)';
    if (plan.dirs.length === 0) {
        return {
            hits: [],
            checklist: () => artifactChecks(BUNDLE_RULES, [], isProduction, undefined, notScanned),
            skipped: plan.skipped,
            secrets: [],
            scanned: false
        };
    }
    // The scanner's modules are a chunk of their own, loaded only when there is build output: a run without any
    // does not compile them at start-up (bench/README.md).
    const { scanBundle } = await import('./action-scan-bundle.js');
    return scanBundle(cwd, plan, isProduction, onApiError, notScanned);
}

/**
 * The files the hosts' CLIs write when a directory is linked to a project: `.vercel/project.json` (`vercel link`)
 * and `.netlify/state.json` (`netlify link`). A missing file is `undefined` (the directory is not linked); a file
 * that is there but unreadable or not in the expected shape is a `LinkFileError` whose message names the file and
 * how to fix it.
 */
/** The most of a link file read: the CLIs write a few hundred bytes. */
const MAX_LINK_FILE_BYTES = 1024 * 1024;
class LinkFileError extends Error {
    file;
    constructor(file, message) {
        super(message);
        this.file = file;
        this.name = 'LinkFileError';
    }
}
const VERCEL_LINK_FILE = path.join('.vercel', 'project.json');
const NETLIFY_LINK_FILE = path.join('.netlify', 'state.json');
const nonEmpty = once(() => string().check(_trim(), _minLength(1)));
const vercelProjectFile = once(() => looseObject({
    projectId: nonEmpty(),
    orgId: optional(nonEmpty()),
    projectName: optional(string())
}));
const netlifyStateFile = once(() => looseObject({ siteId: nonEmpty() }));
/** `.vercel/project.json` under `dir`, or undefined when there is none. */
async function readVercelLink(dir) {
    const data = await readLinkFile(dir, VERCEL_LINK_FILE, vercelProjectFile, 'run `vercel link` again');
    if (data === undefined)
        return undefined;
    const { projectId, orgId, projectName } = data;
    return {
        file: VERCEL_LINK_FILE,
        projectId,
        ...(orgId !== undefined && { orgId }),
        ...(orgId?.startsWith('team_') && { teamId: orgId }),
        ...(projectName && { projectName })
    };
}
/** `.netlify/state.json` under `dir`, or undefined when there is none. */
async function readNetlifyLink(dir) {
    const data = await readLinkFile(dir, NETLIFY_LINK_FILE, netlifyStateFile, 'run `netlify link` again');
    if (data === undefined)
        return undefined;
    return { file: NETLIFY_LINK_FILE, siteId: data.siteId };
}
async function readLinkFile(dir, file, schema, fix) {
    let text;
    try {
        const read = readRegularFile(path.join(dir, file), MAX_LINK_FILE_BYTES);
        if (read.overCap)
            throw new LinkFileError(file, `${file} is larger than 1 MB, not a link file: ${fix}`);
        text = read.bytes.toString('utf8');
    }
    catch (error) {
        if (!(error instanceof UnreadableFile))
            throw error;
        if (error.missing)
            return undefined;
        throw new LinkFileError(file, `${file} could not be read (${error.code ?? error.reason}): ${fix}`);
    }
    let json;
    try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch {
        throw new LinkFileError(file, `${file} is not valid JSON: ${fix}`);
    }
    const parsed = schema().safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.length ? issue.path.map(String).join('.') : undefined;
        const what = field === undefined
            ? 'is not a JSON object'
            : isMissing(json, issue?.path ?? [])
                ? `has no ${field}`
                : `has an invalid ${field}`;
        throw new LinkFileError(file, `${file} ${what}: ${fix}`);
    }
    return parsed.data;
}
function isMissing(json, at) {
    let current = json;
    for (const key of at) {
        if (current === null || typeof current !== 'object' || !(key in current))
            return true;
        current = current[key];
    }
    return current === undefined || current === null;
}

/**
 * The hosts' variables for this deploy, when a token is there: project and team from the options, else from the
 * link files the hosts' CLIs write (`.vercel/project.json`, `.netlify/state.json`). A linked project without a
 * token is a notice saying how to enable it; no token and no link: the host is not used. Offline: skipped.
 */
async function readHostSources(options, cwd, isProduction, reader, scrubber) {
    const notes = [];
    const [vercelLink, netlifyLink] = await Promise.all([
        link$1(() => readVercelLink(cwd)),
        link$1(() => readNetlifyLink(cwd))
    ]);
    const plan = {
        timeoutMs: options.apiTimeoutMs,
        onApiError: options.onApiError,
        ...(scrubber !== undefined && { scrubber })
    };
    const vercelProject = options.vercelProject ?? vercelLink?.projectId;
    if (options.vercelToken && vercelProject) {
        const target = vercelTarget(options.environment, isProduction, options.gitBranch);
        const team = options.vercelTeam ?? vercelLink?.teamId;
        plan.vercel = {
            token: options.vercelToken,
            project: vercelProject,
            ...(team !== undefined && { team }),
            ...(options.vercelApiUrl && { apiUrl: options.vercelApiUrl }),
            target,
            targetName: target.kind === 'environment' ? target.name : target.kind
        };
    }
    else if (options.vercelToken) {
        notes.push(note('noProject', 'vercel', { token: 'VERCEL_TOKEN', host: 'Vercel', input: 'vercel-project' }));
    }
    else if (vercelProject) {
        const file = vercelLink ? '.vercel/project.json' : 'vercel-project';
        notes.push(note('notLinked', 'vercel', { file, host: 'Vercel', token: 'VERCEL_TOKEN' }));
    }
    const netlifySite = options.netlifySite ?? netlifyLink?.siteId;
    if (options.netlifyToken && netlifySite) {
        plan.netlify = {
            token: options.netlifyToken,
            site: netlifySite,
            ...(options.netlifyApiUrl && { apiUrl: options.netlifyApiUrl }),
            context: netlifyContext(options.environment, isProduction, options.gitBranch)
        };
    }
    else if (options.netlifyToken) {
        notes.push(note('noProject', 'netlify', { token: 'NETLIFY_AUTH_TOKEN', host: 'Netlify', input: 'netlify-site' }));
    }
    else if (netlifySite) {
        const file = netlifyLink ? '.netlify/state.json' : 'netlify-site';
        notes.push(note('notLinked', 'netlify', { file, host: 'Netlify', token: 'NETLIFY_AUTH_TOKEN' }));
    }
    const none = !plan.vercel && !plan.netlify;
    if (none || options.offline || !reader) {
        const reason = options.offline && !none ? 'offline mode' : 'no Vercel or Netlify token (VERCEL_TOKEN, NETLIFY_AUTH_TOKEN)';
        if (!none && !options.offline && !reader)
            throw new Error('the host readers were not loaded');
        return { sources: [], hits: notes, checks: hostChecks(reason, notes) };
    }
    const result = await reader(plan);
    return { ...result, hits: [...notes, ...result.hits] };
}
/** Vercel's target for the environment: production, preview (on the pull request's branch) or a custom one. */
function vercelTarget(environment, isProduction, gitBranch) {
    if (isProduction)
        return { kind: 'production' };
    if (environment.toLowerCase() === 'preview')
        return { kind: 'preview', ...(gitBranch && { gitBranch }) };
    return { kind: 'environment', name: environment };
}
/** Netlify's deploy context for the environment. */
function netlifyContext(environment, isProduction, gitBranch) {
    if (isProduction)
        return 'production';
    const name = environment.toLowerCase();
    if (name === 'preview' || name === 'deploy-preview')
        return 'deploy-preview';
    return gitBranch ? `branch:${gitBranch}` : 'branch-deploy';
}
async function link$1(read) {
    try {
        return await read();
    }
    catch (error) {
        if (error instanceof LinkFileError)
            throw new InputError(error.message);
        throw error;
    }
}
function note(messageId, host, data) {
    const origin = { kind: 'host', host, project: '(not read)', target: '(none)' };
    return {
        meta: hostVariableUnreadable,
        messageId,
        data,
        fixId: `${messageId}Fix`,
        subject: messageId === 'notLinked' ? (data.token ?? '') : (data.input ?? ''),
        value: '(not set)',
        origin
    };
}
/** The checklist when no host was read. */
function hostChecks(reason, notes) {
    return [
        { id: hostApiError.id, title: hostApiError.title, status: 'skipped', detail: reason },
        {
            id: hostVariableUnreadable.id,
            title: hostVariableUnreadable.title,
            status: 'skipped',
            detail: notes.length > 0 ? notes.map((n) => formatMessage(n.meta, n.messageId, n.data)).join(' ') : reason
        }
    ];
}

/** Every deployed-site check skipped, for one reason. */
function skippedSite(reason) {
    const checks = SITE_RULES.map((m) => ({ id: m.id, title: m.title, status: 'skipped', detail: reason }));
    return { hits: [], checklist: () => checks, secrets: [] };
}

/** Diagnostics kept for the report; the rest are counted. */
const MAX_DIAGNOSTICS = 100;
/**
 * The whole gate: sources → variables → rules → findings → report. Knows nothing of GitHub.
 * Dotenv units are read and checked one at a time and then dropped, so memory stays flat as the tree
 * grows; only findings (redacted) are kept, or handed to a sink.
 *
 * Findings come by severity (errors first); within a severity in reading order: units as planned (argument
 * order, a glob's files sorted), inside a unit by file, line and rule, and the runtime environment last.
 */
async function runGate(input, hooks = {}) {
    const options = parseGateOptions(input);
    const cwd = path.resolve(options.cwd);
    const isProduction = isProductionEnvironment(options);
    // Every network check of the run ends by this deadline (net/deadline.ts).
    const deadline = runDeadline(options.apiTimeoutMs);
    // The hosts' project variables first: they are runtime sources, which shadow dotenv files.
    const scrubber = Scrubber.of(hooks.scrubber, [
        options.vercelToken,
        options.netlifyToken,
        options.vercelProtectionBypass
    ]);
    const hosts = await readHostSources(options, cwd, isProduction, hooks.hosts, scrubber);
    const runtime = await readRuntime(options, hosts.sources);
    const mode = buildMode(options.environment, isProduction);
    const { units, skipped } = planSources({
        cwd,
        paths: options.paths,
        framework: options.framework,
        environment: mode,
        targetModes: targetModes(options, mode, isProduction)
    }, hooks.globs);
    const sink = hooks.onPlanned?.(units.length) ?? undefined;
    const out = new FindingOutput(options.ignore, hosts.sources, sink, hooks.collectSecrets !== false, scrubber);
    out.keepVariables(runtime.variables);
    out.emit(hosts.hits);
    const scope = { cwd, runtime, environment: options.environment, isProduction };
    const variables = checkVariables(units, scope, out);
    // What was built: the client output on disk.
    const appDirs = units.flatMap((u) => (u.kind === 'layered' ? [u.dir] : []));
    const bundle = await checkBundle(cwd, options.buildDirs, appDirs, isProduction, options.onApiError);
    const bundleChecks = bundle.checklist(out.emit(bundle.hits));
    skipped.push(...bundle.skipped);
    out.keepSecrets(bundle.secrets);
    const remote = await checkRemote(options, isProduction, variables.credentials, hooks, out, deadline);
    const builtScanned = bundle.scanned || remote.siteChecks.some((c) => c.status !== 'skipped');
    const read = readCheck({
        sources: variables.sources,
        skipped: skipped.length,
        builtScanned,
        clerkRead: variables.clerkRead,
        // The deployed page shows the instance a server hands the browser, whatever reads the keys.
        deployedClerk: remote.siteChecks.some((c) => c.id === 'deployed-no-clerk' && c.status === 'pass'),
        // Each app whose own files named no Clerk key; a runtime source reaches every app.
        runtimeKeys: variables.clerkForAll
            ? []
            : runtimeKeyApps(cwd, [cwd, ...appDirs], options.buildDirs).filter((a) => !variables.clerkApps.has(a.dir))
    });
    const checks = [
        read,
        ...hosts.checks,
        ...ruleChecks(RULES, out.tally, isProduction),
        ...bundleChecks,
        ...remote.siteChecks,
        ...remote.onlineChecks
    ];
    const report = gateReport(options, isProduction, out, read, { ...variables, skipped, checks });
    return { report: scrubReport(report, out), secrets: out.secrets };
}
/**
 * The variables, one scope at a time: each dotenv unit, read and judged and then dropped, and the runtime
 * environment as its own scope last.
 */
function checkVariables(units, settings, out) {
    const { cwd, runtime, environment, isProduction } = settings;
    const base = { environment, isProduction, hasRuntimeSources: runtime.sources.length > 0 };
    const sources = [];
    const diagnostics = [];
    let diagnosticsTotal = 0;
    const frameworks = new Set();
    let clerkInFiles = false;
    const clerkApps = new Set();
    let clerkForAll = runtime.variables.some(isSetClerkVariable);
    const runtimeConcerning = runtime.variables.filter((v) => mayConcernClerk(v.name, v.value));
    const credentials = new Map();
    const noteCredentials = (effective) => {
        const found = credentialsOf(effective);
        if (found.secretKey || found.publishableKey)
            credentials.set(credentialsKey(found), found);
    };
    for (const unit of units) {
        const contents = readUnit(unit, cwd, runtime);
        const unitFrameworks = new Set(unit.kind === 'layered' ? [unit.framework] : []);
        for (const f of unitFrameworks)
            frameworks.add(f);
        const variables = contents.variables.filter((v) => mayConcernClerk(v.name, v.value));
        const effective = [...variables.filter((v) => !v.shadowedBy), ...runtimeConcerning];
        const context = { ...base, variables, effective, frameworks: unitFrameworks };
        out.emit(check(RULES, context));
        noteCredentials(effective);
        clerkInFiles ||= variables.some((v) => isClerkVariable(v.name));
        if (variables.some(isSetClerkVariable)) {
            const app = appHolding(cwd, unit.kind === 'layered' ? unit.dir : path.dirname(path.resolve(cwd, unit.file)));
            if (app === undefined)
                clerkForAll = true;
            else
                clerkApps.add(app);
        }
        sources.push(...contents.sources);
        diagnosticsTotal += contents.diagnostics.length;
        diagnostics.push(...contents.diagnostics.slice(0, MAX_DIAGNOSTICS - diagnostics.length));
        out.keepVariables(contents.variables);
    }
    // The runtime environment as its own scope. Whether keys are missing was already judged with each
    // app's files when there were Clerk variables in them.
    const runtimeRules = clerkInFiles ? RULES.filter((r) => r.meta.id !== 'missing-key') : RULES;
    const runtimeContext = {
        ...base,
        variables: runtimeConcerning,
        effective: runtimeConcerning,
        frameworks
    };
    out.emit(check(runtimeRules, runtimeContext));
    if (!clerkInFiles)
        noteCredentials(runtimeConcerning);
    sources.push(...runtime.sources);
    return {
        sources,
        diagnostics,
        diagnosticsOmitted: diagnosticsTotal - diagnostics.length,
        credentials: [...credentials.values()],
        clerkRead: clerkForAll || clerkApps.size > 0,
        clerkForAll,
        clerkApps
    };
}
/** The Clerk APIs and the deployed site, at once: neither waits for the other. */
async function checkRemote(options, isProduction, sets, hooks, out, deadline) {
    const settings = { ...options, isProduction, deadline, scrubber: out.scrubber };
    const notOnline = whyNotOnline(settings, sets);
    if (!notOnline && !hooks.online)
        throw new Error('the online checks were not loaded');
    const expectedKeys = sets.flatMap((s) => s.publishableKey ? [{ name: s.publishableKey.name, value: s.publishableKey.value }] : []);
    const [online, site] = await Promise.all([
        notOnline || !hooks.online ? skippedOnline(notOnline ?? '') : hooks.online(sets, settings),
        checkDeployedSite(options, { isProduction, deadline, scrubber: out.scrubber }, expectedKeys, hooks.site)
    ]);
    out.emit(online.hits);
    const siteChecks = site.checklist(out.emit(site.hits));
    out.keepSecrets(site.secrets);
    return { onlineChecks: online.checks, siteChecks };
}
/** The report: the verdict from the tally and the read check, and what was read. */
function gateReport(options, isProduction, out, read, parts) {
    const { error: errors, warning: warnings, notice: notices } = out.tally.bySeverity;
    // A gate that read no variable and no build output has checked nothing; it must not say the deploy passed.
    // Nor may one whose check could not read everything, in production.
    const passed = options.failOn === 'never' ||
        (read.status !== 'fail' &&
            !incompleteFailsGate(parts.checks, isProduction) &&
            errors === 0 &&
            (options.failOn === 'error' || warnings === 0));
    return {
        environment: options.environment,
        isProduction,
        passed,
        failOn: options.failOn,
        summary: { errors, warnings, notices, suppressed: out.tally.suppressed },
        sources: parts.sources,
        skipped: parts.skipped,
        findings: out.findings(),
        checks: parts.checks,
        diagnostics: parts.diagnostics,
        diagnosticsOmitted: parts.diagnosticsOmitted
    };
}
/** The deployed site, when a deployment URL is set: not offline, and only with the check loaded. */
function checkDeployedSite(options, { isProduction, deadline, scrubber }, expectedKeys, site) {
    if (options.deploymentUrl === undefined)
        return Promise.resolve(skippedSite('no deployment-url'));
    if (options.offline)
        return Promise.resolve(skippedSite('offline mode'));
    if (!site)
        throw new Error('the deployed-site check was not loaded');
    return site({
        url: options.deploymentUrl,
        ...(options.vercelProtectionBypass !== undefined && { bypass: options.vercelProtectionBypass }),
        timeoutMs: options.apiTimeoutMs,
        deadline,
        dnsServers: options.dnsServers,
        onApiError: options.onApiError,
        isProduction,
        expectedKeys,
        scrubber
    });
}
/**
 * The report with every secret the run found scrubbed, once more, from the texts that may quote an outside answer:
 * the checks' details, the skipped reasons and the findings not on a file. A server's message may quote a secret
 * the gate only found later in the run (a key in a dotenv file, read after the hosts answered).
 */
function scrubReport(report, out) {
    const { scrubber } = out;
    return {
        ...report,
        checks: report.checks.map((check) => ({ ...check, detail: scrubber.scrub(check.detail) })),
        skipped: report.skipped.map((skip) => ({ ...skip, reason: scrubber.scrub(skip.reason) })),
        findings: report.findings.map((finding) => out.scrubbed(finding))
    };
}
/**
 * The mode whose dotenv files a directory's framework loads. A production deploy builds in `production`
 * mode whatever the GitHub environment is called (`prod`, `Production`, `live`): `next build` and
 * `vite build` both default to it, so reading `.env.prod` instead would miss the real file. Other
 * environments use their name, lower-cased, as with `vite build --mode staging` or NODE_ENV=staging.
 */
function buildMode(environment, isProduction) {
    return isProduction ? 'production' : environment.toLowerCase();
}
/**
 * The mode names that mean this deploy, so a glob reads their `.env.<mode>` files: the build mode, the
 * environment's own name, for a production deploy every production environment's name, and the usual short
 * forms of each (`.env.prod` for production).
 */
function targetModes(options, mode, isProduction) {
    const names = [mode, options.environment, ...(isProduction ? options.productionEnvironments : [])];
    return new Set(names.flatMap((name) => [name.toLowerCase(), ...(MODE_ALIASES[name.toLowerCase()] ?? [])]));
}
/** Short names people give a mode's file: `.env.prod` is production's, `.env.stage` staging's. */
const MODE_ALIASES = {
    production: ['prod', 'prd'],
    staging: ['stage', 'stg'],
    development: ['dev'],
    preview: ['pre']
};
/**
 * A Clerk variable that tells the gate something: a Clerk name or a Clerk publishable key, with a value (or a
 * host's write-only variable, set but unreadable). A committed empty placeholder tells nothing.
 */
function isSetClerkVariable(variable) {
    const set = variable.unreadable === true || !isBlank(variable.value);
    return set && (isClerkVariable(variable.name) || publishableKeyOf(variable) !== null);
}
function check(rules, context) {
    const hits = [];
    for (const rule of rules)
        for (const hit of rule.check(context))
            hits.push({ ...hit, meta: rule.meta });
    return hits;
}

function readShellEnvironment(env) {
    return {
        inActions: env.GITHUB_ACTIONS === 'true',
        defaults: optionDefaults(env),
        color: env.NO_COLOR ? 'never' : env.FORCE_COLOR && env.FORCE_COLOR !== '0' ? 'always' : 'auto',
        variables: Object.entries(env)
    };
}
/** The runner's context of the run, for the action (the CLI has no use for it). */
function readGitHubContext(env) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const set = (value) => (value ? value : undefined);
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        eventPath: set(env.GITHUB_EVENT_PATH),
        owner,
        repo,
        sha: env.GITHUB_SHA ?? '',
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, ''),
        apiUrl: set(env.GITHUB_API_URL),
        graphqlUrl: set(env.GITHUB_GRAPHQL_URL),
        runId: set(env.GITHUB_RUN_ID),
        workspace: set(env.GITHUB_WORKSPACE),
        runnerTemp: set(env.RUNNER_TEMP),
        stepSummary: set(env.GITHUB_STEP_SUMMARY)
    };
}
/** The values the declarations' `fromEnvironment` name, by option key; empty variables are not set. */
function optionDefaults(env) {
    const pairs = [
        ['vercelProtectionBypass', env.VERCEL_AUTOMATION_BYPASS_SECRET],
        ['vercelToken', env.VERCEL_TOKEN],
        ['vercelApiUrl', env.VERCEL_API_URL],
        ['vercelProject', env.VERCEL_PROJECT_ID],
        // VERCEL_ORG_ID is a team only when it is a team id; a personal account's id is no team.
        ['vercelTeam', env.VERCEL_ORG_ID?.startsWith('team_') ? env.VERCEL_ORG_ID : undefined],
        ['netlifyToken', env.NETLIFY_AUTH_TOKEN],
        ['netlifyApiUrl', env.NETLIFY_API_URL],
        ['netlifySite', env.NETLIFY_SITE_ID],
        ['gitBranch', branchOf(env)]
    ];
    return Object.fromEntries(pairs.filter((pair) => Boolean(pair[1])));
}
/** The branch a preview deploys: the pull request's head branch, else the pushed branch. */
function branchOf(env) {
    if (env.GITHUB_HEAD_REF)
        return env.GITHUB_HEAD_REF;
    const ref = env.GITHUB_REF ?? '';
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/** GitHub shows at most this many annotations of each level per step. */
const ANNOTATIONS_PER_LEVEL = 10;
/** Annotation level: shadowed findings are informational notices; suppressed ones get none. */
function levelOf(f) {
    if (f.suppressed)
        return undefined;
    return f.shadowedBy ? 'notice' : f.severity;
}
function annotate$1(f, level) {
    const shadowed = f.shadowedBy
        ? `\nShadowed by ${describeOrigin(f.shadowedBy)}: this definition does not reach the environment.`
        : '';
    const where = f.origin.kind === 'file' ? '' : ` (${describeOrigin(f.origin)})`;
    const annotation = {
        level,
        title: `${f.rule}: ${f.variable}${where}`,
        message: `${f.message}\nValue: ${f.value}${shadowed}\nFix: ${f.fix}`
    };
    if (f.origin.kind === 'file') {
        annotation.file = f.origin.file;
        annotation.startLine = f.origin.line;
        annotation.startColumn = f.origin.column;
    }
    return annotation;
}
/** `and 16 more errors: rule-a ×3, rule-b ×2 — see the job summary` (rules by count, then id). */
function aggregate(level, rest) {
    const counts = new Map();
    for (const f of rest)
        counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    const byRule = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([rule, n]) => `${rule} ×${n}`);
    const more = `${rest.length} more ${level}s`;
    return {
        level,
        title: `clerk-production-gate: ${more}`,
        message: `and ${more}: ${byRule.join(', ')} — see the job summary`
    };
}
/** At most 10 annotations per level; past that, 9 findings and one aggregate for the rest. */
function planAnnotations(report) {
    return SEVERITIES.flatMap((level) => {
        const findings = report.findings.filter((f) => levelOf(f) === level);
        if (findings.length <= ANNOTATIONS_PER_LEVEL)
            return findings.map((f) => annotate$1(f, level));
        const shown = findings.slice(0, ANNOTATIONS_PER_LEVEL - 1);
        return [...shown.map((f) => annotate$1(f, level)), aggregate(level, findings.slice(ANNOTATIONS_PER_LEVEL - 1))];
    });
}

/** Small helpers shared by the reporters. */
/** `2 errors, 1 warning, 0 notices (1 suppressed)` — from the report's own summary. */
function summaryLine(summary) {
    const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notices, 'notice')}`;
    return `${counts} (${summary.suppressed} suppressed)`;
}
function describeSuppression(s) {
    return s.by === 'ignore-option'
        ? 'suppressed by the ignore option'
        : `suppressed by an inline comment at ${s.file}:${s.line}`;
}
/** Why a finding is shown apart (suppressed or shadowed), or undefined for a live finding. */
function hiddenReason(finding) {
    if (finding.suppressed)
        return describeSuppression(finding.suppressed);
    if (finding.shadowedBy)
        return `shadowed by ${describeOrigin(finding.shadowedBy)}`;
    return undefined;
}
/** A group key per location: the file path, or the source kind (`vars`, `secrets`, `env`). */
function locationGroup(finding) {
    const { origin } = finding;
    if (origin.kind === 'file')
        return `file:${origin.file}`;
    if (origin.kind === 'url')
        return `url:${origin.url}`;
    if (origin.kind === 'host')
        return `host:${origin.host}:${origin.project}:${origin.target}`;
    return origin.kind;
}
/** Findings grouped by file/source in first-appearance order, sorted by line and column inside a file. */
function sortByLocation(findings) {
    const groups = new Map();
    for (const f of findings) {
        const key = locationGroup(f);
        const group = groups.get(key);
        if (group)
            group.push(f);
        else
            groups.set(key, [f]);
    }
    const position = (f) => f.origin.kind === 'file' || f.origin.kind === 'url' ? [f.origin.line, f.origin.column] : [0, 0];
    return [...groups.values()].flatMap((group) => [...group].sort((a, b) => {
        const [la, ca] = position(a);
        const [lb, cb] = position(b);
        return la - lb || ca - cb;
    }));
}

/**
 * The Actions runner reads every line a step prints: a line that starts with `::` (after leading blanks) is a
 * workflow command, and so is `##[command]` anywhere in a line. Text the gate echoes from its input (paths,
 * variable names) must never become one: `::error title=Deploy approved::…`, `::add-mask::`, `::stop-commands::`.
 */
/** A path shown first on a line: `./` in front when it would start with `::`. */
function pathAtLineStart(file) {
    return /^\s*::/.test(file) ? `./${file}` : file;
}
/**
 * Every line of `text` made inert: a leading `::` is written `\x3a:` and `##[` is written `##\x5b`, in the
 * `\xNN` form the text report already uses for control characters.
 */
function neutraliseCommands(text) {
    return text.replace(/^(\s*)::/gm, '$1\\x3a:').replace(/##\[/g, '##\\x5b');
}
/**
 * `text` between `::stop-commands::<token>` and `::<token>::`: the runner treats no line in between as a
 * command. The token is random, so the text cannot end the block itself.
 */
function withoutCommands(text) {
    const token = `clerk-production-gate-${randomUUID()}`;
    const body = text.endsWith('\n') ? text : `${text}\n`;
    return `::stop-commands::${token}\n${body}::${token}::\n`;
}

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', notice: 'cyan' };
const CHECK_MARK = {
    pass: ['✓', 'green'],
    fail: ['✗', 'red'],
    skipped: ['–', 'dim'],
    error: ['!', 'yellow'],
    incomplete: ['◐', 'yellow']
};
/** Control characters (ESC, CR, newlines…) in report strings are shown escaped so they cannot drive the terminal. */
function sanitizeForTerminal(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
function renderText(report, options) {
    const paint = (style, s) => s;
    const t = sanitizeForTerminal;
    const verdict = report.passed ? paint('green', 'PASSED') : paint('red', 'FAILED');
    const scope = report.isProduction ? '' : ' (not production)';
    const lines = [
        `${paint('bold', 'clerk-production-gate')}  environment ${t(report.environment)}${scope}  ${verdict}`,
        ''
    ];
    const findings = sortByLocation(report.findings);
    if (findings.length === 0)
        lines.push('No findings.', '');
    let previousGroup;
    for (const f of findings) {
        const group = locationGroup(f);
        if (previousGroup !== undefined && group !== previousGroup)
            lines.push('');
        previousGroup = group;
        lines.push(...findingLines(f, paint, t));
    }
    if (findings.length > 0)
        lines.push('');
    if (report.skipped.length > 0) {
        lines.push(paint('bold', 'Skipped files (not judged)'));
        for (const { file, reason } of report.skipped)
            lines.push(`  ${t(file)} ${paint('dim', `— ${t(reason)}`)}`);
        lines.push('');
    }
    lines.push(paint('bold', 'Checks'));
    for (const check of report.checks) {
        const [mark, style] = CHECK_MARK[check.status];
        const detail = check.detail ? ` — ${t(check.detail)}` : '';
        lines.push(`  ${paint(style, mark)} ${t(check.title || check.id)} ${paint('dim', `(${t(check.id)})`)}${detail}`);
    }
    const incomplete = report.checks.filter((c) => c.status === 'incomplete').length;
    const unread = incomplete > 0 ? `; ${plural(incomplete, 'check')} could not read everything (◐)` : '';
    lines.push('', `${summaryLine(report.summary)}${unread}`);
    // Run in a CI step, this text is read by the runner too: nothing echoed from the input may be a command.
    return neutraliseCommands(`${lines.join('\n')}\n`);
}
/** For a finding in built code or a fetched page: the source-map position and the text around it. */
function builtContext$1(f, t) {
    const lines = [];
    if (f.original)
        lines.push(`    source: ${t(`${f.original.file}:${f.original.line}:${f.original.column}`)}`);
    if (f.excerpt !== undefined)
        lines.push(`    excerpt: ${t(f.excerpt)}`);
    return lines;
}
function findingLines(f, paint, t) {
    const reason = hiddenReason(f);
    const severity = f.severity.padEnd(7);
    const head = (sev) => `${t(pathAtLineStart(describeOrigin(f.origin)))}  ${sev}  ${t(f.rule)}  ${t(f.variable)} = ${t(f.value)}`;
    const body = [`    ${t(f.message)}`, ...builtContext$1(f, t), `    fix: ${t(f.fix)}`];
    if (reason === undefined)
        return [head(paint(SEVERITY_STYLE[f.severity], severity)), ...body];
    // Suppressed or shadowed: the whole block dimmed, with a marker that survives without colour.
    return [`${head(severity)}  [${t(reason)}]`, ...body].map((line) => paint('dim', line));
}

/**
 * Lines dotenv ignores, as `file:line: note: message`; a run of consecutive lines of one file with the same
 * message is one note (`file:25-32: …`), since a stray multi-line value would otherwise fill the screen.
 * The lines' text is never shown: it may hold a secret.
 */
function renderDiagnostics(report) {
    const lines = groupRuns(report.diagnostics).map(({ file, first, last, message }) => {
        const where = pathAtLineStart(sanitizeForTerminal(file));
        return `${where}:${first === last ? first : `${first}-${last}`}: note: ${message}\n`;
    });
    const omitted = report.diagnosticsOmitted ?? 0;
    if (omitted > 0)
        lines.push(`note: ${omitted} more lines that dotenv ignores are not listed\n`);
    return neutraliseCommands(lines.join(''));
}
function groupRuns(diagnostics) {
    const runs = [];
    for (const { file, line, message } of diagnostics) {
        const previous = runs[runs.length - 1];
        if (previous && previous.file === file && previous.message === message && previous.last + 1 === line) {
            previous.last = line;
        }
        else {
            runs.push({ file, first: line, last: line, message });
        }
    }
    return runs;
}

/** The JSON report (public contract, see json-schema.ts). Keys are built explicitly so nothing else leaks. */
function toJsonReport(report) {
    const { errors, warnings, notices } = report.summary;
    return {
        version: 1,
        environment: report.environment,
        production: report.isProduction,
        passed: report.passed,
        summary: { errors, warnings, notices },
        sources: report.sources.map(toJsonSource),
        skipped: report.skipped.map(({ file, reason }) => ({ file, reason })),
        findings: report.findings.map(toJsonFinding),
        checks: report.checks.map(({ id, status, detail }) => ({ id, status, detail }))
    };
}
/**
 * The JSON report as text: pretty-printed like JSON.stringify(…, null, 2), with every non-ASCII character
 * written as a \\u escape. Parsers read the same values; the text stays one byte a character, which V8
 * serializes and writes to a pipe much faster (values hold `…`, which would make every string two-byte).
 */
function renderJson(report) {
    return [...renderJsonChunks(report)].join('');
}
/**
 * The same text as renderJson, in pieces: the long arrays (sources, findings) are rendered a batch of items
 * at a time, so a report with tens of thousands of findings is never one string in memory. `findingsArray`
 * replaces the rendering of `report.findings` (a spill file's contents, see json-spill.ts).
 */
function* renderJsonChunks(report, findingsArray) {
    const skeleton = JSON.stringify({ ...toJsonReport({ ...report, sources: [], findings: [] }), sources: SOURCES_SLOT, findings: FINDINGS_SLOT }, null, 2);
    const [head = '', afterSources = ''] = asciiJson(skeleton).split(JSON.stringify(SOURCES_SLOT));
    const [middle = '', tail = ''] = afterSources.split(JSON.stringify(FINDINGS_SLOT));
    yield head;
    yield* arrayChunks(report.sources.map(toJsonSource));
    yield middle;
    yield* arrayChunks(report.findings.map(toJsonFinding));
    yield `${tail}\n`;
}
// Placeholders no real value can equal (JSON strings never hold a raw NUL from our reports).
const SOURCES_SLOT = '\u0000sources\u0000';
const FINDINGS_SLOT = '\u0000findings\u0000';
/**
 * Items rendered per JSON.stringify call. A batch's text (two bytes a character until `…` is escaped) must stay
 * under V8's large-object size (128 KiB): larger strings go straight to the old generation, where only a full
 * collection frees them, and 128 findings a batch made peak memory grow with the tree (10,000 files: about
 * 3 MiB more) and the run slower. 32 findings are about 40 KiB.
 */
const JSON_BATCH = 32;
/**
 * Items of a top-level property's array, as JSON.stringify(…, null, 2) indents them, joined by `,\n`
 * (no brackets). One stringify call for the batch: wrapped in an object, the items get their final indent.
 */
function renderJsonItems(items) {
    if (items.length === 0)
        return '';
    const text = asciiJson(JSON.stringify({ items }, null, 2));
    return text.slice(WRAPPER_OPEN.length, -WRAPPER_CLOSE.length);
}
const WRAPPER_OPEN = '{\n  "items": [\n';
const WRAPPER_CLOSE = '\n  ]\n}';
/** JSON text with every non-ASCII character as a \\u escape (surrogate pairs as two escapes, as JSON allows). */
function asciiJson(text) {
    // `…` (every redacted value has one) by plain string replacement, which is much cheaper than a callback
    // per match; anything else non-ASCII (rare) by the general rule.
    const common = text.replaceAll('\u2026', '\\u2026');
    return NON_ASCII.test(common) ? common.replace(NON_ASCII_ALL, escapeChar) : common;
}
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
function escapeChar(c) {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
const JSON_ARRAY_OPEN = '[\n';
const JSON_ARRAY_SEPARATOR = ',\n';
const JSON_ARRAY_CLOSE = '\n  ]';
const JSON_EMPTY_ARRAY = '[]';
/** An array as JSON.stringify(…, null, 2) writes it as a property of the top-level object. */
function* arrayChunks(items) {
    if (items.length === 0) {
        yield JSON_EMPTY_ARRAY;
        return;
    }
    yield JSON_ARRAY_OPEN;
    for (let i = 0; i < items.length; i += JSON_BATCH) {
        yield (i > 0 ? JSON_ARRAY_SEPARATOR : '') + renderJsonItems(items.slice(i, i + JSON_BATCH));
    }
    yield JSON_ARRAY_CLOSE;
}
function toJsonLocation(origin) {
    if (origin.kind === 'file')
        return { file: origin.file, line: origin.line, column: origin.column };
    if (origin.kind === 'url')
        return { url: origin.url, line: origin.line, column: origin.column };
    if (origin.kind === 'host')
        return { source: origin.host, project: origin.project, target: origin.target };
    return { source: origin.kind };
}
function toJsonFinding(finding) {
    const json = {
        rule: finding.rule,
        severity: finding.severity,
        variable: finding.variable,
        value: finding.value,
        location: toJsonLocation(finding.origin),
        message: finding.message,
        fix: finding.fix
    };
    const s = finding.suppressed;
    if (s)
        json.suppressed = s.by === 'inline-comment' ? { by: s.by, file: s.file, line: s.line } : { by: s.by };
    if (finding.shadowedBy)
        json.shadowed_by = toJsonLocation(finding.shadowedBy);
    if (finding.expandedFrom) {
        json.expanded_from = finding.expandedFrom.map((r) => ({ variable: r.name, location: toJsonLocation(r.origin) }));
    }
    if (finding.original) {
        const { file, line, column } = finding.original;
        json.original_location = { file, line, column };
    }
    if (finding.excerpt !== undefined)
        json.excerpt = finding.excerpt;
    return json;
}
function toJsonSource(source) {
    if (source.kind === 'host') {
        return { kind: source.host, project: source.project, target: source.target, variables: source.variables };
    }
    if (source.kind !== 'file')
        return { kind: source.kind, variables: source.variables };
    const { file, variables, framework } = source;
    return framework === undefined ? { kind: 'file', file, variables } : { kind: 'file', file, variables, framework };
}

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

/** GFM building blocks for text that may come from the scanned input: nothing in it can become markup. */
/** One line, no control characters: a newline or CR would end a table row. */
function oneLine(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
/**
 * Escapes text for GFM: every ASCII punctuation character is backslash-escaped (CommonMark allows
 * it for all of them), so no `<tag>`, `[link](…)`, `|` cell break, emphasis, autolink or entity survives.
 * GitHub finds @mentions after the escapes are gone, so `@` gets a zero-width space after it instead: no one is
 * notified by text the gate echoes.
 */
function escapeMarkdown(s) {
    return oneLine(s)
        .replace(/[!-/:-?[-`{-~]/g, '\\$&')
        .replace(/@/g, '@\u200b');
}
/**
 * A code span: a backtick fence longer than any backtick run in the text, padded when the text starts
 * or ends with a backtick or space. Backslash escapes do not work in code spans, but inside a table
 * GFM takes any `|` preceded by `\` into the cell and drops that one `\` before inline parsing, so
 * there `|` is written `\|`.
 */
function codeSpan(s, inTable = true) {
    const text = inTable ? oneLine(s).replace(/\|/g, '\\|') : oneLine(s);
    if (text === '')
        return '';
    const longestRun = (text.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
    const fence = '`'.repeat(longestRun + 1);
    const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/** Texts the gate writes itself (rule explanations, never data from an API or a report): kept as written. */
function trustedMarkdown(s) {
    return oneLine(s).replace(/\|/g, '\\|');
}
/** A URL in a text, up to a space or a character that cannot end one unescaped. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/g;
/**
 * A fix text, which may carry data from an API answer or a report: everything is escaped but its code spans (kept
 * as code spans, which cannot hold markup) and the https URLs on a vendor's known host (made links). Any other URL
 * stays escaped text.
 */
function fixMarkdown(s) {
    const text = oneLine(s);
    const out = [];
    let at = 0;
    for (const run of text.matchAll(/`+/g)) {
        const start = run.index;
        if (start < at)
            continue;
        // A code span closes at the next run of as many backticks; an unclosed run is text.
        const close = new RegExp(`(?<!\`)${run[0]}(?!\`)`, 'g');
        close.lastIndex = start + run[0].length;
        const end = close.exec(text);
        if (end === null)
            continue;
        out.push(plainWithLinks(text.slice(at, start)), codeSpan(text.slice(start + run[0].length, end.index), false));
        at = end.index + run[0].length;
    }
    out.push(plainWithLinks(text.slice(at)));
    return out.join('');
}
function plainWithLinks(text) {
    let out = '';
    let at = 0;
    for (const match of text.matchAll(URL_IN_TEXT)) {
        const url = match[0].replace(/[.,;:!?)\]]+$/, '');
        out += escapeMarkdown(text.slice(at, match.index));
        out += isVendorPage(url) ? link(escapeMarkdown(url), url) : escapeMarkdown(url);
        at = match.index + url.length;
    }
    return out + escapeMarkdown(text.slice(at));
}
/** A link whose URL cannot break out of the link syntax; only http(s) URLs, else the text alone. */
function link(text, url) {
    if (!url || !/^https?:\/\//.test(url))
        return text;
    const safe = url.replace(/[\s()<>|\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${text}](${safe})`;
}
/** At most `max` characters, the middle cut out (`http://localhost:3000/…/sign-in`). */
function shorten(s, max) {
    if (s.length <= max)
        return s;
    const head = Math.ceil((max - 1) / 2);
    return `${s.slice(0, head)}…${s.slice(s.length - (max - 1 - head))}`;
}
/** At most `max` characters, the start cut off (`…/apps/web/.env.production:3`): a path's end says most. */
function shortenStart(s, max) {
    return s.length <= max ? s : `…${s.slice(s.length - max + 1)}`;
}

const DEFAULT_MAX_BYTES = 1_000_000;
const DEFAULT_HEADING = 'Clerk production gate';
const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const CHECK_ICON = {
    pass: '✅',
    fail: '❌',
    skipped: '⏭️',
    error: '⚠️',
    incomplete: '🔶'
};
const CHECK_COUNTED = {
    fail: 'failed',
    error: 'erred',
    incomplete: 'incomplete',
    pass: 'passed',
    skipped: 'skipped'
};
/**
 * Table cells stay short enough for five columns to fit GitHub's 1012 px column: code spans do not wrap, so a long
 * value would widen the table. The full value is in the finding's line below the table.
 */
const MAX_VARIABLE = 32;
const MAX_WHERE = 30;
const MAX_VALUE = 32;
/** An excerpt of built code: the match and some context on each side. */
const MAX_EXCERPT = 120;
/**
 * The report for GitHub: the verdict, the checklist, a compact table of the findings (severity, rule, variable,
 * where, value), each rule's explanation and fix once with its findings' messages, suppressed and shadowed ones
 * folded, the changes since the last run and a link to the run. It keeps within `maxChars` / `maxBytes` by leaving
 * out the least severe findings, and says how many.
 */
function renderMarkdown(report, rules, options = {}) {
    const fits = budget(options);
    const heading = escapeMarkdown(options.heading ?? DEFAULT_HEADING);
    const verdict = report.passed ? '✅' : '❌';
    const scope = report.isProduction ? '' : ' (not production)';
    const head = [
        ...(options.marker ? [options.marker] : []),
        `## ${verdict} ${heading}: ${report.passed ? 'passed' : 'failed'}`,
        '',
        `Environment ${codeSpan(report.environment, false)}${scope} · ${summaryLine(report.summary)}`,
        '',
        ...checklist(report.checks),
        ...skippedFiles(report)
    ].join('\n');
    const tail = [
        ...changesSection(options.changes),
        ...(options.runUrl ? [link('Workflow run', options.runUrl), ''] : [])
    ].join('\n');
    const active = report.findings.filter((f) => hiddenReason(f) === undefined);
    const hidden = sortByLocation(report.findings).filter((f) => hiddenReason(f) !== undefined);
    // The most severe findings (report order) first: suppressed and shadowed ones give way before any active one.
    const kept = { active: active.length, hidden: hidden.length };
    let text = compose(head, tail, active, hidden, kept, rules, options);
    while (!fits(text) && kept.active + kept.hidden > 0) {
        if (kept.hidden > 0)
            kept.hidden = Math.max(0, Math.floor(kept.hidden * 0.8) - 1);
        else
            kept.active = Math.max(0, Math.floor(kept.active * 0.8) - 1);
        text = compose(head, tail, active, hidden, kept, rules, options);
    }
    return fits(text) ? text : cut(text, options);
}
function compose(head, tail, active, hidden, kept, rules, options) {
    const shown = active.slice(0, kept.active);
    const more = (n, what) => `…and ${n} more ${what}, left out for length: see ${options.fullReport ?? 'the JSON report'}.`;
    const parts = [head, '### Findings', ''];
    if (active.length === 0)
        parts.push('No active findings.', '');
    if (shown.length > 0)
        parts.push(TABLE_HEADER, ...shown.map((f) => row(f, rules, f.severity)), '');
    if (shown.length < active.length)
        parts.push(more(active.length - shown.length, 'findings'), '');
    parts.push(...explanations(shown, rules));
    if (hidden.length > 0) {
        const folded = hidden.slice(0, kept.hidden);
        parts.push(...hiddenSection(folded, hidden.length, rules));
        if (folded.length < hidden.length)
            parts.splice(parts.length - 2, 0, '', more(hidden.length - folded.length, 'suppressed or shadowed findings'));
    }
    parts.push(tail);
    return `${parts
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd()}\n`;
}
const TABLE_HEADER = '| | Rule | Variable | Where | Value |\n|---|---|---|---|---|';
function where(f) {
    return shortOrigin(f.origin);
}
/** Where built code came from (its source map) and the text around it, for a finding in a bundle or a page. */
function builtContext(f) {
    const { original, excerpt } = f;
    const source = original ? ` Source: ${codeSpan(`${original.file}:${original.line}:${original.column}`, false)}.` : '';
    return excerpt === undefined ? source : `${source} Excerpt: ${codeSpan(shorten(excerpt, MAX_EXCERPT), false)}`;
}
function row(f, rules, severity, why) {
    const cells = [
        SEVERITY_ICON[severity],
        link(escapeMarkdown(f.rule), rules.get(f.rule)?.docs),
        codeSpan(shorten(f.variable, MAX_VARIABLE)),
        codeSpan(shortenStart(where(f), MAX_WHERE)),
        // A folded finding shows why it is folded instead of its value: it does not reach the deploy.
        why === undefined ? codeSpan(shorten(f.value, MAX_VALUE)) : why
    ];
    return `| ${cells.join(' | ')} |`;
}
/** Each rule of the shown findings once: what it means and how to fix it, then its findings in full. */
function explanations(shown, rules) {
    const byRule = new Map();
    for (const f of shown)
        byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    if (byRule.size === 0)
        return [];
    const lines = ['### What to fix', ''];
    for (const [id, findings] of byRule) {
        const meta = rules.get(id);
        const title = meta ? `: ${escapeMarkdown(meta.title)}` : '';
        lines.push(`**${link(escapeMarkdown(id), meta?.docs)}${title}.** ${meta ? trustedMarkdown(meta.explanation) : ''}`);
        // A rule's findings may each carry their own fix (dev-url on a domain variable): the rule's fix is the default.
        const fixes = [...new Set(findings.map((f) => f.fix))];
        lines.push('', `**Fix:** ${fixMarkdown(fixes[0] ?? meta?.fix ?? '')}`, '');
        for (const f of findings) {
            const otherFix = fixes.length > 1 && f.fix !== fixes[0] ? ` Fix: ${fixMarkdown(f.fix)}` : '';
            lines.push(`- ${codeSpan(where(f), false)} ${codeSpan(f.variable, false)} = ${codeSpan(f.value, false)}: ${escapeMarkdown(f.message)}${builtContext(f)}${otherFix}`);
        }
        lines.push('');
    }
    return lines;
}
function hiddenSection(shown, total, rules) {
    const table = shown.length > 0
        ? [
            '| | Rule | Variable | Where | Why |\n|---|---|---|---|---|',
            ...shown.map((f) => row(f, rules, 'notice', escapeMarkdown(shortReason(f))))
        ]
        : [];
    return [
        '<details>',
        `<summary>Suppressed and shadowed findings (${total})</summary>`,
        '',
        ...table,
        '',
        '</details>',
        ''
    ];
}
/** Why a finding is folded, its path shortened like the table's `Where` cells. */
function shortReason(f) {
    if (f.suppressed?.by === 'inline-comment') {
        return `suppressed by a comment at ${shortenStart(`${f.suppressed.file}:${f.suppressed.line}`, MAX_WHERE)}`;
    }
    if (f.suppressed)
        return 'suppressed by the ignore option';
    const by = f.shadowedBy;
    if (!by)
        return '';
    return `shadowed by ${by.kind === 'file' ? shortenStart(`${by.file}:${by.line}`, MAX_WHERE) : by.kind}`;
}
/** Failing and erring checks in view; all of them folded below. */
function checklist(checks) {
    const count = (status) => checks.filter((c) => c.status === status).length;
    const counts = Object.keys(CHECK_COUNTED)
        .filter((s) => count(s) > 0)
        .map((s) => `${count(s)} ${CHECK_COUNTED[s]}`);
    const line = (c) => {
        const detail = c.detail ? ` — ${escapeMarkdown(c.detail)}` : '';
        return `- ${CHECK_ICON[c.status]} **${escapeMarkdown(c.title || c.id)}** (${codeSpan(c.id, false)})${detail}`;
    };
    const attention = checks.filter((c) => c.status === 'fail' || c.status === 'error' || c.status === 'incomplete');
    return [
        `### Checks: ${counts.join(', ')}`,
        '',
        ...attention.map(line),
        ...(attention.length > 0 ? [''] : []),
        '<details>',
        '<summary>Every check</summary>',
        '',
        ...checks.map(line),
        '',
        '</details>',
        ''
    ];
}
const MAX_SKIPPED_LISTED = 50;
/** Files found but not judged, folded: they explain a glob's reach, and are rarely the point. */
function skippedFiles(report) {
    if (report.skipped.length === 0)
        return [];
    const shown = report.skipped.slice(0, MAX_SKIPPED_LISTED);
    const more = report.skipped.length - shown.length;
    return [
        '<details>',
        `<summary>Files skipped, not judged (${report.skipped.length})</summary>`,
        '',
        ...shown.map(({ file, reason }) => `- ${codeSpan(file, false)} — ${escapeMarkdown(reason)}`),
        ...(more > 0 ? [`- …and ${more} more (see the JSON report)`] : []),
        '',
        '</details>',
        ''
    ];
}
function changesSection(changes) {
    if (!changes)
        return [];
    const { added, resolved, resolvedUnnamed } = changes;
    if (added.length + resolved.length + resolvedUnnamed === 0)
        return [];
    const lines = ['### Changes since the last run', ''];
    for (const f of added.slice(0, 20)) {
        lines.push(`- New: ${SEVERITY_ICON[f.severity]} ${codeSpan(f.rule, false)} ${codeSpan(f.variable, false)} at ${codeSpan(where(f), false)}`);
    }
    if (added.length > 20)
        lines.push(`- …and ${added.length - 20} more new`);
    for (const text of resolved.slice(0, 20))
        lines.push(`- Resolved: ${escapeMarkdown(text)}`);
    const unnamed = resolvedUnnamed + Math.max(0, resolved.length - 20);
    if (unnamed > 0)
        lines.push(`- …and ${unnamed} more resolved`);
    lines.push('');
    return lines;
}
function budget(options) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
    return (text) => text.length <= maxChars && Buffer.byteLength(text, 'utf8') <= maxBytes;
}
/** Last resort when even the fixed parts do not fit: cut at a character boundary, and say so. */
function cut(text, options) {
    const note = '\n\n…output truncated (see the JSON report)\n';
    const maxChars = Math.min(options.maxChars ?? Number.POSITIVE_INFINITY, options.maxBytes ?? DEFAULT_MAX_BYTES);
    let out = text.slice(0, Math.max(0, maxChars - note.length));
    while (Buffer.byteLength(out + note, 'utf8') > (options.maxBytes ?? DEFAULT_MAX_BYTES))
        out = out.slice(0, -64);
    return out.replace(/\uFFFD+$/, '').replace(/[\uD800-\uDBFF]$/, '') + note;
}

/**
 * GitHub keeps at most 1 MiB of outputs per job; the `findings` output stays well under it so other
 * steps' outputs still fit. The full list is always in the report file.
 */
const MAX_FINDINGS_OUTPUT_BYTES = 512 * 1024;
/** Step outputs (all strings). `findings` is the JSON report's findings array, compact, most severe first. */
function buildOutputs(report, reportFile, maxBytes = MAX_FINDINGS_OUTPUT_BYTES) {
    return {
        passed: String(report.passed),
        errors: String(report.summary.errors),
        warnings: String(report.summary.warnings),
        findings: fitFindings(report.findings.map(toJsonFinding), maxBytes),
        'report-file': reportFile,
        incomplete: report.checks
            .filter((c) => c.status === 'incomplete')
            .map((c) => c.id)
            .join(',')
    };
}
/** The longest prefix of the findings whose JSON fits in maxBytes (findings are sorted errors first). */
function fitFindings(findings, maxBytes) {
    const whole = JSON.stringify(findings);
    if (Buffer.byteLength(whole) <= maxBytes)
        return whole;
    let size = 2; // the brackets
    let count = 0;
    for (const finding of findings) {
        const bytes = Buffer.byteLength(JSON.stringify(finding)) + (count > 0 ? 1 : 0);
        if (size + bytes > maxBytes)
            break;
        size += bytes;
        count += 1;
    }
    return JSON.stringify(findings.slice(0, count));
}

/**
 * The checks a run uses, loaded only then, by both shells: a run pays at start-up only for what it does (each is
 * a chunk of its own in dist/).
 * - glob support when a path needs it (the library is a third of the CLI bundle, and most runs name paths);
 * - the online checks (undici, TLS, DNS) for a run that goes online;
 * - the deployed-site check when there is a site to read;
 * - the hosts' SDKs when a host token is there.
 */
async function loadChecks(options) {
    const offline = options.offline === true;
    const globs = needsGlobs(options.paths ?? ['.']) ? (await import('./action-glob.js')).globs : undefined;
    if (globs)
        await boundYoungGeneration();
    const online = offline ? undefined : (await import('./action-run-online.js')).runOnlineChecks;
    const site = offline || !options.deploymentUrl ? undefined : (await import('./action-check-site.js')).checkSite;
    const hostsWanted = !offline && Boolean(options.vercelToken || options.netlifyToken);
    const hosts = hostsWanted ? (await import('./action-read-hosts.js').then(function (n) { return n.r; })).readHosts : undefined;
    return { globs, online, site, hosts };
}
/**
 * Before walking a glob, which may match any number of files, keep V8's young generation at its starting size
 * instead of letting it grow to 16 MiB a semi-space: the gate allocates short-lived objects for every file, and a
 * young generation grown during the walk stays grown (see bench/README.md). A GC heuristic read at each
 * collection, so setting it after start-up is safe; node:v8 is imported only then.
 */
async function boundYoungGeneration() {
    const { setFlagsFromString } = await import('node:v8');
    setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * The GitHub Action shell over the engine: inputs → gate → masking, summary, annotations, outputs.
 * Exit code: 0 passed, 1 the gate failed, 2 input error (the runner shows any non-zero as failed).
 */
async function run(env = process.env, scrubber = new Scrubber()) {
    // Every secret of the run in one place, for every message that quotes an outside answer: the GitHub token here,
    // the gate adds the host tokens, the bypass secret and every secret it finds.
    try {
        // The environment, read once: the runner's context, the options' environment defaults.
        const shell = readShellEnvironment(env);
        const github = readGitHubContext(env);
        const { gate: options, publishing } = readActionOptions(shell, github);
        scrubber.add([publishing.token]);
        const workspace = github.workspace ?? options.cwd;
        // The report: scanned here, or (fork-safe recipe) read from an earlier run's JSON report.
        const report = publishing.fromReport
            ? await (await import('./action-from-report.js')).readReportFile(publishing.fromReport, workspace, RULE_METAS)
            : await scan(options, scrubber);
        // The human report echoes paths and names from the input: no line of it may act as a workflow command.
        info(withoutCommands(renderText(report, { color: false }) + renderDiagnostics(report)).trimEnd());
        const reportFile = join(github.runnerTemp ?? options.cwd, 'clerk-production-gate-report.json');
        await writeFile$1(reportFile, renderJson(report));
        const summary = renderMarkdown(report, RULE_METAS, {
            ...(runUrl(github) && { runUrl: runUrl(github) }),
            fullReport: 'the JSON report (output report-file)'
        });
        await writeSummary(github, summary);
        if (!publishing.fromReport)
            annotate(report, options.cwd, workspace);
        for (const [name, value] of Object.entries(buildOutputs(report, reportFile)))
            setOutput(name, value);
        // The pull request last: whatever happens there, the verdict, outputs and summary are already settled.
        // Octokit is loaded only for a run that posts. Publishing has its own deadline, the run's budget
        // (runDeadline: 8 × api-timeout) counted from here: the checks may have spent theirs, and the comment must
        // still go out; every GitHub call, retry and page ends by it.
        const published = publishing.comment === 'never' && !publishing.checkRun
            ? { commentUrl: '', pullRequests: [] }
            : await (await import('./action-publish.js')).publish(report, RULE_METAS, publishing, {
                github,
                summary,
                cwd: options.cwd,
                workspace,
                deadline: runDeadline(parseGateOptions(options).apiTimeoutMs),
                scrubber
            });
        setOutput('comment-url', published.commentUrl);
        setOutput('pull-requests', published.pullRequests.join(','));
        if (report.passed)
            return EXIT_PASSED;
        setFailed(`Clerk production gate failed: ${report.summary.errors} errors, ${report.summary.warnings} warnings.`);
        return EXIT_FAILED;
    }
    catch (error) {
        setFailed(describeError(error, scrubber));
        return EXIT_USAGE;
    }
}
/** Runs the gate, and masks every secret it found before anything is written. */
async function scan(options, scrubber) {
    const { report, secrets } = await runGate(options, { ...(await loadChecks(options)), scrubber });
    for (const secret of secrets)
        setSecret(secret);
    return report;
}
/** The job summary; a runner without one (or a file that cannot be written) costs a warning, not the verdict. */
async function writeSummary(github, markdown) {
    if (!github.stepSummary)
        return;
    try {
        await summary.addRaw(markdown).write();
    }
    catch (error) {
        summary.emptyBuffer();
        warning(`The job summary was not written: ${error.message.split('\n')[0]}`);
    }
}
/** Annotation paths are relative to the repository root, not the working directory. */
function annotate(report, cwd, workspace) {
    for (const annotation of planAnnotations(report)) {
        const { level, message, title, file, startLine, startColumn } = annotation;
        const properties = { title };
        if (file) {
            properties.file = relative(workspace, resolve(cwd, file)).split('\\').join('/');
            properties.startLine = startLine;
            properties.startColumn = startColumn;
        }
        if (level === 'error')
            error(message, properties);
        else if (level === 'warning')
            warning(message, properties);
        else
            notice(message, properties);
    }
}

/** Entry point of dist/index.js, the action: one plain call, as the runner starts it. */
// Every secret of the run, also for the last-resort handler below: a secret the run found is scrubbed there too.
const scrubber = new Scrubber();
// A bug that escapes every handler still fails the step with one line, never a stack trace.
process.on('uncaughtException', (error) => {
    setFailed(describeError(error, scrubber));
    process.exit(EXIT_USAGE);
});
void run(process.env, scrubber).then((code) => {
    process.exitCode = code;
    // An SDK timer that cannot be cancelled (@netlify/api's rate-limit sleep) must not hold the step once it is done.
    setTimeout(() => process.exit(code), 500).unref();
});

export { skippedSite as $, number as A, unknown as B, nullable as C, describeFailure as D, dnsRecordMissing as E, dnsRecordWrongTarget as F, dnsRecordProxied as G, DNS_ORIGIN as H, InputError as I, dnsNotVerified as J, KEY_SHAPED as K, API_ORIGIN as L, sharedOAuthCredentials as M, whyNotOnline as N, skippedOnline as O, Outcome as P, checkDeadline as Q, clerkApiError as R, Scrubber as S, classifySecretKey as T, UnreadableFile as U, instanceNotProduction as V, keyInstanceMismatch as W, caaBlocksCertificates as X, frontendApiUnreachable as Y, deployedNoClerk as Z, _enum as _, array as a, SITE_RULES as a0, deployedSiteUnread as a1, parsePublishableKey as a2, isDevelopmentOrStagingHost as a3, artifactHit as a4, secretKeyKind as a5, deployedSecretKey as a6, ruleApplies as a7, deployedDevInstance as a8, deployedKeyMismatch as a9, bundleIncomplete as aA, isHttpsOrLoopback as aa, isVendorPage as ab, Deadline as ac, hostApiError as ad, hostVariableUnreadable as ae, describeHost as af, mayConcernClerk as ag, isPublicVariable as ah, isInternalAddress as ai, isIP as aj, errorCode as ak, networkKind as al, networkWords as am, directoryEntries as an, once as ao, _gte as ap, openRegularFile as aq, prerenderedExtensions as ar, isServerDir as as, prerenderedDirsIn as at, notRegularFile as au, bundleDevPublishableKey as av, bundleDevFrontendApi as aw, bundleSecretKey as ax, artifactChecks as ay, BUNDLE_RULES as az, boolean as b, string as c, discriminatedUnion as d, sizeInWords as e, redact as f, renderMarkdown as g, hiddenReason as h, int as i, shortOrigin as j, object as k, literal as l, record as m, plural as n, optional as o, payloadPullRequest as p, readEvent as q, readRegularFile as r, strictObject as s, notice as t, union as u, setSecret as v, warning as w, runUrl as x, readFailure as y, looseObject as z };
