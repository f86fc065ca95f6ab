export const id = 998;
export const ids = [998];
export const modules = {

/***/ 1609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7827);

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** A boolean input as the runner's YAML 1.2 core schema spells it; empty means the default. */
function parseBoolean(value, name, fallback) {
    if (value === '')
        return fallback;
    if (TRUE.includes(value))
        return true;
    if (FALSE.includes(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`${name}: "${value}" is not a boolean (true or false)`);
}


/***/ }),

/***/ 746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ readReferrerInputs)
/* harmony export */ });
/* harmony import */ var _booleans_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1609);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9714);



/** `type/subtype[+suffix]`, as artifact types are written. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
function readReferrerInputs(read) {
    const enabled = (0,_booleans_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .y)(read(_table_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Referrers), _table_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Referrers, true);
    const types = read(_table_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReferrerTypes)
        .split(/[\s,]+/)
        .filter(Boolean);
    for (const type of types) {
        if (!MEDIA_TYPE.test(type))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${_table_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReferrerTypes}: "${type}" is not an artifact (media) type, e.g. application/spdx+json`);
    }
    if (!enabled && types.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${_table_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReferrerTypes}: only goes with referrers: true`);
    return { enabled, types };
}


/***/ }),

/***/ 9190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ copyImage)
/* harmony export */ });
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5035);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9310);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(506);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8386);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1521);







/** Blobs this small are uploaded without a HEAD first: a HEAD costs as much as the upload saves. */
const SMALL_BLOB = 1024 * 1024;
/**
 * Copies one image (an index with its children, or one manifest) and puts its tags: resolve the
 * source to a digest once; skip everything when every tag already has it; per blob HEAD, mount,
 * else stream; children before the index; tags last; then check every tag resolves to the digest.
 */
