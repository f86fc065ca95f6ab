export const id = 315;
export const ids = [315];
export const modules = {

/***/ 6315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ openRunSession)
});

// UNUSED EXPORTS: wildcardDeleteRegistries

// EXTERNAL MODULE: ./src/config/inputs/credentials.ts
var inputs_credentials = __webpack_require__(7324);
// EXTERNAL MODULE: ./src/registry/kinds.ts
var kinds = __webpack_require__(6796);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/registry/auth/credentials.ts
var credentials = __webpack_require__(2072);
// EXTERNAL MODULE: ./src/registry/client.ts + 1 modules
var registry_client = __webpack_require__(8605);
// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
;// CONCATENATED MODULE: ./src/registry/adaptive-limiter.ts

/**
 * Answers this much slower than the fastest seen, on average (and by more than INFLATION_FLOOR_MS),
 * mean a queue. An average, not one answer: the time of one answer also holds this process's own
 * pauses (parsing, planning), which are no sign of the link.
 */
const INFLATION = 4;
const INFLATION_FLOOR_MS = 100;
/** How much slower than the fastest the average answer may be and still let the window grow. */
const FLAT = 2.5;
/** Weight of the latest answer in the average. */
const SMOOTHING = 0.1;
class AdaptiveLimiter {
    #limit;
    #threshold;
    #active = 0;
    #grown = 0;
    #fastest = Infinity;
    #average;
    #lastEase = 0;
    #heldUntil = 0;
    #lastCut = 0;
    #waiting = [];
    #max;
    #signal;
    constructor(limits) {
        this.#signal = limits.signal;
        if (!(limits.max >= 1))
            throw new Error(`a concurrency cap must be at least 1, got ${limits.max}`);
        this.#max = limits.max;
        this.#limit = Math.max(1, Math.min(limits.initial, limits.max));
        this.#threshold = this.#max;
    }
    /** Requests let through at once right now. */
    get limit() {
        return this.#limit;
    }
    get max() {
        return this.#max;
    }
    /**
     * Runs `task` in one place of the window. A task already holding a place of this window (a
     * blob upload whose body is the download from the same registry) runs its nested requests in
     * that place: waiting for a second place could wait forever once the window is down to one.
     */
    async run(task) {
        if (holding.getStore()?.has(this))
            return task();
        await this.#acquire();
        try {
            return await holding.run(new Set([...(holding.getStore() ?? []), this]), task);
        }
        finally {
            this.#active--;
            this.#release();
        }
    }
    feedback({ status, latencyMs, transfer, retryAfterMs }) {
        const now = Date.now();
        if (status === 429 || status === 503 || status === 0) {
            if (retryAfterMs !== undefined && now + retryAfterMs > this.#heldUntil) {
                this.#heldUntil = now + retryAfterMs;
                // Whoever queued meanwhile goes on when the hold ends, even if no answer comes to wake them.
                setTimeout(() => this.#release(), retryAfterMs + 1).unref();
            }
            this.#cut(now);
            return;
        }
        if (transfer || status >= 500)
            return;
        this.#fastest = Math.min(this.#fastest, latencyMs);
        const average = (this.#average = this.#average === undefined ? latencyMs : this.#average * (1 - SMOOTHING) + latencyMs * SMOOTHING);
        if (average > this.#fastest * INFLATION && average - this.#fastest > INFLATION_FLOOR_MS) {
            this.#ease(now, average);
            return;
        }
        // Grow only when the window was full (requests were waiting) and answers stay near the fastest.
        if (this.#waiting.length === 0 || average > this.#fastest * FLAT + 10)
            return;
        if (this.#limit < this.#threshold)
            this.#limit = Math.min(this.#max, this.#limit + 1);
        else if (++this.#grown >= this.#limit) {
            this.#grown = 0;
            this.#limit = Math.min(this.#max, this.#limit + 1);
        }
        this.#release();
    }
    /** A quarter less, at most once per two average answers: a queue drains slowly, and the average with it. */
    #ease(now, average) {
        if (now - this.#lastEase < Math.max(2 * average, 100))
            return;
        this.#lastEase = now;
        this.#threshold = Math.max(1, Math.floor(this.#limit * 0.75));
        this.#limit = this.#threshold;
        this.#grown = 0;
    }
    /** Halved, at most once per fastest round trip: one burst of 429s is one signal, not twenty. */
    #cut(now) {
        const spacing = Number.isFinite(this.#fastest) ? Math.max(this.#fastest, 10) : 10;
        if (now - this.#lastCut < spacing)
            return;
        this.#lastCut = now;
        this.#threshold = Math.max(1, Math.floor(this.#limit / 2));
        this.#limit = this.#threshold;
        this.#grown = 0;
    }
    /** A place, in order of asking: a request that asked first is let through first. */
    async #acquire() {
        for (let hold = this.#heldUntil - Date.now(); hold > 0; hold = this.#heldUntil - Date.now())
            await sleep(hold, this.#signal);
        if (this.#waiting.length === 0 && this.#active < this.#limit) {
            this.#active++;
            return;
        }
        // The place is handed over by #release, already counted.
        await new Promise((resolve) => this.#waiting.push(resolve));
    }
    /** Hands the free places to the first waiters, unless a Retry-After holds them. */
    #release() {
        if (Date.now() < this.#heldUntil)
            return;
        while (this.#waiting.length > 0 && this.#active < this.#limit) {
            this.#active++;
            this.#waiting.shift()();
        }
    }
}
/** The windows whose place the running task holds (see `run`). */
const holding = new external_node_async_hooks_.AsyncLocalStorage();
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

// EXTERNAL MODULE: ./src/registry/limiter.ts
var limiter = __webpack_require__(2387);
;// CONCATENATED MODULE: ./src/registry/rate-limit.ts
const NUMBER_AND_WINDOW = /^\s*(\d+)(?:\s*;\s*w=(\d+))?/;
/**
 * A quota with its window (`;w=`), as Docker Hub sends it. The IETF draft's bare
 * `RateLimit-Remaining` (requests per short window, other services) is no pull quota: ignored.
 */
function parseRateLimit(headers) {
    const remaining = NUMBER_AND_WINDOW.exec(String(headers['ratelimit-remaining'] ?? ''));
    const limit = NUMBER_AND_WINDOW.exec(String(headers['ratelimit-limit'] ?? ''));
    const window = remaining?.[2] ?? limit?.[2];
    if (!remaining || window === undefined)
        return undefined;
    return {
        remaining: Number(remaining[1]),
        ...(limit && { limit: Number(limit[1]) }),
        windowSeconds: Number(window),
    };
}
/** The last word of each registry of a run on its quota; the lowest seen wins (answers arrive out of order). */
class RateLimits {
    #seen = new Map();
    note(registry, headers) {
        const limit = parseRateLimit(headers);
        if (!limit)
            return;
        const before = this.#seen.get(registry);
        if (!before || limit.remaining < before.remaining)
            this.#seen.set(registry, limit);
    }
    remaining(registry) {
        return this.#seen.get(registry)?.remaining;
    }
    /** `docker.io: 76 of 100 pulls left (window 6 h)`, one per registry that said. */
    describe() {
        return [...this.#seen].map(([registry, { remaining, limit, windowSeconds }]) => {
            const window = windowSeconds ? ` (window ${windowSeconds % 3600 === 0 ? `${windowSeconds / 3600} h` : `${windowSeconds} s`})` : '';
            return `${registry}: ${remaining}${limit !== undefined ? ` of ${limit}` : ''} pulls left${window}`;
        });
    }
}

// EXTERNAL MODULE: ./src/registry/retry.ts
var retry = __webpack_require__(1521);
// EXTERNAL MODULE: ./src/registry/transport.ts
var transport = __webpack_require__(670);
;// CONCATENATED MODULE: ./src/registry/session.ts









/**
 * What one run shares across images: connections, tokens, per-registry concurrency, in-flight
 * blob uploads (two images sharing a layer upload it once) and where each blob was written
 * (so the next repository of the same registry mounts it instead).
 */
/** The default cap of requests in flight per registry, and where the adaptive window starts. */
const DEFAULT_MAX_IN_FLIGHT = 64;
const DEFAULT_INITIAL_IN_FLIGHT = 8;
class RegistrySession {
    transport;
    credentials;
    logger;
    retry;
    uploads = new limiter/* SingleFlight */.FH();
    /** What each registry said is left of its pull quota. */
    rateLimits = new RateLimits();
    #clients = new Map();
    #limiters = new Map();
    #written = new Map();
    #maxInFlight;
    #initialInFlight;
    #wildcard;
    #abort = new AbortController();
    constructor(options = {}) {
        this.logger = options.logger ?? logger/* silentLogger */.q;
        this.transport = new transport/* Transport */.oK({ ...options.transport, signal: this.#abort.signal });
        this.credentials = new credentials/* CredentialStore */.L({ onSecret: (s) => this.logger.mask(s), ...options.credentials });
        this.retry = { ...(options.retry ?? retry/* DEFAULT_RETRY */.vI), signal: this.#abort.signal };
        this.#maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
        this.#initialInFlight = Math.min(options.initialInFlight ?? DEFAULT_INITIAL_IN_FLIGHT, this.#maxInFlight);
        // Every request in flight listens on the run's signal: dozens per registry are expected, not a leak.
        (0,external_node_events_.setMaxListeners)(0, this.#abort.signal);
        this.#wildcard = new Set(options.wildcardDeleteRegistries ?? []);
    }
    /** Set once the run was cancelled: nothing more is sent, waits end, in-flight requests are cut. */
    get signal() {
        return this.#abort.signal;
    }
    /** Cancels every request of this session, in flight or to come. */
    abort(reason) {
        if (!this.#abort.signal.aborted)
            this.#abort.abort(reason);
    }
    /**
     * Runs `task` for every item side by side. The first failure cancels the session and the
     * others with it, and is thrown only once every task has settled: nothing keeps working
     * (or deleting) behind a reported error.
     */
    async all(items, task) {
        let first;
        const settled = await Promise.allSettled(items.map(async (item, i) => {
            try {
                return await task(item, i);
            }
            catch (error) {
                if (!first) {
                    first = { error };
                    this.abort(error);
                }
                throw error;
            }
        }));
        if (first)
            throw first.error;
        return settled.map((s) => s.value);
    }
    client(registry) {
        let client = this.#clients.get(registry);
        if (!client) {
            client = new registry_client/* RegistryClient */.bP(registry, {
                transport: this.transport,
                credentials: this.credentials,
                logger: this.logger,
                deleteAction: this.#wildcard.has(registry) ? '*' : 'delete',
                retry: this.retry,
                limiter: this.limiter(registry),
                rateLimits: this.rateLimits,
            });
            this.#clients.set(registry, client);
        }
        return client;
    }
    limiter(registry) {
        let limiter = this.#limiters.get(registry);
        if (!limiter) {
            limiter = new AdaptiveLimiter({ initial: this.#initialInFlight, max: this.#maxInFlight, signal: this.#abort.signal });
            this.#limiters.set(registry, limiter);
        }
        return limiter;
    }
    /** A repository of `registry` known to hold `digest` since this run wrote or saw it there. */
    holderOf(registry, digest) {
        const holders = this.#written.get(registry)?.get(digest);
        return holders ? holders.values().next().value : undefined;
    }
    hasBlob(registry, digest, repository) {
        return this.#written.get(registry)?.get(digest)?.has(repository) ?? false;
    }
    recordBlob(registry, digest, repository) {
        let blobs = this.#written.get(registry);
        if (!blobs) {
            blobs = new Map();
            this.#written.set(registry, blobs);
        }
        let holders = blobs.get(digest);
        if (!holders) {
            holders = new Set();
            blobs.set(digest, holders);
        }
        holders.add(repository);
    }
    close() {
        this.transport.close();
    }
}

// EXTERNAL MODULE: ./src/registry/tag-delete/tag-deleter.ts
var tag_deleter = __webpack_require__(4698);
;// CONCATENATED MODULE: ./src/commands/run-session.ts




/**
 * The one place a run's registry session is built, so every command gets the same logins and
 * vendor quirks: a quirk set for one command and forgotten in another sends another command a
 * token scope its registry refuses.
 */
function openRunSession(options) {
    const { credentials, env, exec, logger } = options;
    const logins = new Map([...loginsOf(credentials), ...(options.logins ?? [])]);
    const session = new RegistrySession({
        logger,
        transport: options.transport,
        maxInFlight: options.transport?.maxInFlight,
        credentials: { explicit: logins, env, exec },
        wildcardDeleteRegistries: wildcardDeleteRegistries(credentials, options.registries ?? []),
    });
    const deleter = new tag_deleter/* TagDeleter */.WR({ session, env, vendorCredential: (registry) => (0,inputs_credentials/* vendorCredentialOf */.XG)(credentials, registry) });
    return { session, deleter, logins, close: () => session.close() };
}
/** The login of every registry-credentials entry that has one. */
function loginsOf(credentials) {
    return new Map([...credentials].flatMap(([registry, credential]) => {
        const login = (0,inputs_credentials/* loginOf */.DQ)(credential);
        return login ? [[registry, login]] : [];
    }));
}
/**
 * The registries whose token server must be asked for `*` where a DELETE needs `delete`: Quay's
 * refuses tokens naming `delete`. A Quay by its `type` in the credentials, or by its host.
 */
function wildcardDeleteRegistries(credentials, registries) {
    const all = new Set([...credentials.keys(), ...registries]);
    return [...all].filter((registry) => (0,kinds/* registryKind */.IL)(registry, credentials.get(registry)?.type) === 'quay');
}


/***/ }),

/***/ 6999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
/** A logger that drops everything; for library callers that do not care. */
const silentLogger = {
    debug() { },
    info() { },
    warning() { },
    error() { },
    group: (_title, fn) => fn(),
    mask() { },
};


/***/ }),

/***/ 9111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OL: () => (/* binding */ mergeScopes),
/* harmony export */   Sk: () => (/* binding */ parseScope),
/* harmony export */   VZ: () => (/* binding */ findChallenge),
/* harmony export */   c8: () => (/* binding */ splitScopes),
/* harmony export */   uV: () => (/* binding */ parseChallenges)
/* harmony export */ });
function parseChallenges(header) {
    if (header === undefined)
        return [];
    const text = Array.isArray(header) ? header.join(', ') : header;
    const challenges = [];
    let i = 0;
    const skip = (re) => {
        while (i < text.length && re.test(text[i]))
            i++;
    };
    while (i < text.length) {
        skip(/[\s,]/);
        const token = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(text.slice(i));
        if (!token)
            break;
        i += token[0].length;
        skip(/[ \t]/);
        if (text[i] === '=') {
            // A parameter of the current challenge, not a new scheme.
            i++;
            skip(/[ \t]/);
            const value = readValue();
            if (challenges.length)
                challenges[challenges.length - 1].params[token[0].toLowerCase()] = value;
            continue;
        }
        challenges.push({ scheme: token[0], params: {} });
    }
    return challenges;
    function readValue() {
        if (text[i] === '"') {
            let out = '';
            for (i++; i < text.length && text[i] !== '"'; i++) {
                if (text[i] === '\\' && i + 1 < text.length)
                    i++;
                out += text[i];
            }
            i++;
            return out;
        }
        const m = /^[^,\s]*/.exec(text.slice(i));
        i += m[0].length;
        return m[0];
    }
}
function findChallenge(challenges, scheme) {
    return challenges.find((c) => c.scheme.toLowerCase() === scheme.toLowerCase());
}
/** Scope strings are space-separated: `repository:a:pull repository:b:pull,push`. */
function splitScopes(scope) {
    return (scope ?? '').split(' ').filter(Boolean);
}
/**
 * Parses `repository:<name>:<actions>`; the name may hold `host:port`, so the actions are what
 * follows the LAST colon and the type what precedes the first.
 */
function parseScope(scope) {
    const first = scope.indexOf(':');
    const last = scope.lastIndexOf(':');
    if (first <= 0 || last === first)
        return undefined;
    return {
        type: scope.slice(0, first),
        name: scope.slice(first + 1, last),
        actions: scope
            .slice(last + 1)
            .split(',')
            .filter(Boolean),
    };
}
/** Merges scopes per resource, uniting their actions, in a stable order (the token cache key). */
function mergeScopes(scopes) {
    const merged = new Map();
    const raw = [];
    for (const scope of scopes) {
        const parsed = parseScope(scope);
        if (!parsed) {
            raw.push(scope);
            continue;
        }
        const key = `${parsed.type}:${parsed.name}`;
        const actions = merged.get(key) ?? new Set();
        parsed.actions.forEach((a) => actions.add(a));
        merged.set(key, actions);
    }
    return [...[...merged].map(([key, actions]) => `${key}:${[...actions].sort().join(',')}`), ...new Set(raw)].sort();
}


/***/ }),

/***/ 8605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gi: () => (/* binding */ MAX_TAGS_READ),
  bP: () => (/* binding */ RegistryClient)
});

// UNUSED EXPORTS: MAX_MANIFEST_BYTES, MAX_TAG_PAGES

// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/transport.ts
var transport = __webpack_require__(670);
// EXTERNAL MODULE: ./src/registry/auth/challenge.ts
var auth_challenge = __webpack_require__(9111);
;// CONCATENATED MODULE: ./src/registry/auth/authenticator.ts



const MIN_TOKEN_LIFETIME_S = 60;
const EXPIRY_MARGIN_MS = 10_000;
/** Authorization for one registry: ping once, then Basic or scoped Bearer tokens, cached. */
class Authenticator {
    registry;
    transport;
    credentials;
    logger;
    #challenge;
    #tokens = new Map();
    constructor(registry, transport, credentials, logger) {
        this.registry = registry;
        this.transport = transport;
        this.credentials = credentials;
        this.logger = logger;
    }
    /** The Authorization header for these scopes, or undefined where none is needed. */
    async authorization(scopes) {
        const challenge = await this.#ping();
        if (!challenge)
            return undefined;
        if (challenge.scheme.toLowerCase() === 'basic')
            return this.#basic();
        return (await this.#token(challenge, scopes)).header;
    }
    /**
     * After a 401: learn the challenge it carried (a new realm, or a scope we did not ask for),
     * and return a header for the union of scopes. Undefined when nothing new can be tried.
     */
    async reauthorize(scopes, response, previous) {
        const challenges = (0,auth_challenge/* parseChallenges */.uV)(response.headers['www-authenticate']);
        const bearer = (0,auth_challenge/* findChallenge */.VZ)(challenges, 'bearer');
        const basic = (0,auth_challenge/* findChallenge */.VZ)(challenges, 'basic');
        if (bearer) {
            this.#challenge = Promise.resolve(bearer);
            const wanted = (0,auth_challenge/* mergeScopes */.OL)([...scopes, ...(0,auth_challenge/* splitScopes */.c8)(bearer.params.scope)]);
            // A fresh token for the scopes the last one already named would be refused the same way.
            if (bearer.params.error === 'insufficient_scope' && previous && wanted.join(' ') === (0,auth_challenge/* mergeScopes */.OL)(scopes).join(' '))
                return undefined;
            this.#tokens.delete(this.#key(bearer, wanted));
            const header = (await this.#token(bearer, wanted)).header;
            return header === previous ? undefined : header;
        }
        if (basic) {
            this.#challenge = Promise.resolve(basic);
            const header = await this.#basic();
            return header === previous ? undefined : header;
        }
        return undefined;
    }
    #ping() {
        this.#challenge ??= (async () => {
            const url = new URL('/v2/', this.transport.baseUrl(this.registry));
            const response = await this.transport.send({ method: 'GET', url });
            await (0,transport/* discard */.vf)(response);
            if (response.status === 200)
                return null;
            if (response.status !== 401)
                throw new errors/* RegistryError */.gl('GET', url.toString(), response.status, [], 'the registry API ping failed');
            const challenges = (0,auth_challenge/* parseChallenges */.uV)(response.headers['www-authenticate']);
            const challenge = (0,auth_challenge/* findChallenge */.VZ)(challenges, 'bearer') ?? (0,auth_challenge/* findChallenge */.VZ)(challenges, 'basic');
            if (!challenge)
                throw new errors/* RegistryError */.gl('GET', url.toString(), 401, [], 'no Bearer or Basic challenge in WWW-Authenticate');
            return challenge;
        })().catch((error) => {
            this.#challenge = undefined;
            throw error;
        });
        return this.#challenge;
    }
    async #basic() {
        const credential = await this.credentials.get(this.registry);
        if (!credential?.username || credential.password === undefined)
            return undefined;
        const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
        // The encoded pair is as secret as the password: a server echoing Authorization must not print it.
        this.logger.mask(encoded);
        return `Basic ${encoded}`;
    }
    #key(challenge, scopes) {
        return [challenge.params.realm, challenge.params.service ?? '', (0,auth_challenge/* mergeScopes */.OL)(scopes).join(' ')].join('|');
    }
    #token(challenge, scopes) {
        const key = this.#key(challenge, scopes);
        const cached = this.#tokens.get(key);
        if (cached) {
            return cached.then((token) => {
                if (token.expiresAt - EXPIRY_MARGIN_MS > Date.now())
                    return token;
                this.#tokens.delete(key);
                return this.#token(challenge, scopes);
            });
        }
        const fetched = this.#fetchToken(challenge, (0,auth_challenge/* mergeScopes */.OL)(scopes)).catch((error) => {
            this.#tokens.delete(key);
            throw error;
        });
        this.#tokens.set(key, fetched);
        return fetched;
    }
    async #fetchToken(challenge, scopes) {
        const realm = challenge.params.realm;
        if (!realm)
            throw new errors/* RegistryError */.gl('GET', this.registry, 401, [], 'Bearer challenge without a realm');
        this.#refuseWeakerRealm(realm);
        const credential = await this.credentials.get(this.registry);
        const refreshToken = credential?.refreshToken;
        // OAuth2 refresh-token grant (docker's identity tokens); GET is the fallback some realms need.
        const posted = refreshToken ? await this.#postRefreshToken(realm, challenge, scopes, refreshToken) : undefined;
        const method = posted ? 'POST' : 'GET';
        const response = posted ?? (await this.#getToken(realm, challenge, scopes, refreshToken));
        if (response.status !== 200)
            throw await (0,transport/* errorFrom */.JK)(method, response, `token request for ${scopes.join(' ') || 'no scope'} refused`);
        const body = (0,errors/* parseJsonBody */.Y2)(await (0,transport/* readBody */.x8)(response, 1024 * 1024), method, response.url);
        const token = body?.token ?? body?.access_token;
        if (typeof token !== 'string' || !token)
            throw new errors/* RegistryError */.gl(method, (0,errors/* redactUrl */.BO)(response.url), 200, [], 'token response without a token');
        // Masked the moment they are minted.
        if (typeof body?.refresh_token === 'string')
            this.logger.mask(body.refresh_token);
        this.logger.mask(token);
        const lifetime = Math.max(MIN_TOKEN_LIFETIME_S, Number(body?.expires_in) || MIN_TOKEN_LIFETIME_S);
        return { header: `Bearer ${token}`, expiresAt: Date.now() + lifetime * 1000 };
    }
    /**
     * A realm gets the login (or a refresh token) in the clear unless it is HTTPS: a registry on
     * HTTPS naming an `http://` realm (or any other scheme) would downgrade it, even on loopback (a
     * remote registry naming a loopback realm would hand the login to whatever listens on the
     * runner). A plain-HTTP realm is taken from a plain-HTTP registry (loopback, insecure-registries).
     */
    #refuseWeakerRealm(realm) {
        const registry = this.transport.baseUrl(this.registry);
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            throw new errors/* RegistryError */.gl('GET', registry.toString(), 401, [], `the token realm "${realm}" is not a URL; nothing was sent to it`);
        }
        const secure = url.protocol === 'https:';
        const plainAllowed = url.protocol === 'http:' && registry.protocol === 'http:';
        if (secure || plainAllowed)
            return;
        throw new errors/* RegistryError */.gl('GET', registry.toString(), 401, [], `the registry, reached over ${registry.protocol.slice(0, -1).toUpperCase()}, names the token realm ${(0,errors/* redactUrl */.BO)(url)}, ` +
            'which would receive the login in the clear; refused, nothing was sent to it (the realm must be https://)');
    }
    /** The OAuth2 form POST; undefined where the realm does not take it (404/405). */
    async #postRefreshToken(realm, challenge, scopes, refreshToken) {
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'container-image-actions' });
        if (challenge.params.service)
            form.set('service', challenge.params.service);
        if (scopes.length)
            form.set('scope', scopes.join(' '));
        const headers = { 'content-type': 'application/x-www-form-urlencoded' };
        const response = await this.transport.send({ method: 'POST', url: new URL(realm), headers, body: Buffer.from(form.toString()) });
        if (response.status !== 404 && response.status !== 405)
            return response;
        await (0,transport/* discard */.vf)(response);
        return undefined;
    }
    /** `GET <realm>?service=…&scope=…` with the Basic login, else the refresh token, else anonymous. */
    async #getToken(realm, challenge, scopes, refreshToken) {
        const url = new URL(realm);
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const headers = {};
        const basic = await this.#basic();
        if (basic)
            headers.authorization = basic;
        else if (refreshToken) {
            url.searchParams.set('grant_type', 'refresh_token');
            url.searchParams.set('refresh_token', refreshToken);
        }
        return this.transport.send({ method: 'GET', url, headers });
    }
}
/** The `registry/repository` a `repository:<name>:<actions>` scope names, where `allowed` does not admit it. */
function outsideOf(allowed, registry, scope) {
    const parsed = (0,auth_challenge/* parseScope */.Sk)(scope);
    if (parsed?.type !== 'repository')
        return undefined;
    const name = `${registry}/${parsed.name}`;
    return allowed.admits(name) ? undefined : { name, actions: parsed.actions };
}

