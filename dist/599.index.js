export const id = 599;
export const ids = [599];
export const modules = {

/***/ 5599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  doctor: () => (/* binding */ doctor),
  reportTable: () => (/* binding */ reportTable)
});

// EXTERNAL MODULE: ./src/config/inputs/report.ts
var report = __webpack_require__(5046);
// EXTERNAL MODULE: ./src/config/inputs/credentials.ts
var inputs_credentials = __webpack_require__(7324);
// EXTERNAL MODULE: ./src/config/inputs/table.ts
var table = __webpack_require__(9714);
// EXTERNAL MODULE: ./src/config/inputs/transport.ts
var transport = __webpack_require__(991);
// EXTERNAL MODULE: ./src/config/inputs/work-dir.ts
var work_dir = __webpack_require__(1291);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
;// CONCATENATED MODULE: ./src/config/inputs/registries.ts


/** The `registries` input: one `host[:port]/namespace` per line; every bad line is named. */
function parseTargets(text) {
    const problems = [];
    const targets = [];
    for (const [index, raw] of text.split('\n').entries()) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const where = `registries (line ${index + 1}) "${line}"`;
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(line)) {
            problems.push(`${where}: give host[:port]/namespace without a scheme (plain HTTP goes by insecure-registries or loopback)`);
            continue;
        }
        const slash = line.indexOf('/');
        const registry = slash < 0 ? line : line.slice(0, slash);
        const namespace = slash < 0 ? '' : line.slice(slash + 1).replace(/\/+$/, '');
        if (!(0,reference/* isValidRegistry */.gW)(registry))
            problems.push(`${where}: "${registry}" is not a registry host[:port]`);
        else if (namespace && !(0,reference/* isValidPath */.o4)(namespace))
            problems.push(`${where}: namespace "${namespace}" is not a repository path ([a-z0-9] components separated by ".", "_", "__", "-" and "/")`);
        else
            targets.push({ name: line, registry, namespace });
    }
    if (problems.length > 0)
        throw new errors/* ConfigErrors */.m(problems);
    if (targets.length === 0)
        throw new errors/* ConfigErrors */.m(['registries: empty; give one host[:port]/namespace per line']);
    return targets;
}

;// CONCATENATED MODULE: ./src/config/readers/doctor.ts





function readDoctorInputs(read, env, report) {
    const credentials = (0,inputs_credentials/* parseCredentials */.gu)(read(table/* Input */.pd.RegistryCredentials), report.secret);
    return {
        targets: parseTargets(read(table/* Input */.pd.Registries)),
        credentials,
        transport: (0,transport/* readTransportOptions */.qU)(read, (0,work_dir/* readWorkDir */.z)(read, env)),
    };
}

// EXTERNAL MODULE: ./src/registry/errors.ts
var registry_errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/kinds.ts
var kinds = __webpack_require__(6796);
// EXTERNAL MODULE: ./src/registry/tag-delete/vendors.ts + 1 modules
var vendors = __webpack_require__(7927);
// EXTERNAL MODULE: ./src/registry/transport.ts
var registry_transport = __webpack_require__(670);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./src/registry/auth/challenge.ts
var challenge = __webpack_require__(9111);
;// CONCATENATED MODULE: ./src/doctor/endpoint.ts




