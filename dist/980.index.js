export const id = 980;
export const ids = [980];
export const modules = {

/***/ 7883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ readPromoteMethod),
/* harmony export */   J8: () => (/* binding */ readUploadInputs),
/* harmony export */   QB: () => (/* binding */ readIntermediate)
/* harmony export */ });
/* unused harmony export PROMOTE_METHODS */
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9310);
/* harmony import */ var _booleans_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6609);
/* harmony import */ var _engine_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9045);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7827);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4389);
/* harmony import */ var _registry_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3161);






const PROMOTE_METHODS = ['tag', 'intermediate-registry'];
function readPromoteMethod(read) {
    const method = read(_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.PromoteMethod) || 'tag';
    if (!PROMOTE_METHODS.includes(method)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`promote-method: "${method}" is not a method; one of ${PROMOTE_METHODS.join(', ')}`);
    }
    return method;
}
function readIntermediate(read, method, needed) {
    const value = read(_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.IntermediateRegistry);
    if (!value) {
        if (method === 'intermediate-registry' && needed)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x('intermediate-registry: required with promote-method: intermediate-registry');
        return undefined;
    }
    const [registry, ...rest] = value.replace(/\/+$/, '').split('/');
    const namespace = rest.join('/') || undefined;
    if (!(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidRegistry */ .gW)(registry) || (namespace !== undefined && !(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidPath */ .o4)(namespace))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`intermediate-registry: "${value}" is not host[:port][/namespace]`);
    }
    return { registry, namespace };
}
/** Reuse in a release merge is opt-in: without it a missing platform would ship the last release's child. */
function readMergeReuseMissing(read, merge) {
    const reuse = (0,_booleans_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .y)(read(_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.MergeReuseMissing), _inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.MergeReuseMissing, false);
    if (reuse && !merge)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`${_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.MergeReuseMissing}: only with ${_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Merge}: true (it says what a merge may reuse)`);
    return reuse;
}
function readMerge(read, platform) {
    const merge = (0,_booleans_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .y)(read(_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Merge), _inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Merge, false);
    if (merge && platform)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x(`${_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Merge}: a merge job builds nothing: give it no platform (${platform})`);
    return merge;
}
function readUploadInputs(read, env, report) {
    const promote = (0,_booleans_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .y)(read(_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Promote), _inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Promote, true);
    const promoteMethod = readPromoteMethod(read);
    const engine = (0,_engine_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readEngineInputs */ .Iu)(read, env, report, {
        upload_container_image_promote: { input: _inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Promote, value: String(promote) },
        promote_container_image_method: { input: _inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.PromoteMethod, value: promoteMethod },
    });
    const merge = readMerge(read, engine.platform);
    return {
        ...engine,
        promote,
        promoteMethod,
        intermediate: readIntermediate(read, promoteMethod, promote),
        allowUntrusted: (0,_booleans_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .y)(read(_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.AllowUntrustedBuilds), _inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.AllowUntrustedBuilds, false),
        merge,
        mergeReuseMissing: readMergeReuseMissing(read, merge),
        transport: (0,_registry_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .readTransportOptions */ .qU)(read, engine.workDir),
    };
}


/***/ }),

/***/ 3689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MP: () => (/* binding */ readImageConfig),
/* harmony export */   TH: () => (/* binding */ WrongPlatformError),
/* harmony export */   tR: () => (/* binding */ readPlatformImage),
/* harmony export */   zH: () => (/* binding */ imageConfigOf)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5035);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(506);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9867);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1521);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(670);





const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/**
 * The config of an image (for an index, of its linux/amd64 image, else its first): labels and
 * creation time, which say which change built it and how old it is.
 */
