export const id = 433;
export const ids = [433];
export const modules = {

/***/ 9255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony export closest */
/** Levenshtein distance; small strings only (keys of a config mapping). */
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The closest known word, when it is close enough to be a likely typo. */
function closest(word, known) {
    const normalised = word.toLowerCase().replace(/-/g, '_');
    let best;
    let bestDistance = Infinity;
    for (const candidate of known) {
        // A truncated key (`user` for `username`) is as likely a slip as a typo.
        const truncated = normalised.length >= 3 && candidate.startsWith(normalised);
        const d = truncated ? 1 : distance(normalised, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
function didYouMean(word, known) {
    const suggestion = closest(word, known);
    return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}


/***/ }),

/***/ 7324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $W: () => (/* binding */ readCredentialFor),
/* harmony export */   DQ: () => (/* binding */ loginOf),
/* harmony export */   FX: () => (/* binding */ credentialFor),
/* harmony export */   XG: () => (/* binding */ vendorCredentialOf),
/* harmony export */   gu: () => (/* binding */ parseCredentials)
/* harmony export */ });
/* unused harmony export CREDENTIAL_KEYS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8816);
/* harmony import */ var _registry_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6796);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9310);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7827);
/* harmony import */ var _jinja_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3290);
/* harmony import */ var _pattern_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5164);
/* harmony import */ var _schema_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3119);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9211);








const CREDENTIAL_KEYS = ['username', 'password', 'repository', 'api_token', 'refresh_token', 'type', 'api_url'];
const secret = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: (iss) => (iss.input === undefined ? 'is required' : `expected a string, got a ${typeof iss.input}`) });
const entrySchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    username: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
    password: secret.optional(),
    repository: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
    api_token: secret.optional(),
    refresh_token: secret.optional(),
    api_url: zod__WEBPACK_IMPORTED_MODULE_5__/* .url */ .OZ5({ error: (iss) => `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .show */ .WU)(iss.input)} is not a URL` }).optional(),
    type: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(_registry_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .REGISTRY_KINDS */ .Gx, { error: (iss) => `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .show */ .WU)(iss.input)} is not a registry type; one of ${_registry_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .REGISTRY_KINDS */ .Gx.join(', ')}` })
        .optional(),
}, { error: (iss) => `expected a mapping of ${CREDENTIAL_KEYS.join(', ')}, got ${typeof iss.input}` });
const mapSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), entrySchema, { error: 'expected a mapping keyed by registry name' });
/** What the tag deleter needs of a registry's credentials to use its vendor's API. */
function vendorCredentialOf(credentials, registry) {
    const c = credentials.get(registry);
    return c && { type: c.type, username: c.username, password: c.password, apiToken: c.apiToken, apiUrl: c.apiUrl };
}
/**
 * Parses Zuul's `container_registry_credentials` map. `onSecret` is called for every secret the
 * moment it is read, so it is masked before anything can log it.
 */