function copyImage(session, from, to, options) {
    return new ImageCopy(session, from, to, options).run();
}
/** One copy in progress: its two registries, its options and what it moved so far. */
class ImageCopy {
    session;
    from;
    to;
    options;
    #src;
    #dst;
    #label;
    stats = { blobsCopied: 0, blobsMounted: 0, blobsSkipped: 0, bytesMoved: 0, manifestsPut: 0 };
    constructor(session, from, to, options) {
        this.session = session;
        this.from = from;
        this.to = to;
        this.options = options;
        this.#src = session.client(from.registry);
        this.#dst = session.client(to.registry);
        this.#label = `${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .refName */ .P7)(from, options.source)}`;
    }
    #retry(what, step) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .withRetry */ .bD)(what, step, this.session.retry, this.session.logger);
    }
    async run() {
        const { options, to } = this;
        const sourceDigest = await this.#resolveSource();
        const subset = options.platforms && options.platforms.length > 0;
        if (!subset && !options.knownChanged && options.tags.length > 0) {
            const current = await Promise.all(options.tags.map((tag) => this.#dst.headManifest(to.repository, tag)));
            if (current.every((head) => head?.digest === sourceDigest)) {
                return { ...this.stats, digest: sourceDigest, mediaType: current[0]?.mediaType ?? '', status: 'unchanged' };
            }
        }
        const root = await this.#src.getManifest(this.from.repository, sourceDigest);
        const top = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .isIndex */ .nw)(root.mediaType, root.bytes) ? await this.#copyIndex(root) : root;
        if (!(0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .isIndex */ .nw)(root.mediaType, root.bytes))
            await this.#copyBlobs((0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJson */ .qF)(root.bytes, `manifest ${this.#label}`));
        const { digest, subject } = await this.#putTop(top);
        return { ...this.stats, digest, mediaType: top.mediaType, status: 'copied', ...(subject && { subject }) };
    }
    /** A sha256 pin is the canonical digest; another algorithm's pin is checked against the bytes first. */
    async #resolveSource() {
        const { source } = this.options;
        if (source.startsWith('sha256:'))
            return source;
        const digest = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isDigest */ .Bc)(source)
            ? (await this.#src.getManifest(this.from.repository, source)).digest
            : (await this.#src.headManifest(this.from.repository, source))?.digest;
        if (!digest)
            throw new Error(`${this.#label} not found`);
        return digest;
    }
    /** The children (a platform subset of them, in a new smaller index) go in before the index. */
    async #copyIndex(root) {
        const { manifest, children } = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .subsetIndex */ .XF)(root, this.options.platforms ?? [], this.#label);
        await Promise.all(children.map((child) => this.#copyManifestTree(child)));
        return manifest;
    }
    /**
     * The top manifest goes in by its first tag (one request less than by digest, then by tag):
     * everything it references is in place by now, so the tag never names an incomplete image.
     * Tags the registry did not confirm with Docker-Content-Digest are checked with a HEAD.
     */
    async #putTop(top) {
        const { to, options } = this;
        const references = options.tags.length > 0 ? options.tags : [top.digest];
        let digest = top.digest;
        let subject;
        const unconfirmed = [];
        for (const reference of references) {
            const put = await this.#dst.putManifestConfirmed(to.repository, reference, top);
            digest = put.digest;
            subject ??= put.subject;
            if (!put.confirmed)
                unconfirmed.push(reference);
            this.stats.manifestsPut++;
        }
        await (0,_verify_js__WEBPACK_IMPORTED_MODULE_5__/* .verifyTags */ .v)(this.#dst, to.repository, unconfirmed, digest, 'after the copy');
        return { digest, subject };
    }
    async #copyManifestTree(descriptor) {
        const { from, to } = this;
        const child = await this.#src.getManifest(from.repository, descriptor.digest);
        if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .isIndex */ .nw)(child.mediaType, child.bytes)) {
            await Promise.all((0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJson */ .qF)(child.bytes, 'index').manifests.map((m) => this.#copyManifestTree(m)));
        }
        else {
            await this.#copyBlobs((0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJson */ .qF)(child.bytes, `manifest ${descriptor.digest}`));
        }
        // Children go in by digest, before the index that names them.
        await this.#dst.putManifest(to.repository, child.digest, child);
        this.stats.manifestsPut++;
    }
    async #copyBlobs(manifest) {
        await Promise.all((0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .blobsOf */ .OR)(manifest).map((blob) => this.#ensureBlob(blob)));
    }
    async #ensureBlob(blob) {
        const { session, from, to } = this;
        if (session.hasBlob(to.registry, blob.digest, to.repository)) {
            this.stats.blobsSkipped++;
            return;
        }
        const mountable = session.holderOf(to.registry, blob.digest) !== undefined || from.registry === to.registry;
        if (blob.size > SMALL_BLOB || mountable) {
            if ((await this.#dst.headBlob(to.repository, blob.digest)) !== undefined) {
                this.stats.blobsSkipped++;
                session.recordBlob(to.registry, blob.digest, to.repository);
                return;
            }
        }
        // One transfer per destination registry and blob at a time: an image sharing a layer with
        // one being copied waits for it, then mounts it.
        const transfer = () => this.#retry(`copy blob ${blob.digest}`, () => this.#transfer(blob));
        await session.uploads.run(`${to.registry}@${blob.digest}`, transfer);
        if (!session.hasBlob(to.registry, blob.digest, to.repository))
            await transfer();
    }
    /** Mount from a repository of the same registry when one holds the blob, else stream it. */
    async #transfer(blob) {
        const { session, from, to } = this;
        const mountFrom = session.holderOf(to.registry, blob.digest) ?? (from.registry === to.registry ? from.repository : undefined);
        if (mountFrom !== undefined && mountFrom !== to.repository && (await this.#dst.mountBlob(to.repository, blob.digest, mountFrom))) {
            this.stats.blobsMounted++;
        }
        else {
            await this.#stream(blob);
        }
        session.recordBlob(to.registry, blob.digest, to.repository);
    }
    async #stream(blob) {
        let sent = 0;
        let piping = Promise.resolve();
        let counter;
        const onBytes = this.options.onBytes;
        // The source download starts only once the destination opened its upload session.
        const open = async () => {
            const response = await this.#src.getBlob(this.from.repository, blob.digest);
            const verify = new _digest_js__WEBPACK_IMPORTED_MODULE_2__/* .VerifyingStream */ .SC(blob.digest, blob.size, `blob ${blob.digest} of ${this.#label}`);
            // Counting in a transform (not a 'data' listener) keeps the stream paused until the upload reads it.
            counter = new node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform({
                transform(chunk, _encoding, callback) {
                    sent += chunk.length;
                    onBytes?.(chunk.length);
                    callback(null, chunk);
                },
            });
            piping = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_0__.pipeline)(response.body, verify, counter);
            // Awaited below, after the upload; this keeps an early failure from going unhandled meanwhile.
            piping.catch(() => undefined);
            return counter;
        };
        let uploadError;
        try {
            await this.#dst.uploadBlob(this.to.repository, blob.digest, blob.size, open);
        }
        catch (error) {
            uploadError = error;
            // A refused upload must not leave the download hanging until its idle timeout.
            counter?.destroy(error);
        }
        // The source's own failure (a digest mismatch) says more than the PUT it aborted: it goes first.
        await piping;
        if (uploadError !== undefined)
            throw uploadError;
        this.stats.blobsCopied++;
        this.stats.bytesMoved += sent;
    }
}