async function readImageConfig(client, repository, reference) {
    return imageConfigOf(client, repository, await client.getManifest(repository, reference), reference);
}
/** readImageConfig for a manifest already read (its bytes are not fetched again). */
async function imageConfigOf(client, repository, top, reference = top.digest) {
    let manifest = top;
    if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndex */ .nw)(manifest.mediaType, manifest.bytes)) {
        const children = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(manifest.bytes, 'index').manifests.filter((m) => m.platform?.architecture !== 'unknown');
        const child = children.find((m) => (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .platformMatches */ .J5)('linux/amd64', m.platform)) ?? children[0];
        if (!child)
            return { labels: {} };
        manifest = await client.getManifest(repository, child.digest);
    }
    const { config } = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(manifest.bytes, 'manifest');
    const parsed = await readConfigBlob(client, repository, config, `config of ${repository}:${reference}`);
    return { created: parsed.created, labels: parsed.config?.Labels ?? {} };
}
/** A manifest does not hold an image of the platform it was asked for: what it holds instead. */
class WrongPlatformError extends Error {
    constructor(message) {
        super(message);
        this.name = 'WrongPlatformError';
    }
}
/**
 * The image of `platform` in a manifest already read (`label` names where it came from), as an
 * index names it: media type, size and digest of the image manifest's own bytes, platform from its
 * config, never from what an index or a HEAD claims. An index (a tag holding a multi-platform image,
 * or buildx's list with attestations) gives its one entry for the platform, read by digest; none or
 * several such entries, an index within an index, an artifact, or a config of another platform
 * throw a WrongPlatformError.
 */