// EXTERNAL MODULE: ./src/registry/digest.ts
var registry_digest = __webpack_require__(5035);
// EXTERNAL MODULE: ./src/registry/http-headers.ts
var http_headers = __webpack_require__(1280);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/registry/manifest.ts
var manifest = __webpack_require__(506);
// EXTERNAL MODULE: ./src/registry/reference.ts
var registry_reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/registry/retry.ts
var retry = __webpack_require__(1521);
;// CONCATENATED MODULE: ./src/registry/client.ts










const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_TAG_PAGES = 1000;
/** Tags read from one repository at most: a listing beyond it is cut (and says so), never held whole. */
const MAX_TAGS_READ = 100_000;
const MAX_TAG_PAGE_BYTES = 16 * 1024 * 1024;
/** A manifest PUT refused with these while another PUT of a blob or child it names is under way. */
const LINK_RACE_CODES = ['MANIFEST_BLOB_UNKNOWN', 'BLOB_UNKNOWN', 'DIGEST_INVALID'];
/** Chunk size once a monolithic upload was refused as too large; halved on each further 413. */
const FIRST_CHUNK_BYTES = 1024 * 1024;
const MIN_CHUNK_BYTES = 64 * 1024;
/** The distribution API of one registry: manifests, blobs and tags, authenticated and verified. */
class RegistryClient {
    registry;
    transport;
    auth;
    logger;
    #credentials;
    #deleteAction;
    retry;
    #limiter;
    #rateLimits;
    /** Set once a monolithic PUT was refused as too large: later uploads go in chunks. */
    #chunked = false;
    #chunkBytes = FIRST_CHUNK_BYTES;
    #minChunkBytes = MIN_CHUNK_BYTES;
    #largeBodyFailures = 0;
    constructor(registry, options) {
        this.registry = registry;
        this.transport = options.transport;
        this.logger = options.logger ?? logger/* silentLogger */.q;
        this.auth = new Authenticator(registry, options.transport, options.credentials, this.logger);
        this.#credentials = options.credentials;
        this.#deleteAction = options.deleteAction ?? 'delete';
        this.retry = options.retry ?? retry/* DEFAULT_RETRY */.vI;
        this.#limiter = options.limiter;
        this.#rateLimits = options.rateLimits;
    }
    /** A repository of this registry, as the value the rest of the code passes around. */
    ref(repository) {
        return { registry: this.registry, repository };
    }
    url(path) {
        return new URL(path, this.transport.baseUrl(this.registry));
    }
    /**
     * `/v2/<repository>/<kind>/<reference>`, refused before any request unless the repository is a
     * repository name and the reference a tag or a digest: a digest from a hostile registry such as
     * `sha256:x/../../../victim/manifests/latest` would otherwise reach another repository.
     */
    #resourceUrl(repository, kind, reference, query = '') {
        this.#checkRepository(repository);
        const what = `${kind === 'manifests' ? 'manifest' : kind === 'blobs' ? 'blob' : 'referrers of'} ${(0,registry_reference/* refName */.P7)(this.ref(repository))}`;
        if (kind !== 'manifests' || (0,registry_reference/* isDigest */.Bc)(reference))
            (0,registry_digest/* checkDigest */.H2)(reference, what);
        else if (!(0,registry_reference/* isValidTag */.r_)(reference))
            throw new registry_reference/* ReferenceError */.AF((0,registry_reference/* refName */.P7)(this.ref(repository), reference), `"${reference}" is not a valid tag`);
        return this.url(`/v2/${repository}/${kind}/${reference}${query}`);
    }
    #uploadsUrl(repository, query = '') {
        this.#checkRepository(repository);
        return this.url(`/v2/${repository}/blobs/uploads/${query}`);
    }
    /** The registry's login goes only to its own origin: an upload Location elsewhere gets none. */
    #isOwnOrigin(url) {
        return url.origin === this.url('/').origin;
    }
    #checkRepository(repository) {
        if (!(0,registry_reference/* isValidPath */.o4)(repository))
            throw new registry_reference/* ReferenceError */.AF((0,registry_reference/* refName */.P7)(this.ref(repository)), 'repository path components are [a-z0-9] separated by ".", "_", "__" or "-"');
    }
    scope(repository, actions) {
        const names = actions.map((a) => (a === 'delete' ? this.#deleteAction : a));
        return `repository:${repository}:${[...new Set(names)].join(',')}`;
    }
    /**
     * Sends with the token for `scopes`; on a 401 re-authenticates once with what the challenge
     * asks for. `make` builds the request anew, so a body can be sent again.
     */
    request(scopes, make, options = {}) {
        return this.#limit(async () => {
            let transfer = options.sizeBound === true;
            const made = () => {
                const request = make();
                // A body on its way (a blob) makes the answer's time a matter of size, not of the link.
                transfer ||= request.transfer !== undefined || (request.body !== undefined && !Buffer.isBuffer(request.body));
                return request;
            };
            const timing = { latencyMs: 0 };
            try {
                const response = await this.#request(scopes, made, timing);
                this.#answered(response, timing.latencyMs, transfer);
                return response;
            }
            catch (error) {
                this.#unanswered(error, timing.latencyMs, transfer);
                throw error;
            }
        });
    }
    /** What an answer tells the registry's window (its status, its time, a Retry-After) and the run's quota record. */
    #answered(response, latencyMs, transfer) {
        const retryAfterMs = (0,http_headers/* parseRetryAfter */.m)(header(response, 'retry-after'));
        this.#limiter?.feedback({ status: response.status, latencyMs, transfer, retryAfterMs });
        this.#rateLimits?.note(this.registry, response.headers);
    }
    /** No answer at all (a reset, a refused connection): as much a sign of overload as a 503. */
    #unanswered(error, latencyMs, transfer) {
        if ((0,transport/* isNetworkError */.TX)(error))
            this.#limiter?.feedback({ status: 0, latencyMs, transfer });
    }
    /** Each request holds one of the registry's places until its response (a blob PUT: its whole body) arrives. */
    #limit(send) {
        return this.#limiter ? this.#limiter.run(send) : send();
    }
    /**
     * One idempotent operation, retried on network errors, 429 and 5xx (transport.ts and retry.ts):
     * callers never wrap single requests. Blob transfers (getBlob, mountBlob, uploadBlob) are parts
     * of a copy, which retries them whole.
     */
    #attempt(what, step) {
        return (0,retry/* withRetry */.bD)(what, step, this.retry, this.logger);
    }
    /** `timing.latencyMs`: how long the registry took to answer, token requests left out. */
    async #request(scopes, make, timing) {
        const send = async (request) => {
            const started = performance.now();
            try {
                return await this.transport.send(request);
            }
            finally {
                timing.latencyMs = performance.now() - started;
            }
        };
        const first = make();
        this.#refuseWriteOutsideLogin(scopes, first);
        // A URL a registry handed back (an upload Location) on another origin gets no login, as a
        // redirect off the host gets none.
        if (!this.#isOwnOrigin(first.url))
            return send(first);
        const header = await this.auth.authorization(scopes);
        const response = await send(withAuth(first, header));
        if (response.status !== 401)
            return response;
        if (response.url.host !== first.url.host) {
            // A storage host behind a redirect asking for credentials: its challenge is not the
            // registry's, and answering it would hand the registry's login to a stranger.
            await (0,transport/* discard */.vf)(response);
            throw new errors/* RegistryError */.gl(first.method, (0,errors/* redactUrl */.BO)(response.url), 401, [], `${response.url.host} asked for credentials after a redirect from ${first.url.host}; nothing was sent to it`);
        }
        const retry = await this.auth.reauthorize(scopes, response, header);
        if (retry === undefined)
            return response;
        await (0,transport/* discard */.vf)(response);
        return send(withAuth(make(), retry));
    }
    /**
     * Where the registry's login is restricted to some repositories, a push or delete anywhere else
     * is refused unsent (whatever led to it: a plan, or a name a registry handed back). Reads keep
     * the login (a mirror's source on the same registry): the pattern says where images may go.
     */
    #refuseWriteOutsideLogin(scopes, request) {
        const allowed = this.#credentials.repositoryScope(this.registry);
        if (!allowed)
            return;
        for (const scope of scopes) {
            const outside = outsideOf(allowed, this.registry, scope);
            if (outside?.actions.some((action) => action !== 'pull'))
                throw new errors/* CredentialScopeError */.K$(request.method, (0,errors/* redactUrl */.BO)(request.url), outside.name, allowed.source);
        }
    }
    async headManifest(repository, reference) {
        return this.#attempt(`HEAD ${(0,registry_reference/* refName */.P7)(this.ref(repository), reference)}`, () => this.#headManifestOnce(repository, reference));
    }
    async getManifest(repository, reference) {
        return this.#attempt(`GET ${(0,registry_reference/* refName */.P7)(this.ref(repository), reference)}`, () => this.#getManifestOnce(repository, reference));
    }
    /**
     * PUTs the exact bytes; says whether the registry confirmed the digest (Docker-Content-Digest):
     * a confirmed tag needs no HEAD to verify it; and the subject it indexed the manifest under
     * (`OCI-Subject`), which a registry with the referrers API sends for a manifest with a `subject`.
     */
    async putManifestConfirmed(repository, reference, manifest) {
        return this.#attempt(`PUT ${(0,registry_reference/* refName */.P7)(this.ref(repository), reference)}`, () => this.#putManifestConfirmedOnce(repository, reference, manifest));
    }
    /** DELETE of a manifest by digest, or of a tag where the registry supports it; returns the status. */
    async deleteManifest(repository, reference) {
        return this.#attempt(`DELETE ${(0,registry_reference/* refName */.P7)(this.ref(repository), reference)}`, () => this.#deleteManifestOnce(repository, reference));
    }
    /** Size of a blob in the repository, or undefined when it is not there. */
    async headBlob(repository, digest) {
        return this.#attempt(`HEAD ${(0,registry_reference/* refName */.P7)(this.ref(repository), digest)}`, () => this.#headBlobOnce(repository, digest));
    }
    /**
     * Every tag of a repository, following `Link: rel="next"` pages; an error where there are more
     * than `maxTags` (callers that can act on part of a list use `readTags`).
     */
    async listTags(repository, pageSize = 1000, maxPages = MAX_TAG_PAGES) {
        const listing = await this.readTags(repository, { pageSize, maxPages });
        if (!listing.complete)
            throw new errors/* RegistryError */.gl('GET', (0,errors/* redactUrl */.BO)(this.url(`/v2/${repository}/tags/list`)), 200, [], `${repository} has more than ${MAX_TAGS_READ} tags; stopped`);
        return listing.tags;
    }
    /**
     * A repository's tags, page by page (`Link: rel="next"`, never to another origin, never the same
     * page twice, at most `maxPages`), keeping at most `maxTags`: memory stays bounded whatever a
     * registry pages. A failure starts the listing over.
     */
    async readTags(repository, options = {}) {
        return this.#attempt(`list ${(0,registry_reference/* refName */.P7)(this.ref(repository))}`, () => this.#readTagsOnce(repository, options));
    }
    async #headManifestOnce(repository, reference) {
        const url = this.#resourceUrl(repository, 'manifests', reference);
        const response = await this.request([this.scope(repository, ['pull'])], () => ({
            method: 'HEAD',
            url,
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
        }));
        if (response.status === 404) {
            // Even a HEAD's empty body must be read, or its keep-alive socket stays taken.
            await (0,transport/* discard */.vf)(response);
            return undefined;
        }
        if (response.status !== 200)
            throw await (0,transport/* errorFrom */.JK)('HEAD', response);
        await (0,transport/* discard */.vf)(response);
        const announced = header(response, 'docker-content-digest');
        if (!announced)
            return this.#headFromGet(repository, reference);
        const digest = (0,registry_digest/* checkDigest */.H2)(announced, `Docker-Content-Digest of HEAD ${(0,registry_reference/* refName */.P7)(this.ref(repository), reference)}`);
        return { digest, mediaType: header(response, 'content-type') ?? '', size: Number(header(response, 'content-length') ?? 0) };
    }
    /** Registries that leave Docker-Content-Digest off a HEAD get a GET instead. */
    async #headFromGet(repository, reference) {
        const manifest = await this.#getManifestOnce(repository, reference);
        return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
    }
    async #getManifestOnce(repository, reference) {
        const url = this.#resourceUrl(repository, 'manifests', reference);
        const response = await this.request([this.scope(repository, ['pull'])], () => ({
            method: 'GET',
            url,
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
        }));
        if (response.status !== 200)
            throw await (0,transport/* errorFrom */.JK)('GET', response);
        const declared = Number(header(response, 'content-length') ?? 0);
        if (declared > MAX_MANIFEST_BYTES) {
            response.body.destroy();
            throw new errors/* RegistryError */.gl('GET', (0,errors/* redactUrl */.BO)(url), 200, [], `manifest of ${declared} bytes is over the ${MAX_MANIFEST_BYTES}-byte limit`);
        }
        const bytes = await (0,transport/* readBody */.x8)(response, MAX_MANIFEST_BYTES);
        const digest = (0,registry_digest/* sha256 */.sc)(bytes);
        const announced = header(response, 'docker-content-digest');
        const what = `manifest ${(0,registry_reference/* refName */.P7)(this.ref(repository), reference)}`;
        // A pin in any supported algorithm is checked against the bytes; an unknown algorithm is refused.
        if ((0,registry_reference/* isDigest */.Bc)(reference))
            (0,registry_digest/* verifyBytes */.RV)(reference, bytes, what);
        if (announced)
            (0,registry_digest/* verifyBytes */.RV)((0,registry_digest/* checkDigest */.H2)(announced, `Docker-Content-Digest of ${what}`), bytes, what);
        const mediaType = header(response, 'content-type')?.split(';')[0].trim() || mediaTypeOf(bytes);
        return { bytes, mediaType, digest };
    }
    /** PUTs the exact bytes; returns their digest, checked against what the registry says it stored. */
    async putManifest(repository, reference, manifest) {
        return (await this.putManifestConfirmed(repository, reference, manifest)).digest;
    }
    async #putManifestConfirmedOnce(repository, reference, manifest) {
        const url = this.#resourceUrl(repository, 'manifests', reference);
        const response = await this.request([this.scope(repository, ['pull', 'push'])], () => ({
            method: 'PUT',
            url,
            headers: { 'content-type': manifest.mediaType, 'content-length': manifest.bytes.length },
            body: manifest.bytes,
        }));
        if (response.status !== 201 && response.status !== 200) {
            const error = await (0,transport/* errorFrom */.JK)('PUT', response);
            // distribution 2.8 rewrites a link file (truncate, then write) each time a blob or manifest
            // it names is put again; a PUT reading it meanwhile is refused (docs/registries.md, "Blobs").
            if (response.status === 400 && LINK_RACE_CODES.some((code) => error.hasCode(code)))
                throw retryable(error);
            throw error;
        }
        await (0,transport/* discard */.vf)(response);
        const digest = (0,registry_digest/* sha256 */.sc)(manifest.bytes);
        const stored = header(response, 'docker-content-digest');
        if (stored?.startsWith('sha256:') && stored !== digest)
            throw new registry_digest/* DigestMismatchError */.h(digest, stored, `manifest put as ${(0,registry_reference/* refName */.P7)(this.ref(repository), reference)}`);
        const subject = header(response, 'oci-subject');
        return { digest, confirmed: stored === digest, ...(subject && { subject }) };
    }
    async #deleteManifestOnce(repository, reference) {
        const url = this.#resourceUrl(repository, 'manifests', reference);
        const response = await this.request([this.scope(repository, ['pull', 'delete'])], () => ({ method: 'DELETE', url }));
        if (response.status >= 500 || response.status === 429 || response.status === 401)
            throw await (0,transport/* errorFrom */.JK)('DELETE', response);
        await (0,transport/* discard */.vf)(response);
        return response.status;
    }
    async #headBlobOnce(repository, digest) {
        const url = this.#resourceUrl(repository, 'blobs', digest);
        const response = await this.request([this.scope(repository, ['pull'])], () => ({ method: 'HEAD', url, followRedirects: true }));
        if (response.status === 404) {
            // Even a HEAD's empty body must be read, or its keep-alive socket stays taken.
            await (0,transport/* discard */.vf)(response);
            return undefined;
        }
        if (response.status !== 200)
            throw await (0,transport/* errorFrom */.JK)('HEAD', response);
        await (0,transport/* discard */.vf)(response);
        return Number(header(response, 'content-length') ?? 0);
    }
    /**
     * A blob's bytes as a stream (redirects to storage hosts followed without the token), bounded by
     * the transport's throughput floor, never by the size a manifest declares.
     */
    async getBlob(repository, digest) {
        const url = this.#resourceUrl(repository, 'blobs', digest);
        const response = await this.request([this.scope(repository, ['pull'])], () => ({
            method: 'GET',
            url,
            followRedirects: true,
            transfer: `blob ${digest}`,
        }));
        if (response.status !== 200)
            throw await (0,transport/* errorFrom */.JK)('GET', response);
        return response;
    }
    /**
     * Cross-repository mount: true when the registry linked the blob (201). A 202 means it opened
     * an upload session instead; we cancel it and the caller uploads.
     */
    async mountBlob(repository, digest, from) {
        this.#checkRepository(from);
        (0,registry_digest/* checkDigest */.H2)(digest, `blob mounted into ${(0,registry_reference/* refName */.P7)(this.ref(repository))}`);
        const url = this.#uploadsUrl(repository, `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`);
        const response = await this.request([this.scope(repository, ['pull', 'push']), this.scope(from, ['pull'])], () => ({
            method: 'POST',
            url,
            headers: { 'content-length': 0 },
        }), { sizeBound: true });
        if (response.status >= 500 || response.status === 429)
            throw await (0,transport/* errorFrom */.JK)('POST', response);
        await (0,transport/* discard */.vf)(response);
        if (response.status === 201)
            return true;
        if (response.status === 202)
            await this.#cancelUpload(response, [this.scope(repository, ['pull', 'push'])]);
        // A refused mount (202, or 401/403/404 where the source is not readable) means: upload instead.
        return false;
    }
    async #cancelUpload(response, scopes) {
        const location = header(response, 'location');
        if (!location)
            return;
        const url = new URL(location, response.url);
        try {
            const cancel = await this.request(scopes, () => ({ method: 'DELETE', url }));
            await (0,transport/* discard */.vf)(cancel);
        }
        catch {
            // An abandoned session expires on its own.
        }
    }
    /**
     * Uploads one blob: POST then PUT ?digest= (two requests); in chunks with Content-Range once
     * the registry refused a monolithic PUT as too large. `open` is called once the upload session
     * exists, so a source download never waits on the destination.
     */
    async uploadBlob(repository, digest, size, open) {
        (0,registry_digest/* checkDigest */.H2)(digest, `blob uploaded to ${(0,registry_reference/* refName */.P7)(this.ref(repository))}`);
        const scopes = [this.scope(repository, ['pull', 'push'])];
        const start = this.#uploadsUrl(repository);
        const opened = await this.request(scopes, () => ({ method: 'POST', url: start, headers: { 'content-length': 0 } }));
        if (opened.status !== 202)
            throw await (0,transport/* errorFrom */.JK)('POST', opened);
        await (0,transport/* discard */.vf)(opened);
        const minChunk = Number(header(opened, 'oci-chunk-min-length') ?? 0);
        if (minChunk > this.#minChunkBytes)
            this.#minChunkBytes = minChunk;
        const location = uploadLocation(opened);
        const source = () => (typeof open === 'function' ? open() : Promise.resolve(open));
        if (this.#chunked)
            return this.#uploadChunks(scopes, location, digest, await source());
        const put = withDigest(location, digest);
        const authorization = this.#isOwnOrigin(put) ? await this.auth.authorization(scopes) : undefined;
        let response;
        let body;
        try {
            // The registry's place is taken before the source is opened: a download never sits paused
            // (and idle-times out) while its upload waits for a place.
            response = await this.#limit(async () => {
                body = await source();
                return this.transport.send(withAuth({
                    method: 'PUT',
                    url: put,
                    headers: { 'content-type': 'application/octet-stream', 'content-length': size },
                    body,
                    transfer: `blob ${digest}`,
                }, authorization));
            });
            this.#answered(response, 0, true);
        }
        catch (error) {
            this.#unanswered(error, 0, true);
            // A proxy refusing a large body often answers 413 and closes before reading it: the client
            // may only see the broken pipe. Twice in a row on a large body reads as that limit.
            if ((0,transport/* isNetworkError */.TX)(error) && size > this.#chunkBytes && ++this.#largeBodyFailures >= 2) {
                this.#chunked = true;
                this.logger.info(`${this.registry}: large blob uploads keep breaking off; uploading in chunks of ${this.#chunkBytes} bytes`);
            }
            throw error;
        }
        if (response.status === 201) {
            await (0,transport/* discard */.vf)(response);
            return;
        }
        if (response.status === 413) {
            // A proxy in front of the registry limits body sizes: chunks from now on.
            this.#chunked = true;
            this.logger.info(`${this.registry}: a monolithic blob upload was refused as too large; uploading in chunks of ${this.#chunkBytes} bytes`);
            body?.destroy();
            throw retryable(await (0,transport/* errorFrom */.JK)('PUT', response));
        }
        throw await (0,transport/* errorFrom */.JK)('PUT', response);
    }
    async #uploadChunks(scopes, first, digest, body) {
        let location = first;
        let offset = 0;
        let pending = [];
        let pendingSize = 0;
        const send = async () => {
            const chunk = Buffer.concat(pending, pendingSize);
            pending = [];
            pendingSize = 0;
            const url = location;
            const response = await this.request(scopes, () => ({
                method: 'PATCH',
                url,
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-length': chunk.length,
                    'content-range': `${offset}-${offset + chunk.length - 1}`,
                },
                body: chunk,
                transfer: `blob ${digest}`,
            }));
            if (response.status === 413 && this.#chunkBytes > this.#minChunkBytes) {
                this.#chunkBytes = Math.max(this.#minChunkBytes, Math.floor(this.#chunkBytes / 2));
                body.destroy();
                throw retryable(await (0,transport/* errorFrom */.JK)('PATCH', response, `chunks are now ${this.#chunkBytes} bytes`));
            }
            if (response.status !== 202)
                throw await (0,transport/* errorFrom */.JK)('PATCH', response);
            await (0,transport/* discard */.vf)(response);
            offset += chunk.length;
            location = uploadLocation(response);
        };
        for await (const data of body) {
            pending.push(data);
            pendingSize += data.length;
            while (pendingSize >= this.#chunkBytes)
                await send();
        }
        if (pendingSize > 0)
            await send();
        const url = withDigest(location, digest);
        // The registry checks the whole blob before it answers: the time is its size, not the link.
        const done = await this.request(scopes, () => ({ method: 'PUT', url, headers: { 'content-length': 0 } }), { sizeBound: true });
        if (done.status !== 201)
            throw await (0,transport/* errorFrom */.JK)('PUT', done);
        await (0,transport/* discard */.vf)(done);
    }
    /**
     * The OCI 1.1 referrers of a manifest (`GET /v2/<name>/referrers/<digest>`, every page), or
     * undefined where the registry has no such API: it answers 404 (the spec forbids a 404 from a
     * registry that has it). `artifactType` filters, where the registry applies the filter.
     */
    async getReferrers(repository, digest, artifactType) {
        return this.#attempt(`GET referrers of ${(0,registry_reference/* refName */.P7)(this.ref(repository), digest)}`, () => this.#getReferrersOnce(repository, digest, artifactType));
    }
    async #getReferrersOnce(repository, digest, artifactType) {
        const found = [];
        const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
        const first = this.#resourceUrl(repository, 'referrers', digest, query);
        let url = first;
        const seen = new Set();
        while (url) {
            if (seen.has(url.toString()) || seen.size >= MAX_TAG_PAGES)
                throw new errors/* RegistryError */.gl('GET', (0,errors/* redactUrl */.BO)(url), 200, [], 'referrers pagination loops');
            refuseOtherOrigin(url, first, `the referrers of ${digest}`);
            seen.add(url.toString());
            const current = url;
            const response = await this.request([this.scope(repository, ['pull'])], () => ({
                method: 'GET',
                url: current,
                headers: { accept: media_types/* MediaType */.zu.OciIndex },
            }));
            if (response.status === 404) {
                await (0,transport/* discard */.vf)(response);
                return undefined;
            }
            if (response.status !== 200)
                throw await (0,transport/* errorFrom */.JK)('GET', response);
            const page = (0,errors/* parseJsonBody */.Y2)(await (0,transport/* readBody */.x8)(response, MAX_MANIFEST_BYTES), 'GET', current);
            (0,manifest/* checkDescriptors */.Fn)(page, `the referrers of ${(0,registry_reference/* refName */.P7)(this.ref(repository), digest)}`);
            for (const descriptor of Array.isArray(page.manifests) ? page.manifests : [])
                found.push(descriptor);
            url = (0,http_headers/* parseNextLink */.P)(header(response, 'link'), current);
        }
        // A registry that ignored the filter (no OCI-Filters-Applied) still gives only what was asked.
        return artifactType ? found.filter((d) => d.artifactType === artifactType) : found;
    }
    async #readTagsOnce(repository, options) {
        const { pageSize = 1000, maxPages = MAX_TAG_PAGES, maxTags = MAX_TAGS_READ } = options;
        const tags = [];
        this.#checkRepository(repository);
        const first = this.url(`/v2/${repository}/tags/list?n=${pageSize}`);
        let url = first;
        const seen = new Set();
        while (url) {
            if (seen.has(url.toString()))
                throw new errors/* RegistryError */.gl('GET', (0,errors/* redactUrl */.BO)(url), 200, [], 'tag list pagination loops');
            if (seen.size >= maxPages)
                throw new errors/* RegistryError */.gl('GET', (0,errors/* redactUrl */.BO)(url), 200, [], `the tag list of ${repository} goes on past ${maxPages} pages; stopped`);
            refuseOtherOrigin(url, first, `the tag list of ${repository}`);
            seen.add(url.toString());
            const current = url;
            const response = await this.request([this.scope(repository, ['pull'])], () => ({ method: 'GET', url: current }));
            if (response.status === 404) {
                await (0,transport/* discard */.vf)(response);
                return { tags, complete: true };
            }
            if (response.status !== 200)
                throw await (0,transport/* errorFrom */.JK)('GET', response);
            const page = (0,errors/* parseJsonBody */.Y2)(await (0,transport/* readBody */.x8)(response, MAX_TAG_PAGE_BYTES), 'GET', current);
            // One loop, not a spread: a page of 130k tags would overflow the call stack as arguments.
            for (const tag of Array.isArray(page.tags) ? page.tags : []) {
                // A name no tag may have (`a/../b`) is the registry's noise, never something to act on.
                if (typeof tag !== 'string' || !(0,registry_reference/* isValidTag */.r_)(tag))
                    continue;
                if (tags.length >= maxTags)
                    return { tags, complete: false };
                tags.push(tag);
            }
            url = (0,http_headers/* parseNextLink */.P)(header(response, 'link'), current);
        }
        return { tags, complete: true };
    }
}
/**
 * A `Link` next page is fetched with this registry's credentials (redirects drop them off-host,
 * `Link` does not): a page on another origin is refused rather than handed the login.
 */