/***/ }),

/***/ 9191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TT: () => (/* binding */ REFERRER_TAG),
/* harmony export */   tK: () => (/* binding */ ReferrerMirror)
/* harmony export */ });
/* unused harmony exports MAX_REFERRER_DEPTH, fallbackTag, artifactTypeOf */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8605);
/* harmony import */ var _copy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9190);
/* harmony import */ var _limiter_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2387);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(506);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9867);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9310);






/**
 * Tags that hold an image's supply-chain artifacts rather than an image: the OCI 1.1 fallback
 * index (`sha256-<hex>`) and cosign's signature, attestation and SBOM tags. (docs/registries.md,
 * "Referrers: signatures, SBOMs and attestations")
 */
const REFERRER_TAG = /^sha256-[a-f0-9]{64}(?:\.(?:sig|att|sbom))?$/;
const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'];
/**
 * Referrers of referrers are followed this deep (a signature on an SBOM is 2; real chains stop
 * at 3 or 4); deeper ones are reported as not copied, with a warning.
 */
const MAX_REFERRER_DEPTH = 16;
const IMAGE_CONFIGS = new Set([_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OciConfig, _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.DockerConfig, 'application/vnd.oci.empty.v1+json']);
const fallbackTag = (digest) => `sha256-${digest.slice(digest.indexOf(':') + 1)}`;
/**
 * Copies the referrers of images between repositories: found through the source's referrers API
 * where it has one, else its fallback index tag, plus cosign's tags; each copied by digest (bytes
 * unchanged), referrers of referrers too; on a destination without the API, the fallback index is
 * written, merged with the entries already there; likewise on one with the API that did not
 * index a pushed referrer (no `OCI-Subject`). Unchanged ones cost a HEAD each; the referrers of
 * a subject, and the subjects of a level, are handled with the run's concurrency.
 */