async function readPlatformImage(client, repository, manifest, label, platform) {
    let image = manifest;
    let where = label;
    if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndex */ .nw)(manifest.mediaType, manifest.bytes)) {
        const entry = indexEntryFor(manifest, label, platform);
        image = await client.getManifest(repository, entry.digest);
        where = `${label} (its ${platform} entry ${entry.digest})`;
        if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndex */ .nw)(image.mediaType, image.bytes))
            throw new WrongPlatformError(`${where} is an index inside an index, not an image`);
    }
    const body = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(image.bytes, `manifest ${where}`);
    const mediaType = body.mediaType ?? image.mediaType;
    if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestType */ .Q3)(mediaType))
        throw new WrongPlatformError(`${where} is a ${mediaType || 'manifest of no media type'}, not an image manifest`);
    if (!body.config || !(0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isImageConfigType */ .Ky)(body.config.mediaType))
        throw new WrongPlatformError(`${where} is not a container image (its config is ${body.config?.mediaType ?? 'missing'})`);
    const config = await readConfigBlob(client, repository, body.config, `config of ${where}`);
    const found = configPlatform(config);
    if (!(0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .platformMatches */ .J5)(platform, found))
        throw new WrongPlatformError(`${where} holds a ${(0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .platformString */ .Fd)(found) ?? 'platform-less'} image, not ${platform}`);
    return { mediaType, digest: image.digest, size: image.bytes.length, platform: found };
}
/** The one entry of an index for a platform (BuildKit's attestation entries are `unknown/unknown`). */
function indexEntryFor(index, label, platform) {
    const entries = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(index.bytes, `index ${label}`).manifests;
    const matching = entries.filter((m) => (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .platformMatches */ .J5)(platform, m.platform));
    if (matching.length === 1)
        return matching[0];
    const held = entries.map((m) => (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .platformString */ .Fd)(m.platform) ?? 'no platform').join(', ');
    throw new WrongPlatformError(matching.length === 0
        ? `${label} is an index with no ${platform} image (it holds ${held || 'nothing'})`
        : `${label} is an index with ${matching.length} ${platform} images (${held}): which one is meant is not known`);
}
function configPlatform(config) {
    const { os, architecture, variant } = config;
    if (typeof os !== 'string' || typeof architecture !== 'string')
        return undefined;
    const osVersion = config['os.version'];
    return { os, architecture, ...(variant && { variant }), ...(osVersion && { 'os.version': osVersion }) };
}
/** A config blob, at most MAX_CONFIG_BYTES, checked against its digest and parsed. */
async function readConfigBlob(client, repository, config, what) {
    if (config.size > MAX_CONFIG_BYTES)
        throw new Error(`${what}: ${config.size} bytes is over the ${MAX_CONFIG_BYTES}-byte limit of a config`);
    // The blob and its body are read whole again on a transient failure (a reset mid-body too).
    const read = async () => (0,_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .readBody */ .x8)(await client.getBlob(repository, config.digest), MAX_CONFIG_BYTES);
    const bytes = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .bD)(`config ${config.digest}`, read, client.retry, client.logger);
    (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyBytes */ .RV)(config.digest, bytes, what);
    return (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(bytes, 'image config');
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
/* harmony import */ var _vendors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(875);
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
const ok = (status) => status === 200 || status === 202 || status === 204;
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
        const credential = this.#options.vendorCredential?.(ref.registry);
        const kind = (0,_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .registryKind */ .I)(ref.registry, credential?.type);
        const byVendor = credential && !this.#destructive.has(ref.registry) ? await this.#vendorDelete(ref, tag, kind, credential, guard) : undefined;
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
            });
            if (!(await this.#gone(ref, tag)))
                return result('left-behind', vendor.name, `the ${vendor.name} answered ${outcome} but ${tag} still resolves`);
            return result(outcome, vendor.name, await this.#guardNowAndLater(ref, guard));
        }
        catch (error) {
            if (!(error instanceof _vendor_http_js__WEBPACK_IMPORTED_MODULE_5__/* .VendorNotConfigured */ .k$))
                throw error;
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
        let digestDelete = false;
        try {
            if (testTagDelete) {
                const status = await client.deleteManifest(ref.repository, first);
                if (ok(status))
                    tagDelete = (await this.#holds(ref, second)) ? 'safe' : 'destructive';
            }
            // Other processes working in the repository make distribution answer 500 now and then: the
            // client retries, so a passing 500 is not taken for "deletes refused" (which would leave the probe).
            const status = await client.deleteManifest(ref.repository, digest);
            // A 404 is a retry after a DELETE that worked but answered 500 (distribution does that under
            // concurrent deletes) only if the dummy's last probe tag is gone too; else deletes are refused.
            const gone = status === 404 && !(await client.headManifest(ref.repository, tags[tags.length - 1]));
            digestDelete = ok(status) || gone;
            if (!digestDelete)
                this.#session.logger.warning(`${ref.registry} refuses manifest deletes (HTTP ${status}): real tags stay untouched`);
        }
        catch (error) {
            // A credential that may push but not delete: the probe tags stay, for a later run to sweep.
            for (const t of tags)
                this.leftoverProbes.push(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref, t)}`);
            throw error;
        }
        if (tagDelete === 'destructive')
            this.#destructive.add(ref.registry);
        if (!digestDelete) {
            for (const t of tagDelete === 'no' ? tags : [tags[tags.length - 1]])
                this.leftoverProbes.push(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .refName */ .P7)(ref, t)}`);
        }
        this.#session.logger.debug(`${ref.registry}: tag DELETE ${tagDelete}, DELETE by digest ${digestDelete ? 'works' : 'refused'}`);
        return { tagDelete, digestDelete };
    }
    /**
     * Whether a tag still resolves DELETE_SETTLE_MS after a tag DELETE of its sibling: a registry
     * that deletes the manifest late (202, then the manifest gone within two seconds) shows it here.
     */
    async #holds(ref, tag) {
        const client = this.#session.client(ref.registry);
        const until = Date.now() + DELETE_SETTLE_MS;
        for (;;) {
            if (!(await client.headManifest(ref.repository, tag)))
                return false;
            const wait = Math.min(SETTLE_POLL_MS, until - Date.now());
            if (wait <= 0)
                return true;
            await new Promise((resolve) => setTimeout(resolve, wait));
        }
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


/** JSON calls to a vendor's REST API (Hub, Quay, GitHub, Harbor, GitLab). */
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
/** The vendor API cannot be used without credentials we do not have: try the next strategy. */
class VendorNotConfigured extends Error {
    constructor(what) {
        super(`${what} needs credentials for its API`);
        this.name = 'VendorNotConfigured';
    }
}
function requireSecret(value, what) {
    if (!value)
        throw new VendorNotConfigured(what);
    return value;
}


/***/ }),