function refuseOtherOrigin(url, first, what) {
    if (url.origin !== first.origin)
        throw new errors/* RegistryError */.gl('GET', (0,errors/* redactUrl */.BO)(url), 200, [], `${what} points its next page at another origin (${url.origin}); refused`);
}
/** Marks an error worth another attempt although its status is not a temporary one. */
function retryable(error) {
    return Object.assign(error, { retryable: true });
}
function withAuth(request, authorization) {
    if (!authorization)
        return request;
    return { ...request, headers: { ...request.headers, authorization } };
}
function header(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** Location is relative to the request URL, and its query (upload state) must be kept. */
function uploadLocation(response) {
    const location = header(response, 'location');
    if (!location)
        throw new errors/* RegistryError */.gl('POST', (0,errors/* redactUrl */.BO)(response.url), response.status, [], 'upload response without a Location');
    return new URL(location, response.url);
}
function withDigest(location, digest) {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return url;
}
function mediaTypeOf(bytes) {
    try {
        return String(JSON.parse(bytes.toString('utf8')).mediaType ?? '');
    }
    catch {
        return '';
    }
}


/***/ }),

/***/ 5035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H2: () => (/* binding */ checkDigest),
/* harmony export */   MF: () => (/* binding */ DIGEST_ALGORITHMS),
/* harmony export */   RV: () => (/* binding */ verifyBytes),
/* harmony export */   SC: () => (/* binding */ VerifyingStream),
/* harmony export */   h: () => (/* binding */ DigestMismatchError),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* unused harmony exports algorithmOf, UnsupportedDigestError, digestLike, InvalidDigestError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9310);



