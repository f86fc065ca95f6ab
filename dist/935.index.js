export const id = 935;
export const ids = [935];
export const modules = {

/***/ 4201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ readReferrerInputs)
/* harmony export */ });
/* harmony import */ var _booleans_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6609);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4389);



/** `type/subtype[+suffix]`, as artifact types are written. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
function readReferrerInputs(read) {
    const enabled = (0,_booleans_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .y)(read(_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Referrers), _inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Referrers, true);
    const types = read(_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReferrerTypes)
        .split(/[\s,]+/)
        .filter(Boolean);
    for (const type of types) {
        if (!MEDIA_TYPE.test(type))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReferrerTypes}: "${type}" is not an artifact (media) type, e.g. application/spdx+json`);
    }
    if (!enabled && types.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`${_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.ReferrerTypes}: only goes with referrers: true`);
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
        const digest = await this.#putTop(top);
        return { ...this.stats, digest, mediaType: top.mediaType, status: 'copied' };
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
        const unconfirmed = [];
        for (const reference of references) {
            const put = await this.#dst.putManifestConfirmed(to.repository, reference, top);
            digest = put.digest;
            if (!put.confirmed)
                unconfirmed.push(reference);
            this.stats.manifestsPut++;
        }
        await (0,_verify_js__WEBPACK_IMPORTED_MODULE_5__/* .verifyTags */ .v)(this.#dst, to.repository, unconfirmed, digest, 'after the copy');
        return digest;
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
            const response = await this.#src.getBlob(this.from.repository, blob.digest, blob.size);
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
/* unused harmony exports fallbackTag, artifactTypeOf */
/* harmony import */ var _copy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9190);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(506);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9867);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9310);




/**
 * Tags that hold an image's supply-chain artifacts rather than an image: the OCI 1.1 fallback
 * index (`sha256-<hex>`) and cosign's signature, attestation and SBOM tags. (docs/registries.md,
 * "Referrers: signatures, SBOMs and attestations")
 */
const REFERRER_TAG = /^sha256-[a-f0-9]{64}(?:\.(?:sig|att|sbom))?$/;
const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'];
/** Referrers of referrers are followed this deep (a signature on an SBOM is 2). */
const MAX_DEPTH = 4;
const IMAGE_CONFIGS = new Set([_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciConfig, _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.DockerConfig, 'application/vnd.oci.empty.v1+json']);
const fallbackTag = (digest) => `sha256-${digest.slice(digest.indexOf(':') + 1)}`;
/**
 * Copies the referrers of images between repositories: found through the source's referrers API
 * where it has one, else its fallback index tag, plus cosign's tags; each copied by digest (bytes
 * unchanged), referrers of referrers too; on a destination without the API, the fallback index is
 * written, merged with the entries already there. Unchanged ones cost a HEAD each.
 */
