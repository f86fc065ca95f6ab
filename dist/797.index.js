export const id = 797;
export const ids = [797];
export const modules = {

/***/ 6764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   K$: () => (/* binding */ CredentialScopeError),
/* harmony export */   Y2: () => (/* binding */ parseJsonBody),
/* harmony export */   Yy: () => (/* binding */ parseOciErrors),
/* harmony export */   gl: () => (/* binding */ RegistryError)
/* harmony export */ });
/* unused harmony export redactCredentials */
/** A registry said no (or did not answer): method, URL without credentials, status, OCI codes. */
class RegistryError extends Error {
    method;
    url;
    status;
    codes;
    constructor(method, url, status, codes = [], detail) {
        const codesText = codes.length ? ` ${codes.map((c) => (c.message ? `${c.code}: ${c.message}` : c.code)).join('; ')}` : '';
        // A server may echo the request's Authorization in its error body: never into a log line.
        super(redactCredentials(`${method} ${url}: ${status === undefined ? 'no response' : `HTTP ${status}`}${codesText}${detail ? ` (${detail})` : ''}`));
        this.method = method;
        this.url = url;
        this.status = status;
        this.codes = codes;
        this.name = 'RegistryError';
    }
    /** Worth retrying: no response, throttled, or a server-side failure. */
    get temporary() {
        return (this.status === undefined ||
            this.status === 429 ||
            this.status === 408 ||
            (this.status >= 500 && this.status !== 501 && this.status !== 505));
    }
    hasCode(code) {
        return this.codes.some((c) => c.code === code);
    }
}
/**
 * A write to a repository the registry's login is not for (its repository pattern): refused
 * before anything was sent. Not temporary: the run or the pattern must change.
 */
class CredentialScopeError extends Error {
    method;
    url;
    repository;
    source;
    constructor(method, url, repository, source) {
        super(`${method} ${url}: ${repository} is outside the repositories the login is for (${source}); refused, nothing was sent. ` +
            'Write only to repositories the pattern admits, or widen the pattern');
        this.method = method;
        this.url = url;
        this.repository = repository;
        this.source = source;
        this.name = 'CredentialScopeError';
    }
}
function parseOciErrors(body) {
    try {
        const parsed = JSON.parse(body);
        return (parsed.errors ?? [])
            .filter((e) => typeof e.code === 'string')
            .map((e) => ({ code: String(e.code), message: typeof e.message === 'string' ? e.message : undefined }));
    }
    catch {
        return [];
    }
}
/** Hides the value of every `Basic …` / `Bearer …` credential in a text from a server. */
function redactCredentials(text) {
    return text.replace(/\b(basic|bearer)(\s+|%20|\+)[A-Za-z0-9._~+/=-]{4,}/gi, '$1$2***');
}
/** URL text safe for logs: no user info, no query values that might be tokens. */
function redactUrl(url) {
    const u = new URL(String(url));
    u.username = '';
    u.password = '';
    for (const key of [...u.searchParams.keys()]) {
        if (/token|signature|sig|credential|secret|key/i.test(key))
            u.searchParams.set(key, '***');
    }
    return u.toString();
}
/** A JSON body, or an error naming the URL (without credentials) that sent something else. */
function parseJsonBody(bytes, method, url) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new RegistryError(method, redactUrl(url), 200, [], `the answer is not JSON (${bytes.length} bytes)`);
    }
}


/***/ }),

/***/ 9797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_TOOL_BYTES: () => (/* binding */ MAX_TOOL_BYTES),
/* harmony export */   pinnedTool: () => (/* binding */ pinnedTool)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4942);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3080);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7827);
/* harmony import */ var _interrupt_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8476);
/* harmony import */ var _registry_errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6764);












/** The largest tool accepted: a static skopeo is ~40 MiB; anything past this is not the tool. */
const MAX_TOOL_BYTES = 256 * 1024 * 1024;
const MIB = 1024 * 1024;
const ATTEMPTS = 3;
/**
 * Downloads a pinned binary once per runner and returns the path to run. The sha256 is checked
 * as the bytes arrive (never more than `maxBytes` of them, never all in memory) and again on the
 * cached copy at every call: a cache entry changed after the first run is removed, never run.
 */