function sha256(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** The algorithms whose digests are verified on every read; any other is refused by name. */
const DIGEST_ALGORITHMS = ['sha256', 'sha512'];
/** The algorithm of a digest, refusing one this client cannot verify (a pin it cannot check is no pin). */
function algorithmOf(digest, what = 'digest') {
    const algorithm = digest.slice(0, digest.indexOf(':'));
    if (!DIGEST_ALGORITHMS.includes(algorithm)) {
        throw new UnsupportedDigestError(`${what}: digest algorithm "${algorithm || digest}" cannot be verified; supported: ${DIGEST_ALGORITHMS.join(', ')}`);
    }
    return algorithm;
}
class UnsupportedDigestError extends Error {
    name = 'UnsupportedDigestError';
}
/** The digest of `bytes` in the algorithm `like` uses. */
function digestLike(like, bytes, what) {
    const algorithm = algorithmOf(like, what);
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** Throws DigestMismatchError unless `bytes` hash to `expected` (sha256 or sha512). */
function verifyBytes(expected, bytes, what) {
    const actual = digestLike(expected, bytes, what);
    if (actual !== expected)
        throw new DigestMismatchError(expected, actual, what);
}
/** The content did not hash to the digest it was asked for or announced with. */
class DigestMismatchError extends Error {
    expected;
    actual;
    what;
    constructor(expected, actual, what) {
        super(`digest mismatch for ${what}: expected ${expected}, got ${actual}`);
        this.expected = expected;
        this.actual = actual;
        this.what = what;
        this.name = 'DigestMismatchError';
    }
}
/**
 * A digest read from the network (a descriptor, a header) that is not `algorithm:hex`: it would
 * go into a URL path, where `sha256:x/../../other/manifests/latest` reaches another repository.
 */
class InvalidDigestError extends Error {
    digest;
    what;
    constructor(digest, what) {
        const shown = typeof digest === 'string' ? JSON.stringify(digest.length > 120 ? `${digest.slice(0, 117)}...` : digest) : String(digest);
        super(`${what}: ${shown} is not a digest (algorithm:hex; sha256 takes 64 lowercase hex digits); nothing was requested with it`);
        this.digest = digest;
        this.what = what;
        this.name = 'InvalidDigestError';
    }
}
/** `value` as a digest, or InvalidDigestError naming `what` carried it. */
function checkDigest(value, what) {
    if (typeof value !== 'string' || !(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(value))
        throw new InvalidDigestError(value, what);
    return value;
}
/**
 * Passes bytes through while hashing and counting them; fails the stream at its end when the
 * digest or size differ. The last chunk is only released after the check, so a corrupted blob
 * can never complete an upload that streams from it.
 */
class VerifyingStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    expectedDigest;
    expectedSize;
    what;
    #hash;
    #algorithm;
    #size = 0;
    /** The latest chunk, held back until the next arrives: the last bytes leave only once verified. */
    #held;
    constructor(expectedDigest, expectedSize, what) {
        super();
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
        this.what = what;
        this.#algorithm = algorithmOf(expectedDigest, what);
        this.#hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(this.#algorithm);
    }
    get bytes() {
        return this.#size;
    }
    _transform(chunk, _encoding, callback) {
        this.#size += chunk.length;
        if (this.expectedSize !== undefined && this.#size > this.expectedSize) {
            callback(new Error(`${this.what}: more than the expected ${this.expectedSize} bytes`));
            return;
        }
        this.#hash.update(chunk);
        const previous = this.#held;
        this.#held = chunk;
        callback(null, previous);
    }
    _flush(callback) {
        if (this.expectedSize !== undefined && this.#size !== this.expectedSize) {
            callback(new Error(`${this.what}: got ${this.#size} bytes, expected ${this.expectedSize}`));
            return;
        }
        const actual = `${this.#algorithm}:${this.#hash.digest('hex')}`;
        if (actual !== this.expectedDigest) {
            callback(new DigestMismatchError(this.expectedDigest, actual, this.what));
            return;
        }
        callback(null, this.#held);
    }
}


/***/ }),

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

/***/ 1280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ parseNextLink),
/* harmony export */   m: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/** `Link: <url>; rel="next"` (tag list pagination); the URL may be relative. */
function parseNextLink(header, base) {
    if (!header)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (m && /;\s*rel="?next"?/i.test(m[2]))
            return new URL(m[1], base);
    }
    return undefined;
}
/** `Retry-After`: seconds or an HTTP date; milliseconds to wait, capped, or undefined. */
function parseRetryAfter(header, now = Date.now(), capMs = 60_000) {
    if (!header)
        return undefined;
    const text = header.trim();
    if (/^\d+$/.test(text))
        return Math.min(Number(text) * 1000, capMs);
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.min(Math.max(0, date - now), capMs);
}


/***/ }),

/***/ 2387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FH: () => (/* binding */ SingleFlight),
/* harmony export */   bB: () => (/* binding */ mapLimited),
/* harmony export */   jG: () => (/* binding */ Limiter),
/* harmony export */   yA: () => (/* binding */ KeyedMutex)
/* harmony export */ });
/** At most `limit` tasks at once; the rest wait in order. */
class Limiter {
    limit;
    #active = 0;
    #waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!(limit >= 1))
            throw new Error(`a concurrency limit must be at least 1, got ${limit}`);
    }
    async run(task) {
        if (this.#active >= this.limit)
            await new Promise((resolve) => this.#waiting.push(resolve));
        this.#active++;
        try {
            return await task();
        }
        finally {
            this.#active--;
            this.#waiting.shift()?.();
        }
    }
}
/** One run of a task per key at a time: a second caller for the same key shares the first's result. */
class SingleFlight {
    #inFlight = new Map();
    run(key, task) {
        const existing = this.#inFlight.get(key);
        if (existing)
            return existing;
        const started = task().finally(() => this.#inFlight.delete(key));
        this.#inFlight.set(key, started);
        return started;
    }
}
/** Runs tasks one after another per key (distribution 2.8 fails concurrent deletes and puts in one repository). */
class KeyedMutex {
    #tails = new Map();
    run(key, task) {
        const previous = this.#tails.get(key) ?? Promise.resolve();
        const next = previous.then(task, task);
        const tail = next.catch(() => undefined);
        this.#tails.set(key, tail);
        void tail.then(() => {
            if (this.#tails.get(key) === tail)
                this.#tails.delete(key);
        });
        return next;
    }
}
/** `task` for every item, at most `limit` at once, the results in the items' order. */
function mapLimited(items, limit, task) {
    const limiter = new Limiter(limit);
    return Promise.all(items.map((item) => limiter.run(() => task(item))));
}


/***/ }),

/***/ 506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ platformString),
/* harmony export */   Fn: () => (/* binding */ checkDescriptors),
/* harmony export */   J5: () => (/* binding */ platformMatches),
/* harmony export */   OR: () => (/* binding */ blobsOf),
/* harmony export */   XF: () => (/* binding */ subsetIndex),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5035);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9867);


/**
 * A manifest, index or referrers list, its descriptors' digests checked against the grammar as
 * it is parsed: each one becomes a URL path, even for a child no platform filter keeps.
 */
function parseJson(bytes, what) {
    let parsed;
    try {
        parsed = JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new Error(`${what} is not valid JSON: ${error.message}`, { cause: error });
    }
    checkDescriptors(parsed, what);
    return parsed;
}
/** Keys holding descriptors: lists in manifests (`layers`, OCI 1.1 `blobs`), indexes and referrers lists; single ones. */
const DESCRIPTOR_LISTS = ['manifests', 'layers', 'blobs'];
const DESCRIPTORS = ['config', 'subject'];
/**
 * Every descriptor's digest, wherever one is given, must be `algorithm:hex` (one left out never
 * reaches a URL: the client refuses a blob or manifest URL without a valid reference).
 */