function parseCredentials(text, onSecret) {
    const result = new Map();
    if (!text.trim())
        return result;
    const raw = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .parseYamlInput */ .PJ)(text, 'registry-credentials');
    if (raw === null || raw === undefined)
        return result;
    // Mask before validating: a validation message must not be the first place a password shows up.
    maskSecrets(raw, onSecret);
    refuseUnkeyed(raw);
    const parsed = mapSchema.safeParse(raw);
    if (!parsed.success) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigErrors */ .m((0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .formatIssues */ .og)('registry-credentials', parsed.error.issues, () => CREDENTIAL_KEYS));
    }
    const problems = [];
    for (const [registry, entry] of Object.entries(parsed.data)) {
        if (!(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidRegistry */ .gW)(registry))
            problems.push(`registry-credentials: "${registry}" is not a registry host[:port]`);
        if ((entry.username === undefined) !== (entry.password === undefined)) {
            problems.push(`registry-credentials["${registry}"]: username and password go together`);
        }
        let repositoryPattern;
        if (entry.repository !== undefined && (0,_jinja_js__WEBPACK_IMPORTED_MODULE_7__/* .isTemplate */ .Fl)(entry.repository)) {
            problems.push(templatedPattern(registry, entry.repository));
        }
        else if (entry.repository !== undefined) {
            try {
                // Zuul searches unanchored; anchoring keeps `^quay.io/org/a` from admitting `quay.io/org/abc-evil`.
                repositoryPattern = (0,_pattern_js__WEBPACK_IMPORTED_MODULE_3__/* .linearPattern */ .G)(entry.repository, `registry-credentials["${registry}"].repository`, true);
            }
            catch (error) {
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x))
                    throw error;
                problems.push(error.message);
            }
        }
        result.set(registry, {
            registry,
            username: entry.username,
            password: entry.password,
            repositoryPattern,
            repositorySource: entry.repository,
            apiToken: entry.api_token,
            refreshToken: entry.refresh_token,
            type: entry.type,
            apiUrl: entry.api_url,
        });
    }
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigErrors */ .m(problems);
    return result;
}
function maskSecrets(raw, onSecret) {
    if (raw === null || typeof raw !== 'object')
        return;
    // The map itself too: the unkeyed docker_credentials shape carries its password at the top.
    for (const entry of [raw, ...Object.values(raw)]) {
        if (entry === null || typeof entry !== 'object')
            continue;
        const fields = entry;
        for (const key of ['password', 'api_token', 'refresh_token']) {
            const value = fields[key];
            if (typeof value === 'string' && value !== '')
                onSecret(value);
        }
        // The pair, so its base64 (the Basic header) is masked where an engine or skopeo echoes it.
        if (typeof fields.username === 'string' && typeof fields.password === 'string' && fields.password !== '')
            onSecret(`${fields.username}:${fields.password}`);
    }
}
/**
 * The credential an image's registry must use, checked before any network call: a map that is
 * given but lacks the registry, or whose pattern does not admit the repository, is refused.
 */
function credentialFor(credentials, registry, repository) {
    if (credentials.size === 0)
        return undefined;
    const credential = credentials.get(registry);
    if (!credential)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(`registry-credentials: ${registry} credentials not found (needed for ${repository}); the map has ` +
            `${[...credentials.keys()].join(', ')}`);
    if (credential.repositoryPattern && !credential.repositoryPattern.test(repository)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(`registry-credentials["${registry}"].repository: ${repository} not permitted by ${credential.repositorySource}`);
    }
    return credential;
}
/**
 * The credential a read (use's pulls) sends: the map's entry for the registry, or none, never an
 * error. A registry the map leaves out is read as the engines would (their auth files, else
 * anonymously); the entry's repository pattern limits writes, and reads keep the login, as the
 * registry client does.
 */
function readCredentialFor(credentials, registry) {
    return credentials.get(registry);
}
/**
 * The login a registry-credentials entry gives (user and password, or a refresh token), if any,
 * with its repository pattern: the registry client then sends it for no other repository.
 */
function loginOf(credential) {
    if (!credential)
        return undefined;
    const repositories = repositoryScopeOf(credential);
    const scoped = repositories ? { repositories } : {};
    if (credential.username && credential.password !== undefined)
        return { username: credential.username, password: credential.password, refreshToken: credential.refreshToken, ...scoped };
    return credential.refreshToken ? { refreshToken: credential.refreshToken, ...scoped } : undefined;
}
function repositoryScopeOf(credential) {
    const pattern = credential.repositoryPattern;
    if (!pattern)
        return undefined;
    return {
        source: `registry-credentials["${credential.registry}"].repository ${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .show */ .WU)(credential.repositorySource ?? pattern.source)}`,
        admits: (name) => pattern.test(name),
    };
}
/** Zuul renders `{{ … }}` before its roles run; here the pattern would be matched as written and admit nothing. */
function templatedPattern(registry, pattern) {
    return (`registry-credentials["${registry}"].repository: ${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .show */ .WU)(pattern)} holds a Jinja template, and templates are not ` +
        'evaluated here: write the pattern itself, e.g. "quay.io/org/.*" (a workflow expression ${{ … }} works in the input)');
}
/**
 * build-docker-image's `docker_credentials` is one unkeyed `{username, password, repository}`;
 * the container roles key it by registry. Said plainly rather than as three "unknown registry" errors.
 */
function refuseUnkeyed(raw) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        return;
    const flat = ['username', 'password'].filter((key) => typeof raw[key] === 'string');
    if (flat.length === 0)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(`registry-credentials: ${flat.join(' and ')} at the top, like build-docker-image's docker_credentials; key them by ` +
        'registry name instead, e.g. {"quay.io": {username: u, password: ${{ secrets.QUAY_PASSWORD }}, repository: "quay.io/org/.*"}}');
}