const VENDORS = (/* unused pure expression or super */ null && (['distribution', 'gitea', 'docker-hub', 'quay', 'ghcr', 'harbor', 'gitlab', 'ecr', 'gar', 'acr', 'unknown']));
const DEADLINE_MS = 15_000;
const BY_KIND = {
    docker: 'docker-hub',
    quay: 'quay',
    ghcr: 'ghcr',
    harbor: 'harbor',
    gitlab: 'gitlab',
    ecr: 'ecr',
    gar: 'gar',
    acr: 'acr',
    gitea: 'gitea',
    distribution: 'distribution',
    generic: undefined,
};
async function examineEndpoint(registry, declared, transport) {
    const root = new URL('/v2/', transport.baseUrl(registry));
    let response;
    try {
        response = await transport.send({ method: 'GET', url: root, deadlineMs: DEADLINE_MS });
    }
    catch (error) {
        const reason = error.code ?? error.message;
        return { reachable: false, auth: 'none', http2: false, vendor: 'unknown', problem: `cannot reach ${root.href}: ${reason}` };
    }
    const body = (await (0,registry_transport/* readBody */.x8)(response, 64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8');
    const auth = authOf(response);
    const http2 = root.protocol === 'https:' ? await offersHttp2(root, transport) : false;
    const vendor = BY_KIND[(0,kinds/* registryKind */.IL)(registry, declared)] ?? (await detectVendor(registry, transport, response, body));
    if (response.status !== 200 && response.status !== 401) {
        const problem = `GET ${root.href} answered HTTP ${response.status}: not a registry API (OCI distribution) at this address`;
        return { reachable: false, auth, http2, vendor, problem };
    }
    return { reachable: true, auth, http2, vendor };
}
function authOf(response) {
    if (response.status !== 401)
        return 'none';
    const schemes = (0,challenge/* parseChallenges */.uV)(response.headers['www-authenticate']).map((c) => c.scheme.toLowerCase());
    return schemes.includes('bearer') ? 'bearer' : 'basic';
}
/**
 * ALPN over a bare TLS handshake: whether the server would speak HTTP/2. Nothing is sent over
 * the connection, so the certificate is not what this asks about (the requests check it).
 */
function offersHttp2(root, transport) {
    return new Promise((resolve) => {
        const socket = (0,external_node_tls_.connect)({
            ...(transport.lookup && { lookup: transport.lookup }),
            host: root.hostname.replace(/^\[|\]$/g, ''),
            port: Number(root.port || 443),
            servername: /^[\d.]+$|:/.test(root.hostname) ? undefined : root.hostname,
            ALPNProtocols: ['h2', 'http/1.1'],
            rejectUnauthorized: false,
        });
        const done = (h2) => {
            socket.destroy();
            resolve(h2);
        };
        socket.setTimeout(DEADLINE_MS, () => done(false));
        socket.once('secureConnect', () => done(socket.alpnProtocol === 'h2'));
        socket.once('error', () => done(false));
    });
}
/**
 * A registry on a host of no known service: Gitea and Forgejo answer their version API on the
 * same origin, Harbor its system info; CNCF distribution answers /v2/ with its API-version header
 * and a JSON body (`{}`, or its error list), which go-containerregistry's registry does not send.
 */
async function detectVendor(registry, transport, root, body) {
    const base = transport.baseUrl(registry);
    const json = async (path) => {
        try {
            const response = await transport.send({
                method: 'GET',
                url: new URL(path, base),
                headers: { accept: 'application/json' },
                deadlineMs: DEADLINE_MS,
            });
            const text = (await (0,registry_transport/* readBody */.x8)(response, 64 * 1024)).toString('utf8');
            if (response.status !== 200)
                return undefined;
            const parsed = JSON.parse(text);
            return parsed && typeof parsed === 'object' ? parsed : undefined;
        }
        catch {
            return undefined;
        }
    };
    if (typeof (await json('/api/v1/version'))?.version === 'string')
        return 'gitea';
    if (typeof (await json('/api/v2.0/systeminfo'))?.harbor_version === 'string')
        return 'harbor';
    const apiVersion = root.headers['docker-distribution-api-version'];
    const isJson = /^application\/json/.test(String(root.headers['content-type'] ?? ''));
    if (apiVersion === 'registry/2.0' && isJson && /^\s*\{/.test(body))
        return 'distribution';
    return 'unknown';
}

;// CONCATENATED MODULE: ./src/doctor/report.ts

/**
 * What promote's TagDeleter would do to remove one temporary tag, in its order: the vendor's API
 * where it has the credentials, else the OCI tag DELETE where it removes one tag, else a dummy
 * manifest deleted by digest, else nothing (the tag is reported left behind).
 */
function promoteWould(kind, vendorCredentials, facts) {
    const vendor = vendors/* VENDOR_DELETES */.c[kind];
    const fallback = facts.tagDelete === 'safe' && kind !== 'distribution'
        ? 'OCI tag DELETE'
        : facts.digestDelete
            ? 'dummy manifest on the tag, deleted by digest'
            : 'nothing: the temporary tag is left behind (reported)';
    if (!vendor)
        return fallback;
    if (vendorCredentials)
        return `${vendor.name} (the vendor's API)`;
    const without = vendor.only ? 'nothing: the temporary tag is left behind (reported)' : fallback;
    if (vendor.ambient)
        return `${vendor.name} (the vendor's API) when its credentials are found, else ${without}`;
    return `${fallback}; with api credentials in registry-credentials: ${vendor.name}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/registry/tag-delete/tag-deleter.ts
var tag_deleter = __webpack_require__(4698);
// EXTERNAL MODULE: ./src/registry/tag-delete/dummy.ts
var dummy = __webpack_require__(6384);
;// CONCATENATED MODULE: ./src/doctor/write-probes.ts






const NOT_WRITTEN = {
    writable: false,
    tagDelete: 'no',
    digestDelete: false,
    referrersApi: false,
    blobMount: false,
    chunkedUpload: false,
    leftBehind: [],
    notes: [],
};
const ok = tag_deleter/* deleteAccepted */.$I;
/**
 * Pushes one throw-away manifest (two tags) into `probe`, then measures on it: the referrers
 * API, a blob mount into `mount`, a chunked upload, a tag DELETE, a DELETE by digest; then
 * removes everything it wrote that the registry lets it remove. The push failing is thrown: the
 * caller tells a refused login from a namespace it may not write.
 */
async function probeWrites(client, probe, mount, deleter) {
    const name = `cia-doctor-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    /** Every tag written, the cleanup's list. */
    const tags = [name, `${name}-b`];
    const notes = [];
    const digest = await (0,dummy/* putDummy */.qR)(client, probe.repository, tags);
    let facts = NOT_WRITTEN;
    const leftBehind = [];
    const blobs = [];
    try {
        const manifest = await client.getManifest(probe.repository, digest);
        const parsed = JSON.parse(manifest.bytes.toString('utf8'));
        const config = parsed.config.digest;
        blobs.push(config, ...parsed.layers.map((layer) => layer.digest));
        const configBytes = await (0,registry_transport/* readBody */.x8)(await client.getBlob(probe.repository, config));
        const referrersApi = await measure(notes, 'referrers API', async () => (await client.getReferrers(probe.repository, digest)) !== undefined);
        const blobMount = await measure(notes, 'blob mount', () => client.mountBlob(mount.repository, config, probe.repository));
        if (blobMount && !(await deleteBlob(client, mount.repository, config)))
            leftBehind.push(`${(0,reference/* refName */.P7)(mount)}@${config} (blob mounted by the probe)`);
        const chunkedUpload = await measure(notes, 'chunked upload', () => chunkedUploadWorks(client, probe.repository, config, configBytes, notes));
        const tagDelete = await measureTagDelete(client, probe.repository, tags, notes);
        const digestDelete = await measureDigestDelete(client, probe.repository, tagDelete === 'destructive' ? undefined : tags[1], tags, notes);
        facts = { tagDelete, digestDelete, referrersApi, blobMount, chunkedUpload };
    }
    finally {
        // Whatever happened above, what was written goes where the registry allows, or is listed.
        leftBehind.push(...(await removeWritten(client, probe, { tags, digest, blobs }, facts, deleter)));
    }
    return { writable: true, ...facts, leftBehind: [...new Set(leftBehind)], notes };
}
/**
 * Removes the probe's tags by the ways just shown to work, else the vendor's API, then its
 * manifests by digest (a registry that deletes tags and digests apart, go-containerregistry's,
 * still holds them after) and the dummy's blobs. Returns what is still there; never throws.
 */
async function removeWritten(client, probe, written, facts, deleter) {
    const { tags, digest } = written;
    const quietly = async (step) => step().catch(() => undefined);
    const resolves = async (reference) => (await quietly(() => client.headManifest(probe.repository, reference))) !== undefined;
    const left = [];
    const heads = await Promise.all(tags.map((tag) => quietly(() => client.headManifest(probe.repository, tag))));
    const digests = new Set([digest, ...heads.flatMap((head) => (head ? [head.digest] : []))]);
    for (const [i, tag] of tags.entries()) {
        const head = heads[i];
        if (!head)
            continue;
        if (facts.tagDelete === 'safe')
            await quietly(() => client.deleteManifest(probe.repository, tag));
        else if (facts.digestDelete)
            await quietly(() => client.deleteManifest(probe.repository, head.digest));
        if (await resolves(tag))
            await quietly(() => deleter.deleteByVendor(probe, tag));
        if (await resolves(tag))
            left.push((0,reference/* refName */.P7)(probe, tag));
    }
    for (const manifest of digests) {
        if (!(await resolves(manifest)))
            continue;
        await quietly(() => client.deleteManifest(probe.repository, manifest));
        if (await resolves(manifest))
            left.push(`${(0,reference/* refName */.P7)(probe)}@${manifest}`);
    }
    // The dummy's blobs, once nothing refers to them (where blob DELETE is refused they stay, unlisted: no tag or manifest names them).
    if (left.length === 0)
        for (const blob of written.blobs)
            await quietly(() => deleteBlob(client, probe.repository, blob));
    return left;
}
/** A measurement that fails for another reason than "unsupported" is `false`, with why noted. */
async function measure(notes, what, run) {
    try {
        return await run();
    }
    catch (error) {
        notes.push(`${what}: ${error.message}`);
        return false;
    }
}
async function deleteBlob(client, repository, digest) {
    const response = await client.request([client.scope(repository, ['pull', 'push', 'delete'])], () => ({
        method: 'DELETE',
        url: client.url(`/v2/${repository}/blobs/${digest}`),
    }));
    await (0,registry_transport/* discard */.vf)(response);
    return ok(response.status) || response.status === 404;
}
/**
 * The blob's bytes (already in the repository, so nothing new is stored) sent as a POST, two
 * PATCHes with Content-Range, and a closing PUT ?digest=: what large layers need where a
 * registry caps a single request's body.
 */
async function chunkedUploadWorks(client, repository, digest, bytes, notes) {
    const scopes = [client.scope(repository, ['pull', 'push'])];
    const step = async (method, url, body, range) => client.request(scopes, () => ({
        method,
        url,
        headers: {
            'content-length': body?.length ?? 0,
            ...(body && { 'content-type': 'application/octet-stream' }),
            ...(range && { 'content-range': range }),
        },
        body,
    }));
    const next = async (response, expected, what) => {
        const location = response.headers.location;
        await (0,registry_transport/* discard */.vf)(response);
        if (response.status === expected && typeof location === 'string')
            return new URL(location, response.url);
        notes.push(`chunked upload: ${what} answered HTTP ${response.status}${location ? '' : ' without a Location'}`);
        return undefined;
    };
    const opened = await step('POST', client.url(`/v2/${repository}/blobs/uploads/`));
    // A registry asking for chunks of at least OCI-Chunk-Min-Length gets the blob in one chunk when it is smaller than two.
    const minChunk = Number(opened.headers['oci-chunk-min-length'] ?? 0);
    let url = await next(opened, 202, 'POST');
    const half = minChunk * 2 > bytes.length ? bytes.length : Math.ceil(bytes.length / 2);
    const chunks = half === bytes.length
        ? [[0, bytes.length]]
        : [
            [0, half],
            [half, bytes.length],
        ];
    for (const [from, to] of chunks) {
        if (!url)
            return false;
        url = await next(await step('PATCH', url, bytes.subarray(from, to), `${from}-${to - 1}`), 202, `PATCH ${from}-${to - 1}`);
    }
    if (!url)
        return false;
    url.searchParams.set('digest', digest);
    const put = await step('PUT', url);
    await (0,registry_transport/* discard */.vf)(put);
    if (put.status !== 201) {
        notes.push(`chunked upload: the closing PUT answered HTTP ${put.status}`);
        return false;
    }
    return (await client.headBlob(repository, digest)) === bytes.length;
}
/**
 * DELETE of the first tag, then the second watched for DELETE_SETTLE_MS: a registry may remove
 * the whole manifest late. A DELETE answered 2xx that leaves the tag resolving is `no`.
 */
async function measureTagDelete(client, repository, tags, notes) {
    const status = await client.deleteManifest(repository, tags[0]).catch(statusOf);
    if (!ok(status)) {
        notes.push(`tag DELETE answered HTTP ${status}`);
        return 'no';
    }
    if (await client.headManifest(repository, tags[0])) {
        notes.push(`tag DELETE answered HTTP ${status}, yet the tag still resolves`);
        return 'no';
    }
    return (await (0,tag_deleter/* holdsThroughSettle */.Vg)(client, repository, tags[1])) ? 'safe' : 'destructive';
}
/** A registry's refusal as its status (a 401 for a login that may push but not delete); other errors are thrown. */
function statusOf(error) {
    if (error instanceof registry_errors/* RegistryError */.gl && error.status !== undefined)
        return error.status;
    throw error;
}
/**
 * A DELETE by digest of a manifest with a tag on it (a fresh dummy, its tag added to `written`,
 * when the tag DELETE took the first): both must go.
 */
async function measureDigestDelete(client, repository, tag, written, notes) {
    const onTag = tag ?? `${written[0]}-c`;
    if (!tag)
        written.push(onTag);
    const digest = tag ? (await client.headManifest(repository, tag))?.digest : await (0,dummy/* putDummy */.qR)(client, repository, [onTag]);
    if (!digest)
        return false;
    const status = await client.deleteManifest(repository, digest).catch(statusOf);
    // A 404 is a retry after a DELETE that worked but answered 500, as the tag deleter's probe reads it.
    if (!ok(status) && status !== 404) {
        notes.push(`DELETE by digest answered HTTP ${status}`);
        return false;
    }
    const [byTag, byDigest] = await Promise.all([client.headManifest(repository, onTag), client.headManifest(repository, digest)]);
    if (byTag || byDigest) {
        notes.push(`DELETE by digest answered HTTP ${status}, yet the manifest still resolves${byTag ? ` by its tag ${onTag}` : ''}`);
        return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/doctor/diagnose.ts








/** The repository doctor writes its probes to, under the namespace. */
const PROBE_REPOSITORY = 'cia-doctor';
/** Where a blob is mounted to, from the probe repository. */
const MOUNT_REPOSITORY = 'cia-doctor-mount';
const repositoryIn = (target, name) => (target.namespace ? `${target.namespace}/${name}` : name);
/** Everything doctor reports on one registry; a problem is one line in the report, never a throw. */
async function diagnose(run, target, credentials) {
    const declared = credentials.get(target.registry)?.type;
    const kind = (0,kinds/* registryKind */.IL)(target.registry, declared);
    const endpoint = await examineEndpoint(target.registry, declared, run.session.transport);
    const vendorCredential = (0,inputs_credentials/* vendorCredentialOf */.XG)(credentials, target.registry);
    const report = (facts, problem) => ({
        registry: target.name,
        reachable: endpoint.reachable,
        vendor: endpoint.vendor,
        auth: endpoint.auth,
        'tag-delete': facts.tagDelete,
        'digest-delete': facts.digestDelete,
        'referrers-api': facts.referrersApi,
        'blob-mount': facts.blobMount,
        'chunked-upload': facts.chunkedUpload,
        http2: endpoint.http2,
        promote: promoteWould(kind, hasVendorCredentials(kind, vendorCredential), facts),
        written: facts.writable,
        'left-behind': facts.leftBehind,
        ...(problem !== undefined && { problem }),
        notes: facts.notes,
    });
    if (!endpoint.reachable)
        return report(NOT_WRITTEN, endpoint.problem);
    const client = run.session.client(target.registry);
    let hasLogin;
    try {
        hasLogin = (await run.session.credentials.get(target.registry)) !== undefined;
    }
    catch (error) {
        // A credential helper that fails, or an auth file that does not parse: this registry's line, not the run's end.
        return report(NOT_WRITTEN, `reading the login for ${target.registry} failed: ${error.message}`);
    }
    if (endpoint.auth !== 'none') {
        const refused = await loginRefused(client, target, hasLogin);
        if (refused)
            return report(NOT_WRITTEN, refused);
    }
    const probe = client.ref(repositoryIn(target, PROBE_REPOSITORY));
    const mount = client.ref(repositoryIn(target, MOUNT_REPOSITORY));
    try {
        return report(await probeWrites(client, probe, mount, run.deleter));
    }
    catch (error) {
        const status = error instanceof registry_errors/* RegistryError */.gl ? error.status : undefined;
        const where = `${target.registry}/${target.namespace || '(top level)'}`;
        // A namespace that does not exist is refused as one the login may not write (Gitea: 404).
        const why = status === 401 || status === 403 || status === 404 ? `may not write to ${where}` : `writing a probe manifest to ${where} failed`;
        return report(NOT_WRITTEN, `${why}: ${error.message}`);
    }
}
/** The login checked alone, at the API root: a wrong password is told apart from a namespace closed to it. */
async function loginRefused(client, target, hasLogin) {
    const advice = hasLogin
        ? `check registry-credentials["${target.registry}"] (or the docker/podman login it came from)`
        : `give one in registry-credentials["${target.registry}"]`;
    try {
        const response = await client.request([], () => ({ method: 'GET', url: client.url('/v2/') }));
        await (0,registry_transport/* discard */.vf)(response);
        if (response.status !== 401)
            return undefined;
        return `${target.registry} ${hasLogin ? 'refused the login' : 'asks for a login and none was given'} (GET /v2/: HTTP 401): ${advice}`;
    }
    catch (error) {
        return `${target.registry} ${hasLogin ? 'refused the login' : 'gave no token without a login'}: ${error.message}; ${advice}`;
    }
}
/**
 * Whether the credentials entry opens the vendor's API. The cloud vendors find theirs in the
 * environment too, which doctor cannot see: only an `api_token` is sure there.
 */
function hasVendorCredentials(kind, credential) {
    if (vendors/* VENDOR_DELETES */.c[kind]?.ambient)
        return Boolean(credential?.apiToken);
    return Boolean(credential?.apiToken || credential?.password);
}

// EXTERNAL MODULE: ./src/commands/run-session.ts + 3 modules
var run_session = __webpack_require__(6315);
;// CONCATENATED MODULE: ./src/commands/doctor.ts




/**
 * `doctor`: what each registry supports and what promote would do there (docs/doctor.md). Every
 * registry is examined side by side; one that cannot be is one line in the report, and the run
 * fails only when none could be.
 */
async function doctor(context) {
    const { env, logger } = context;
    const inputs = readDoctorInputs(context.read, env, (0,report/* reportTo */.E)(logger));
    const run = (0,run_session/* openRunSession */.I)({
        credentials: inputs.credentials,
        registries: inputs.targets.map((t) => t.registry),
        env,
        exec: context.exec,
        logger,
        transport: inputs.transport,
    });
    let reports;
    try {
        reports = await Promise.all(inputs.targets.map((target) => diagnose(run, target, inputs.credentials)));
    }
    finally {
        run.close();
    }
    for (const report of reports) {
        if (report.problem)
            logger.warning(`${report.registry}: ${report.problem}`);
        for (const note of report.notes)
            logger.info(`${report.registry}: ${note}`);
        if (report['left-behind'].length > 0)
            logger.warning(`${report.registry}: doctor could not remove what it wrote: ${report['left-behind'].join(', ')}`);
    }
    const summary = { ...reportTable(reports), inLog: true };
    const probed = reports.filter((r) => r.reachable);
    return {
        outputs: { registries: JSON.stringify(reports) },
        summary,
        ...(probed.length === 0 && {
            failure: `no registry could be examined: ${reports.map((r) => `${r.registry}: ${r.problem}`).join('; ')}`,
        }),
    };
}
const yesNo = (value) => (value ? 'yes' : 'no');
function reportTable(reports) {
    return {
        title: 'Registries',
        headers: [
            'registry',
            'reachable',
            'vendor',
            'auth',
            'tag delete',
            'digest delete',
            'referrers API',
            'blob mount',
            'chunked upload',
            'HTTP/2',
            'promote removes a temporary tag by',
        ],
        rows: reports.map((r) => {
            const measured = (value) => (r.written ? value : '?');
            return [
                r.registry,
                yesNo(r.reachable),
                r.vendor,
                r.auth,
                measured(r['tag-delete']),
                measured(yesNo(r['digest-delete'])),
                measured(yesNo(r['referrers-api'])),
                measured(yesNo(r['blob-mount'])),
                measured(yesNo(r['chunked-upload'])),
                yesNo(r.http2),
                r.written ? r.promote : '?',
            ];
        }),
    };
}


/***/ }),

/***/ 5457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readInputFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);


/** Input files are lists and certificates: anything larger is a mistake, not a configuration. */
const MAX_INPUT_FILE_BYTES = 16 * 1024 * 1024;
/** Reads a file an input names; every failure names the input and the file as the user wrote it. */
function readInputFile(path, input, shown) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
        if (stat.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${input}: "${shown}" is a directory, not a file`);
        if (stat.size > MAX_INPUT_FILE_BYTES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${input}: "${shown}" is ${stat.size} bytes, over the ${MAX_INPUT_FILE_BYTES}-byte limit`);
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x)
            throw error;
        const code = error.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${input}: cannot read "${shown}": ${code === 'ENOENT' ? 'no such file' : error.message}`, {
            cause: error,
        });
    }
}


/***/ }),

/***/ 5046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ reportTo)
/* harmony export */ });
const reportTo = (logger) => ({
    secret: (value) => logger.mask(value),
    notice: (message) => logger.info(message),
});


/***/ }),

/***/ 991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RZ: () => (/* binding */ readCaFile),
/* harmony export */   qU: () => (/* binding */ readTransportOptions),
/* harmony export */   wF: () => (/* binding */ readInsecureRegistries)
/* harmony export */ });
/* unused harmony exports MAX_CONCURRENCY, readMaxConcurrency */
/* harmony import */ var _input_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5457);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9310);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7827);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9714);





/** How registries are reached: plain HTTP exceptions and private CAs. */
/** `insecure-registries`: host[:port] each, comma or newline separated. */
function readInsecureRegistries(read) {
    const insecureRegistries = read(_table_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.InsecureRegistries)
        .split(/[\s,]+/)
        .filter(Boolean);
    for (const registry of insecureRegistries) {
        if (!(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidRegistry */ .gW)(registry))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`insecure-registries: "${registry}" is not a registry host[:port]`);
    }
    return insecureRegistries;
}
function readTransportOptions(read, workDir) {
    const insecureRegistries = readInsecureRegistries(read);
    return { insecureRegistries, ca: readCaFile(read, workDir), maxInFlight: readMaxConcurrency(read) };
}
/** Above this, the connections of one registry (64 per host) would be the cap instead. */
const MAX_CONCURRENCY = 64;
/** `max-concurrency`: a whole number of requests in flight per registry, or empty for the default. */
function readMaxConcurrency(read) {
    const text = read(_table_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.MaxConcurrency).trim();
    if (!text)
        return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`max-concurrency: "${text}" is not a whole number from 1 to ${MAX_CONCURRENCY}`);
    return value;
}
/** `ca-file`: PEM certificates, read and checked. */
function readCaFile(read, workDir) {
    const caFile = read(_table_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.CaFile);
    if (!caFile)
        return undefined;
    const ca = (0,_input_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readInputFile */ .j)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workDir, caFile), 'ca-file', caFile);
    if (!ca.includes('-----BEGIN CERTIFICATE-----'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`ca-file: "${caFile}" holds no PEM certificate`);
    return ca;
}


/***/ }),

/***/ 1291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ readWorkDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7827);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9714);




function readWorkDir(read, env) {
    const value = read(_table_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.WorkDir) || env.GITHUB_WORKSPACE || process.cwd();
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.GITHUB_WORKSPACE || process.cwd(), value);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir).isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(`work-dir: "${value}" is not a directory`);
    return dir;
}


/***/ })

};