function checkDescriptors(body, what) {
    if (!isObject(body))
        return;
    const check = (descriptor, where) => {
        if (isObject(descriptor) && 'digest' in descriptor)
            (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .checkDigest */ .H2)(descriptor.digest, `${what}, ${where}`);
    };
    for (const key of DESCRIPTOR_LISTS) {
        const list = body[key];
        if (Array.isArray(list))
            list.forEach((descriptor, i) => check(descriptor, `${key}[${i}]`));
    }
    for (const key of DESCRIPTORS)
        check(body[key], key);
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function isIndex(mediaType, bytes) {
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndexType */ .$U)(mediaType))
        return true;
    // An OCI index may leave mediaType out of its body; its `manifests` key says what it is.
    const body = parseJson(bytes, 'manifest');
    return Array.isArray(body.manifests) && body.config === undefined;
}
function platformString(platform) {
    if (!platform)
        return undefined;
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
/** `linux/arm64` matches `linux/arm64/v8` as docker does; a variant given must match. */
function platformMatches(wanted, platform) {
    if (!platform)
        return false;
    const [os, architecture, variant] = wanted.split('/');
    if (platform.os !== os || platform.architecture !== architecture)
        return false;
    // As containerd normalises: an arm64 image without a variant is v8, an arm one v7 (podman and
    // buildah often write none, buildx writes it).
    return variant === undefined || (platform.variant ?? DEFAULT_VARIANTS[architecture]) === variant;
}
const DEFAULT_VARIANTS = { arm64: 'v8', arm: 'v7' };
/** Every blob an image manifest references: its config, then its layers. */
function blobsOf(manifest) {
    return [manifest.config, ...manifest.layers];
}
/**
 * The index a copy of only `platforms` writes: the index itself when every platform is kept (or
 * none is asked for), else a new index of the kept children, whose digest differs. Mirror plans
 * with the same function copy writes with, so the planned digest is the written one.
 */
function subsetIndex(root, platforms, label) {
    const index = parseJson(root.bytes, `index ${label}`);
    if (platforms.length === 0)
        return { manifest: root, children: index.manifests };
    const children = index.manifests.filter((child) => platforms.some((p) => platformMatches(p, child.platform)));
    const missing = platforms.filter((p) => !children.some((child) => platformMatches(p, child.platform)));
    if (missing.length)
        throw new Error(`${label} has no ${missing.join(', ')} image`);
    if (children.length === index.manifests.length)
        return { manifest: root, children };
    const bytes = Buffer.from(JSON.stringify({ ...index, manifests: children }));
    return { manifest: { bytes, mediaType: root.mediaType, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(bytes) }, children };
}


/***/ }),

/***/ 9867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $U: () => (/* binding */ isIndexType),
/* harmony export */   Ky: () => (/* binding */ isImageConfigType),
/* harmony export */   Q3: () => (/* binding */ isManifestType),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
const MediaType = {
    OciIndex: 'application/vnd.oci.image.index.v1+json',
    OciManifest: 'application/vnd.oci.image.manifest.v1+json',
    DockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    OciConfig: 'application/vnd.oci.image.config.v1+json',
    DockerConfig: 'application/vnd.docker.container.image.v1+json',
    OciLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    DockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};
/**
 * Sent on every manifest GET/HEAD: distribution answers 404 for an OCI manifest when OCI types
 * are missing from Accept, and falls back to schema1 conversions when Docker's are.
 */
const MANIFEST_ACCEPT = [MediaType.OciIndex, MediaType.OciManifest, MediaType.DockerManifestList, MediaType.DockerManifest].join(', ');
function isIndexType(mediaType) {
    return mediaType === MediaType.OciIndex || mediaType === MediaType.DockerManifestList;
}
function isManifestType(mediaType) {
    return mediaType === MediaType.OciManifest || mediaType === MediaType.DockerManifest;
}
/** The config of a container image (an artifact's manifest has another config type). */
function isImageConfigType(mediaType) {
    return mediaType === MediaType.OciConfig || mediaType === MediaType.DockerConfig;
}


/***/ }),

/***/ 1521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony export backoffDelay */
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6999);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(670);



const DEFAULT_RETRY = { attempts: 5, baseDelayMs: 250, maxDelayMs: 8_000 };
function isRetryable(error) {
    return ((error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl && error.temporary) || (0,_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .isNetworkError */ .TX)(error) || error.retryable === true);
}
/** Exponential backoff with full jitter, or the server's Retry-After when it gave one. */
function backoffDelay(policy, attempt, error, random = Math.random) {
    const retryAfter = error.retryAfterMs;
    if (retryAfter !== undefined)
        return retryAfter;
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
/**
 * Runs an idempotent step again on network errors, 429 and 5xx. Each attempt starts over
 * (an interrupted upload opens a new session), so a retry never continues a half-sent body.
 */
async function withRetry(what, step, policy = DEFAULT_RETRY, logger = _logger_js__WEBPACK_IMPORTED_MODULE_0__/* .silentLogger */ .q) {
    for (let attempt = 1;; attempt++) {
        policy.signal?.throwIfAborted();
        try {
            return await step(attempt);
        }
        catch (error) {
            if (policy.signal?.aborted)
                throw policy.signal.reason;
            if (attempt >= policy.attempts || !isRetryable(error))
                throw error;
            const delay = backoffDelay(policy, attempt, error);
            logger.info(`${what}: ${error.message}; retrying in ${delay} ms (attempt ${attempt + 1} of ${policy.attempts})`);
            await sleep(delay, policy.signal);
        }
    }
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}


/***/ }),

/***/ 6384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ isDummy),
/* harmony export */   Ig: () => (/* binding */ dummyTime),
/* harmony export */   qR: () => (/* binding */ putDummy)
/* harmony export */ });
/* unused harmony exports DUMMY_LABEL, DUMMY_CONFIG_LABEL, dummyManifest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5035);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1521);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9867);






/** An empty tar archive (two zero blocks) is the smallest valid layer. */
const EMPTY_TAR = Buffer.alloc(1024);
const EMPTY_LAYER = (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.gzipSync)(EMPTY_TAR, { level: 9 });
const EMPTY_LAYER_DIGEST = (0,_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .sc)(EMPTY_LAYER);
const DUMMY_LABEL = 'org.container-image-actions.deleted-tag';
/** Names the project's own dummies in their config, whatever tool reads it. */
const DUMMY_CONFIG_LABEL = 'org.container-image-actions.dummy';
const HOUR_MS = 3_600_000;
/**
 * A dummy's config: the label and a `created` time, so that any cleanup reading ages (an older
 * release of this action included) can tell how old a dummy left on a tag is. The time is the
 * hour the dummy was made in, so one config blob serves every dummy of that hour and is uploaded
 * once per repository and hour; the manifest's annotation holds the exact time.
 */
function dummyConfig(now) {
    return Buffer.from(JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        created: new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS).toISOString(),
        config: { Labels: { [DUMMY_CONFIG_LABEL]: 'true' } },
        rootfs: { type: 'layers', diff_ids: [(0,_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .sc)(EMPTY_TAR)] },
    }));
}
/**
 * A manifest no other tag can share: its annotations carry the tag, the time and a nonce.
 * Putting it on a tag and deleting it by digest removes that tag alone (docs/registries.md, "Deleting one tag").
 */
function dummyManifest(tag, now = new Date()) {
    const layerDigest = EMPTY_LAYER_DIGEST;
    const config = dummyConfig(now);
    const bytes = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OciManifest,
        config: { mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OciConfig, size: config.length, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .sc)(config) },
        layers: [{ mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OciLayerGzip, size: EMPTY_LAYER.length, digest: layerDigest }],
        annotations: {
            [DUMMY_LABEL]: tag,
            'org.container-image-actions.deleted-at': now.toISOString(),
            'org.container-image-actions.nonce': (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex'),
        },
    }));
    return {
        bytes,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.OciManifest,
        digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .sc)(bytes),
        blobs: [
            { digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .sc)(config), bytes: config },
            { digest: layerDigest, bytes: EMPTY_LAYER },
        ],
    };
}
/**
 * Whether a manifest is one of our dummies: a tag left on one by an interrupted deletion must be
 * finished off, never promoted. The annotation and the one empty layer must both be there (a
 * manifest with nothing in it but our annotation holds nothing to lose); the config varies with
 * the hour, and older releases used one without `created`.
 */
function isDummy(manifest) {
    try {
        const parsed = JSON.parse(manifest.bytes.toString('utf8'));
        const layers = Array.isArray(parsed.layers) ? parsed.layers : [];
        return typeof parsed.annotations?.[DUMMY_LABEL] === 'string' && layers.length === 1 && layers[0]?.digest === EMPTY_LAYER_DIGEST;
    }
    catch {
        return false;
    }
}
/** When the dummy was put on its tag (its annotation), or undefined for a manifest that is no dummy. */
function dummyTime(manifest) {
    if (!isDummy(manifest))
        return undefined;
    const parsed = JSON.parse(manifest.bytes.toString('utf8'));
    const time = Date.parse(parsed.annotations?.['org.container-image-actions.deleted-at'] ?? '');
    return Number.isNaN(time) ? undefined : time;
}
/**
 * Puts one dummy on every tag of `tags` and returns its digest; its two blobs are uploaded unless
 * `present` (digests the repository is known to hold; added to) has them. (A PUT refused while
 * another process re-uploads the same blob is retried by the client: docs/registries.md, "Blobs".)
 */
async function putDummy(client, repository, tags, present = new Set()) {
    const dummy = dummyManifest(tags[0]);
    for (const blob of dummy.blobs) {
        if (present.has(blob.digest))
            continue;
        if ((await client.headBlob(repository, blob.digest)) === undefined) {
            // An upload is several requests: retried whole, from a new session.
            const upload = () => client.uploadBlob(repository, blob.digest, blob.bytes.length, node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from([blob.bytes]));
            await (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(`upload ${blob.digest}`, upload, client.retry, client.logger);
        }
        present.add(blob.digest);
    }
    for (const tag of tags)
        await client.putManifest(repository, tag, dummy);
    return dummy.digest;
}


/***/ }),

/***/ 4698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ deleteAccepted),
/* harmony export */   Vg: () => (/* binding */ holdsThroughSettle),
/* harmony export */   WR: () => (/* binding */ TagDeleter)
/* harmony export */ });
/* unused harmony exports PROBE_TAG, DELETE_SETTLE_MS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6796);
/* harmony import */ var _limiter_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2387);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6764);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1521);
/* harmony import */ var _dummy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6384);
/* harmony import */ var _vendor_http_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7241);
/* harmony import */ var _vendors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7927);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9310);









const PROBE_TAG = /^cia-delete-probe-[0-9a-f]{12}(?:-b)?$/;
/** A probe this old was left by a run that was interrupted, not by one still probing. */
const PROBE_ABANDONED_MS = 10 * 60_000;
/**
 * How long a registry may take to act on a tag DELETE it answered 202: some remove the manifest,
 * with every tag on it, 0.3–2 s later (docs/registries.md, "Deleting one tag"). Watched over this
 * long, with margin, once per registry for the probe and once per promotion for the guards.
 */
const DELETE_SETTLE_MS = 3_000;
const SETTLE_POLL_MS = 250;
/** Whole deletions started over after a transient failure (each request has its own retries too). */
const DELETION_ATTEMPTS = 3;
/** A DELETE the registry took (done, or accepted to be done). */
const deleteAccepted = (status) => status === 200 || status === 202 || status === 204;
const ok = deleteAccepted;
/**
 * Whether a tag still resolves DELETE_SETTLE_MS after a tag DELETE of its sibling: a registry
 * that deletes the manifest late (202, then the manifest gone within two seconds) shows it here.
 */
async function holdsThroughSettle(client, repository, tag) {
    const until = Date.now() + DELETE_SETTLE_MS;
    for (;;) {
        if (!(await client.headManifest(repository, tag)))
            return false;
        const wait = Math.min(SETTLE_POLL_MS, until - Date.now());
        if (wait <= 0)
            return true;
        await new Promise((resolve) => setTimeout(resolve, wait));
    }
}
const resultFor = (ref, tag) => (status, method, detail) => ({ ...ref, tag, status, method, detail });
/**
 * Removes one tag without touching the image or any other tag (docs/registries.md, "Deleting one
 * tag"): a vendor API where the registry kind has one, else OCI tag DELETE where a probe showed
 * it removes the tag alone, else a unique dummy manifest put on the tag and deleted by digest —
 * only on registries proven to delete by digest, so a real tag is never left on a dummy. After a
 * tag DELETE or a vendor delete the guarded tags are checked and put back if they went too.
 * Deletes are serialized per repository.
 */