/***/ 875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ VENDOR_DELETES),
/* harmony export */   o: () => (/* binding */ splitNamespace)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6764);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9310);
/* harmony import */ var _dummy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6384);
/* harmony import */ var _vendor_http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7241);




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
    const username = (0,_vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .requireSecret */ .ew)(credential.username, 'Docker Hub tag deletion');
    const password = (0,_vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .requireSecret */ .ew)(credential.apiToken ?? credential.password, 'Docker Hub tag deletion');
    const login = await new _vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .VendorHttp */ .B1(transport, base, {}).json('POST', '/v2/users/login/', { username, password });
    const token = login.data?.token;
    if (login.status !== 200 || !token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl('POST', `${base}/v2/users/login/`, login.status, [], 'Docker Hub login gave no token');
    mask(token);
    const { namespace, name } = splitNamespace(repository);
    return new _vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .VendorHttp */ .B1(transport, base, { authorization: `JWT ${token}` }).delete(`/v2/repositories/${namespace}/${name}/tags/${encodeURIComponent(tag)}/`);
};
/** Quay: DELETE /api/v1/repository/<ns>/<repo>/tag/<tag> with an application token. */
const quay = async ({ registry, repository, tag, credential, transport }) => {
    const base = credential.apiUrl ?? `https://${registry}`;
    const token = (0,_vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .requireSecret */ .ew)(credential.apiToken, 'Quay tag deletion (api_token)');
    return new _vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .VendorHttp */ .B1(transport, base, { authorization: `Bearer ${token}` }).delete(`/api/v1/repository/${repository}/tag/${encodeURIComponent(tag)}`);
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
    const token = (0,_vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .requireSecret */ .ew)(credential.apiToken ?? credential.password, 'GHCR tag deletion');
    const api = new _vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .VendorHttp */ .B1(transport, base, { authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' });
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
    const dummyDigest = await (0,_dummy_js__WEBPACK_IMPORTED_MODULE_2__/* .putDummy */ .qR)(client, repository, [tag]);
    const dummy = (await versions()).find((v) => v.name === dummyDigest);
    if (!dummy)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl('GET', `${base}/${scope}/packages/container/${pkg}/versions`, 200, [], `the dummy ${dummyDigest} now on ${tag} is not listed as a package version; ${tag} is left on it`);
    return api.delete(`/${scope}/packages/container/${pkg}/versions/${dummy.id}`);
};
/** Harbor: DELETE .../artifacts/<tag>/tags/<tag>; nested repository names are encoded twice. */
const harbor = async ({ registry, repository, tag, credential, transport }) => {
    const base = credential.apiUrl ?? `https://${registry}`;
    const username = (0,_vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .requireSecret */ .ew)(credential.username, 'Harbor tag deletion');
    const password = (0,_vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .requireSecret */ .ew)(credential.password, 'Harbor tag deletion');
    const api = new _vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .VendorHttp */ .B1(transport, base, { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` });
    const { namespace: project, name } = splitNamespace(repository);
    const repo = encodeURIComponent(encodeURIComponent(name));
    const ref = encodeURIComponent(tag);
    return api.delete(`/api/v2.0/projects/${encodeURIComponent(project)}/repositories/${repo}/artifacts/${ref}/tags/${ref}`);
};
/** GitLab: find the project and its registry repository, then DELETE the tag by ids. */
const gitlab = async ({ registry, repository, tag, credential, transport }) => {
    const base = credential.apiUrl ?? `https://${(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .hostOf */ .w4)(registry).replace(/^registry\./, '')}`;
    const token = (0,_vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .requireSecret */ .ew)(credential.apiToken ?? credential.password, 'GitLab tag deletion');
    const api = new _vendor_http_js__WEBPACK_IMPORTED_MODULE_3__/* .VendorHttp */ .B1(transport, base, { authorization: `Bearer ${token}` });
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
const VENDOR_DELETES = {
    docker: { name: 'docker-hub-api', run: dockerHub },
    quay: { name: 'quay-api', run: quay },
    ghcr: { name: 'ghcr-packages-api', run: ghcr },
    harbor: { name: 'harbor-api', run: harbor },
    gitlab: { name: 'gitlab-api', run: gitlab },
};


/***/ })

};