class ReferrerMirror {
    session;
    options;
    #tags = new Map();
    /** Per registry: whether it has the referrers API, learnt from its first referrers request (one at a time). */
    #api = new Map();
    #done = new Map();
    #lists = new Map();
    /** Registries with the referrers API that answered a referrer's PUT without `OCI-Subject`. */
    #unindexing = new Set();
    constructor(session, options) {
        this.session = session;
        this.options = options;
    }
    /**
     * The referrers of an image and, for an index, of each child. `subset`: the destination holds a
     * new, smaller index, which has no referrers of its own.
     */
    copyFor(from, to, digest, subset = false) {
        const key = `${(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .refName */ .P7)(from)}|${(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .refName */ .P7)(to)}|${digest}|${subset}`;
        let done = this.#done.get(key);
        if (!done) {
            done = this.#copyFor(from, to, digest, subset);
            this.#done.set(key, done);
        }
        return done;
    }
    async #copyFor(from, to, digest, subset) {
        const subjects = subset ? [] : [digest];
        if (await this.#mayReferToChildren(from, digest)) {
            const top = await this.session.client(from.registry).getManifest(from.repository, digest);
            // A loop, not a spread: an index of many thousand children would overflow the arguments.
            if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndex */ .nw)(top.mediaType, top.bytes))
                for (const child of (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(top.bytes, 'index').manifests)
                    subjects.push(child.digest);
        }
        const results = [];
        const seen = new Set(subjects);
        let level = subjects;
        for (let depth = 0; depth < MAX_REFERRER_DEPTH && level.length > 0; depth++) {
            const next = [];
            for (const copies of await this.#parallel(from, level, (subject) => this.#copySubject(from, to, subject))) {
                for (const copy of copies) {
                    results.push(copy);
                    if (!seen.has(copy.digest))
                        next.push(copy.digest);
                    seen.add(copy.digest);
                }
            }
            level = next;
        }
        for (const left of await this.#beyondDepth(from, level))
            results.push(left);
        return results;
    }
    /** `task` for each item, as many at once as the run has requests in flight per registry. */
    #parallel(ref, items, task) {
        return (0,_limiter_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimited */ .bB)(items, this.session.limiter(ref.registry).max, task);
    }
    /**
     * The referrers of the deepest copied level, which the depth bound leaves behind: listed as
     * `skipped` and warned about (their own referrers are not looked for).
     */
    async #beyondDepth(from, subjects) {
        const left = [];
        for (const found of await this.#parallel(from, subjects, (subject) => this.#findWanted(from, subject))) {
            for (const { subject, referrer } of found) {
                const { digest, via, tag, artifactType } = referrer;
                left.push({ subject, digest, artifactType: artifactType ?? '', via, ...(tag && { tag }), status: 'skipped' });
            }
        }
        if (left.length > 0)
            this.session.logger.warning(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .refName */ .P7)(from)}: referrer chains are followed ${MAX_REFERRER_DEPTH} levels deep; ${left.length} referrer(s) deeper ` +
                `were not copied, nor anything referring to them: ${left.map((l) => `${l.digest} (referring to ${l.subject})`).join(', ')}`);
        return left;
    }
    /** The referrers of `subject` that `referrer-types` admits. */
    async #findWanted(from, subject) {
        const { found } = await this.#find(from, subject);
        const wanted = await this.#parallel(from, found, (referrer) => this.#wanted(from, referrer));
        return found.filter((_, i) => wanted[i]).map((referrer) => ({ subject, referrer }));
    }
    /**
     * The referrers the API lists for `subject`, or undefined on a registry without it. The first
     * request to a registry settles whether it has one; the others wait for that answer rather than
     * each asking a registry without the API.
     */
    #listed(ref, subject) {
        const key = `${(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .refName */ .P7)(ref)}@${subject}`;
        let listed = this.#lists.get(key);
        if (!listed) {
            listed = this.#list(ref, subject);
            this.#lists.set(key, listed);
        }
        return listed;
    }
    async #list(ref, subject) {
        const client = this.session.client(ref.registry);
        // One type asked for: the registry filters (artifactType=); several: filtered here.
        const [only] = this.options.types.length === 1 ? this.options.types : [];
        const known = this.#api.get(ref.registry);
        if (known === undefined) {
            const first = client.getReferrers(ref.repository, subject, only);
            this.#api.set(ref.registry, first.then((listed) => listed !== undefined, () => true));
            return first;
        }
        return (await known) ? client.getReferrers(ref.repository, subject, only) : undefined;
    }
    /** Children can only have referrers the source can tell of: its API, or referrer tags not of the top digest. */
    async #mayReferToChildren(from, digest) {
        if ((await this.#listed(from, digest)) !== undefined)
            return true;
        const own = fallbackTag(digest);
        return [...(await this.#tagsOf(from))].some((tag) => REFERRER_TAG.test(tag) && !tag.startsWith(own));
    }
    async #copySubject(from, to, subject) {
        const { found, index } = await this.#find(from, subject);
        const wanted = await this.#parallel(from, found, (referrer) => this.#wanted(from, referrer));
        const kept = found.filter((_, i) => wanted[i]);
        const handled = await this.#parallel(to, kept, (referrer) => this.#copyOne(from, to, subject, referrer));
        const bySubject = kept.filter((r) => r.via !== 'cosign-tag');
        if (bySubject.length > 0 && !this.options.dryRun && (await this.#needsIndex(to, subject, handled))) {
            await this.#writeIndex(to, subject, bySubject, index && bySubject.length === found.filter((f) => f.via === 'fallback-tag').length ? index : undefined);
        }
        return handled.map((h) => h.copy);
    }
    /**
     * Whether the destination learns `subject`'s referrers from the fallback index: it has no
     * referrers API, or it has one but did not index a referrer pushed to it (no `OCI-Subject` on
     * the PUT: the OCI distribution spec has the client write the fallback index then).
     */
    async #needsIndex(to, subject, handled) {
        if (handled.some((h) => h.unindexed))
            this.#unindexing.add(to.registry);
        if (this.#unindexing.has(to.registry))
            return true;
        return !(await this.#hasApi(to, subject));
    }
    async #find(from, subject) {
        const client = this.session.client(from.registry);
        const found = [];
        let index;
        const listed = await this.#listed(from, subject);
        for (const descriptor of listed ?? [])
            found.push({ ...descriptor, via: 'referrers-api' });
        const tags = await this.#tagsOf(from);
        const fallback = fallbackTag(subject);
        // Read even where the API answered: a registry that did not index a push holds it there only.
        if (tags.has(fallback)) {
            index = await client.getManifest(from.repository, fallback);
            for (const descriptor of (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(index.bytes, `referrers index ${fallback}`).manifests ?? [])
                found.push({ ...descriptor, via: 'fallback-tag' });
        }
        for (const suffix of COSIGN_SUFFIXES) {
            const tag = `${fallback}.${suffix}`;
            if (!tags.has(tag))
                continue;
            const head = await client.headManifest(from.repository, tag);
            if (head)
                found.push({ digest: head.digest, mediaType: head.mediaType, size: head.size, via: 'cosign-tag', tag });
        }
        // One manifest listed twice (by the API and a cosign tag) is copied once, with its tag.
        const unique = new Map();
        for (const referrer of found)
            if (!unique.has(referrer.digest) || referrer.tag)
                unique.set(referrer.digest, referrer);
        return { found: [...unique.values()], index };
    }
    /** A repository's tags, once per run; past MAX_TAGS_READ the list is cut, with a warning. */
    async #tagsOf(ref) {
        const key = (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .refName */ .P7)(ref);
        let tags = this.#tags.get(key);
        if (!tags) {
            tags = this.session
                .client(ref.registry)
                .readTags(ref.repository)
                .then(({ tags: list, complete }) => {
                if (!complete)
                    this.session.logger.warning(`${key}: more than ${_client_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TAGS_READ */ .Gi} tags; referrers found only by a tag past that (cosign's ` +
                        'sha256-<hex>.sig/.att/.sbom, fallback indexes) may not have been copied');
                return new Set(list);
            });
            this.#tags.set(key, tags);
        }
        return tags;
    }
    /** Whether `referrer-types` admits it; its type read from the manifest where no descriptor gives it. */
    async #wanted(from, referrer) {
        if (this.options.types.length === 0)
            return true;
        return this.options.types.includes(referrer.artifactType ?? (await this.#artifactType(from, referrer.digest)));
    }
    async #artifactType(from, digest) {
        const manifest = await this.session.client(from.registry).getManifest(from.repository, digest);
        return artifactTypeOf(manifest);
    }
    async #copyOne(from, to, subject, referrer) {
        const dst = this.session.client(to.registry);
        const base = { subject, digest: referrer.digest, via: referrer.via, ...(referrer.tag && { tag: referrer.tag }) };
        const artifactType = referrer.artifactType ?? '';
        const current = await dst.headManifest(to.repository, referrer.tag ?? referrer.digest);
        if (current?.digest === referrer.digest)
            return { copy: { ...base, artifactType, status: 'unchanged' }, unindexed: false };
        if (this.options.dryRun)
            return { copy: { ...base, artifactType, status: 'planned' }, unindexed: false };
        // By digest, bytes as they are: a signature covers the digest, so nothing may change.
        const copied = await (0,_copy_js__WEBPACK_IMPORTED_MODULE_1__/* .copyImage */ .L)(this.session, from, to, {
            source: referrer.digest,
            tags: referrer.tag ? [referrer.tag] : [],
            knownChanged: true,
        });
        return {
            copy: { ...base, artifactType: artifactType || (await this.#artifactType(from, referrer.digest)), status: 'copied' },
            unindexed: referrer.via !== 'cosign-tag' && copied.subject === undefined,
        };
    }
    /**
     * A destination that learns an image's referrers from its fallback index gets it:
     * written with the source's bytes where nothing was filtered out and none is there yet, else
     * merged with the entries already there (never overwriting them).
     */
    async #writeIndex(to, subject, referrers, sourceIndex) {
        const dst = this.session.client(to.registry);
        const tag = fallbackTag(subject);
        const head = await dst.headManifest(to.repository, tag);
        if (head && head.digest === sourceIndex?.digest)
            return;
        const wanted = referrers.map(({ via: _via, tag: _tag, ...descriptor }) => descriptor);
        if (!head) {
            const bytes = sourceIndex?.bytes ?? Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OciIndex, manifests: wanted }));
            await dst.putManifest(to.repository, tag, { bytes, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OciIndex });
            return;
        }
        const existing = await dst.getManifest(to.repository, tag);
        const json = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(existing.bytes, `referrers index ${tag}`);
        const present = new Set((json.manifests ?? []).map((m) => m.digest));
        const added = wanted.filter((d) => !present.has(d.digest));
        if (added.length === 0)
            return;
        const bytes = Buffer.from(JSON.stringify({ ...json, manifests: [...(json.manifests ?? []), ...added] }));
        await dst.putManifest(to.repository, tag, { bytes, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OciIndex });
    }
    async #hasApi(ref, subject) {
        const known = this.#api.get(ref.registry);
        return known ? known : (await this.#listed(ref, subject)) !== undefined;
    }
}
/** An artifact's type: its own `artifactType`, else a config that is not an image's, else its first layer's type. */
function artifactTypeOf(manifest) {
    const json = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(manifest.bytes, 'manifest');
    if (json.artifactType)
        return json.artifactType;
    const config = json.config?.mediaType;
    if (config && !IMAGE_CONFIGS.has(config))
        return config;
    return json.layers?.[0]?.mediaType ?? manifest.mediaType;
}


/***/ }),

/***/ 8386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ verifyTags)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9310);

/**
 * Checks that every tag resolves to `digest` (one HEAD each); the error names the first that
 * does not, and what it holds. `when` says after what (`after the copy`).
 */
async function verifyTags(client, repository, tags, digest, when) {
    const heads = await Promise.all(tags.map((tag) => client.headManifest(repository, tag)));
    tags.forEach((tag, i) => {
        if (heads[i]?.digest !== digest) {
            throw new Error(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .refName */ .P7)(client.ref(repository), tag)} resolves to ${heads[i]?.digest ?? 'nothing'} ${when}, not ${digest}`);
        }
    });
}


/***/ })

};