class TagDeleter {
    #session;
    #options;
    #mutex = new _limiter_js__WEBPACK_IMPORTED_MODULE_8__/* .KeyedMutex */ .yA();
    #capabilities = new Map();
    /** Registries whose tag DELETE (or vendor delete) took more than the tag: dummies from now on. */
    #destructive = new Set();
    /** The dummy blobs each repository is known to hold. */
    #dummyBlobs = new Map();
    /** Guards of tag and vendor deletions, watched until the registry can no longer act on them. */
    #watched = [];
    /** Probe tags a registry would not let us remove; reported once. */
    leftoverProbes = [];
    constructor(options) {
        this.#session = options.session;
        this.#options = options;
    }
    deleteTag(ref, tag, guard) {
        // Each request is retried by the client. A deletion is several requests deciding on each
        // other's answers, and distribution answers 500 to deletes racing another process's in one
        // repository: a deletion that still fails that way is started over, whole (as a blob transfer is).
        const policy = { ...this.#session.retry, attempts: DELETION_ATTEMPTS };
        return this.#mutex.run(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref)}`, () => (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .bD)(`delete ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref, tag)}`, () => this.#delete(ref, tag, guard), policy, this.#session.logger));
    }
    async #delete(ref, tag, guard) {
        const client = this.#session.client(ref.registry);
        const result = resultFor(ref, tag);
        const before = await client.headManifest(ref.repository, tag);
        if (!before)
            return result('absent');
        const { kind, vendorCredential } = this.#vendorOf(ref.registry);
        const byVendor = vendorCredential && !this.#destructive.has(ref.registry)
            ? await this.#vendorDelete(ref, tag, kind, vendorCredential, guard)
            : undefined;
        if (byVendor)
            return byVendor;
        const capabilities = await this.#probe(ref, kind);
        if (capabilities.tagDelete === 'safe' && !this.#destructive.has(ref.registry)) {
            const status = await client.deleteManifest(ref.repository, tag);
            // Accepted is enough to watch the guard: the registry may act on it later, and more widely.
            const restored = ok(status) ? await this.#guardNowAndLater(ref, guard) : undefined;
            if (ok(status) && (await this.#gone(ref, tag)))
                return result('deleted', 'oci-tag-delete', restored);
            if (!ok(status) && ![400, 404, 405, 501].includes(status))
                return result('left-behind', 'oci-tag-delete', `tag DELETE answered HTTP ${status}`);
        }
        if (!capabilities.digestDelete) {
            const why = `${ref.registry} deletes neither tags nor manifests by digest; ${tag} still points at ${before.digest}`;
            return result('left-behind', 'dummy-manifest', why);
        }
        return this.#dummyDelete(ref, tag);
    }
    /**
     * The vendor's API alone, where the registry's kind has one and its credentials are there:
     * undefined otherwise. For what must not start a probe of its own (doctor's clean-up).
     */
    async deleteByVendor(ref, tag) {
        const { kind, vendorCredential } = this.#vendorOf(ref.registry);
        if (!vendorCredential)
            return undefined;
        return this.#mutex.run(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref)}`, () => this.#vendorDelete(ref, tag, kind, vendorCredential, undefined));
    }
    /**
     * The registry's kind, and the credentials for its vendor's API: the registry-credentials entry,
     * or none needed where the vendor finds them itself (ECR, Artifact Registry, ACR: the
     * environment or the registry's own login).
     */
    #vendorOf(registry) {
        const credential = this.#options.vendorCredential?.(registry);
        const kind = (0,_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .registryKind */ .IL)(registry, credential?.type);
        return { kind, vendorCredential: credential ?? (_vendors_js__WEBPACK_IMPORTED_MODULE_6__/* .VENDOR_DELETES */ .c[kind]?.ambient ? {} : undefined) };
    }
    /** The vendor's own tag API, where the registry kind has one; undefined to try the registry API instead. */
    async #vendorDelete(ref, tag, kind, credential, guard) {
        const vendor = _vendors_js__WEBPACK_IMPORTED_MODULE_6__/* .VENDOR_DELETES */ .c[kind];
        if (!vendor)
            return undefined;
        const result = resultFor(ref, tag);
        try {
            const outcome = await vendor.run({
                ...ref,
                tag,
                credential,
                transport: this.#session.transport,
                client: this.#session.client(ref.registry),
                env: this.#options.env ?? process.env,
                mask: (s) => this.#session.logger.mask(s),
                login: () => this.#session.credentials.get(ref.registry),
            });
            if (!(await this.#gone(ref, tag)))
                return result('left-behind', vendor.name, `the ${vendor.name} answered ${outcome} but ${tag} still resolves`);
            return result(outcome, vendor.name, await this.#guardNowAndLater(ref, guard));
        }
        catch (error) {
            if (!(error instanceof _vendor_http_js__WEBPACK_IMPORTED_MODULE_5__/* .VendorNotConfigured */ .k$))
                throw error;
            if (vendor.only)
                return result('left-behind', vendor.name, `${error.message}: ${ref.registry} removes one tag through its API alone`);
            this.#session.logger.debug(`${error.message}; trying the registry API`);
            return undefined;
        }
    }
    /**
     * The tag pointed at a fresh dummy, the dummy deleted by digest. Another process may be
     * removing (or re-pushing) the same tag at once: a tag still there after our dummy went gets
     * another round rather than a report.
     */
    async #dummyDelete(ref, tag) {
        const client = this.#session.client(ref.registry);
        const result = resultFor(ref, tag);
        let dummy = '';
        for (let round = 0; round < 3; round++) {
            dummy = await this.#putDummy(ref, [tag]);
            const status = await client.deleteManifest(ref.repository, dummy);
            if (!ok(status) && status !== 404) {
                return result('left-behind', 'dummy-manifest', `${tag} now points at the dummy ${dummy}, whose DELETE answered HTTP ${status}`);
            }
            if (await this.#gone(ref, tag))
                return result('deleted', 'dummy-manifest');
        }
        return result('left-behind', 'dummy-manifest', `${tag} still resolves after deleting its dummy ${dummy} three times`);
    }
    /**
     * Some registries delete the manifest when asked to delete a tag, and every tag on it goes
     * too. The guarded tags are checked after such a deletion and put back at once from the bytes
     * held; the registry then gets dummies only.
     */
    async #restoreGuarded(ref, guard) {
        if (!guard || guard.tags.length === 0)
            return undefined;
        const client = this.#session.client(ref.registry);
        const heads = await Promise.all(guard.tags.map((tag) => client.headManifest(ref.repository, tag)));
        // A tag another promotion re-pointed meanwhile is not ours to put back: only the vanished ones.
        const lost = guard.tags.filter((_, i) => heads[i] === undefined);
        if (lost.length === 0)
            return undefined;
        this.#destructive.add(ref.registry);
        for (const tag of lost)
            await client.putManifest(ref.repository, tag, guard.manifest);
        const detail = `${ref.registry} deleted the image along with the tag: put ${lost.join(', ')} back on ` +
            `${guard.manifest.digest}; its tags are removed through dummy manifests from now on`;
        this.#session.logger.warning(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref)}: ${detail}`);
        return detail;
    }
    /** The guarded tags checked now, and watched until the registry can no longer act on the deletion. */
    async #guardNowAndLater(ref, guard) {
        if (!guard || guard.tags.length === 0)
            return undefined;
        this.#watched.push({ ref, guard, until: Date.now() + DELETE_SETTLE_MS });
        return this.#restoreGuarded(ref, guard);
    }
    /**
     * Waits until every registry had time to act on the tag and vendor deletions of this run
     * (DELETE_SETTLE_MS after the last), checking the guarded tags as it waits and putting back
     * the held bytes on any that vanished: a registry that removed the manifest late gets dummies
     * from then on. Returns what was put back. Free when no such deletion happened.
     */
    async settle() {
        const restored = [];
        while (this.#watched.length > 0) {
            const last = this.#watched.reduce((latest, w) => Math.max(latest, w.until), 0);
            const wait = Math.min(SETTLE_POLL_MS, last - Date.now());
            if (wait > 0)
                await new Promise((resolve) => setTimeout(resolve, wait));
            this.#session.signal.throwIfAborted();
            const now = Date.now();
            // One check per guard, however many deletions it watches over.
            const guards = new Map(this.#watched.map((w) => [w.guard, w.ref]));
            for (const [guard, ref] of guards) {
                const detail = await this.#mutex.run(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref)}`, () => this.#restoreGuarded(ref, guard));
                if (detail)
                    restored.push(detail);
            }
            // Only what was watched long enough ends; a deletion added meanwhile keeps its own time.
            const still = this.#watched.filter((w) => w.until > now);
            this.#watched.splice(0, this.#watched.length, ...still);
        }
        return restored;
    }
    async #putDummy(ref, tags) {
        const key = `${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref)}`;
        const present = this.#dummyBlobs.get(key) ?? new Set();
        this.#dummyBlobs.set(key, present);
        return (0,_dummy_js__WEBPACK_IMPORTED_MODULE_4__/* .putDummy */ .qR)(this.#session.client(ref.registry), ref.repository, tags, present);
    }
    async #gone(ref, tag) {
        return (await this.#session.client(ref.registry).headManifest(ref.repository, tag)) === undefined;
    }
    /**
     * Once per registry and run, on two throw-away tags of one dummy: does a tag DELETE remove that
     * tag alone, the manifest with both tags, or nothing; and does a DELETE by digest work. A real
     * tag is only ever deleted the way the probe showed safe. `distribution` is known to refuse tag
     * DELETE, so its probe skips that step. A tag DELETE accepted costs DELETE_SETTLE_MS once: the
     * sibling must still be there after it, not only at once.
     */
    #probe(ref, kind) {
        let probe = this.#capabilities.get(ref.registry);
        if (!probe) {
            // A probe that failed for a passing reason (5xx, network) is not kept: the next deletion, or
            // its retry, probes again. A refusal (a push-only credential) stays for the run, so it leaves
            // one pair of probe tags, not one per tag. Until a probe succeeds, no tag is deleted blind.
            probe = this.#runProbe(ref, kind).catch((error) => {
                if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isRetryable */ .r3)(error))
                    this.#capabilities.delete(ref.registry);
                const wrapped = new Error(`probing how ${ref.registry} deletes failed: ${error.message}`, { cause: error });
                throw Object.assign(wrapped, { retryable: (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isRetryable */ .r3)(error) });
            });
            this.#capabilities.set(ref.registry, probe);
        }
        return probe;
    }
    async #runProbe(ref, kind) {
        const client = this.#session.client(ref.registry);
        const first = `cia-delete-probe-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
        const second = `${first}-b`;
        const testTagDelete = kind !== 'distribution';
        const tags = testTagDelete ? [first, second] : [first];
        const digest = await this.#putDummy(ref, tags);
        let tagDelete = 'no';
        let byDigest;
        try {
            if (testTagDelete) {
                const status = await client.deleteManifest(ref.repository, first);
                if (ok(status))
                    tagDelete = (await holdsThroughSettle(client, ref.repository, second)) ? 'safe' : 'destructive';
            }
            byDigest = await this.#probeDigestDelete(ref, digest, tags[tags.length - 1]);
            if (byDigest === 'leaves the tags' && tagDelete === 'safe')
                await client.deleteManifest(ref.repository, tags[tags.length - 1]);
        }
        catch (error) {
            // A credential that may push but not delete: the probe tags stay, for a later run to sweep.
            for (const t of tags)
                this.leftoverProbes.push(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref, t)}`);
            throw error;
        }
        const digestDelete = byDigest === 'works';
        if (tagDelete === 'destructive')
            this.#destructive.add(ref.registry);
        if (!digestDelete) {
            for (const t of tags)
                if (await client.headManifest(ref.repository, t))
                    this.leftoverProbes.push(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref, t)}`);
        }
        this.#session.logger.debug(`${ref.registry}: tag DELETE ${tagDelete}, DELETE by digest ${byDigest}`);
        return { tagDelete, digestDelete };
    }
    /**
     * The dummy deleted by digest: that works only if its last probe tag went with it. A 404 is a
     * retry after a DELETE that worked but answered 500 (distribution does that under concurrent
     * deletes); an accepted DELETE that leaves the tag is a registry keeping tags and digests apart
     * (go-containerregistry's), where a dummy would never take a tag away. Other processes working
     * in the repository make distribution answer 500 now and then: the client retries, so a passing
     * 500 is not taken for "deletes refused" (which would leave the probe).
     */
    async #probeDigestDelete(ref, digest, lastTag) {
        const client = this.#session.client(ref.registry);
        const status = await client.deleteManifest(ref.repository, digest);
        if (!ok(status) && status !== 404) {
            this.#session.logger.warning(`${ref.registry} refuses manifest deletes (HTTP ${status}): real tags stay untouched`);
            return 'refused';
        }
        return (await client.headManifest(ref.repository, lastTag)) ? 'leaves the tags' : 'works';
    }
    /**
     * Probe tags that an interrupted run left behind (older than ten minutes, so a run probing
     * right now keeps its own), removed by their dummy's digest. Returns the tags removed.
     */
    async sweepProbes(ref, tags, now = Date.now()) {
        const client = this.#session.client(ref.registry);
        const removed = [];
        for (const tag of tags.filter((t) => PROBE_TAG.test(t))) {
            await this.#mutex.run(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref)}`, async () => {
                const manifest = await client.getManifest(ref.repository, tag).catch((error) => {
                    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl && error.status === 404)
                        return undefined;
                    throw error;
                });
                const time = manifest && (0,_dummy_js__WEBPACK_IMPORTED_MODULE_4__/* .dummyTime */ .Ig)(manifest);
                if (!manifest || time === undefined || now - time < PROBE_ABANDONED_MS)
                    return;
                const status = await client.deleteManifest(ref.repository, manifest.digest);
                if (ok(status) || status === 404)
                    removed.push(tag);
            });
        }
        return removed;
    }
}


/***/ }),

/***/ 7241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B1: () => (/* binding */ VendorHttp),
/* harmony export */   ew: () => (/* binding */ requireSecret),
/* harmony export */   k$: () => (/* binding */ VendorNotConfigured)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6764);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(670);


/** JSON calls to a vendor's REST API (Hub, Quay, GitHub, Harbor, GitLab, Artifact Registry). */
class VendorHttp {
    transport;
    baseUrl;
    headers;
    constructor(transport, baseUrl, headers) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.headers = headers;
    }
    url(path) {
        return new URL(path.replace(/^\//, ''), this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    }
    async send(method, path, body, extraHeaders = {}) {
        const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        return this.transport.send({
            method,
            url: this.url(path),
            headers: {
                accept: 'application/json',
                ...this.headers,
                ...extraHeaders,
                ...(payload && { 'content-type': 'application/json', 'content-length': payload.length }),
            },
            body: payload,
        });
    }
    async json(method, path, body, extraHeaders) {
        const response = await this.send(method, path, body, extraHeaders);
        if (response.status >= 400 && response.status !== 404)
            throw await (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .errorFrom */ .JK)(method, response);
        const text = (await (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .readBody */ .x8)(response, 16 * 1024 * 1024)).toString('utf8');
        return { status: response.status, data: text ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJsonBody */ .Y2)(Buffer.from(text), method, response.url) : undefined, response };
    }
    /** A DELETE that succeeds on 2xx and counts 404 as "already gone". */
    async delete(path) {
        const response = await this.send('DELETE', path);
        if (response.status === 404) {
            await (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .discard */ .vf)(response);
            return 'absent';
        }
        if (response.status < 200 || response.status >= 300)
            throw await (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .errorFrom */ .JK)('DELETE', response);
        await (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .discard */ .vf)(response);
        return 'deleted';
    }
}
/**
 * The vendor API cannot be used without credentials we do not have: try the next strategy.
 * `missing` says what would have been needed (never a secret's value).
 */
class VendorNotConfigured extends Error {
    constructor(what, missing) {
        super(`${what} needs credentials for its API${missing ? `: ${missing}` : ''}`);
        this.name = 'VendorNotConfigured';
    }
}
function requireSecret(value, what) {
    if (!value)
        throw new VendorNotConfigured(what);
    return value;
}


/***/ }),

/***/ 7927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ VENDOR_DELETES),
  o: () => (/* binding */ splitNamespace)
});

// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/registry/auth/credentials.ts
var credentials = __webpack_require__(2072);
// EXTERNAL MODULE: ./src/registry/kinds.ts
var kinds = __webpack_require__(6796);
// EXTERNAL MODULE: ./src/registry/transport.ts
var registry_transport = __webpack_require__(670);
// EXTERNAL MODULE: ./src/registry/tag-delete/vendor-http.ts
var vendor_http = __webpack_require__(7241);
;// CONCATENATED MODULE: ./src/registry/tag-delete/cloud-vendors.ts
// The tag-deletion APIs of the three cloud registries (docs/registries.md, "Deleting one tag"):
// AWS ECR and Azure ACR refuse an OCI tag DELETE, and Artifact Registry refuses to delete a
// manifest by digest while a tag points at it, so there the dummy manifest cannot help either.
// Each finds its credentials itself (the environment, the registry's login), or says what is
// missing with VendorNotConfigured so the registry API is tried instead.








/** `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]`, or the dual-stack `<account>.dkr-ecr[-fips].<region>.on.aws`. */
function parseEcrHost(registry) {
    const m = kinds/* ECR_HOST */.u0.exec((0,reference/* hostOf */.w4)(registry).toLowerCase());
    return m ? { account: m[1], region: m[3], fips: m[2] !== undefined, dualStack: m[4] === 'on.aws' } : undefined;
}
/** `<access key id>:<secret access key>[:<session token>]`, as an ECR entry's `api_token` carries them. */
function parseAwsKeys(apiToken) {
    const parts = apiToken.split(':');
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === ''))
        return undefined;
    return { accessKeyId: parts[0], secretAccessKey: parts[1], ...(parts[2] && { sessionToken: parts[2] }) };
}
/** The keys from `api_token`, else from the run's environment (what aws-actions/configure-aws-credentials sets). */
function ecrKeys({ registry, credential, env, mask }) {
    let keys;
    if (credential.apiToken) {
        keys = parseAwsKeys(credential.apiToken);
        if (!keys)
            throw new Error(`registry-credentials["${registry}"].api_token is not "<access key id>:<secret access key>[:<session token>]" (ECR tag deletion)`);
    }
    else {
        const missing = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
        if (missing.length > 0)
            throw new vendor_http/* VendorNotConfigured */.k$('ECR tag deletion', `${missing.join(' and ')} not set, and no api_token "<access key id>:<secret access key>[:<session token>]"`);
        const { AWS_ACCESS_KEY_ID: accessKeyId = '', AWS_SECRET_ACCESS_KEY: secretAccessKey = '', AWS_SESSION_TOKEN: sessionToken } = env;
        keys = { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) };
    }
    for (const part of [keys.accessKeyId, keys.secretAccessKey, keys.sessionToken])
        if (part)
            mask(part);
    return keys;
}
/**
 * The SDK's client with every setting it would otherwise look up given here, so it takes no
 * credentials, region, endpoint or retry setting from ~/.aws or the process environment (the
 * run's environment is the context's) and never asks instance metadata. Its own agents, as the
 * registry transport's: no proxy variable is honoured.
 */