/***/ }),

/***/ 3290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ isTemplate),
/* harmony export */   dW: () => (/* binding */ findTemplatesWith),
/* harmony export */   hB: () => (/* binding */ MIRROR_ADVICE),
/* harmony export */   zD: () => (/* binding */ findTemplates)
/* harmony export */ });
/* harmony import */ var _schema_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3119);

const TEMPLATE = /\{\{|\{%/;
/** Whether a value holds a Jinja template (`{{ … }}`, `{% … %}`), which Zuul renders and nothing here does. */
const isTemplate = (value) => TEMPLATE.test(value);
/** What to write instead of a template in an image list. */
const IMAGE_ADVICE = 'write a plain value, use workflow expressions (${{ … }}) in the inline images input, and metadata-tags ' +
    '(docker/metadata-action) for zuul.tag-style tags';
/** What to write instead of a template in a mirror list. */
const MIRROR_ADVICE = 'write a plain value, or use workflow expressions (${{ … }}) in the inline mirror input';
/**
 * Every string of a list holding a Jinja template (`{{ zuul.tag }}`, `{% if %}`). Zuul renders
 * them before its roles run; nothing on a runner does, so the engine would get them verbatim.
 * (docs/zuul.md, "Jinja")
 */
function findTemplates(raw, root, path = []) {
    return templatesIn(raw, root, path, IMAGE_ADVICE);
}
/** findTemplates for another list, with what to write there instead. */
function findTemplatesWith(raw, root, advice) {
    return templatesIn(raw, root, [], advice);
}
function templatesIn(raw, root, path, advice) {
    if (typeof raw === 'string') {
        if (!isTemplate(raw))
            return [];
        return [
            `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPath */ .jV)(root, path)}: holds a Jinja template ("${raw.length > 60 ? `${raw.slice(0, 57)}...` : raw}"), and templates are not ` +
                `evaluated here: ${advice}`,
        ];
    }
    if (Array.isArray(raw))
        return raw.flatMap((item, i) => templatesIn(item, root, [...path, i], advice));
    if (raw !== null && typeof raw === 'object')
        return Object.entries(raw).flatMap(([key, value]) => [
            ...(isTemplate(key)
                ? [`${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPath */ .jV)(root, path)}: the key "${key}" holds a Jinja template, and templates are not evaluated here`]
                : []),
            ...templatesIn(value, root, [...path, key], advice),
        ]);
    return [];
}


/***/ }),

/***/ 5164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ linearPattern)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2856);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7827);
/* harmony import */ var _schema_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3119);



/**
 * Compiles a pattern from an input with RE2 (re2js): matching takes time linear in the text, so a
 * pattern like `^(a|aa)+$` cannot hang a run on a long tag name, whoever wrote the pattern or
 * the tag. RE2 has no look-around and no back-references; such a pattern is refused, named.
 * `anchored`: the whole text must match (credentials, cleanup); else a match anywhere counts, as
 * in Go's regexp (skopeo's images-by-tag-regex).
 */
function linearPattern(source, field, anchored) {
    let compiled;
    try {
        compiled = re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.compile(anchored ? `^(?:${source})$` : source);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`${field}: ${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(source)} is not a valid regular expression (RE2 syntax, no look-around or back-references): ` +
            `${error.message}`);
    }
    return { source, test: (text) => compiled.matcher(text).find() };
}


/***/ }),

/***/ 3119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   og: () => (/* binding */ formatIssues)
/* harmony export */ });
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9255);

/** `images[1].tags[0]`, `registry-credentials["quay.io"].password`. */
function formatPath(root, path) {
    let out = root;
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else if (typeof part === 'string' && /^[A-Za-z_][\w-]*$/.test(part))
            out += `.${part}`;
        else
            out += `[${JSON.stringify(String(part))}]`;
    }
    return out;
}
/** Renders a value the way it was written, briefly: strings quoted, long values cut. */
function show(value) {
    const text = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
/** One line per problem, each naming the field; unknown keys get a "did you mean". */
function formatIssues(root, issues, knownKeys) {
    const lines = [];
    for (const issue of issues) {
        if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) {
                const { name, hidden } = keyName(key);
                const note = hidden ? ' (a key and its value without a space after the colon? The rest is not shown)' : '';
                lines.push(`${formatPath(root, [...issue.path, name])}: unknown key${(0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .a)(name, knownKeys(issue.path))}${note}; known ` +
                    `keys: ${knownKeys(issue.path).join(', ')}`);
            }
        }
        else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
            // Report the branch that got furthest; the others only repeat "expected X".
            const deepest = issue.errors.reduce((a, b) => (maxDepth(b) > maxDepth(a) ? b : a));
            lines.push(...formatIssues(root, deepest, knownKeys));
        }
        else {
            lines.push(`${formatPath(root, issue.path)}: ${issue.message}`);
        }
    }
    return lines;
}
/**
 * An unknown key as it may be shown: `password:hunter2` is a key to YAML when the space after the
 * colon is missing, so only what stands before a `:`, `=` or space is named, never the rest.
 */
