export const id = 617;
export const ids = [617];
export const modules = {

/***/ 8852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mz: () => (/* binding */ pushRecord),
/* harmony export */   aE: () => (/* binding */ readRecord),
/* harmony export */   tv: () => (/* binding */ recordLocation)
/* harmony export */ });
/* unused harmony export RECORD_ARTIFACT_TYPE */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8816);
/* harmony import */ var _registry_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5035);
/* harmony import */ var _registry_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(506);
/* harmony import */ var _registry_media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9867);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9310);
/* harmony import */ var _registry_transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(670);







/**
 * A change record: what a gate (or an intermediate-mode check) uploaded for one change, so that
 * any repository's job can find the change's images without knowing its image list. It is a
 * small OCI artifact in the organisation's changes registry (docs/speculative.md, "Change
 * records"): `<changes-registry>/<owner>/<name>:change_<N>`, one JSON layer.
 */
const RECORD_ARTIFACT_TYPE = 'application/vnd.container-image-actions.change.v1+json';
const EMPTY_CONFIG = Buffer.from('{}');
const MAX_RECORD_BYTES = 1024 * 1024;
const RecordImage = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
    /** The final reference a consumer asks for: `quay.io/acme/base:latest`. */
    reference: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    /** Where the change's image is: `quay.io/acme/base:change_42_latest`, or in the intermediate registry. */
    speculative: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    digest: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().refine(_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH, 'not a digest'),
});
const Record = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(1),
    /** The forge repository, `owner/name`. */
    repository: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    change: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().int().positive(),
    url: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().optional(),
    revision: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().optional(),
    /** The pipeline that uploaded it: the event name (`merge_group`, `pull_request`, …). */
    pipeline: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
    images: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(RecordImage),
});
/** Where a change's record lives: its forge repository's path under the changes registry, lowercased; tag `change_<N>`. */
function recordLocation(changes, forgeRepository, change) {
    const path = [changes.namespace, forgeRepository.toLowerCase()].filter(Boolean).join('/');
    return { registry: changes.registry, repository: path, tag: `change_${change}` };
}
/** Pushes the record (config, layer, manifest); a newer upload of the same change overwrites the tag. */
async function pushRecord(client, where, record) {
    const layer = Buffer.from(JSON.stringify(Record.parse(record)));
    const blobs = [EMPTY_CONFIG, layer].map((bytes) => ({ bytes, digest: (0,_registry_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(bytes) }));
    for (const blob of blobs) {
        if ((await client.headBlob(where.repository, blob.digest)) === undefined)
            await client.uploadBlob(where.repository, blob.digest, blob.bytes.length, node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from([blob.bytes]));
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: _registry_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OciManifest,
        artifactType: RECORD_ARTIFACT_TYPE,
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: blobs[0].digest, size: EMPTY_CONFIG.length },
        layers: [{ mediaType: RECORD_ARTIFACT_TYPE, digest: blobs[1].digest, size: layer.length }],
        annotations: { 'org.opencontainers.image.title': `${record.repository}#${record.change}` },
    };
    return client.putManifest(where.repository, where.tag, {
        bytes: Buffer.from(JSON.stringify(manifest)),
        mediaType: _registry_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OciManifest,
    });
}
/** The record of a change, undefined where none was pushed; a record that is not one is an error naming it. */
async function readRecord(client, where) {
    const name = (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .refName */ .P7)(where, where.tag);
    if (!(await client.headManifest(where.repository, where.tag)))
        return undefined;
    const manifest = await client.getManifest(where.repository, where.tag);
    const json = (0,_registry_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(manifest.bytes, name);
    const layer = json.layers?.find((l) => l.mediaType === RECORD_ARTIFACT_TYPE);
    if (json.artifactType !== RECORD_ARTIFACT_TYPE || !layer || layer.size > MAX_RECORD_BYTES)
        throw new Error(`${name} is not a change record (artifact type ${json.artifactType ?? 'none'})`);
    const response = await client.getBlob(where.repository, layer.digest);
    const bytes = await (0,_registry_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .readBody */ .x8)(response, MAX_RECORD_BYTES);
    if ((0,_registry_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(bytes) !== layer.digest)
        throw new Error(`${name}: the record's layer does not match its digest ${layer.digest}`);
    const parsed = Record.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success)
        throw new Error(`${name}: not a change record: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const image of parsed.data.images) {
        (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseReference */ .F2)(image.reference);
        (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseReference */ .F2)(image.speculative);
    }
    return parsed.data;
}


/***/ }),

/***/ 3617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  use: () => (/* binding */ use)
});

// EXTERNAL MODULE: ./src/config/inputs/report.ts
var report = __webpack_require__(5046);
// EXTERNAL MODULE: ./src/config/inputs/credentials.ts
var inputs_credentials = __webpack_require__(7324);
// EXTERNAL MODULE: ./src/config/inputs/change.ts
var change = __webpack_require__(8600);
// EXTERNAL MODULE: ./src/config/inputs/promotion.ts
var promotion = __webpack_require__(503);
// EXTERNAL MODULE: ./src/config/inputs/table.ts
var table = __webpack_require__(9714);
// EXTERNAL MODULE: ./src/config/inputs/transport.ts
var transport = __webpack_require__(991);
// EXTERNAL MODULE: ./src/config/inputs/work-dir.ts
var work_dir = __webpack_require__(1291);
// EXTERNAL MODULE: ./src/config/images/read.ts + 4 modules
var images_read = __webpack_require__(7529);
// EXTERNAL MODULE: ./src/config/inputs/changes-registry.ts
var changes_registry = __webpack_require__(8411);
;// CONCATENATED MODULE: ./src/config/readers/use.ts








function readUseInputs(read, env, report) {
    const credentials = (0,inputs_credentials/* parseCredentials */.gu)(read(table/* Input */.pd.RegistryCredentials), report.secret);
    const token = read(table/* Input */.pd.Token) || env.GITHUB_TOKEN || undefined;
    if (token)
        report.secret(token);
    const workDir = (0,work_dir/* readWorkDir */.z)(read, env);
    const method = (0,promotion/* readPromoteMethod */.Gn)(read);
    const intermediate = (0,promotion/* readIntermediate */.QB)(read, method, true);
    const listed = read(table/* Input */.pd.Images) !== '' || read(table/* Input */.pd.ImagesFile) !== '';
    return {
        workDir,
        images: listed ? (0,images_read/* readImages */.H)(read, workDir, {}, report) : [],
        credentials,
        change: (0,change/* parseChangeInput */.a)(read(table/* Input */.pd.Change)),
        method,
        intermediate,
        changes: (0,changes_registry/* readChangesRegistry */.L)(read) ?? intermediate,
        token,
        dependsOn: readDependsOn(read(table/* Input */.pd.DependsOn)),
        transport: (0,transport/* readTransportOptions */.qU)(read, workDir),
    };
}
/** `depends-on`: URLs or `Depends-On:` lines, `none` for none; undefined when empty (the description is read). */
function readDependsOn(value) {
    const lines = value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    if (lines.length === 0)
        return undefined;
    if (lines.length === 1 && lines[0].toLowerCase() === 'none')
        return '';
    return lines.map((line) => (/^depends-on\s*:/i.test(line) ? line : `Depends-On: ${line}`)).join('\n');
}

// EXTERNAL MODULE: ./src/platform/change.ts
var platform_change = __webpack_require__(7359);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
;// CONCATENATED MODULE: ./src/platform/depends-on.ts

/** `Depends-On: <url>`, the key in any case, at the start of a line (Zuul's footer). */
const DEPENDS_ON = /^[ \t]*depends-on[ \t]*:[ \t]*(\S*)[ \t]*$/gim;
const PULL_PATH = /^\/([^/\s]+)\/([^/\s]+)\/(pull|pulls)\/([1-9][0-9]{0,9})\/?$/;
/** Every `Depends-On:` line of a change's description, each URL parsed; a line that is not a change URL is an error naming it. */
function dependsOn(description, where) {
    const found = [];
    const problems = [];
    for (const match of (description ?? '').replace(/\r\n?/g, '\n').matchAll(DEPENDS_ON)) {
        try {
            found.push(parseChangeUrl(match[1]));
        }
        catch (error) {
            problems.push(`${where}: "Depends-On: ${match[1]}": ${error.message}`);
        }
    }
    if (problems.length)
        throw new errors/* ConfigError */.x(problems.join('\n'));
    const seen = new Set();
    return found.filter((ref) => !seen.has(changeKey(ref)) && seen.add(changeKey(ref)));
}
/** A pull request URL: GitHub's `/<owner>/<name>/pull/<N>`, Gitea's and Forgejo's `/<owner>/<name>/pulls/<N>`. */
function parseChangeUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new errors/* ConfigError */.x('not a URL: give the pull request URL of the change');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new errors/* ConfigError */.x(`a ${url.protocol} URL is no change of a forge`);
    const match = PULL_PATH.exec(url.pathname);
    if (!match || url.search || url.hash)
        throw new errors/* ConfigError */.x('not a pull request URL of GitHub (/<owner>/<name>/pull/<N>), Gitea or Forgejo (/<owner>/<name>/pulls/<N>); other forges are not supported');
    const [, owner, name, style, number] = match;
    return { server: url.origin, repository: `${owner}/${name}`, number: Number(number), style: style, url: url.href };
}
/** One change's identity across URL spellings: server, repository (case-insensitive, as forges treat it) and number. */
const changeKey = (ref) => `${ref.server.toLowerCase()}/${ref.repository.toLowerCase()}#${ref.number}`;

;// CONCATENATED MODULE: ./src/platform/change-graph.ts


/**
 * Follows `Depends-On:` lines from the root through each dependency's own description, each
 * change asked of its forge once. A cycle is an error naming it; a dependency closed without
 * merging is an error (what depends on it can never merge); a merged one ends its branch.
 */
async function dependencies(root, lookup) {
    const open = [];
    const merged = [];
    const done = new Set();
    const visit = async (ref, path) => {
        const key = changeKey(ref);
        const at = path.findIndex((p) => p.key === key);
        if (at >= 0)
            throw new errors/* ConfigError */.x(`Depends-On cycle: ${[...path.slice(at).map((p) => p.name), ref.url].join(' -> ')}`);
        if (done.has(key))
            return;
        done.add(key);
        const facts = await lookup(ref);
        if (facts.merged)
            return void merged.push(facts);
        if (facts.state === 'closed')
            throw new errors/* ConfigError */.x(`${path[path.length - 1].name} depends on ${ref.url}, which was closed without merging`);
        open.push(facts);
        for (const next of dependsOn(facts.body, ref.url))
            await visit(next, [...path, { key, name: ref.url }]);
    };
    const start = [{ key: root.ref ? changeKey(root.ref) : '', name: root.name }];
    for (const ref of dependsOn(root.body, root.name))
        await visit(ref, start);
    return { open, merged };
}

// EXTERNAL MODULE: ./src/platform/pull-request.ts
var pull_request = __webpack_require__(5772);
// EXTERNAL MODULE: ./src/platform/runner.ts
var runner = __webpack_require__(1245);
;// CONCATENATED MODULE: ./src/platform/forge-changes.ts



const DEADLINE_MS = 15_000;
/**
 * The API of the forge a change lives on. The job's own forge: its API URL (GITHUB_API_URL), and
 * the job's token. Another server gets no token (a job's token is for its own forge only):
 * github.com's API, GitHub Enterprise's `/api/v3`, Gitea's and Forgejo's `/api/v1`.
 */
function apiOf(ref, env, token) {
    const own = env.GITHUB_SERVER_URL ? new URL(env.GITHUB_SERVER_URL).origin === ref.server : false;
    const forge = ['gitea', 'forgejo'].includes((0,runner/* detectRunner */.q)(env));
    const headers = { accept: ref.style === 'pull' ? 'application/vnd.github+json' : 'application/json' };
    if (own && token)
        headers.authorization = forge ? `token ${token}` : `Bearer ${token}`;
    if (own && env.GITHUB_API_URL)
        return { api: (0,pull_request/* withoutCredentials */.ri)(env.GITHUB_API_URL).replace(/\/+$/, ''), headers };
    if (ref.style === 'pulls')
        return { api: `${ref.server}/api/v1`, headers };
    return { api: new URL(ref.server).hostname === 'github.com' ? 'https://api.github.com' : `${ref.server}/api/v3`, headers };
}
/** `GET /repos/{owner}/{name}/pulls/{N}` (the same path on GitHub, Gitea and Forgejo), within a deadline. */
async function fetchChange(ref, env, token, fetchImpl = fetch) {
    const { api, headers } = apiOf(ref, env, token);
    const url = `${api}/repos/${ref.repository}/pulls/${ref.number}`;
    const fail = (why) => new errors/* ConfigError */.x(`${ref.url}: reading the change from the forge failed: GET ${url} ${why} (a private repository needs the token input; ` +
        "the job's own forge is GITHUB_API_URL)");
    let response;
    try {
        response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(DEADLINE_MS) });
    }
    catch (error) {
        throw fail(`did not answer: ${error.message}`);
    }
    if (!response.ok) {
        await response.body?.cancel();
        throw fail(`answered HTTP ${response.status}`);
    }
    const body = (await response.json().catch(() => ({})));
    if (body.state !== 'open' && body.state !== 'closed')
        throw fail(`answered without a state (${JSON.stringify(body.state ?? null)})`);
    return { ref, state: body.state, merged: body.merged === true, body: typeof body.body === 'string' ? body.body : '' };
}

// EXTERNAL MODULE: ./src/commands/run-session.ts + 3 modules
var run_session = __webpack_require__(6315);
// EXTERNAL MODULE: ./src/engines/auth-file.ts
var auth_file = __webpack_require__(9152);
// EXTERNAL MODULE: ./src/engines/docker-config.ts
var docker_config = __webpack_require__(2178);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/commands/use-engines.ts




/** docker when its daemon answers, podman when it is installed (buildah shares its store). */
async function localStores(context) {
    const answers = async (file, args) => (await context.exec(file, args, { allowFailure: true }).catch(() => ({ code: 127 }))).code === 0;
    const stores = [];
    if (await answers('docker', ['version', '--format', '{{.Server.Version}}']))
        stores.push('docker');
    if (await answers('podman', ['--version']))
        stores.push('podman');
    return stores;
}
/**
 * Each speculative image pulled by digest into the store and tagged with its final reference:
 * `docker run`, compose, `docker build` FROM, `podman run`, `buildah bud` FROM then find it
 * locally and do not pull the release (their default pull policy takes a local image).
 */
async function tagLocally(context, stores, resolutions, access) {
    const pinned = resolutions.map((r) => {
        const at = (0,reference/* parseReference */.F2)(r.speculative);
        return { ...r, registry: at.registry, pinned: (0,reference/* refName */.P7)(at, r.digest) };
    });
    const entries = [];
    for (const { registry } of pinned) {
        const login = (0,inputs_credentials/* loginOf */.DQ)((0,inputs_credentials/* readCredentialFor */.$W)(access.credentials, registry));
        if (login?.username && login.password !== undefined && !entries.some((e) => e.registry === registry))
            entries.push({ registry, username: login.username, password: login.password });
    }
    await (0,auth_file/* withAuthFile */.j)(entries, async (authFile) => {
        for (const store of stores) {
            for (const image of pinned) {
                if (store === 'docker') {
                    const env = authFile ? { ...context.env, ...(0,docker_config/* dockerAuthVars */.P)(context.env, authFile) } : context.env;
                    if (authFile)
                        (0,docker_config/* linkCliPlugins */.l)(context.env, env.DOCKER_CONFIG);
                    await context.exec('docker', ['pull', '--quiet', image.pinned], { env });
                    await context.exec('docker', ['tag', image.pinned, image.reference], { env });
                }
                else {
                    const plain = (0,reference/* isPlainHttp */.fq)(image.registry, access.insecureRegistries);
                    const flags = [...(authFile ? ['--authfile', authFile] : []), ...(plain ? ['--tls-verify=false'] : [])];
                    await context.exec('podman', ['pull', '--quiet', ...flags, image.pinned], { env: context.env });
                    await context.exec('podman', ['tag', image.pinned, image.reference], { env: context.env });
                }
                context.logger.info(`${store}: ${image.reference} is now ${image.speculative} (${image.digest})`);
            }
        }
    });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/engines/registries-conf.ts
var registries_conf = __webpack_require__(2527);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./src/speculative/mirrors-conf.ts

/** The user's registries.conf (kept verbatim) with a mirror entry per final repository it does not configure itself. */
function mirrorsConf(base, proxy, repositories, plainHttp) {
    const tables = registryTables(base);
    if (typeof tables === 'string')
        return { text: base, skipped: repositories.map((r) => ({ prefix: r.prefix, why: tables })) };
    const skipped = [];
    const entries = [];
    for (const repository of repositories) {
        const own = tables.find((t) => prefixOf(t) === repository.prefix);
        if (own) {
            skipped.push({ prefix: repository.prefix, why: 'the registries.conf in use has an entry for it' });
            continue;
        }
        const host = longestMatch(tables, repository.prefix);
        if (host?.blocked === true) {
            skipped.push({ prefix: repository.prefix, why: `the registries.conf in use blocks ${String(prefixOf(host))}` });
            continue;
        }
        const insecure = plainHttp(repository.registry) || host?.insecure === true;
        entries.push([
            '',
            '[[registry]]',
            `prefix = ${JSON.stringify(repository.prefix)}`,
            `location = ${JSON.stringify(repository.prefix)}`,
            ...(insecure ? ['insecure = true'] : []),
            '[[registry.mirror]]',
            `location = ${JSON.stringify(`${proxy}/${repository.path}`)}`,
            'insecure = true',
            '',
        ].join('\n'));
    }
    return { text: `${base.replace(/\s*$/, '\n')}${entries.join('')}`, skipped };
}
/** The `[[registry]]` tables of a v2 file, or why the file cannot be extended. */
function registryTables(base) {
    let parsed;
    try {
        parsed = (0,dist/* parse */.qg)(base);
    }
    catch (error) {
        return `the registries.conf in use is not valid TOML (${error.message.split('\n')[0]})`;
    }
    // The v1 format ([registries.search] and the like) cannot be mixed with [[registry]] tables.
    if ('registries' in parsed)
        return 'the registries.conf in use is in the v1 format';
    const tables = parsed.registry;
    return Array.isArray(tables) ? tables : [];
}
/** What a table applies to: its prefix, else its location (containers-registries.conf(5)). */
function prefixOf(table) {
    const value = table.prefix ?? table.location;
    return typeof value === 'string' ? value : undefined;
}
/** The user's table containers/image would pick for this repository: the longest prefix at a path boundary. */
function longestMatch(tables, repository) {
    let best;
    for (const table of tables) {
        const prefix = prefixOf(table);
        if (!prefix || prefix.startsWith('*.'))
            continue;
        const matches = repository === prefix || repository.startsWith(`${prefix}/`);
        if (matches && (!best || prefix.length > best.length))
            best = { table, length: prefix.length };
    }
    return best?.table;
}

;// CONCATENATED MODULE: ./src/speculative/repositories.ts

/** The resolutions grouped by final repository, each under its own path. */
function proxiedRepositories(resolutions, key) {
    const byPrefix = new Map();
    for (const resolution of resolutions) {
        const final = (0,reference/* parseReference */.F2)(resolution.reference);
        const at = (0,reference/* parseReference */.F2)(resolution.speculative);
        const prefix = `${final.registry}/${final.repository}`;
        const entry = byPrefix.get(prefix) ?? { registry: final.registry, tags: {}, sources: [] };
        byPrefix.set(prefix, entry);
        if (final.tag)
            entry.tags[final.tag] = resolution.digest;
        if (!entry.sources.some((s) => s.registry === at.registry && s.repository === at.repository))
            entry.sources.push({ registry: at.registry, repository: at.repository });
    }
    return [...byPrefix].map(([prefix, entry], i) => ({
        prefix,
        registry: entry.registry,
        path: `${key}/r${i}/${prefix.slice(prefix.indexOf('/') + 1)}`,
        tags: entry.tags,
        sources: entry.sources,
    }));
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/speculative/config.ts
var speculative_config = __webpack_require__(9265);
;// CONCATENATED MODULE: ./src/speculative/start.ts




/**
 * What the speculative registry's process may see of the step's environment: no input, no token.
 * RUNNER_TRACKING_ID is how a GitHub runner finds a job's leftover processes to stop at its end.
 */
const KEPT_ENV = [
    'RUNNER_TRACKING_ID',
    'PATH',
    'HOME',
    'TMPDIR',
    'DOCKER_CONFIG',
    'REGISTRY_AUTH_FILE',
    'XDG_RUNTIME_DIR',
    'XDG_CONFIG_HOME',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'NODE_EXTRA_CA_CERTS',
    'HTTPS_PROXY',
    'HTTP_PROXY',
    'NO_PROXY',
    'https_proxy',
    'http_proxy',
    'no_proxy',
];
/** The file in a `use` directory that names its speculative registry's process. */
const PID_FILE = 'speculative-registry.pid';
const START_TIMEOUT_MS = 60_000;
/**
 * Starts the job's speculative registry as a process of its own that outlives this step (a
 * composite action has no post step): a runner stops it with the job's other processes, and it
 * stops itself after its lifetime. The registries of earlier `use` runs of the job (their
 * directories) are stopped first.
 */
async function startSpeculativeRegistry(config, dir, entry, earlier = []) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    for (const previous of new Set([dir, ...earlier]))
        stopPrevious((0,external_node_path_.join)(previous, PID_FILE));
    const logFile = (0,external_node_path_.join)(dir, 'speculative-registry.log');
    const log = (0,external_node_fs_.openSync)(logFile, 'a', 0o600);
    const logStart = (0,external_node_fs_.statSync)(logFile).size;
    const env = Object.fromEntries(KEPT_ENV.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
    const child = (0,external_node_child_process_.spawn)(process.execPath, [entry, speculative_config/* SERVE_ARGUMENT */.m], { detached: true, stdio: ['pipe', 'pipe', log], env });
    (0,external_node_fs_.closeSync)(log);
    // A child that dies before reading its configuration must not take this process with an EPIPE.
    child.stdin.on('error', () => { });
    child.stdin.end(JSON.stringify(config));
    let timer;
    try {
        const address = await new Promise((resolve, reject) => {
            let out = '';
            timer = setTimeout(() => reject(new Error(`it did not listen within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
            child.stdout.on('data', (chunk) => {
                out += chunk.toString('utf8');
                const line = out
                    .split('\n')
                    .slice(0, -1)
                    .find((l) => l.startsWith(speculative_config/* READY_PREFIX */.F));
                if (line)
                    resolve(line.slice(speculative_config/* READY_PREFIX */.F.length).trim());
            });
            child.once('error', reject);
            child.once('exit', (code, signal) => reject(new Error(`it exited (${signal ?? `code ${code}`})`)));
        });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, PID_FILE), `${child.pid}\n`, { mode: 0o600 });
        return { address, pid: child.pid, logFile };
    }
    catch (error) {
        child.kill();
        const tail = (0,external_node_fs_.readFileSync)(logFile).subarray(logStart).toString('utf8').trim().split('\n').slice(-5).join('\n');
        throw new Error(`the speculative registry did not start: ${error.message}${tail ? `\n${tail}` : ''}`);
    }
    finally {
        clearTimeout(timer);
        child.stdout.destroy();
        child.removeAllListeners();
        child.unref();
    }
}
/** Stops the process the pid file names, if it is still a speculative registry. */
function stopPrevious(pidFile) {
    if (!(0,external_node_fs_.existsSync)(pidFile))
        return;
    const pid = Number((0,external_node_fs_.readFileSync)(pidFile, 'utf8').trim());
    const cmdline = `/proc/${pid}/cmdline`;
    // A reused pid is someone else's process: only ours is stopped (where /proc tells; elsewhere it ends with its lifetime).
    if (!Number.isInteger(pid) || pid <= 0 || !(0,external_node_fs_.existsSync)(cmdline) || !(0,external_node_fs_.readFileSync)(cmdline, 'utf8').includes(speculative_config/* SERVE_ARGUMENT */.m))
        return;
    try {
        process.kill(pid, 'SIGTERM');
    }
    catch {
        // gone in between
    }
}

;// CONCATENATED MODULE: ./src/commands/use-mirrors.ts










/** The longest a GitHub-hosted job runs: the speculative registry never outlives it by more. */
const LIFETIME_MS = 6 * 60 * 60 * 1000;
const CONF = 'registries.conf';
/** The file the job used before its first `use`, kept beside ours: a later `use` layers over it, not over ours. */
const BASE_CONF = 'registries.base.conf';
/**
 * podman, buildah and skopeo of the job's later steps: a speculative registry on loopback and a
 * registries.conf that makes it the mirror of each final repository, handed on by
 * CONTAINERS_REGISTRIES_CONF. Covers what a local tag cannot: a pull that goes to the registry
 * anyway (podman build --platform, --pull=always, skopeo). Returns the variables to export.
 */
async function serveMirrors(env, logger, resolutions, access) {
    const repositories = proxiedRepositories(resolutions, (0,external_node_crypto_.randomBytes)(16).toString('hex'));
    const logins = new Map();
    for (const source of repositories.flatMap((r) => r.sources)) {
        const login = (0,inputs_credentials/* loginOf */.DQ)((0,inputs_credentials/* readCredentialFor */.$W)(access.credentials, source.registry));
        if (login && !logins.has(source.registry))
            logins.set(source.registry, { username: login.username, password: login.password, refreshToken: login.refreshToken });
    }
    const earlier = earlierUse(env);
    // The runner's temporary directory is the job's own; elsewhere a fresh private one, never a fixed name in a shared /tmp.
    const dir = env.RUNNER_TEMP ? (0,external_node_path_.join)(env.RUNNER_TEMP, 'container-image-actions') : (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'cia-use-'));
    const proxy = await startSpeculativeRegistry({ repositories, logins: [...logins], insecureRegistries: [...access.insecureRegistries], ca: access.ca, lifetimeMs: LIFETIME_MS }, dir, process.argv[1], earlier ? [earlier] : []);
    const base = earlier ? (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(earlier, BASE_CONF), 'utf8') : (0,registries_conf/* userRegistriesConfText */.EJ)(env);
    writePrivate((0,external_node_path_.join)(dir, BASE_CONF), base);
    const conf = mirrorsConf(base, proxy.address, repositories, (registry) => (0,reference/* isPlainHttp */.fq)(registry, access.insecureRegistries));
    const path = (0,external_node_path_.join)(dir, CONF);
    writePrivate(path, conf.text);
    for (const { prefix, why } of conf.skipped)
        logger.warning(`podman, buildah, skopeo: ${prefix} gets no mirror (${why}): only its local tag resolves, a pull gets the final image`);
    logger.info(`podman, buildah, skopeo: ${repositories.map((r) => r.prefix).join(', ')} resolve through the speculative registry on ${proxy.address} ` +
        `(pid ${proxy.pid}, log ${proxy.logFile}); CONTAINERS_REGISTRIES_CONF=${path} for the job's later steps`);
    return { registriesConf: path, environment: { CONTAINERS_REGISTRIES_CONF: path } };
}
/** The directory of an earlier `use` of this job, when the registries.conf in force is one it wrote (and this user owns). */
function earlierUse(env) {
    const conf = env.CONTAINERS_REGISTRIES_CONF;
    if (!conf || !conf.endsWith(`/${CONF}`))
        return undefined;
    const dir = (0,external_node_path_.dirname)(conf);
    const base = (0,external_node_path_.join)(dir, BASE_CONF);
    if (!(0,external_node_fs_.existsSync)(base))
        return undefined;
    const owner = (0,external_node_fs_.statSync)(dir).uid;
    return process.getuid === undefined || owner === process.getuid() ? dir : undefined;
}
/** 0600 whether the file is new or not (writeFileSync's mode applies only to a file it creates). */
function writePrivate(path, text) {
    (0,external_node_fs_.writeFileSync)(path, text, { mode: 0o600 });
    (0,external_node_fs_.chmodSync)(path, 0o600);
}

// EXTERNAL MODULE: ./src/commands/change-record.ts
var change_record = __webpack_require__(8852);
// EXTERNAL MODULE: ./src/commands/upload-plan.ts
var upload_plan = __webpack_require__(2325);
;// CONCATENATED MODULE: ./src/commands/use-resolve.ts




/**
 * This change's own images, where its gate put them (the list and the change's prefix give the
 * references; the registry gives the digests). Nothing uploaded yet is an error naming where it
 * looked: `use` runs after the upload.
 */
async function ownImages(session, inputs, change, forgeRepository) {
    if (inputs.images.length === 0)
        return [];
    const mode = inputs.method === 'intermediate-registry' ? 'intermediate' : 'gate';
    const targets = (0,upload_plan/* planUploads */.K)(inputs.images, mode, change.prefix, { intermediate: inputs.intermediate, credentials: inputs.credentials });
    const name = change.changeUrl ?? `${forgeRepository}#${change.change ?? change.prefix}`;
    const found = await session.all(targets.flatMap((target) => target.tags.map((tag, i) => ({ target, tag, final: target.finalTags[i] }))), async ({ target, tag, final }) => {
        const speculative = (0,reference/* refName */.P7)(target, tag);
        const head = await session.client(target.registry).headManifest(target.repository, tag);
        return { speculative, head, reference: `${target.image.repository}:${final}` };
    });
    const missing = found.filter((f) => !f.head).map((f) => f.speculative);
    if (missing.length)
        throw new errors/* ConfigErrors */.m(missing.map((ref) => `${name}: ${ref} does not exist: run use after the upload of this change's gate (or check)`));
    return found.map((f) => ({
        reference: f.reference,
        speculative: f.speculative,
        digest: f.head.digest,
        change: name,
        repository: forgeRepository,
    }));
}
/** Each open dependency's images, from its change record; the digest each record names must still be there. */
async function dependencyImages(session, inputs, open) {
    if (open.length === 0)
        return [];
    const changes = inputs.changes;
    if (!changes)
        throw new errors/* ConfigError */.x(`changes-registry: not set, so the images of ${open.map((c) => c.ref.url).join(', ')} cannot be found; set it to the registry namespace the other repositories' gates record their changes in`);
    const perChange = await session.all(open, async (dependency) => {
        const where = (0,change_record/* recordLocation */.tv)(changes, dependency.ref.repository, dependency.ref.number);
        const record = await (0,change_record/* readRecord */.aE)(session.client(where.registry), where);
        if (!record)
            throw new errors/* ConfigError */.x(`${dependency.ref.url}: no change record at ${(0,reference/* refName */.P7)(where, where.tag)}: its gate (or intermediate-mode check) has not uploaded its images yet, or it records them in another changes-registry`);
        return session.all(record.images, async (image) => {
            const at = (0,reference/* parseReference */.F2)(image.speculative);
            const head = await session.client(at.registry).headManifest(at.repository, at.tag ?? image.digest);
            if (head?.digest !== image.digest)
                throw new errors/* ConfigError */.x(`${dependency.ref.url}: the record ${(0,reference/* refName */.P7)(where, where.tag)} names ${image.speculative} at ${image.digest}, but it ${head ? `holds ${head.digest}` : 'no longer exists'}: re-run that change's gate`);
            return {
                reference: image.reference,
                speculative: image.speculative,
                digest: image.digest,
                change: dependency.ref.url,
                repository: record.repository,
            };
        });
    });
    return perChange.flat();
}
/** Every final reference once: this change's own images win over a dependency's; two dependencies naming one are an error. */
function merge(own, dependencies) {
    const byReference = new Map(own.map((r) => [r.reference, r]));
    const problems = [];
    for (const resolution of dependencies) {
        const known = byReference.get(resolution.reference);
        if (!known)
            byReference.set(resolution.reference, resolution);
        else if (known.change !== resolution.change && !own.includes(known))
            problems.push(`${resolution.reference} is an image of both ${known.change} and ${resolution.change}: which one to use is unclear`);
    }
    if (problems.length)
        throw new errors/* ConfigErrors */.m(problems, 'images cannot be resolved');
    return [...byReference.values()];
}

;// CONCATENATED MODULE: ./src/commands/use.ts










/**
 * `use`: in a job after the gate's (or check's) upload, this change's final references and those
 * of the open changes it depends on resolve to their speculative images in the job's later steps
 * (docs/speculative.md). Nothing is written to any registry.
 */
async function use(context) {
    const { env, logger } = context;
    const inputs = readUseInputs(context.read, env, (0,report/* reportTo */.E)(logger));
    const event = (0,platform_change/* readEvent */.j)(env);
    const change = (0,platform_change/* detectChange */.A)(env, event, inputs.change);
    const forgeRepository = env.GITHUB_REPOSITORY ?? '';
    const asked = new Map();
    const lookup = (ref) => {
        if (!asked.has(ref.url))
            asked.set(ref.url, fetchChange(ref, env, inputs.token));
        return asked.get(ref.url);
    };
    const root = await rootChange(env, inputs.dependsOn ?? event.pull_request?.body, change, lookup, inputs.dependsOn !== undefined);
    const found = await dependencies(root, lookup);
    for (const merged of found.merged)
        logger.info(`${merged.ref.url} has merged: its released images are used`);
    const registries = [
        ...inputs.images.map((image) => image.reference.registry),
        ...[inputs.intermediate, inputs.changes].flatMap((r) => (r ? [r.registry] : [])),
    ];
    const { session, close } = (0,run_session/* openRunSession */.I)({
        credentials: inputs.credentials,
        registries,
        env,
        exec: context.exec,
        logger,
        transport: inputs.transport,
    });
    let resolutions;
    try {
        const own = await ownImages(session, inputs, change, forgeRepository);
        resolutions = merge(own, await dependencyImages(session, inputs, found.open));
    }
    finally {
        close();
    }
    if (resolutions.length === 0) {
        logger.info(`nothing to resolve: ${describe(root, inputs)}`);
        return { outputs: { images: '[]' } };
    }
    const stores = await localStores(context);
    if (stores.length === 0)
        logger.warning('neither a docker daemon nor podman answers here: no local store was given the images');
    const access = {
        credentials: inputs.credentials,
        insecureRegistries: inputs.transport.insecureRegistries ?? [],
        ca: inputs.transport.ca,
    };
    await tagLocally(context, stores, resolutions, access);
    const mirrors = await serveMirrors(env, logger, resolutions, access);
    return {
        outputs: { images: JSON.stringify(resolutions), 'registries-conf': mirrors.registriesConf },
        environment: mirrors.environment,
        summary: {
            title: `Speculative images for ${root.name}`,
            headers: ['reference', 'resolves to', 'digest', 'change'],
            rows: resolutions.map((r) => [r.reference, r.speculative, r.digest, r.change]),
        },
    };
}
/** The job's change and its description: the depends-on input, the event's pull request, else asked of the forge; no change, no description. */
async function rootChange(env, eventBody, change, lookup, given = false) {
    const repository = env.GITHUB_REPOSITORY;
    if (change.change === undefined || !repository)
        return { name: `the ${change.pipeline} run`, body: given ? (eventBody ?? '') : '' };
    const server = new URL(env.GITHUB_SERVER_URL || 'https://github.com').origin;
    const style = ['gitea', 'forgejo'].includes((0,runner/* detectRunner */.q)(env)) ? 'pulls' : 'pull';
    const ref = {
        server,
        repository,
        number: change.change,
        style,
        url: change.changeUrl ?? `${server}/${repository}/${style}/${change.change}`,
    };
    if (typeof eventBody === 'string' && (given || change.pipeline.startsWith('pull_request')))
        return { ref, name: ref.url, body: eventBody };
    return { ref, name: ref.url, body: (await lookup(ref)).body };
}
function describe(root, inputs) {
    const own = inputs.images.length === 0 ? 'no image list was given for its own images' : 'its own images were not found';
    return `${root.name} depends on no open change, and ${own}`;
}


/***/ }),

/***/ 8411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ readChangesRegistry)
/* harmony export */ });
/* harmony import */ var _promotion_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(503);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9714);


/** `changes-registry`: `host[:port][/namespace]` shared by an organisation's repositories for change records; undefined when empty. */
function readChangesRegistry(read) {
    const value = read(_table_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.ChangesRegistry);
    return value ? (0,_promotion_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRegistryNamespace */ .Ii)(value, _table_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.ChangesRegistry) : undefined;
}


/***/ }),

/***/ 503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ readPromoteMethod),
/* harmony export */   Ii: () => (/* binding */ parseRegistryNamespace),
/* harmony export */   QB: () => (/* binding */ readIntermediate)
/* harmony export */ });
/* unused harmony export PROMOTE_METHODS */
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9310);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9714);