class ReferrerMirror {
    session;
    options;
    #tags = new Map();
    /** Per registry: whether it has the referrers API, learnt from its first referrers request (one at a time). */
    #api = new Map();
    #done = new Map();
    #lists = new Map();
    constructor(session, options) {
        this.session = session;
        this.options = options;
    }
    /**
     * The referrers of an image and, for an index, of each child. `subset`: the destination holds a
     * new, smaller index, which has no referrers of its own.
     */
    copyFor(from, to, digest, subset = false) {
        const key = `${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .refName */ .P7)(from)}|${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .refName */ .P7)(to)}|${digest}|${subset}`;
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
            if ((0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndex */ .nw)(top.mediaType, top.bytes))
                subjects.push(...(0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(top.bytes, 'index').manifests.map((m) => m.digest));
        }
        const results = [];
        const seen = new Set(subjects);
        let level = subjects;
        for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
            const next = [];
            for (const subject of level) {
                for (const copy of await this.#copySubject(from, to, subject)) {
                    results.push(copy);
                    if (!seen.has(copy.digest))
                        next.push(copy.digest);
                    seen.add(copy.digest);
                }
            }
            level = next;
        }
        return results;
    }
    /**
     * The referrers the API lists for `subject`, or undefined on a registry without it. The first
     * request to a registry settles whether it has one; the others wait for that answer rather than
     * each asking a registry without the API.
     */
    #listed(ref, subject) {
        const key = `${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .refName */ .P7)(ref)}@${subject}`;
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
        const kept = [];
        for (const referrer of found)
            if (await this.#wanted(from, referrer))
                kept.push(referrer);
        const results = [];
        for (const referrer of kept)
            results.push(await this.#copyOne(from, to, subject, referrer));
        const bySubject = kept.filter((r) => r.via !== 'cosign-tag');
        if (bySubject.length > 0 && !this.options.dryRun) {
            await this.#writeIndex(to, subject, bySubject, index && bySubject.length === found.filter((f) => f.via === 'fallback-tag').length ? index : undefined);
        }
        return results;
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
        if (listed === undefined && tags.has(fallback)) {
            index = await client.getManifest(from.repository, fallback);
            for (const descriptor of (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(index.bytes, `referrers index ${fallback}`).manifests ?? [])
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
    async #tagsOf(ref) {
        const key = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .refName */ .P7)(ref);
        let tags = this.#tags.get(key);
        if (!tags) {
            tags = this.session
                .client(ref.registry)
                .listTags(ref.repository)
                .then((list) => new Set(list));
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
            return { ...base, artifactType, status: 'unchanged' };
        if (this.options.dryRun)
            return { ...base, artifactType, status: 'planned' };
        // By digest, bytes as they are: a signature covers the digest, so nothing may change.
        await (0,_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .copyImage */ .L)(this.session, from, to, { source: referrer.digest, tags: referrer.tag ? [referrer.tag] : [], knownChanged: true });
        return { ...base, artifactType: artifactType || (await this.#artifactType(from, referrer.digest)), status: 'copied' };
    }
    /**
     * A destination without the referrers API learns an image's referrers from its fallback index:
     * written with the source's bytes where nothing was filtered out and none is there yet, else
     * merged with the entries already there (never overwriting them).
     */
    async #writeIndex(to, subject, referrers, sourceIndex) {
        if (await this.#hasApi(to, subject))
            return;
        const dst = this.session.client(to.registry);
        const tag = fallbackTag(subject);
        const head = await dst.headManifest(to.repository, tag);
        if (head && head.digest === sourceIndex?.digest)
            return;
        const wanted = referrers.map(({ via: _via, tag: _tag, ...descriptor }) => descriptor);
        if (!head) {
            const bytes = sourceIndex?.bytes ?? Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciIndex, manifests: wanted }));
            await dst.putManifest(to.repository, tag, { bytes, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciIndex });
            return;
        }
        const existing = await dst.getManifest(to.repository, tag);
        const json = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(existing.bytes, `referrers index ${tag}`);
        const present = new Set((json.manifests ?? []).map((m) => m.digest));
        const added = wanted.filter((d) => !present.has(d.digest));
        if (added.length === 0)
            return;
        const bytes = Buffer.from(JSON.stringify({ ...json, manifests: [...(json.manifests ?? []), ...added] }));
        await dst.putManifest(to.repository, tag, { bytes, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciIndex });
    }
    async #hasApi(ref, subject) {
        const known = this.#api.get(ref.registry);
        return known ? known : (await this.#listed(ref, subject)) !== undefined;
    }
}
/** An artifact's type: its own `artifactType`, else a config that is not an image's, else its first layer's type. */
function artifactTypeOf(manifest) {
    const json = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(manifest.bytes, 'manifest');
    if (json.artifactType)
        return json.artifactType;
    const config = json.config?.mediaType;
    if (config && !IMAGE_CONFIGS.has(config))
        return config;
    return json.layers?.[0]?.mediaType ?? manifest.mediaType;
}


/***/ })

};