function keyName(key) {
    const cut = key.search(/[:=\s]/);
    return cut < 0 ? { name: key, hidden: false } : { name: `${key.slice(0, cut)}…`, hidden: true };
}
function maxDepth(issues) {
    return Math.max(0, ...issues.map((i) => i.path.length));
}


/***/ }),

/***/ 9211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PJ: () => (/* binding */ parseYamlInput),
/* harmony export */   id: () => (/* binding */ findTagged),
/* harmony export */   lo: () => (/* binding */ ZUUL_SECRET_TAG),
/* harmony export */   pi: () => (/* binding */ isMapping)
/* harmony export */ });
/* unused harmony export TaggedValue */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);
/* harmony import */ var _schema_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3119);



/**
 * A value under a YAML tag read as opaque: its text is kept out of the data (a Zuul secret's
 * ciphertext) and any use of it is refused where it is used.
 */
class TaggedValue {
    tag;
    constructor(tag) {
        this.tag = tag;
    }
}
/** A YAML mapping (a plain object), not a list, a scalar or a tagged value. */
const isMapping = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof TaggedValue);
/** Alias expansions allowed in one input: real image lists share vars through anchors, a "billion laughs" needs far more. */
const MAX_ALIAS_EXPANSIONS = 1000;
/** Zuul's encrypted secret values: in the `- secret:` items of nearly every zuul.d file that uploads images. */
const ZUUL_SECRET_TAG = '!encrypted/pkcs1-oaep';
/** The tag read opaque, on a scalar (one ciphertext) or a list (a long value in chunks), as Zuul writes both. */
function opaqueTags(tags) {
    return tags.flatMap((tag) => [
        { tag, resolve: () => new TaggedValue(tag), identify: (value) => value instanceof TaggedValue },
        { tag, collection: 'seq', nodeClass: yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLSeq */ .Rw, resolve: () => new TaggedValue(tag) },
    ]);
}
/**
 * Parses an input holding YAML (JSON is YAML too). Errors name the input, the line and the
 * column, never the source text: the line may hold a password. Tags (`!secret`, `!!js/function`)
 * are errors, not warnings: an input is plain data (but for `opaqueTags`).
 */
function parseYamlInput(text, inputName, options = {}) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // uniqueKeys: a key written twice is a mistake, not "last one wins".
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
        uniqueKeys: true,
        merge: true,
        prettyErrors: false,
        logLevel: 'silent',
        lineCounter,
        customTags: opaqueTags(options.opaqueTags ?? []),
    });
    const where = (error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return `line ${line}, column ${col}`;
    };
    const [error] = doc.errors;
    if (error)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${inputName}: not valid YAML (${where(error)}): ${error.message}`, { cause: error });
    const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (tag)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${inputName}: YAML tags are not supported (${where(tag)}): ${tag.message.replace(/^Unresolved tag: /, '')}; write plain values`);
    const [warning] = doc.warnings;
    if (warning)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${inputName}: YAML problem (${where(warning)}): ${warning.message}`);
    try {
        return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    }
    catch (cause) {
        if (cause instanceof ReferenceError && /alias/i.test(cause.message)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${inputName}: YAML aliases expand more than ${MAX_ALIAS_EXPANSIONS} times (a "billion laughs" document?); refused`, { cause });
        }
        throw cause;
    }
}
/** Where tagged values lie in parsed data, as `root[0].key` paths. */
function findTagged(raw, root, path = []) {
    if (raw instanceof TaggedValue)
        return [{ path: (0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPath */ .jV)(root, path), tag: raw.tag }];
    if (Array.isArray(raw))
        return raw.flatMap((item, i) => findTagged(item, root, [...path, i]));
    if (isMapping(raw))
        return Object.entries(raw).flatMap(([key, value]) => findTagged(value, root, [...path, key]));
    return [];
}