const PROMOTE_METHODS = ['tag', 'intermediate-registry'];
function readPromoteMethod(read) {
    const method = read(_table_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.PromoteMethod) || 'tag';
    if (!PROMOTE_METHODS.includes(method)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`promote-method: "${method}" is not a method; one of ${PROMOTE_METHODS.join(', ')}`);
    }
    return method;
}
function readIntermediate(read, method, needed) {
    const value = read(_table_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.IntermediateRegistry);
    if (!value) {
        if (method === 'intermediate-registry' && needed)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x('intermediate-registry: required with promote-method: intermediate-registry');
        return undefined;
    }
    return parseRegistryNamespace(value, _table_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.IntermediateRegistry);
}
/** `host[:port][/namespace]`, the form of intermediate-registry and changes-registry. */
function parseRegistryNamespace(value, input) {
    const [registry, ...rest] = value.replace(/\/+$/, '').split('/');
    const namespace = rest.join('/') || undefined;
    if (!(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidRegistry */ .gW)(registry) || (namespace !== undefined && !(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidPath */ .o4)(namespace)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${input}: "${value}" is not host[:port][/namespace]`);
    return { registry, namespace };
}


/***/ }),

/***/ 9152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ withAuthFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _interrupt_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8476);




/**
 * Runs `use` with a docker-format auth file (config.json, also read by podman, buildah and
 * skopeo) holding only these credentials: 0600 inside a 0700 directory, removed whatever
 * happens, so no secret reaches argv or outlives the step. No entries: no file.
 */
async function withAuthFile(entries, use) {
    if (entries.length === 0)
        return use(undefined);
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'cia-auth-'));
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'config.json');
    // A SIGTERM (a cancelled job) must not leave the file behind either.
    const unregister = (0,_interrupt_js__WEBPACK_IMPORTED_MODULE_3__/* .removeOnInterrupt */ .vY)(dir);
    try {
        const auths = Object.fromEntries(entries.map((e) => [e.registry, { auth: Buffer.from(`${e.username}:${e.password}`).toString('base64') }]));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, JSON.stringify({ auths }), { mode: 0o600 });
        return await use(file);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
        unregister();
    }
}


/***/ }),

/***/ 2527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EJ: () => (/* binding */ userRegistriesConfText),
/* harmony export */   eY: () => (/* binding */ loopbackRegistriesIn),
/* harmony export */   lh: () => (/* binding */ userRegistriesConf),
/* harmony export */   t9: () => (/* binding */ registriesConfFor)
/* harmony export */ });
/* unused harmony export layeredRegistriesConf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * podman and buildah reach every registry over HTTPS unless a registries.conf marks it insecure;
 * docker treats loopback registries as insecure on its own. Runners ship no such file, so a
 * build whose base is on a loopback registry failed with "server gave HTTP response to HTTPS
 * client". The engines get the user's own registries.conf with entries for exactly the registries
 * that must be plain HTTP appended: no other registry loses TLS. (docs/runners.md, "Plain-HTTP
 * registries and the engines")
 */
/** Loopback registries a build may pull from, as written before a `/`: `127.0.0.1:5000/base`, `localhost/x`. */
const LOOPBACK_REFERENCE = /(?<![\w.-])((?:127(?:\.\d{1,3}){3}|localhost|\[::1\])(?::\d{1,5})?)(?=\/)/g;
/** Loopback registries named in these texts (container files, build arguments, image names). */
function loopbackRegistriesIn(texts) {
    const found = new Set();
    for (const text of texts)
        for (const match of text.matchAll(LOOPBACK_REFERENCE))
            found.add(match[1]);
    return [...found].sort();
}
/** The registries.conf podman and buildah would read: $CONTAINERS_REGISTRIES_CONF, the user's, else the system's. */
function userRegistriesConf(env) {
    const candidates = [
        env.CONTAINERS_REGISTRIES_CONF,
        env.HOME ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.XDG_CONFIG_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.HOME, '.config'), 'containers', 'registries.conf') : undefined,
        '/etc/containers/registries.conf',
    ];
    return candidates.find((path) => path !== undefined && path !== '' && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path));
}
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The user's file with an `insecure = true` entry for each registry it does not already
 * configure. A file in the old v1 format (`[registries.insecure]`) cannot be mixed with v2
 * entries: the v1 list is extended instead.
 */
function layeredRegistriesConf(base, insecure) {
    const missing = insecure.filter((registry) => !new RegExp(`^\\s*(?:location|prefix)\\s*=\\s*"${escape(registry)}"`, 'm').test(base));
    if (missing.length === 0)
        return base;
    const v1 = /^\s*\[registries\.insecure\]\s*$/m;
    if (v1.test(base) || /^\s*\[registries\.(?:search|block)\]\s*$/m.test(base)) {
        const list = missing.map((r) => JSON.stringify(r)).join(', ');
        if (v1.test(base))
            return base.replace(/(\[registries\.insecure\][^[]*?registries\s*=\s*\[)/, `$1${list}, `);
        return `${base}\n[registries.insecure]\nregistries = [${list}]\n`;
    }
    const entries = missing.map((registry) => `\n[[registry]]\nlocation = ${JSON.stringify(registry)}\ninsecure = true\n`).join('');
    return `${base.replace(/\s*$/, '\n')}${entries}`;
}
/** The text of the registries.conf podman and buildah would read; '' when there is none. */
function userRegistriesConfText(env) {
    const path = userRegistriesConf(env);
    return path ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8') : '';
}
/** The layered file's text for this run, or undefined when no registry needs plain HTTP. */
function registriesConfFor(env, insecure) {
    if (insecure.length === 0)
        return undefined;
    return layeredRegistriesConf(userRegistriesConfText(env), insecure);
}


/***/ }),

/***/ 5772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OI: () => (/* binding */ changeForPromote),
/* harmony export */   _f: () => (/* binding */ findPullRequest),
/* harmony export */   qO: () => (/* binding */ changeStateLookup),
/* harmony export */   ri: () => (/* binding */ withoutCredentials)
/* harmony export */ });
/* unused harmony export FORGE_DEADLINE_MS */
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7827);
/* harmony import */ var _registry_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);
/* harmony import */ var _change_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7359);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1245);




/** A URL without `user:password@`: fetch refuses it (and would print it), the token goes in a header. */
function withoutCredentials(text) {
    try {
        const url = new URL(text);
        url.username = '';
        url.password = '';
        return url.href;
    }
    catch {
        return text;
    }
}
/** How long a forge may take to answer one request. */
const FORGE_DEADLINE_MS = 15_000;
/** Why a request got no answer: the deadline, or the network's own code (ECONNREFUSED, ENOTFOUND, …). */
function whyNoAnswer(error) {
    const e = error;
    if (e.name === 'TimeoutError')
        return ` within ${FORGE_DEADLINE_MS / 1000} s`;
    return `: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
}
/**
 * The pull request a pushed commit came from: GitHub's `commits/{sha}/pulls` lists candidates;
 * Gitea and Forgejo answer `commits/{sha}/pull` with the one that merged it.
 */
async function findPullRequest(env, sha, token, fetchImpl = fetch) {
    const repository = env.GITHUB_REPOSITORY;
    if (!repository)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x('GITHUB_REPOSITORY is not set: cannot look up the pull request of a commit; give the change input');
    const { api, forge, headers } = forgeApi(env, token);
    const url = `${api}/repos/${repository}/commits/${sha}/${forge ? 'pull' : 'pulls'}`;
    const shown = (0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url);
    let response;
    try {
        response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(FORGE_DEADLINE_MS) });
    }
    catch (error) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`looking up the pull request of ${sha}: GET ${shown} did not answer${whyNoAnswer(error)}: check that GITHUB_API_URL ` +
            `(${(0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(api)}) is the forge's API and that the runner reaches it, or give the change input`);
    }
    if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
    }
    if (!response.ok) {
        await response.body?.cancel();
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`looking up the pull request of ${sha}: GET ${shown} answered HTTP ${response.status}` +
            (response.status === 401 || response.status === 403
                ? ': check the token input and its pull-requests: read permission'
                : ': the forge failed; re-run, or give the change input'));
    }
    const body = (await response.json());
    const candidates = Array.isArray(body) ? body : [body];
    const pr = candidates.find((p) => p.merge_commit_sha === sha) ?? candidates.find((p) => p.merged || p.merged_at) ?? candidates[0];
    return pr ? { number: pr.number, headSha: pr.head?.sha, mergeSha: pr.merge_commit_sha ?? undefined, url: pr.html_url } : undefined;
}
/** The forge's API base and headers: GitHub's, or Gitea's and Forgejo's `/api/v1` with `token` auth. */
function forgeApi(env, token) {
    const runner = (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .detectRunner */ .q)(env);
    const forge = runner === 'gitea' || runner === 'forgejo';
    const api = withoutCredentials(env.GITHUB_API_URL || (forge ? `${env.GITHUB_SERVER_URL}/api/v1` : 'https://api.github.com')).replace(/\/+$/, '');
    const headers = { accept: forge ? 'application/json' : 'application/vnd.github+json' };
    if (token)
        headers.authorization = forge ? `token ${token}` : `Bearer ${token}`;
    return { api, forge, headers };
}
/**
 * Asks the forge whether pull request N is still open (`GET /repos/{repo}/pulls/{N}`, the same
 * path on GitHub, Gitea and Forgejo), once per number. Undefined where the forge was not asked
 * (no repository or token) or knows no such change (404): the caller decides by other means.
 * `unknown`, with the reason, where it was asked and failed (an error status, a timeout, the
 * network, a body without a state): the change may be open, so the caller keeps its tags.
 */