async function ecrClient(region, keys, host, apiUrl) {
    // The SDK (about a megabyte of the bundle) is loaded by a run that deletes on ECR, not by every run.
    const { ECRClient } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    return new ECRClient({
        region,
        credentials: keys,
        ...(apiUrl && { endpoint: apiUrl }),
        useFipsEndpoint: !apiUrl && (host?.fips ?? false),
        useDualstackEndpoint: !apiUrl && (host?.dualStack ?? false),
        ignoreConfiguredEndpointUrls: true,
        defaultsMode: 'standard',
        retryMode: 'standard',
        maxAttempts: 3,
        disableClockSkewCorrection: false,
        authSchemePreference: [],
        userAgentAppId: 'container-image-actions',
        // A request past its timeout fails (the SDK only warns by default), as the registry transport's do.
        requestHandler: {
            httpAgent: new (external_node_http_default()).Agent(),
            httpsAgent: new (external_node_https_default()).Agent(),
            connectionTimeout: 10_000,
            requestTimeout: registry_transport/* METADATA_DEADLINE_MS */.Wd,
            throwOnRequestTimeout: true,
        },
    });
}
/** An endpoint the entry (`api_url`) or the run's environment names, as the AWS SDKs read it there. */
function ecrApiUrl(apiUrl, env) {
    if (apiUrl)
        return apiUrl;
    if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true')
        return undefined;
    return env.AWS_ENDPOINT_URL_ECR || env.AWS_ENDPOINT_URL || undefined;
}
/** The API endpoint the client resolves, for error messages. */
function ecrEndpoint(client, region, host, apiUrl) {
    if (apiUrl)
        return (0,errors/* redactUrl */.BO)(apiUrl);
    try {
        return client.config.endpointProvider({ Region: region, UseFIPS: host?.fips ?? false, UseDualStack: host?.dualStack ?? false }).url
            .href;
    }
    catch {
        return `the ECR API of ${region}`;
    }
}
/** What a refusal most likely means, for the error. */
const ECR_HINTS = {
    AccessDeniedException: 'the AWS credentials need ecr:BatchDeleteImage on the repository',
    UnrecognizedClientException: 'the access key id (or session token) was not recognised',
    InvalidSignatureException: 'the secret access key does not belong to the access key id',
    ExpiredTokenException: 'the session token has expired',
    RepositoryNotFoundException: 'the account and region have no such repository',
};
function ecrError(error, endpoint, what) {
    const failure = error;
    const status = failure.$metadata?.httpStatusCode;
    const code = failure.name ?? 'Unknown';
    const hint = ECR_HINTS[code];
    // No answer (a network error, a timeout after the SDK's own retries): temporary, as for the registry API.
    const wrapped = status === undefined
        ? new errors/* RegistryError */.gl('POST', endpoint, undefined, [], `${what}: ${failure.message}`)
        : new errors/* RegistryError */.gl('POST', endpoint, status, [{ code, message: failure.message }], hint ? `${what}: ${hint}` : what);
    return Object.assign(wrapped, { cause: error });
}
function ecrOutcome(output, endpoint, what) {
    const failure = output.failures?.[0];
    if (!failure)
        return 'deleted';
    if (failure.failureCode === 'ImageNotFound')
        return 'absent';
    throw new errors/* RegistryError */.gl('POST', endpoint, output.$metadata.httpStatusCode, [{ code: failure.failureCode ?? 'Unknown', message: failure.failureReason }], `${what} failed`);
}
/**
 * ECR refuses every manifest DELETE of the registry API: one tag goes with BatchDeleteImage
 * naming it. Removing an image's last tag deletes the image; promote removes a temporary tag only
 * once the final tags hold the image, so the image stays.
 */
const ecr = async (context) => {
    const { registry, repository, tag, credential, env, transport } = context;
    const host = parseEcrHost(registry);
    const region = host?.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (!region)
        throw new vendor_http/* VendorNotConfigured */.k$('ECR tag deletion', `${registry} is not an ECR host naming its region: set AWS_REGION or AWS_DEFAULT_REGION`);
    const keys = ecrKeys(context);
    const apiUrl = ecrApiUrl(credential.apiUrl, env);
    const client = await ecrClient(region, keys, host, apiUrl);
    const { BatchDeleteImageCommand } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    const endpoint = ecrEndpoint(client, region, host, apiUrl);
    const what = `ECR BatchDeleteImage of ${repository}:${tag}`;
    let output;
    try {
        output = await client.send(new BatchDeleteImageCommand({ registryId: host?.account, repositoryName: repository, imageIds: [{ imageTag: tag }] }), { abortSignal: transport.signal });
    }
    catch (error) {
        throw ecrError(error, endpoint, what);
    }
    finally {
        client.destroy();
    }
    return ecrOutcome(output, endpoint, what);
};
/** `<location>-docker.pkg.dev` → `<location>` (`europe-west3`, `us`). */
function garLocation(registry) {
    return kinds/* GAR_HOST */.mA.exec((0,reference/* hostOf */.w4)(registry).toLowerCase())?.[1];
}
/** The REST resource of one tag: the image path is `<project>/<repository>/<package>`, the package (`a/b`) one encoded segment. */
function garTagPath(location, repository, tag) {
    const [project, repo, ...image] = repository.split('/');
    if (!project || !repo || image.length === 0)
        throw new reference/* ReferenceError */.AF(repository, 'an Artifact Registry image path is <project>/<repository>/<image>');
    const e = encodeURIComponent;
    return `/v1/projects/${e(project)}/locations/${e(location)}/repositories/${e(repo)}/packages/${e(image.join('/'))}/tags/${e(tag)}`;
}
/** The registry's login: the session's where the context gives it, else the entry's, else the engines' auth files. */
async function registryLogin({ login, credential, registry, env, mask }) {
    if (login)
        return login();
    if (credential.username && credential.password)
        return { username: credential.username, password: credential.password };
    // Without a process runner a credential helper is not asked: its login counts as none here.
    return new credentials/* CredentialStore */.L({ env, onSecret: mask }).get(registry).catch(() => undefined);
}
/** An OAuth access token: `api_token`, else the password of the registry's `oauth2accesstoken` login. */
async function garToken(context) {
    if (context.credential.apiToken)
        return context.credential.apiToken;
    const login = await registryLogin(context);
    if (login?.username === 'oauth2accesstoken' && login.password)
        return login.password;
    const missing = login?.username?.startsWith('_json_key')
        ? `a ${login.username} login (a service account key) cannot mint an access token here: pass an OAuth access token as api_token, or log in as oauth2accesstoken`
        : 'an OAuth access token, as api_token or as the password of an oauth2accesstoken login';
    throw new vendor_http/* VendorNotConfigured */.k$('Artifact Registry tag deletion', missing);
}
/** Google's `{"error": {"code", "message", "status"}}` as a RegistryError, with what a 401 or 403 needs. */
async function googleError(response, what) {
    let error;
    try {
        error = (0,errors/* parseJsonBody */.Y2)(await (0,registry_transport/* readBody */.x8)(response, 64 * 1024), 'DELETE', response.url).error;
    }
    catch {
        // The status alone still says what happened.
    }
    const hint = response.status === 401
        ? 'the access token was refused (expired, or not an OAuth access token)'
        : response.status === 403
            ? 'the account needs artifactregistry.tags.delete (the Artifact Registry Repository Administrator role, or a custom role)'
            : undefined;
    const codes = error?.status ? [{ code: error.status, message: error.message }] : [];
    return new errors/* RegistryError */.gl('DELETE', (0,errors/* redactUrl */.BO)(response.url), response.status, codes, hint ? `${what}: ${hint}` : what);
}
/** Artifact Registry: DELETE .../packages/<package>/tags/<tag> through its REST API. */
const gar = async (context) => {
    const { registry, repository, tag, credential, env, transport } = context;
    const location = garLocation(registry) ?? env.CLOUDSDK_ARTIFACTS_LOCATION;
    if (!location)
        throw new vendor_http/* VendorNotConfigured */.k$('Artifact Registry tag deletion', `${registry} is not <location>-docker.pkg.dev: set CLOUDSDK_ARTIFACTS_LOCATION`);
    const path = garTagPath(location, repository, tag);
    const token = await garToken(context);
    context.mask(token);
    // gcloud's own override of the API endpoint (a regional or private one) is honoured too.
    const base = credential.apiUrl ?? (env.CLOUDSDK_API_ENDPOINT_OVERRIDES_ARTIFACTREGISTRY || 'https://artifactregistry.googleapis.com');
    const api = new vendor_http/* VendorHttp */.B1(transport, base, { authorization: `Bearer ${token}` });
    const response = await api.send('DELETE', path);
    if (response.status === 404) {
        await (0,registry_transport/* discard */.vf)(response);
        return 'absent';
    }
    if (response.status < 200 || response.status >= 300)
        throw await googleError(response, `Artifact Registry tag deletion of ${repository}:${tag}`);
    await (0,registry_transport/* discard */.vf)(response);
    return 'deleted';
};
/**
 * ACR: DELETE /acr/v1/<name>/_tags/<tag> on the registry itself, with the registry's own token
 * for `repository:<name>:delete` (the client answers the challenge). 202 Accepted.
 */
const acr = async ({ registry, repository, tag, client }) => {
    if (!(0,reference/* isValidPath */.o4)(repository))
        throw new reference/* ReferenceError */.AF(`${registry}/${repository}`, 'not a repository name');
    const url = client.url(`/acr/v1/${repository}/_tags/${encodeURIComponent(tag)}`);
    const response = await client.request([client.scope(repository, ['delete'])], () => ({
        method: 'DELETE',
        url,
        headers: { accept: 'application/json' },
    }));
    if (response.status === 404) {
        await (0,registry_transport/* discard */.vf)(response);
        return 'absent';
    }
    if (response.status === 200 || response.status === 202 || response.status === 204) {
        await (0,registry_transport/* discard */.vf)(response);
        return 'deleted';
    }
    const denied = response.status === 401 || response.status === 403;
    throw await (0,registry_transport/* errorFrom */.JK)('DELETE', response, denied
        ? `ACR untag of ${repository}:${tag}: the login may not delete there; it needs the delete permission on the repository ` +
            '(the AcrDelete role, or a token whose scope map grants content/delete)'
        : `ACR untag of ${repository}:${tag}`);
};

// EXTERNAL MODULE: ./src/registry/tag-delete/dummy.ts
var tag_delete_dummy = __webpack_require__(6384);
;// CONCATENATED MODULE: ./src/registry/tag-delete/vendors.ts





/** `ns/name` as vendor APIs want it; a one-segment name is Docker Hub's `library/`. */
function splitNamespace(repository) {
    const slash = repository.indexOf('/');
    if (slash < 0)
        return { namespace: 'library', name: repository };
    return { namespace: repository.slice(0, slash), name: repository.slice(slash + 1) };
}
/** Docker Hub: log in for a JWT, then DELETE the tag through hub.docker.com's API. */
const dockerHub = async ({ repository, tag, credential, transport, mask }) => {
    const base = credential.apiUrl ?? 'https://hub.docker.com';
    const username = (0,vendor_http/* requireSecret */.ew)(credential.username, 'Docker Hub tag deletion');
    const password = (0,vendor_http/* requireSecret */.ew)(credential.apiToken ?? credential.password, 'Docker Hub tag deletion');
    const login = await new vendor_http/* VendorHttp */.B1(transport, base, {}).json('POST', '/v2/users/login/', { username, password });
    const token = login.data?.token;
    if (login.status !== 200 || !token)
        throw new errors/* RegistryError */.gl('POST', `${base}/v2/users/login/`, login.status, [], 'Docker Hub login gave no token');
    mask(token);
    const { namespace, name } = splitNamespace(repository);
    return new vendor_http/* VendorHttp */.B1(transport, base, { authorization: `JWT ${token}` }).delete(`/v2/repositories/${namespace}/${name}/tags/${encodeURIComponent(tag)}/`);
};
/** Quay: DELETE /api/v1/repository/<ns>/<repo>/tag/<tag> with an application token. */
const quay = async ({ registry, repository, tag, credential, transport }) => {
    const base = credential.apiUrl ?? `https://${registry}`;
    const token = (0,vendor_http/* requireSecret */.ew)(credential.apiToken, 'Quay tag deletion (api_token)');
    return new vendor_http/* VendorHttp */.B1(transport, base, { authorization: `Bearer ${token}` }).delete(`/api/v1/repository/${repository}/tag/${encodeURIComponent(tag)}`);
};
/** Package versions read at most (100 a page): where a package has more, the tag's is looked for among these. */
const MAX_VERSION_PAGES = 1000;
/**
 * GHCR has no untag API: a package version is a manifest. A version holding only this tag is
 * deleted; one shared with other tags keeps them: the tag is moved to a unique dummy first,
 * and the dummy's version is deleted.
 */