/***/ }),

/***/ 3190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ noExec),
/* harmony export */   c: () => (/* binding */ ExecError)
/* harmony export */ });
/** A tool that failed; the message keeps the tool's own last words, which say why. */
class ExecError extends Error {
    tool;
    code;
    lastLines;
    constructor(tool, code, lastLines, message) {
        super(message ??
            `${tool} failed${code === undefined ? '' : ` with exit code ${code}`}${lastLines.length ? `:\n  ${lastLines.join('\n  ')}` : ''}`);
        this.tool = tool;
        this.code = code;
        this.lastLines = lastLines;
        this.name = 'ExecError';
    }
}
/** For library callers that were given no process runner and then need one. */
const noExec = (file) => Promise.reject(new ExecError(file, undefined, [], `${file}: no process runner was given to run it`));


/***/ }),

/***/ 2072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ CredentialStore),
/* harmony export */   k: () => (/* binding */ dockerConfigDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3190);




/** The docker client's own configuration directory: DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker');
}
/** docker writes Docker Hub's entry under its v1 URL. */
function authKeys(registry) {
    if (['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(registry)) {
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    }
    return [registry, `https://${registry}`, `http://${registry}`];
}
/**
 * Finds credentials the way the engines do: the registry-credentials input, then docker's
 * config (`auths`, `credHelpers`, `credsStore`), then podman's auth.json.
 */
class CredentialStore {
    #options;
    #cache = new Map();
    constructor(options = {}) {
        this.#options = options;
    }
    /** The repositories the registry's explicit login is restricted to, if it is. */
    repositoryScope(registry) {
        return this.#options.explicit?.get(registry)?.repositories;
    }
    get(registry) {
        let found = this.#cache.get(registry);
        if (!found) {
            found = this.#lookup(registry).then((credential) => {
                for (const secret of [credential?.password, credential?.refreshToken])
                    if (secret)
                        this.#options.onSecret?.(secret);
                return credential;
            });
            this.#cache.set(registry, found);
        }
        return found;
    }
    async #lookup(registry) {
        const explicit = this.#options.explicit?.get(registry);
        if (explicit)
            return explicit;
        const env = this.#options.env ?? process.env;
        const dockerDir = dockerConfigDir(env);
        const podmanFile = env.REGISTRY_AUTH_FILE || (env.XDG_RUNTIME_DIR ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json') : undefined);
        for (const file of [(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dockerDir, 'config.json'), podmanFile]) {
            if (!file || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
                continue;
            const found = await this.#fromAuthFile(file, registry);
            if (found)
                return found;
        }
        return undefined;
    }
    async #fromAuthFile(file, registry) {
        let config;
        try {
            config = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        }
        catch {
            return undefined;
        }
        const keys = authKeys(registry);
        const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean);
        if (helper)
            return this.#fromHelper(helper, keys[0]);
        for (const key of keys) {
            const entry = config.auths?.[key];
            if (!entry)
                continue;
            if (entry.identitytoken)
                return { username: entry.username, refreshToken: entry.identitytoken };
            if (entry.auth) {
                const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
                const colon = decoded.indexOf(':');
                if (colon > 0)
                    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
            }
            if (entry.username && entry.password)
                return { username: entry.username, password: entry.password };
        }
        if (config.credsStore)
            return this.#fromHelper(config.credsStore, keys[0]);
        return undefined;
    }
    /** `docker-credential-<name> get`, the server on stdin; `<token>` as user means an identity token. */
    async #fromHelper(name, server) {
        const run = this.#options.exec ?? _exec_js__WEBPACK_IMPORTED_MODULE_3__/* .noExec */ .X;
        const result = await run(`docker-credential-${name}`, ['get'], { input: server, allowFailure: true });
        if (result.code !== 0)
            return undefined;
        const parsed = JSON.parse(result.stdout);
        if (!parsed.Secret)
            return undefined;
        if (parsed.Username === '<token>')
            return { refreshToken: parsed.Secret };
        return { username: parsed.Username, password: parsed.Secret };
    }
}


/***/ }),