function changeStateLookup(env, token, logger, fetchImpl = fetch) {
    const cache = new Map();
    const repository = env.GITHUB_REPOSITORY;
    return (change) => {
        if (!repository || !token)
            return Promise.resolve(undefined);
        let answer = cache.get(change);
        if (!answer) {
            const { api, headers } = forgeApi(env, token);
            answer = askChangeState(`${api}/repos/${repository}/pulls/${change}`, headers, fetchImpl).then((found) => {
                if (found?.state === 'unknown')
                    logger.debug(`the state of change ${change} is unknown: ${found.reason}`);
                return found;
            });
            cache.set(change, answer);
        }
        return answer;
    };
}
async function askChangeState(url, headers, fetchImpl) {
    const unknown = (why) => ({ state: 'unknown', reason: `the forge ${why} (GET ${url})` });
    try {
        const response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(FORGE_DEADLINE_MS) });
        if (!response.ok)
            await response.body?.cancel(); // else the connection stays taken until collected
        if (response.status === 404)
            return undefined;
        if (!response.ok)
            return unknown(`answered HTTP ${response.status}`);
        const body = (await response.json());
        if (body.state === 'open' || body.state === 'closed')
            return { state: body.state };
        return unknown(`answered without a state (${JSON.stringify(body.state ?? null)})`);
    }
    catch (error) {
        return unknown(`did not answer: ${error.message}`);
    }
}
const known = (...shas) => [...new Set(shas.filter((s) => !!s))];
/** Which change a promote run is for: the change input, a merged pull request, or a pushed commit's PR. */
async function changeForPromote(env, event, options) {
    const { override, token, logger, fetchImpl } = options;
    const name = env.GITHUB_EVENT_NAME ?? '';
    const pr = event.pull_request;
    const prRevisions = known(pr?.head?.sha, pr?.merge_commit_sha);
    if (override !== undefined)
        return { change: (0,_change_js__WEBPACK_IMPORTED_MODULE_2__/* .detectChange */ .A)(env, event, override), revisions: pr?.number === override ? prRevisions : [] };
    if (name.startsWith('pull_request') && pr?.number) {
        if (event.action === 'closed' && pr.merged !== true) {
            return {
                change: (0,_change_js__WEBPACK_IMPORTED_MODULE_2__/* .detectChange */ .A)(env, event),
                revisions: [],
                skip: `pull request #${pr.number} was closed without merging: nothing to promote`,
            };
        }
        return { change: (0,_change_js__WEBPACK_IMPORTED_MODULE_2__/* .detectChange */ .A)(env, event), revisions: prRevisions };
    }
    if (name === 'push') {
        const sha = env.GITHUB_SHA;
        if (!sha)
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x('GITHUB_SHA is not set: cannot find the pull request of the push; give the change input');
        const found = await findPullRequest(env, sha, token, fetchImpl);
        if (!found)
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`no pull request found for commit ${sha} in ${env.GITHUB_REPOSITORY}: was it pushed directly? Give the change input ` +
                `to promote a change explicitly`);
        logger.info(`commit ${sha.slice(0, 12)} came from pull request #${found.number}`);
        return { change: (0,_change_js__WEBPACK_IMPORTED_MODULE_2__/* .detectChange */ .A)(env, event, found.number), revisions: known(found.headSha, found.mergeSha, sha) };
    }
    throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`no change to promote for the ${name || 'local'} event: run promote on pull_request (closed) or push, or give the change input`);
}


/***/ })

};