const ghcr = async ({ repository, tag, credential, transport, client, env }) => {
    const base = credential.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com';
    const token = (0,vendor_http/* requireSecret */.ew)(credential.apiToken ?? credential.password, 'GHCR tag deletion');
    const api = new vendor_http/* VendorHttp */.B1(transport, base, { authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' });
    const { namespace: owner, name } = splitNamespace(repository);
    const pkg = encodeURIComponent(name);
    let scope;
    const versions = async () => {
        for (const candidate of scope ? [scope] : [`orgs/${owner}`, `users/${owner}`]) {
            const all = [];
            for (let page = 1;; page++) {
                const { status, data } = await api.json('GET', `/${candidate}/packages/container/${pkg}/versions?per_page=100&page=${page}`);
                if (status === 404)
                    break;
                scope = candidate;
                // One loop, not a spread: a page far larger than asked for would overflow the call stack.
                const listed = Array.isArray(data) ? data : [];
                for (const version of listed)
                    all.push(version);
                // A page other than the 100 asked for is the last: an API ignoring per_page has no next one.
                if (listed.length !== 100 || page >= MAX_VERSION_PAGES)
                    return all;
            }
        }
        return [];
    };
    const holder = (await versions()).find((v) => v.metadata?.container?.tags?.includes(tag));
    if (!holder)
        return 'absent';
    if ((holder.metadata?.container?.tags ?? []).length === 1)
        return api.delete(`/${scope}/packages/container/${pkg}/versions/${holder.id}`);
    const dummyDigest = await (0,tag_delete_dummy/* putDummy */.qR)(client, repository, [tag]);
    const dummy = (await versions()).find((v) => v.name === dummyDigest);
    if (!dummy)
        throw new errors/* RegistryError */.gl('GET', `${base}/${scope}/packages/container/${pkg}/versions`, 200, [], `the dummy ${dummyDigest} now on ${tag} is not listed as a package version; ${tag} is left on it`);
    return api.delete(`/${scope}/packages/container/${pkg}/versions/${dummy.id}`);
};
/** Harbor: DELETE .../artifacts/<tag>/tags/<tag>; nested repository names are encoded twice. */
const harbor = async ({ registry, repository, tag, credential, transport }) => {
    const base = credential.apiUrl ?? `https://${registry}`;
    const username = (0,vendor_http/* requireSecret */.ew)(credential.username, 'Harbor tag deletion');
    const password = (0,vendor_http/* requireSecret */.ew)(credential.password, 'Harbor tag deletion');
    const api = new vendor_http/* VendorHttp */.B1(transport, base, { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` });
    const { namespace: project, name } = splitNamespace(repository);
    const repo = encodeURIComponent(encodeURIComponent(name));
    const ref = encodeURIComponent(tag);
    return api.delete(`/api/v2.0/projects/${encodeURIComponent(project)}/repositories/${repo}/artifacts/${ref}/tags/${ref}`);
};
/** GitLab: find the project and its registry repository, then DELETE the tag by ids. */
const gitlab = async ({ registry, repository, tag, credential, transport }) => {
    const base = credential.apiUrl ?? `https://${(0,reference/* hostOf */.w4)(registry).replace(/^registry\./, '')}`;
    const token = (0,vendor_http/* requireSecret */.ew)(credential.apiToken ?? credential.password, 'GitLab tag deletion');
    const api = new vendor_http/* VendorHttp */.B1(transport, base, { authorization: `Bearer ${token}` });
    const parts = repository.split('/');
    // The project is some prefix of the image path (group/subgroup/project[/image]).
    for (let length = parts.length; length >= 2; length--) {
        const project = parts.slice(0, length).join('/');
        const { status, data } = await api.json('GET', `/api/v4/projects/${encodeURIComponent(project)}/registry/repositories?per_page=100`);
        if (status === 404 || !data)
            continue;
        const repo = data.find((r) => r.path === repository);
        if (repo)
            return api.delete(`/api/v4/projects/${repo.project_id}/registry/repositories/${repo.id}/tags/${encodeURIComponent(tag)}`);
    }
    return 'absent';
};
/**
 * The vendor APIs by registry kind. `ambient`: tried without a registry-credentials entry, the
 * vendor finding its credentials itself (the environment, the registry's login) or throwing
 * VendorNotConfigured. `only`: the registry API cannot remove one tag there (ECR refuses manifest
 * DELETEs, Artifact Registry deletes no tagged digest), so without the vendor's credentials the
 * tag is reported left behind at once: a probe would only leave its own tags behind too.
 */
const VENDOR_DELETES = {
    docker: { name: 'docker-hub-api', run: dockerHub },
    quay: { name: 'quay-api', run: quay },
    ghcr: { name: 'ghcr-packages-api', run: ghcr },
    harbor: { name: 'harbor-api', run: harbor },
    gitlab: { name: 'gitlab-api', run: gitlab },
    ecr: { name: 'ecr-api', run: ecr, ambient: true, only: true },
    gar: { name: 'artifact-registry-api', run: gar, ambient: true, only: true },
    acr: { name: 'acr-api', run: acr, ambient: true },
};


/***/ }),

/***/ 670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JK: () => (/* binding */ errorFrom),
/* harmony export */   TX: () => (/* binding */ isNetworkError),
/* harmony export */   Wd: () => (/* binding */ METADATA_DEADLINE_MS),
/* harmony export */   oK: () => (/* binding */ Transport),
/* harmony export */   vf: () => (/* binding */ discard),
/* harmony export */   x8: () => (/* binding */ readBody)
/* harmony export */ });
/* unused harmony exports THROUGHPUT_FLOOR, ThroughputWatch, formatRate */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _auth_challenge_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9111);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6764);
/* harmony import */ var _http_headers_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1280);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9310);







/** Metadata responses are at most a few MiB: 30 s is far beyond any honest registry. */
const METADATA_DEADLINE_MS = 30_000;
/**
 * 64 KiB/s (about 0.5 Mbit/s) over 30 s: a link that slow still moves 1 GiB in under 5 hours, a
 * fast transfer may pause for most of a window, and a drip under the idle timeout fails within 30 s
 * whatever size its manifest declares (docs/registries.md, "Time bounds").
 */
const THROUGHPUT_FLOOR = { bytesPerSecond: 64 * 1024, windowMs: 30_000 };
/** The bytes one transfer moved in its current window, judged against the floor when the window ends. */
class ThroughputWatch {
    floor;
    #moved = 0;
    constructor(floor) {
        this.floor = floor;
    }
    add(bytes) {
        this.#moved += bytes;
    }
    /**
     * Ends the window: the rate it saw (bytes/s) when that was under the floor and the peer is to
     * blame, else undefined. `peerBehind` false: our side held the body back (a slow source feeding
     * an upload, a download read slowly), which the other transfer's own watch judges.
     */
    endWindow(peerBehind = true) {
        const rate = (this.#moved * 1000) / this.floor.windowMs;
        this.#moved = 0;
        return peerBehind && rate < this.floor.bytesPerSecond ? rate : undefined;
    }
}
/** `12 B/s`, `63.9 KiB/s`, `1.5 MiB/s`. */
function formatRate(bytesPerSecond) {
    if (bytesPerSecond < 1024)
        return `${Math.round(bytesPerSecond)} B/s`;
    if (bytesPerSecond < 1024 * 1024)
        return `${(bytesPerSecond / 1024).toFixed(1)} KiB/s`;
    return `${(bytesPerSecond / 1024 / 1024).toFixed(1)} MiB/s`;
}
const MAX_REDIRECTS = 5;
const NETWORK_ERROR_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'ECONNABORTED',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EAI_AGAIN',
    'ERR_STREAM_PREMATURE_CLOSE',
    'UND_ERR_SOCKET',
    'ERR_HTTP_PARSER',
    'HPE_INVALID_CONSTANT',
    'ESLOWBODY',
]);
/** Errors below HTTP (reset, refused, stalled, cut short): always worth another attempt. */
function isNetworkError(error) {
    // Duck-typed, not `instanceof Error`: errors from node's own realm fail that test inside a VM
    // context (jest), and a network error must be recognised wherever it was made.
    if (typeof error !== 'object' || error === null)
        return false;
    const { code, message } = error;
    return ((typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) ||
        (typeof message === 'string' && /socket hang up|aborted|premature close|idle timeout/i.test(message)));
}
/**
 * HTTP for registries: keep-alive connections, a socket idle timeout so a stall cannot hang a
 * job, redirects that drop Authorization when they leave the host, plain HTTP only where allowed.
 */
class Transport {
    #insecure;
    #httpAgent;
    #httpsAgent;
    /** Per API host (as URL.host spells it): agents trusting that registry's own CAs too. */
    #registryAgents = new Map();
    idleTimeoutMs;
    #onRequest;
    metadataDeadlineMs;
    throughputFloor;
    signal;
    /** The resolver the connections use (the system's unless given): a bare TLS handshake uses it too. */
    lookup;
    constructor(options = {}) {
        this.#insecure = new Set(options.insecureRegistries ?? []);
        // A private CA is trusted in addition to the system's roots, not instead of them.
        const common = { keepAlive: true, maxSockets: 64, ...(options.lookup && { lookup: options.lookup }) };
        this.#httpAgent = new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)(common);
        const roots = [...(node_tls__WEBPACK_IMPORTED_MODULE_2___default().rootCertificates), ...(options.ca ? [options.ca] : [])];
        this.#httpsAgent = new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ ...common, ...(options.ca && { ca: roots }) });
        for (const [registry, ca] of Object.entries(options.registryCa ?? {}))
            this.#registryAgents.set(new URL(`https://${(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .apiHost */ .nz)(registry)}`).host, new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ ...common, ca: [...roots, ca] }));
        this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
        this.#onRequest = options.onRequest;
        this.metadataDeadlineMs = options.metadataDeadlineMs ?? METADATA_DEADLINE_MS;
        this.throughputFloor = options.throughputFloor ?? THROUGHPUT_FLOOR;
        const { bytesPerSecond, windowMs } = this.throughputFloor;
        if (!(bytesPerSecond > 0 && windowMs > 0))
            throw new Error(`a throughput floor needs a positive rate and window, got ${bytesPerSecond} B/s over ${windowMs} ms`);
        this.signal = options.signal;
        this.lookup = options.lookup;
    }
    /** `http(s)://<api host>` of a registry. */
    baseUrl(registry) {
        const host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .apiHost */ .nz)(registry);
        const plain = (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isLoopback */ .U9)(registry) || this.#insecure.has(registry) || this.#insecure.has(host);
        return new URL(`${plain ? 'http' : 'https'}://${host}`);
    }
    async send(request) {
        let url = request.url;
        let headers = { ...request.headers };
        for (let hop = 0;; hop++) {
            const response = await this.#sendOnce(request, url, headers);
            const location = response.headers.location;
            if (!request.followRedirects || !location || ![301, 302, 303, 307, 308].includes(response.status) || request.body)
                return response;
            if (hop >= MAX_REDIRECTS)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(request.method, (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(request.url), response.status, [], 'too many redirects');
            response.body.resume();
            const next = new URL(location, url);
            // Blob storage (S3, a CDN) must never see the registry's token.
            if (next.host !== url.host) {
                headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
            }
            url = next;
        }
    }
    #sendOnce(request, url, headers) {
        const { method, body } = request;
        this.signal?.throwIfAborted();
        this.#onRequest?.(method, url);
        const secure = url.protocol === 'https:';
        const lib = secure ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default());
        return new Promise((resolve, reject) => {
            const req = lib.request(url, {
                method,
                headers: { 'user-agent': 'container-image-actions', ...headers },
                agent: secure ? (this.#registryAgents.get(url.host) ?? this.#httpsAgent) : this.#httpAgent,
                ...(this.signal && { signal: this.signal }),
            });
            const fail = (error) => reject(error);
            let res;
            const abort = (error) => {
                req.destroy(error);
                res?.destroy(error);
            };
            const bounds = request.transfer !== undefined
                ? this.#boundTransfer(req, `${request.transfer}: ${method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(url)}`, abort)
                : this.#boundMetadata(request.deadlineMs ?? this.metadataDeadlineMs, `${method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(url)}`, abort);
            req.setTimeout(this.idleTimeoutMs, () => req.destroy(Object.assign(new Error(`idle timeout after ${this.idleTimeoutMs} ms: ${method} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(url)}`), { code: 'ETIMEDOUT' })));
            req.on('error', fail);
            req.on('close', () => {
                if (!res)
                    bounds.end();
            });
            req.on('response', (response) => {
                res = response;
                bounds.response(response);
                response.on('close', () => bounds.end());
                // From here on errors surface through the body stream.
                req.off('error', fail);
                req.on('error', (error) => response.destroy(error));
                resolve({ status: response.statusCode ?? 0, headers: response.headers, body: response, url });
            });
            if (body === undefined)
                req.end();
            else if (Buffer.isBuffer(body))
                req.end(body);
            else {
                body.on('error', (error) => req.destroy(error));
                body.pipe(req);
            }
        });
    }
    /** Headers and body of a metadata request within one total deadline. */
    #boundMetadata(deadlineMs, what, abort) {
        // Not retried (no network error code): a server that drips its answer would only do it again.
        const deadline = setTimeout(() => abort(Object.assign(new Error(`deadline of ${deadlineMs} ms for headers and body exceeded: ${what}`), { code: 'EDEADLINE' })), deadlineMs);
        deadline.unref();
        return { response: () => undefined, end: () => clearTimeout(deadline) };
    }
    /**
     * A blob transfer: while a body moves (the upload's, then the download's) each window must carry
     * the floor's bytes, unless our own side held it back; between the request's last byte and the
     * response's headers, the idle timeout's length at most (a registry dripping its headers).
     * Counted on the socket, so a body nobody reads yet is not started early.
     */
    #boundTransfer(req, what, abort) {
        const { windowMs } = this.throughputFloor;
        const watch = new ThroughputWatch(this.throughputFloor);
        let socket;
        let res;
        let counted = 0;
        let window;
        let headers;
        const moved = () => (socket ? socket.bytesRead + socket.bytesWritten : 0);
        // An upload waiting on its source has nothing buffered; a download read slowly has bytes unread.
        const peerBehind = () => (res ? res.readableLength === 0 : req.writableLength > 0);
        const endWindow = () => {
            const now = moved();
            watch.add(now - counted);
            counted = now;
            const rate = watch.endWindow(peerBehind());
            if (rate === undefined)
                return;
            const floor = formatRate(this.throughputFloor.bytesPerSecond);
            const message = `${what}: ${formatRate(rate)} over the last ${windowMs / 1000} s, under the floor of ${floor}; given up`;
            abort(Object.assign(new Error(message), { code: 'ESLOWBODY' }));
        };
        const startWindows = () => {
            clearInterval(window);
            counted = moved();
            watch.endWindow(false);
            window = setInterval(endWindow, windowMs).unref();
        };
        req.on('socket', (s) => {
            socket = s;
            startWindows();
        });
        req.on('finish', () => {
            if (res)
                return;
            clearInterval(window);
            headers = setTimeout(() => {
                const error = new Error(`${what}: no response within ${this.idleTimeoutMs} ms of the request's last byte`);
                abort(Object.assign(error, { code: 'ETIMEDOUT' }));
            }, this.idleTimeoutMs).unref();
        });
        const end = () => {
            clearInterval(window);
            clearTimeout(headers);
        };
        return {
            response: (response) => {
                res = response;
                clearTimeout(headers);
                startWindows();
            },
            end,
        };
    }
    /** Sockets handed to a request and not yet given back: a body left unread keeps one. */
    busySockets() {
        const count = (agent) => Object.values(agent.sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
        return count(this.#httpAgent) + count(this.#httpsAgent) + [...this.#registryAgents.values()].reduce((n, a) => n + count(a), 0);
    }
    close() {
        this.#httpAgent.destroy();
        this.#httpsAgent.destroy();
        for (const agent of this.#registryAgents.values())
            agent.destroy();
    }
}
/** Reads a whole (small) body, refusing more than `limit` bytes; a broken body names its URL. */
async function readBody(response, limit = 4 * 1024 * 1024) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of response.body) {
            size += chunk.length;
            if (size > limit) {
                response.body.destroy();
                throw new Error(`response body larger than ${limit} bytes from ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(response.url)}`);
            }
            chunks.push(chunk);
        }
    }
    catch (error) {
        if (size > limit)
            throw error;
        // A Content-Length lie or a reset mid-body: the code stays, so retries still see a network error.
        const code = error.code;
        throw Object.assign(new Error(`reading the response of ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(response.url)} after ${size} bytes: ${error.message}`, { cause: error }), { code });
    }
    return Buffer.concat(chunks);
}
/** Drains an unneeded body so the keep-alive connection can be reused. */
async function discard(response) {
    try {
        for await (const _ of response.body)
            ;
    }
    catch {
        // The request is done with; a broken body changes nothing.
    }
}
/** Turns an unexpected response into a RegistryError with the OCI error codes of its body. */
async function errorFrom(method, response, detail) {
    let text = '';
    try {
        text = (await readBody(response, 64 * 1024)).toString('utf8');
    }
    catch {
        // The status alone still says what happened.
    }
    let why = detail;
    if (response.status === 401) {
        // The challenge says whether the credentials are wrong or merely lack a permission.
        const bearer = (0,_auth_challenge_js__WEBPACK_IMPORTED_MODULE_5__/* .findChallenge */ .VZ)((0,_auth_challenge_js__WEBPACK_IMPORTED_MODULE_5__/* .parseChallenges */ .uV)(response.headers['www-authenticate']), 'bearer');
        if (bearer?.params.error === 'insufficient_scope')
            why = [detail, `insufficient_scope: the credentials do not grant ${bearer.params.scope ?? 'the needed access'}`]
                .filter(Boolean)
                .join('; ');
    }
    const error = new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(method, (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(response.url), response.status, (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOciErrors */ .Yy)(text), why);
    const retryAfter = (0,_http_headers_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRetryAfter */ .m)(response.headers['retry-after']);
    return Object.assign(error, { retryAfterMs: retryAfter });
}


/***/ })

};