/***/ 6796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gx: () => (/* binding */ REGISTRY_KINDS),
/* harmony export */   IL: () => (/* binding */ registryKind),
/* harmony export */   mA: () => (/* binding */ GAR_HOST),
/* harmony export */   u0: () => (/* binding */ ECR_HOST)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9310);

/** Registry kinds with their own tag-deletion API (docs/registries.md, "Deleting one tag"). */
const REGISTRY_KINDS = [
    'generic',
    'docker',
    'quay',
    'ghcr',
    'harbor',
    'gitlab',
    'distribution',
    'gitea',
    'ecr',
    'gar',
    'acr',
];
/**
 * `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]`, or the dual-stack
 * `<account>.dkr-ecr[-fips].<region>.on.aws` (lowercase): account, `-fips`, region, domain.
 */
const ECR_HOST = /^(\d{12})\.dkr[.-]ecr(-fips)?\.([a-z0-9-]+)\.(amazonaws\.com(?:\.cn)?|on\.aws)$/;
/** `<location>-docker.pkg.dev` (lowercase): Artifact Registry's Docker repositories of that location. */
const GAR_HOST = /^([a-z0-9-]+)-docker\.pkg\.dev$/;
/** The kind from the credentials' `type`, else from well-known hosts. */
function registryKind(registry, declared) {
    if (declared)
        return declared;
    const host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .hostOf */ .w4)(registry).toLowerCase();
    if (['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(host))
        return 'docker';
    if (host === 'quay.io')
        return 'quay';
    if (host === 'ghcr.io')
        return 'ghcr';
    if (host === 'registry.gitlab.com' || host.startsWith('registry.gitlab.'))
        return 'gitlab';
    if (host.startsWith('harbor.') || host.includes('.harbor.'))
        return 'harbor';
    if (ECR_HOST.test(host))
        return 'ecr';
    if (GAR_HOST.test(host))
        return 'gar';
    if (/^[a-z0-9-]+\.azurecr\.(?:io|cn|us)$/.test(host))
        return 'acr';
    return 'generic';
}


/***/ }),