async function pinnedTool(name, url, sha256, options = {}) {
    if (!/^[a-f0-9]{64}$/.test(sha256))
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .x(`${name}-sha256: "${sha256}" is not a sha256 hex digest`);
    // tool-cache keys its cache by semver: the pinned digest becomes a pre-release label.
    const version = `0.0.0-sha${sha256.slice(0, 16)}`;
    const cached = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_8__/* .find */ .I6(name, version);
    if (cached)
        return verifiedCacheEntry(name, cached, sha256);
    const temp = process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)();
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(temp, { recursive: true });
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(temp, `cia-${name}-`));
    // A cancelled job must not leave a partial download in the runner's temp folder.
    const unregister = (0,_interrupt_js__WEBPACK_IMPORTED_MODULE_10__/* .removeOnInterrupt */ .vY)(dir);
    try {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, name);
        const actual = await download(name, url, file, options.maxBytes ?? MAX_TOOL_BYTES);
        if (actual !== sha256)
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .x(`${name}-url: the file at ${(0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .redactUrl */ .BO)(url)} has sha256 ${actual}, not the pinned ${sha256}; nothing was run`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(file, 0o755);
        return (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_8__/* .cacheFile */ .NJ(file, name, name, version), name);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true });
        unregister();
    }
}
/** The cached binary, hashed again: whoever can write the tool cache must not get to run code here. */
async function verifiedCacheEntry(name, entry, sha256) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(entry, name);
    const actual = await hashFile(path).catch(() => 'unreadable');
    if (actual === sha256)
        return path;
    // tool-cache trusts an entry whose `<dir>.complete` marker exists: both go, so the next run downloads afresh.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(entry, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(`${entry}.complete`, { force: true });
    const cache = process.env.RUNNER_TOOL_CACHE ?? 'RUNNER_TOOL_CACHE';
    throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .x(`${name}-url: the cached ${name} at ${path} has sha256 ${actual}, not the pinned ${sha256}: it was changed after it was ` +
        `verified, so it was removed and not run. Find out what else writes to the tool cache (${cache}), then rerun to download it again`);
}
function hashFile(path) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    return (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_6__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path), hash).then(() => hash.digest('hex'));
}
/** Streams `url` into `file`, hashing as it goes; retries what a network may fix, not what the server said. */
async function download(name, url, file, maxBytes) {
    for (let attempt = 1;; attempt++) {
        try {
            return await downloadOnce(name, url, file, maxBytes);
        }
        catch (error) {
            if (error instanceof _config_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .x)
                throw error;
            if (attempt >= ATTEMPTS)
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .x(`${name}-url: downloading ${(0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .redactUrl */ .BO)(url)} failed: ${error.message}`, { cause: error });
            await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        }
    }
}
async function downloadOnce(name, url, file, maxBytes) {
    // http-client follows redirects (release assets live on another host) and honours the runner's proxy variables.
    const client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_7__/* .HttpClient */ .Qq('container-image-actions', [], { allowRetries: false, socketTimeout: 60_000 });
    const tooLarge = () => new _config_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .x(`${name}-url: the file at ${(0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .redactUrl */ .BO)(url)} is larger than ${maxBytes / MIB} MiB, too large for ${name}; nothing was kept or run`);
    try {
        const response = (await client.get(url)).message;
        const status = response.statusCode ?? 0;
        if (status !== 200) {
            response.resume();
            // A server error may pass; a 404 or 403 will not.
            if (status >= 500 || status === 429)
                throw new Error(`HTTP ${status}`);
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .x(`${name}-url: GET ${(0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .redactUrl */ .BO)(url)} answered HTTP ${status}`);
        }
        if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
            response.destroy();
            throw tooLarge();
        }
        return await saveHashed(response, file, maxBytes, tooLarge);
    }
    finally {
        client.dispose();
    }
}
/** Writes `body` to `file` and returns its sha256, failing with `tooLarge()` past `maxBytes`. */
async function saveHashed(body, file, maxBytes, tooLarge) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let size = 0;
    const meter = new node_stream__WEBPACK_IMPORTED_MODULE_5__.Transform({
        transform(chunk, _encoding, done) {
            size += chunk.length;
            if (size > maxBytes)
                return done(tooLarge());
            hash.update(chunk);
            done(null, chunk);
        },
    });
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_6__.pipeline)(body, meter, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(file, { mode: 0o600 }));
    return hash.digest('hex');
}


/***/ })

};