/***/ 9310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AF: () => (/* binding */ ReferenceError),
/* harmony export */   BZ: () => (/* binding */ schemeOrCredentials),
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   P7: () => (/* binding */ refName),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   V7: () => (/* binding */ looksLikeRegistry),
/* harmony export */   W0: () => (/* binding */ splitName),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   fq: () => (/* binding */ isPlainHttp),
/* harmony export */   gW: () => (/* binding */ isValidRegistry),
/* harmony export */   nz: () => (/* binding */ apiHost),
/* harmony export */   o4: () => (/* binding */ isValidPath),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   w4: () => (/* binding */ hostOf)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB, formatReference */
/**
 * Image references, following the grammar of distribution's `reference` package:
 *   [host[:port]/]path[:tag][@algorithm:hex]
 * plus docker's normalisation (Docker Hub's `docker.io` name and its `library/` namespace).
 */
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const PORT = '[0-9]{1,5}';
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const REGISTRY_RE = new RegExp(`^${HOST}(?::${PORT})?$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const SHA256_RE = /^sha256:[a-f0-9]{64}$/;
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const MAX_NAME_LENGTH = 255;
class ReferenceError extends Error {
    input;
    reason;
    constructor(input, reason) {
        super(`invalid image reference "${input}": ${reason}`);
        this.input = input;
        this.reason = reason;
        this.name = 'ReferenceError';
    }
}
function isValidTag(tag) {
    return TAG_RE.test(tag);
}
function isValidRegistry(registry) {
    if (!REGISTRY_RE.test(registry))
        return false;
    const port = /:(\d+)$/.exec(registry.replace(/^\[.*\]/, ''));
    return !port || Number(port[1]) <= 65535;
}
function isValidPath(path) {
    return PATH_RE.test(path);
}
function isValidDigest(digest) {
    return digest.startsWith('sha256:') ? SHA256_RE.test(digest) : DIGEST_RE.test(digest);
}
/**
 * Whether the first component of a name is a registry host rather than a namespace: docker's
 * rule (contains `.` or `:`, or is `localhost`). Docker also takes an upper-case component for
 * a host; we do not, so `MyOrg/app` is reported as "must be lowercase", which is what was meant.
 */
function looksLikeRegistry(component) {
    return /[.:]/.test(component) || component === 'localhost' || component.startsWith('[');
}
/** Splits `host/a/b` into registry and path; a name without a host yields `registry: undefined`. */
function splitName(name) {
    const slash = name.indexOf('/');
    if (slash > 0 && looksLikeRegistry(name.slice(0, slash))) {
        return { registry: name.slice(0, slash), path: name.slice(slash + 1) };
    }
    return { path: name };
}
/**
 * Why a name that is really a URL cannot be an image name: a scheme (`https://host/x`) or user
 * info (`user:pw@host/x`). The text returned shows the name with any user info hidden.
 */
function schemeOrCredentials(input) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
    const rest = scheme ? input.slice(input.indexOf('://') + 3) : input;
    const at = rest.indexOf('@');
    const slash = rest.indexOf('/');
    // `name@sha256:…` is a digest reference; user info is followed by a host and a path.
    const userinfo = at >= 0 && (slash < 0 || at < slash) && rest.slice(at + 1).includes('/');
    if (!scheme && !userinfo)
        return undefined;
    const shown = `${scheme ? input.slice(0, input.indexOf('://') + 3) : ''}${userinfo ? `***${rest.slice(at)}` : rest}`;
    return `"${shown}" must be written host/path, with no scheme or credentials (credentials go in registry-credentials)`;
}
function parseReference(input, options = {}) {
    if (input.length === 0)
        throw new ReferenceError(input, 'empty');
    const url = schemeOrCredentials(input);
    if (url)
        throw Object.assign(new ReferenceError('', url), { message: `invalid image reference: ${url}` });
    if (/\s/.test(input))
        throw new ReferenceError(input, 'contains white space');
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!isValidDigest(digest))
            throw new ReferenceError(input, `"${digest}" is not a valid digest`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    // A colon after the last slash separates the tag; one before it belongs to host:port.
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!isValidTag(tag))
            throw new ReferenceError(input, `"${tag}" is not a valid tag (at most 128 of [A-Za-z0-9_.-], not starting with . or -)`);
    }
    const split = splitName(rest);
    let registry = split.registry ?? options.defaultRegistry ?? DOCKER_HUB;
    let path = split.path;
    if (!isValidRegistry(registry))
        throw new ReferenceError(input, `"${registry}" is not a valid registry host[:port]`);
    if (!isValidPath(path)) {
        const reason = path !== path.toLowerCase()
            ? 'repository names must be lowercase'
            : 'repository path components are [a-z0-9] separated by ".", "_", "__" or "-"';
        throw new ReferenceError(input, reason);
    }
    if (DOCKER_HUB_ALIASES.has(registry)) {
        registry = DOCKER_HUB;
        if (!path.includes('/'))
            path = `library/${path}`;
    }
    if (registry.length + 1 + path.length > MAX_NAME_LENGTH)
        throw new ReferenceError(input, `name longer than ${MAX_NAME_LENGTH} characters`);
    return { registry, repository: path, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}
/** The host:port to send HTTP requests to (Docker Hub's API lives on another host than its name). */
function apiHost(registry) {
    return DOCKER_HUB_ALIASES.has(registry) ? 'registry-1.docker.io' : registry;
}
/** `algorithm:hex` rather than a tag (a tag cannot contain a colon). */
function isDigest(reference) {
    return reference.includes(':');
}
/** `registry/repository`, and with a tag or digest: `registry/repository:tag`, `registry/repository@sha256:…`. */
function refName(ref, reference) {
    const name = `${ref.registry}/${ref.repository}`;
    if (reference === undefined)
        return name;
    return `${name}${isDigest(reference) ? '@' : ':'}${reference}`;
}
function formatReference(ref) {
    let out = refName(ref);
    if (ref.tag !== undefined)
        out += `:${ref.tag}`;
    if (ref.digest !== undefined)
        out += `@${ref.digest}`;
    return out;
}
/** The host without port or IPv6 brackets. */
function hostOf(registry) {
    const v6 = /^\[(.*)\](?::\d+)?$/.exec(registry);
    if (v6)
        return v6[1];
    return registry.replace(/:\d+$/, '');
}
/** Loopback registries are reached over plain HTTP, as docker does. */
function isLoopback(registry) {
    const host = hostOf(registry);
    return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
/** Whether the engines and tools reach a registry over plain HTTP: loopback, or named in insecure-registries. */
function isPlainHttp(registry, insecureRegistries) {
    return isLoopback(registry) || insecureRegistries.includes(registry);
}


/***/ })

};
