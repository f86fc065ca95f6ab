export const id = 773;
export const ids = [773];
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

/***/ 9236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ flatOutputs),
/* harmony export */   x: () => (/* binding */ NO_FLAT_OUTPUTS)
/* harmony export */ });
/**
 * The outputs a workflow reads without fromJSON on a list: `digest` when the list has one
 * image, `digests` (repository → digest) and `tags` (full references, one per line).
 *
 * One repository may hold several entries (a release per entry). When they hold different
 * digests, a `repository` key would have to pick one: each of their references becomes a key
 * instead, so no digest is dropped and no key is ambiguous.
 */
function flatOutputs(images, listLength) {
    const digestsOf = new Map();
    for (const image of images)
        digestsOf.set(image.repository, (digestsOf.get(image.repository) ?? new Set()).add(image.digest));
    const digests = {};
    for (const image of images) {
        if (digestsOf.get(image.repository).size === 1)
            digests[image.repository] = image.digest;
        else
            for (const ref of image.refs)
                digests[ref] = image.digest;
    }
    const distinct = new Set(images.map((image) => image.digest));
    return {
        digest: listLength === 1 && distinct.size === 1 ? [...distinct][0] : '',
        digests: JSON.stringify(digests),
        tags: images.flatMap((image) => image.refs).join('\n'),
    };
}
/** What the flat outputs are when nothing was built, pushed or promoted (a skipped promote). */
const NO_FLAT_OUTPUTS = { digest: '', digests: '{}', tags: '' };


/***/ }),

/***/ 6154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  moveTags: () => (/* reexport */ moveTags),
  promote: () => (/* binding */ promote),
  verifyFinalTags: () => (/* reexport */ verifyFinalTags)
});

// EXTERNAL MODULE: ./src/config/inputs/credentials.ts
var inputs_credentials = __webpack_require__(7324);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/config/inputs/report.ts
var report = __webpack_require__(5046);
// EXTERNAL MODULE: ./src/config/inputs/booleans.ts
var booleans = __webpack_require__(1609);
;// CONCATENATED MODULE: ./src/config/inputs/duration.ts

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** `36h`, `2d`, `90m`, `1d12h` → milliseconds. */
function parseDuration(value, name) {
    const text = value.trim();
    if (!/^(\d+[smhdw])+$/.test(text))
        throw new errors/* ConfigError */.x(`${name}: "${value}" is not a duration like 24h, 2d, 90m or 1d12h`);
    let total = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+)([smhdw])/g))
        total += Number(amount) * UNIT_MS[unit];
    return total;
}

// EXTERNAL MODULE: ./src/config/images/read.ts + 4 modules
var images_read = __webpack_require__(7529);
// EXTERNAL MODULE: ./src/config/inputs/work-dir.ts
var work_dir = __webpack_require__(1291);
// EXTERNAL MODULE: ./src/config/pattern.ts
var pattern = __webpack_require__(5164);
// EXTERNAL MODULE: ./src/config/inputs/table.ts
var table = __webpack_require__(9714);
// EXTERNAL MODULE: ./src/config/inputs/referrers.ts
var referrers = __webpack_require__(746);
// EXTERNAL MODULE: ./src/config/inputs/transport.ts
var transport = __webpack_require__(991);
// EXTERNAL MODULE: ./src/config/inputs/promotion.ts
var promotion = __webpack_require__(503);
// EXTERNAL MODULE: ./src/config/yaml.ts
var yaml = __webpack_require__(9211);
// EXTERNAL MODULE: ./src/config/schema-errors.ts
var schema_errors = __webpack_require__(3119);
// EXTERNAL MODULE: ./src/config/inputs/change.ts
var change = __webpack_require__(8600);
// EXTERNAL MODULE: ./src/config/images/metadata-tags.ts
var metadata_tags = __webpack_require__(7952);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/config/inputs/release.ts




/** Where a release's image comes from: the gated image of the change that merged the tagged commit. */
const RELEASE_SOURCES = ['change'];
/** `release-from` and its tags; undefined for a promotion after merge. */
function readRelease(read, env, images) {
    const from = read(table/* Input */.pd.ReleaseFrom);
    const named = read(table/* Input */.pd.ReleaseTag);
    if (!from) {
        if (named)
            throw new errors/* ConfigError */.x(`release-tag: "${named}" is only read with release-from: change`);
        return undefined;
    }
    if (!RELEASE_SOURCES.includes(from))
        throw new errors/* ConfigError */.x(`release-from: "${from}" is not a source; change (the gated image of the change that merged the tagged commit)`);
    const metadata = read(table/* Input */.pd.MetadataTags);
    if (metadata.trim()) {
        const tagged = (0,metadata_tags/* applyMetadataTags */.Z)(images, metadata);
        return { name: table/* Input */.pd.MetadataTags, tagsOf: (i) => tagged[i].tags };
    }
    const gitTag = named || tagOfRef(env.GITHUB_REF);
    if (!gitTag)
        throw new errors/* ConfigError */.x(`release-tag: not given, and GITHUB_REF (${env.GITHUB_REF || 'not set'}) is not a tag: run on a tag push, or give ` +
            'release-tag or metadata-tags');
    if (!(0,reference/* isValidTag */.r_)(gitTag.replace(/^v(?=\d)/i, '')))
        throw new errors/* ConfigError */.x(`release-tag: "${gitTag}" is neither a version (v1.2.3) nor a valid image tag`);
    return { name: gitTag, tagsOf: () => ({ gitTag }) };
}
const tagOfRef = (ref) => (ref?.startsWith('refs/tags/') ? ref.slice(10) : undefined);

// EXTERNAL MODULE: ./src/config/inputs/changes-registry.ts
var changes_registry = __webpack_require__(8411);
;// CONCATENATED MODULE: ./src/config/readers/promote.ts
















function readPromoteInputs(read, env, report) {
    const credentials = (0,inputs_credentials/* parseCredentials */.gu)(read(table/* Input */.pd.RegistryCredentials), report.secret);
    const token = read(table/* Input */.pd.Token) || env.GITHUB_TOKEN || undefined;
    if (token)
        report.secret(token);
    const workDir = (0,work_dir/* readWorkDir */.z)(read, env);
    const method = (0,promotion/* readPromoteMethod */.Gn)(read);
    const regex = read(table/* Input */.pd.CleanupRegex);
    const cleanupPattern = regex ? (0,pattern/* linearPattern */.G)(regex, table/* Input */.pd.CleanupRegex, true) : undefined;
    // A release finds its image under the list's own tags: metadata-tags name the release tags instead.
    const releasing = read(table/* Input */.pd.ReleaseFrom) !== '';
    const readList = (name) => (releasing && name === table/* Input */.pd.MetadataTags ? '' : read(name));
    const images = (0,images_read/* readImages */.H)(readList, workDir, { promote_container_image_method: { input: table/* Input */.pd.PromoteMethod, value: method } }, report);
    return {
        workDir,
        images,
        credentials,
        change: (0,change/* parseChangeInput */.a)(read(table/* Input */.pd.Change)),
        method,
        intermediate: (0,promotion/* readIntermediate */.QB)(read, method, false),
        changes: (0,changes_registry/* readChangesRegistry */.L)(read) ?? (method === 'intermediate-registry' ? (0,promotion/* readIntermediate */.QB)(read, method, false) : undefined),
        artifacts: parseArtifacts(read(table/* Input */.pd.Artifacts)),
        token,
        cleanup: (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.Cleanup), table/* Input */.pd.Cleanup, true),
        cleanupPattern,
        cleanupAgeMs: parseDuration(read(table/* Input */.pd.CleanupAge) || '24h', table/* Input */.pd.CleanupAge),
        dryRun: (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.DryRun), table/* Input */.pd.DryRun, false),
        referrers: (0,referrers/* readReferrerInputs */.n)(read),
        strictCleanup: (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.StrictCleanup), table/* Input */.pd.StrictCleanup, false),
        transport: (0,transport/* readTransportOptions */.qU)(read, workDir),
        revisionTag: (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.RevisionTag), table/* Input */.pd.RevisionTag, false),
        keepIntermediate: (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.KeepIntermediate), table/* Input */.pd.KeepIntermediate, false),
        release: readRelease(read, env, images),
    };
}
function parseArtifacts(text) {
    if (!text.trim())
        return undefined;
    const raw = (0,yaml/* parseYamlInput */.PJ)(text, 'artifacts');
    if (!Array.isArray(raw))
        throw new errors/* ConfigError */.x(`artifacts: expected the JSON list upload writes, got ${(0,schema_errors/* show */.WU)(raw)}`);
    return raw.map((item, i) => {
        const a = item;
        if (typeof a?.name !== 'string' || typeof a.url !== 'string' || !a.url.startsWith('docker://')) {
            throw new errors/* ConfigError */.x(`artifacts[${i}]: expected {name, url: docker://…, metadata}, got ${(0,schema_errors/* show */.WU)(item)}`);
        }
        return a;
    });
}

// EXTERNAL MODULE: ./src/platform/change.ts
var platform_change = __webpack_require__(7359);
// EXTERNAL MODULE: ./src/platform/pull-request.ts
var pull_request = __webpack_require__(5772);
;// CONCATENATED MODULE: ./src/platform/release-source.ts


/**
 * The tagged commit (GITHUB_SHA) and the pull request that merged it, asked of the forge. Without
 * an answer the commit alone identifies the image (a merge queue builds the commit that lands).
 */
async function releaseSource(env, options) {
    const { override, token, logger, fetchImpl } = options;
    const commit = env.GITHUB_SHA ?? '';
    if (!/^[0-9a-f]{40}$/.test(commit))
        throw new errors/* ConfigError */.x(`GITHUB_SHA: "${commit}" is not a commit: a release by promotion needs the tagged commit`);
    if (override !== undefined)
        return { commit, change: override, revisions: [commit] };
    let found;
    try {
        found = env.GITHUB_REPOSITORY ? await (0,pull_request/* findPullRequest */._f)(env, commit, token, fetchImpl) : undefined;
    }
    catch (error) {
        logger.warning(`could not ask the forge which pull request merged ${commit}: ${error.message}`);
    }
    if (!found) {
        logger.info(`no pull request known for commit ${commit.slice(0, 12)}: looking for the image built from that commit`);
        return { commit, revisions: [commit] };
    }
    logger.info(`commit ${commit.slice(0, 12)} came from pull request #${found.number}`);
    const revisions = [...new Set([commit, found.headSha, found.mergeSha].filter((s) => !!s))];
    return { commit, change: found.number, revisions };
}

// EXTERNAL MODULE: ./src/registry/kinds.ts
var kinds = __webpack_require__(6796);
// EXTERNAL MODULE: ./src/registry/tag-delete/vendor-http.ts
var vendor_http = __webpack_require__(7241);
// EXTERNAL MODULE: ./src/registry/tag-delete/vendors.ts + 1 modules
var vendors = __webpack_require__(7927);
;// CONCATENATED MODULE: ./src/registry/tag-delete/tag-times.ts


/**
 * When a tag was last pushed, from the vendor API where the registry kind has one (Docker Hub's
 * `last_updated`, Quay's `last_modified`): truer than an image's `created`, which reproducible
 * builds set to the commit time. Undefined where there is no such API or it says nothing.
 */
async function vendorTagTime(context) {
    const { kind, credential, transport, repository, tag } = context;
    if (kind === 'docker') {
        const { namespace, name } = (0,vendors/* splitNamespace */.o)(repository);
        const api = new vendor_http/* VendorHttp */.B1(transport, credential?.apiUrl ?? 'https://hub.docker.com', {});
        const { status, data } = await api.json('GET', `/v2/repositories/${namespace}/${name}/tags/${encodeURIComponent(tag)}/`);
        const when = status === 200 ? (data?.tag_last_pushed ?? data?.last_updated) : undefined;
        return when ? Date.parse(when) : undefined;
    }
    if (kind === 'quay' && credential?.apiToken) {
        const api = new vendor_http/* VendorHttp */.B1(transport, credential.apiUrl ?? `https://${context.registry}`, {
            authorization: `Bearer ${credential.apiToken}`,
        });
        const { status, data } = await api.json('GET', `/api/v1/repository/${repository}/tag/?specificTag=${encodeURIComponent(tag)}&onlyActiveTags=true`);
        const found = status === 200 ? data?.tags?.find((t) => t.name === tag) : undefined;
        if (found?.start_ts)
            return found.start_ts * 1000;
        return found?.last_modified ? Date.parse(found.last_modified) : undefined;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/registry/tag-delete/dummy.ts
var dummy = __webpack_require__(6384);
;// CONCATENATED MODULE: ./src/commands/promotion.ts

const emptyOutcome = () => ({
    promoted: [],
    deleted: [],
    leftBehind: [],
    leaked: [],
    kept: [],
    revisionTags: [],
    plan: [],
});
function record(result, outcome) {
    const ref = `${(0,reference/* refName */.P7)(result, result.tag)}`;
    if (result.status === 'deleted')
        outcome.deleted.push(ref);
    else if (result.status === 'left-behind')
        outcome.leftBehind.push({ ref, reason: result.detail ?? 'not deletable' });
}

// EXTERNAL MODULE: ./src/registry/errors.ts
var registry_errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/referrers.ts
var registry_referrers = __webpack_require__(9191);
// EXTERNAL MODULE: ./src/registry/limiter.ts
var registry_limiter = __webpack_require__(2387);
// EXTERNAL MODULE: ./src/registry/image-config.ts
var image_config = __webpack_require__(3689);
// EXTERNAL MODULE: ./src/registry/client.ts + 1 modules
var client = __webpack_require__(8605);
;// CONCATENATED MODULE: ./src/commands/cleanup.ts











/**
 * Reproducible builds (ko, Jib, SOURCE_DATE_EPOCH=0) write a 1970 `created`: a time before this
 * says nothing about when the image was pushed.
 */
const PLAUSIBLE_SINCE = Date.parse('2000-01-01T00:00:00Z');
const CHANGE_TAG = /^change_(\d+)_/;
/** Candidates decided at a time: a tag list of 100k candidates never becomes 100k pending promises. */
const DECISION_BATCH = 256;
/**
 * Temporary tags that outlived their change. Decided in this order: a tag on one of our own
 * dummy manifests (a deletion cut short) is finished, whatever its age; else the vendor's push
 * time where the registry has one; else the forge's word on the change (open: never leaked;
 * closed: leaked; asked and failed: kept, as it may be open); else the image's `created`, only
 * when plausible, else the tag stays and the log says why. (Zuul compares the seconds within a
 * day of the age, so its cleanup never fires; and it trusts `created`.)
 */
async function findLeakedTags(session, target, tags, options, logger) {
    const client = session.client(target.registry);
    // Signature, SBOM and fallback-index tags are never temporary, whatever cleanup-regex says.
    const candidates = tags.filter((tag) => options.pattern.test(tag) && !options.keep.test(tag) && !registry_referrers/* REFERRER_TAG */.TT.test(tag));
    const decision = { leaked: [], unsure: [], kept: [] };
    // Each tag's decision takes several requests, each within the registry's own limit.
    const limiter = new registry_limiter/* Limiter */.jG(4);
    const context = { session, target, options, logger, decision };
    const decide = (tag) => limiter.run(async () => {
        let manifest;
        try {
            manifest = await client.getManifest(target.repository, tag);
        }
        catch (error) {
            // Deleted since the listing (a concurrent promotion of that change): nothing to clean.
            if (error instanceof registry_errors/* RegistryError */.gl && error.status === 404)
                return;
            throw error;
        }
        await decideOne(context, tag, manifest);
    });
    for (let i = 0; i < candidates.length; i += DECISION_BATCH)
        await Promise.all(candidates.slice(i, i + DECISION_BATCH).map(decide));
    const byTag = (a, b) => a.tag.localeCompare(b.tag);
    return { leaked: decision.leaked.sort(byTag), unsure: decision.unsure.sort(byTag), kept: decision.kept.sort(byTag) };
}
async function decideOne(context, tag, manifest) {
    const { options, decision } = context;
    // A dummy is never an image: only an interrupted deletion leaves a tag on one.
    if ((0,dummy/* isDummy */.Dw)(manifest)) {
        const at = (0,dummy/* dummyTime */.Ig)(manifest);
        const when = at === undefined ? '' : ` at ${new Date(at).toISOString()}`;
        decision.leaked.push({ tag, reason: `on a dummy manifest put there${when} by a deletion that was cut short` });
        return;
    }
    const pushed = await options.tagTime?.(tag);
    if (pushed !== undefined)
        return byAge(context, tag, pushed, 'pushed');
    if (await decidedByForge(context, tag))
        return;
    let created;
    try {
        ({ created } = await (0,image_config/* imageConfigOf */.zH)(context.session.client(context.target.registry), context.target.repository, manifest, tag));
    }
    catch (error) {
        if (error instanceof registry_errors/* RegistryError */.gl && error.status === 404)
            return;
        throw error;
    }
    const time = created ? Date.parse(created) : Number.NaN;
    if (Number.isNaN(time) || time < PLAUSIBLE_SINCE) {
        const reason = `its age is unknown (created ${created ?? 'not recorded'}, no push time from the registry, no answer from the forge ` +
            'about its change)';
        context.logger.info(`${(0,reference/* refName */.P7)(context.target, tag)}: kept: ${reason}`);
        context.decision.kept.push({ tag, reason });
        return;
    }
    byAge(context, tag, time, 'created');
}
function byAge({ options, decision }, tag, time, source) {
    const age = options.now - time;
    const when = `${source} ${new Date(time).toISOString()}, ${Math.floor(age / 3_600_000)} h ago`;
    if (age > options.maxAgeMs)
        decision.leaked.push({ tag, reason: `older than cleanup-age: ${when}` });
    else
        decision.kept.push({ tag, reason: `younger than cleanup-age: ${when}` });
}
/** The forge's word on the tag's change, where it gave one or failed to: true when that decided. */
async function decidedByForge({ options, decision, logger, target }, tag) {
    const change = CHANGE_TAG.exec(tag)?.[1];
    const answer = change === undefined ? undefined : await options.changeState?.(Number(change));
    if (!answer)
        return false;
    if (answer.state === 'unknown') {
        // Asked and failed: the change may be open, and `created` cannot say whether it is.
        logger.info(`${(0,reference/* refName */.P7)(target, tag)}: kept: the state of change ${change} is unknown: ${answer.reason}`);
        decision.unsure.push({ tag, reason: `the state of change ${change} is unknown: ${answer.reason}` });
    }
    else if (answer.state === 'open')
        decision.kept.push({ tag, reason: `change ${change} is open, says the forge` });
    else
        decision.leaked.push({ tag, reason: `change ${change} is closed, says the forge` });
    return true;
}
/** Zuul's default: `^change_.*$` and `^<pipeline>_.*$`. */
function defaultCleanupPattern(pipeline) {
    return new RegExp(`^(?:change_.*|${pipeline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_.*)$`);
}
/**
 * Leaked temporary tags (and probe tags an interrupted run left) of every repository touched.
 * The release has happened by now: any failure here is reported as left behind, never fatal.
 */
async function cleanup(run, targets, change) {
    const { session, deleter, inputs, outcome, logger } = run;
    const pattern = inputs.cleanupPattern ?? defaultCleanupPattern(change.pipeline);
    const keep = new RegExp(`^${change.prefix}_`);
    const changeState = (0,pull_request/* changeStateLookup */.qO)(run.env, inputs.token, logger);
    const seen = new Set();
    for (const target of targets) {
        const key = `${(0,reference/* refName */.P7)(target)}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const credential = inputs.credentials.get(target.registry);
        const kind = (0,kinds/* registryKind */.IL)(target.registry, credential?.type);
        const tagTime = (tag) => vendorTagTime({
            registry: target.registry,
            repository: target.repository,
            tag,
            kind,
            transport: session.transport,
            credential: credential && {
                username: credential.username,
                password: credential.password,
                apiToken: credential.apiToken,
                apiUrl: credential.apiUrl,
            },
        });
        try {
            const { tags, complete } = await session.client(target.registry).readTags(target.repository);
            // What was read is still cleaned; the rest waits for a run that sees it (a later page first).
            if (!complete)
                outcome.leftBehind.push({
                    ref: key,
                    reason: `the tag list was cut at ${tags.length} tags: leaked temporary tags beyond them may remain; delete ` +
                        `old tags of this repository to bring it under ${client/* MAX_TAGS_READ */.Gi}`,
                });
            const { leaked, unsure, kept } = await findLeakedTags(session, target, tags, { pattern, keep, maxAgeMs: inputs.cleanupAgeMs, now: Date.now(), tagTime, changeState }, logger);
            await settle(run, target, { leaked, unsure, kept });
            if (!inputs.dryRun)
                for (const probe of await deleter.sweepProbes(target, tags))
                    outcome.deleted.push(`${key}:${probe}`);
        }
        catch (error) {
            if (session.signal.aborted)
                throw error;
            outcome.leftBehind.push({ ref: key, reason: `leaked-tag cleanup failed: ${error.message}` });
        }
    }
}
/** Says why each candidate stays or goes, and deletes the leaked ones (recorded as leaked, apart from the change's own). */
async function settle(run, target, { leaked, unsure, kept }) {
    const { deleter, inputs, outcome, logger } = run;
    const key = (0,reference/* refName */.P7)(target);
    if (unsure.length > 0)
        logger.warning(`${key}: ${unsure.length} temporary tag(s) kept, as their change may still be open: ` +
            `${unsure.map((u) => `${u.tag} (${u.reason})`).join('; ')}`);
    for (const tag of kept) {
        logger.info(`${key}:${tag.tag}: leaked-tag cleanup keeps it: ${tag.reason}`);
        outcome.kept.push({ ref: `${key}:${tag.tag}`, reason: tag.reason });
    }
    for (const tag of unsure)
        outcome.kept.push({ ref: `${key}:${tag.tag}`, reason: tag.reason });
    for (const tag of leaked) {
        outcome.plan.push(`delete leaked ${key}:${tag.tag} (${tag.reason})`);
        if (inputs.dryRun)
            continue;
        logger.info(`${key}:${tag.tag} leaked (${tag.reason}): deleting`);
        const deleted = await deleter.deleteTag(target, tag.tag);
        record(deleted, outcome);
        if (deleted.status === 'deleted')
            outcome.leaked.push({ ref: `${key}:${tag.tag}`, reason: tag.reason });
    }
}

;// CONCATENATED MODULE: ./src/commands/promote-flat.ts
/**
 * The final tags promote set, one flat image per repository and digest. Referrers (signatures,
 * SBOMs) are not images of the list, and a skipped referrer was not copied: both stay out.
 */
function finalTags(promoted) {
    const images = new Map();
    for (const tag of promoted) {
        if (tag.referrer || tag.status === 'skipped')
            continue;
        const key = `${tag.repository}@${tag.digest}`;
        const image = images.get(key) ?? { repository: tag.repository, digest: tag.digest, refs: [] };
        image.refs.push(`${tag.repository}:${tag.tag}`);
        images.set(key, image);
    }
    return [...images.values()];
}

// EXTERNAL MODULE: ./src/commands/flat-outputs.ts
var flat_outputs = __webpack_require__(9236);
;// CONCATENATED MODULE: ./src/commands/promote-plan.ts


const CHANGE_LABEL = 'org.zuul-ci.change';
/**
 * Reads where every temporary and final tag of an image stands. A re-run after a failure at any
 * point resumes: final tags already on the digest stay, temporary tags already gone are fine
 * when their final tag holds the digest, and an image whose temporary tags are all gone is
 * "already promoted" when its final tags carry this change's label.
 */
async function planTagPromotion(session, image, prefix, change) {
    const { registry, repository: repository } = image.reference;
    const client = session.client(registry);
    const head = (tag) => client.headManifest(repository, tag);
    const found = await Promise.all(image.tags.map((tag) => head(`${prefix}_${tag}`)));
    const base = { image, registry, repository };
    const problem = (text) => ({ ...base, kind: 'problem', problem: text });
    // A temporary tag on a dummy manifest is a deletion that was cut short: finish it, never promote it.
    const manifests = new Map();
    const dummies = new Set();
    for (const digest of new Set(found.flatMap((t) => (t ? [t.digest] : [])))) {
        const manifest = await client.getManifest(repository, digest);
        if ((0,dummy/* isDummy */.Dw)(manifest))
            dummies.add(digest);
        else
            manifests.set(digest, manifest);
    }
    const existing = image.tags.filter((_, i) => found[i]).map((tag) => `${prefix}_${tag}`);
    const temps = found.map((t) => (t && !dummies.has(t.digest) ? t : undefined));
    if (manifests.size > 1) {
        return problem(`the temporary tags of ${image.repository} point at different images (${[...manifests.keys()].join(', ')}): was the ` +
            `change uploaded twice? Re-run its gate`);
    }
    // Final tags are only read when a temporary one is missing (a re-run): otherwise putting the
    // manifest again is as cheap as looking, and keeps a promotion at about two requests a tag.
    const complete = temps.every(Boolean);
    const finals = complete ? image.tags.map(() => undefined) : await Promise.all(image.tags.map((tag) => head(tag)));
    if (manifests.size === 0) {
        const done = await alreadyPromoted(session, image, finals, prefix, change);
        return done.kind === 'problem' ? done : { ...done, temporary: existing };
    }
    const [[digest, manifest]] = manifests;
    const moves = [];
    const inPlace = [];
    const missing = [];
    image.tags.forEach((tag, i) => {
        if (finals[i]?.digest === digest)
            inPlace.push(tag);
        else if (temps[i])
            moves.push(tag);
        else
            missing.push(`${prefix}_${tag}`);
    });
    if (missing.length > 0)
        return problem(`${image.repository}: missing ${missing.join(', ')} (the gate pushed ${image.tags.length - missing.length} of ` +
            `${image.tags.length} tags)`);
    return { ...base, kind: 'ready', digest, manifest, moves, inPlace, temporary: existing, alreadyPromoted: false };
}
async function alreadyPromoted(session, image, finals, prefix, change) {
    const base = { image, registry: image.reference.registry, repository: image.reference.repository };
    const missing = image.tags.map((tag) => `${prefix}_${tag}`).join(', ');
    const finalDigests = new Set(finals.map((f) => f?.digest));
    if (change === undefined || finals.some((f) => !f) || finalDigests.size !== 1) {
        return {
            ...base,
            kind: 'problem',
            problem: `${image.repository}: missing ${missing}, and the final tags do not all hold one image of this change`,
        };
    }
    const [digest] = finalDigests;
    const client = session.client(image.reference.registry);
    const config = await (0,image_config/* readImageConfig */.MP)(client, image.reference.repository, digest);
    const label = config.labels[CHANGE_LABEL];
    if (label !== undefined && label !== String(change)) {
        return {
            ...base,
            kind: 'problem',
            problem: `${image.repository}: missing ${missing}; the final tags hold change ${label}, not change ${change}`,
        };
    }
    const manifest = await client.getManifest(image.reference.repository, digest);
    const unlabelled = label === undefined ? `missing ${missing}; the final tags hold an image of no change` : undefined;
    return { ...base, kind: 'ready', digest, manifest, moves: [], inPlace: image.tags, temporary: [], alreadyPromoted: true, unlabelled };
}

// EXTERNAL MODULE: ./src/registry/retry.ts
var retry = __webpack_require__(1521);
;// CONCATENATED MODULE: ./src/commands/promote-reconcile.ts




/** Whole re-checks of an image's final tags after the deletions (each request has its own retries too). */
const RECHECK_ATTEMPTS = 3;
/**
 * The final tags checked again after the deletions, the check retried whole on a transient
 * failure. The release happened before it: a check that still cannot be made is a warning, and
 * undefined, never a failed run. A final tag on a wrong image is still an error.
 */
async function recheckFinalTags(session, plan, change, logger) {
    const ref = `${(0,reference/* refName */.P7)(plan)}`;
    const policy = { ...session.retry, attempts: RECHECK_ATTEMPTS };
    let failed;
    try {
        const digest = await (0,retry/* withRetry */.bD)(`re-check ${ref}`, () => verifyFinalTags(session, plan, change, logger).catch((error) => {
            failed = error.message;
            throw error;
        }), policy, logger);
        if (failed !== undefined)
            logger.warning(`${ref}: re-checking the final tags failed once (${failed}); checked again, they hold ${digest}`);
        return digest;
    }
    catch (error) {
        if (session.signal.aborted || !(0,retry/* isRetryable */.r3)(error))
            throw error;
        logger.warning(`${ref}: the final tags ${plan.image.tags.join(', ')} could not be checked again after the deletions ` +
            `(${error.message}); they were set to ${plan.digest} before the deletions: look at them`);
        return undefined;
    }
}
/**
 * Checked again after the deletions; returns the digest the final tags hold. A final tag that
 * vanished (a registry deleting more than the tag asked for) is put back from the bytes held. A
 * promotion of another change running at the same time may have moved some final tags and not
 * others; both runs then settle every final tag on the newer image (by its config's created
 * time, the digest breaking ties), so an image's tags never end split between two builds.
 */
async function verifyFinalTags(session, plan, change, logger) {
    const client = session.client(plan.registry);
    const ref = `${(0,reference/* refName */.P7)(plan)}`;
    const heads = await Promise.all(plan.image.tags.map((tag) => client.headManifest(plan.repository, tag)));
    if (heads.every((head) => head?.digest === plan.digest))
        return plan.digest;
    const vanished = plan.image.tags.filter((_, i) => !heads[i]);
    for (const tag of vanished)
        await client.putManifest(plan.repository, tag, plan.manifest);
    if (vanished.length)
        logger.warning(`${ref}: ${vanished.join(', ')} no longer resolved after the deletions; put back on ${plan.digest}`);
    const onTags = heads.map((head) => head?.digest ?? plan.digest);
    if (onTags.every((digest) => digest === plan.digest))
        return plan.digest;
    const candidates = new Map();
    for (const digest of new Set([plan.digest, ...onTags])) {
        const config = await (0,image_config/* readImageConfig */.MP)(client, plan.repository, digest);
        candidates.set(digest, { created: Date.parse(config.created ?? '') || 0, change: config.labels[CHANGE_LABEL] });
    }
    plan.image.tags.forEach((tag, i) => {
        const now = candidates.get(onTags[i])?.change;
        if (onTags[i] !== plan.digest && !(now && now !== String(change)))
            throw new Error(`${ref}:${tag} resolves to ${onTags[i]} after the promotion, not ${plan.digest}`);
    });
    const [winner] = [...candidates].sort(([da, a], [db, b]) => b.created - a.created || db.localeCompare(da))[0];
    const manifest = winner === plan.digest ? plan.manifest : await client.getManifest(plan.repository, winner);
    for (const [i, tag] of plan.image.tags.entries()) {
        if (onTags[i] === winner)
            continue;
        await client.putManifest(plan.repository, tag, manifest);
    }
    logger.warning(`${ref}: a concurrent promotion of change ${candidates.get(winner)?.change ?? '?'} moved some final tags; all of them ` +
        `now hold the newer image ${winner}`);
    return winner;
}

;// CONCATENATED MODULE: ./src/commands/promote-by-tag.ts





/**
 * Promotion by tag: every image planned first (all move or none), every final tag moved, then
 * the temporary tags deleted and the final tags checked again.
 */
async function byTag(run, change) {
    const { session, deleter, inputs, outcome, logger } = run;
    const { prefix, change: number } = change;
    // Every image is checked before any tag moves: all of a change's images move, or none does.
    const planned = await session.all(inputs.images, (image) => planTagPromotion(session, image, prefix, number));
    const problems = planned.flatMap((p) => (p.kind === 'problem' ? [p.problem] : []));
    if (problems.length)
        throw new errors/* ConfigErrors */.m(problems.map((p) => `nothing was promoted: ${p}`), 'images cannot be promoted');
    const plans = settleUnlabelled(planned, logger);
    for (const plan of plans) {
        const ref = `${(0,reference/* refName */.P7)(plan)}`;
        if (plan.alreadyPromoted)
            logger.info(`${plan.image.repository}: already promoted (${plan.digest})`);
        for (const tag of plan.moves)
            outcome.plan.push(`${ref}:${tag} <- ${prefix}_${tag} (${plan.digest})`);
        for (const tag of plan.temporary)
            outcome.plan.push(`delete ${ref}:${tag}`);
    }
    if (inputs.dryRun)
        return targetsOf(plans);
    // Every image's final tags move before any temporary tag goes: a failure stops the others
    // (session.all) with every temporary tag still in place, so a re-run simply completes. Images
    // go side by side; the per-registry limit bounds the requests.
    const moved = await session.all(plans, (plan) => moveTags(session, plan, prefix, logger));
    // Reported in the order of the image list, whatever order they finished in.
    for (const tags of moved)
        for (const tag of tags)
            outcome.promoted.push(tag);
    const deletions = await session.all(plans, async (plan) => {
        const own = emptyOutcome();
        await deleteTemporary({ deleter, signal: session.signal, logger }, plan, guardedTags(plans, plan), own);
        return own;
    });
    // Recorded before anything else can fail: the deletions happened, whatever the checks say.
    for (const own of deletions) {
        for (const deleted of own.deleted)
            outcome.deleted.push(deleted);
        for (const left of own.leftBehind)
            outcome.leftBehind.push(left);
    }
    await settleDeletions(deleter, session.signal, logger);
    const onTags = await session.all(plans, (plan) => recheckFinalTags(session, plan, number, logger));
    onTags.forEach((digest, i) => {
        if (digest !== undefined && digest !== plans[i].digest)
            supersede(outcome.promoted, plans[i], digest);
    });
    return targetsOf(plans);
}
/**
 * The final tags a deletion of this plan's temporary tags must not take with it: its own, and
 * those of every other entry of the same repository holding the same image (one repository may
 * have several entries, and a registry that deletes by digest takes every tag of that digest).
 */
function guardedTags(plans, plan) {
    return plans
        .filter((p) => p === plan || (p.registry === plan.registry && p.repository === plan.repository && p.digest === plan.digest))
        .flatMap((p) => p.image.tags);
}
const targetsOf = (plans) => plans.map((p) => ({ registry: p.registry, repository: p.repository }));
/**
 * An image whose temporary tags are all gone and whose final tags hold one image without a
 * change label is promoted already when another image of the same change still has its
 * temporary tags: the change was gated, and only a run cut short between its deletions leaves
 * this. Alone, it stays an error: nothing shows it is this change's image.
 */
function settleUnlabelled(plans, logger) {
    const gated = plans.some((p) => p.temporary.length > 0 && !p.unlabelled);
    const unsettled = plans.filter((p) => p.unlabelled && !gated);
    if (unsettled.length)
        throw new errors/* ConfigErrors */.m(unsettled.map((p) => `nothing was promoted: ${p.image.repository}: ${p.unlabelled}`), 'images cannot be promoted');
    for (const plan of plans.filter((p) => p.unlabelled))
        logger.info(`${plan.image.repository}: its temporary tags are gone and its final tags hold ${plan.digest}: promoted by an earlier ` +
            `run of this change`);
    return [...plans];
}
function supersede(promoted, plan, onTags) {
    promoted.forEach((p, i) => {
        if (p.repository === plan.image.repository && p.digest === plan.digest && plan.image.tags.includes(p.tag)) {
            promoted[i] = { ...p, digest: onTags, status: 'superseded', ownDigest: plan.digest };
        }
    });
}
/**
 * Temporary tags go once the final tags hold the image; each deletion is guarded, so a registry
 * that deletes the manifest with the tag gets it put back on the final tags. A deletion that
 * fails is a tag left behind, never a failed release: the final tags have moved.
 */
async function deleteTemporary({ deleter, signal, logger }, plan, guarded, outcome) {
    const guard = { tags: guarded, manifest: plan.manifest };
    for (const tag of plan.temporary) {
        const ref = { registry: plan.registry, repository: plan.repository };
        try {
            record(await deleter.deleteTag(ref, tag, guard), outcome);
        }
        catch (error) {
            if (signal.aborted)
                throw error;
            logger.debug(`deleting ${(0,reference/* refName */.P7)(plan, tag)}: ${error.message}`);
            outcome.leftBehind.push({ ref: `${(0,reference/* refName */.P7)(plan, tag)}`, reason: error.message });
        }
    }
}
/**
 * Gives registries that act on a tag DELETE late the time to do it, the final tags watched and
 * put back meanwhile (the deleter warns for each). A watch that fails leaves the re-check to do it.
 */
async function settleDeletions(deleter, signal, logger) {
    try {
        await deleter.settle();
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        logger.warning(`watching the final tags after the deletions failed: ${error.message}; checking them once instead`);
    }
}
/** Puts the planned manifest on every final tag that does not hold it yet: no layer moves. */
async function moveTags(session, plan, prefix, logger) {
    const client = session.client(plan.registry);
    const ref = `${(0,reference/* refName */.P7)(plan)}`;
    const promoted = [];
    // The same bytes, whatever their media type: an index moves with all its platforms, server-side.
    for (const tag of plan.moves) {
        // The registry answers with the digest it stored: checked against the planned one.
        const stored = await client.putManifest(plan.repository, tag, plan.manifest);
        if (stored !== plan.digest)
            throw new Error(`${ref}:${tag} was stored as ${stored}, not ${plan.digest}`);
        promoted.push({ repository: plan.image.repository, tag, digest: plan.digest, from: `${ref}:${prefix}_${tag}`, status: 'moved' });
        logger.info(`${ref}:${tag} -> ${plan.digest}`);
    }
    for (const tag of plan.inPlace)
        promoted.push({ repository: plan.image.repository, tag, digest: plan.digest, from: `${ref}:${prefix}_${tag}`, status: 'in-place' });
    return promoted;
}

// EXTERNAL MODULE: ./src/registry/copy.ts
var registry_copy = __webpack_require__(9190);
// EXTERNAL MODULE: ./src/commands/upload-plan.ts
var upload_plan = __webpack_require__(2325);
;// CONCATENATED MODULE: ./src/commands/promote-intermediate.ts








const REVISION_LABEL = 'org.opencontainers.image.revision';
/** The source of each tag: the gate's artifact, else the deterministic intermediate name. */
function sourceFor(inputs, image, tag, prefix) {
    const artifact = inputs.artifacts?.find((a) => (a.metadata?.repository ?? a.name.slice(0, a.name.lastIndexOf(':'))) === image.repository &&
        (a.metadata?.tag ?? a.name.slice(a.name.lastIndexOf(':') + 1)) === tag);
    if (artifact)
        return artifact.url.slice('docker://'.length);
    if (inputs.intermediate)
        return `${inputs.intermediate.registry}/${(0,upload_plan/* intermediateRepository */.mk)(inputs.intermediate, image)}:${prefix}_${tag}`;
    return undefined;
}
const pick = ({ registry, repository }) => ({ registry, repository });
const sourceOf = (copy) => ({ registry: copy.registry, repository: copy.repository });
const finalOf = (copy) => copy.image.reference;
/**
 * Promotion from an intermediate registry: every source is found and checked before anything is
 * copied (all images or none), then each is copied with every platform to its final tags.
 */
async function fromIntermediate(run, change, revisions) {
    const { session, inputs, outcome, logger } = run;
    const problems = [];
    const copies = [];
    for (const image of inputs.images) {
        const found = await findSource(run, image, change, revisions);
        if (typeof found === 'string')
            problems.push(`${image.repository}: ${found}`);
        else
            copies.push(found);
    }
    if (problems.length)
        throw new errors/* ConfigErrors */.m(problems.map((p) => `nothing was promoted: ${p}`), 'images cannot be promoted');
    const referrers = inputs.referrers.enabled
        ? new registry_referrers/* ReferrerMirror */.tK(session, { types: inputs.referrers.types, dryRun: inputs.dryRun })
        : undefined;
    for (const copy of copies) {
        for (const tag of copy.image.tags)
            outcome.plan.push(`${copy.image.repository}:${tag} <- ${copy.source} (${copy.digest})`);
        if (inputs.dryRun) {
            if (referrers)
                await promoteReferrers(run, copy, referrers);
            continue;
        }
        if (copy.gone) {
            logger.info(`${copy.image.repository}: already promoted (its intermediate tags were deleted then)`);
            copy.image.tags.forEach((tag, i) => outcome.promoted.push({ repository: copy.image.repository, tag, digest: copy.digest, from: copy.sources[i], status: 'in-place' }));
            continue;
        }
        const result = await logger.group(`Promote ${copy.image.repository} from ${copy.registry}`, () => (0,registry_copy/* copyImage */.L)(session, sourceOf(copy), finalOf(copy), { source: copy.digest, tags: copy.image.tags }));
        const copied = `copied (${result.blobsCopied} blobs, ${result.blobsMounted} mounted, ${result.blobsSkipped} already there)`;
        logger.info(`${copy.image.repository}: ${result.status === 'unchanged' ? 'already promoted' : copied}`);
        const status = result.status === 'unchanged' ? 'in-place' : 'moved';
        copy.image.tags.forEach((tag, i) => outcome.promoted.push({ repository: copy.image.repository, tag, digest: copy.digest, from: copy.sources[i], status }));
        if (referrers)
            await promoteReferrers(run, copy, referrers);
    }
    await dropIntermediateTags(run, copies);
    return copies.map((c) => ({ registry: c.registry, repository: c.repository }));
}
/**
 * Once every image is in the final registry, the change's tags in the intermediate registry have
 * served (keep-intermediate keeps them): each goes alone, the image's other tags untouched. A tag
 * that cannot go is left behind, never a failed release.
 */
async function dropIntermediateTags(run, copies) {
    const { deleter, inputs, outcome, logger } = run;
    const tags = [...new Set(copies.filter((c) => !c.gone).flatMap((c) => c.sources))];
    if (tags.length === 0)
        return;
    if (inputs.keepIntermediate) {
        logger.info(`keep-intermediate: the intermediate tags stay (${tags.join(', ')})`);
        return;
    }
    for (const source of tags) {
        const ref = (0,reference/* parseReference */.F2)(source);
        outcome.plan.push(`delete ${source} (intermediate, promoted)`);
        if (inputs.dryRun)
            continue;
        try {
            const result = await deleter.deleteTag(ref, ref.tag ?? 'latest');
            record(result, outcome);
            if (result.status === 'deleted')
                logger.info(`${source}: deleted from the intermediate registry, its image is promoted`);
        }
        catch (error) {
            outcome.leftBehind.push({ ref: source, reason: error.message });
        }
    }
}
/**
 * Signatures and SBOMs hang off the digest: without them the final image fails admission
 * policies. Copied after the image (a dry run plans them).
 */
async function promoteReferrers(run, copy, referrers) {
    const { outcome } = run;
    for (const r of await referrers.copyFor(sourceOf(copy), finalOf(copy), copy.digest)) {
        const at = r.tag ? `:${r.tag}` : `@${r.digest}`;
        if (r.status === 'planned') {
            outcome.plan.push(`${copy.image.repository}${at} <- referrer of ${r.subject} (${r.via})`);
            continue;
        }
        outcome.promoted.push({
            repository: copy.image.repository,
            tag: r.tag ?? r.digest,
            digest: r.digest,
            from: `${copy.registry}/${copy.repository}${at}`,
            status: r.status === 'copied' ? 'moved' : r.status === 'skipped' ? 'skipped' : 'in-place',
            referrer: { subject: r.subject, artifact_type: r.artifactType, via: r.via },
        });
    }
}
/**
 * Where an image's gate build is, checked: every tag present, one digest, the digest the gate
 * recorded, built from the pull request's head or merge commit. A string says why not.
 */
async function findSource(run, image, change, revisions) {
    const prefix = change.prefix;
    const { session, inputs } = run;
    const sources = image.tags.map((tag) => sourceFor(inputs, image, tag, prefix));
    const unknown = image.tags.filter((_, i) => !sources[i]);
    if (unknown.length)
        return `no artifact for ${unknown.join(', ')}, and no intermediate-registry to look in`;
    const refs = sources.map((source) => ({ source, ...(0,reference/* parseReference */.F2)(source) }));
    const heads = await Promise.all(refs.map((ref) => session.client(ref.registry).headManifest(ref.repository, ref.tag ?? 'latest')));
    const missing = refs.filter((_, i) => !heads[i]).map((ref) => ref.source);
    if (missing.length === refs.length) {
        // A re-run after a promotion that deleted them: done if the final tags hold this change's image.
        const done = await promotedAlready(run, image, change);
        if (done)
            return { image, source: refs[0].source, sources: refs.map((r) => r.source), ...pick(refs[0]), digest: done, gone: true };
    }
    if (missing.length)
        return `missing in the intermediate registry: ${missing.join(', ')}`;
    const digests = new Set(heads.map((h) => h?.digest ?? ''));
    if (digests.size > 1)
        return `its intermediate tags point at different images (${[...digests].join(', ')})`;
    const [digest] = digests;
    // Several entries may share a repository: the artifact of this entry is the one of its tags.
    const recorded = inputs.artifacts?.find((a) => a.metadata?.repository === image.repository && a.metadata.tag !== undefined && image.tags.includes(a.metadata.tag))?.metadata?.digest;
    if (recorded && recorded !== digest)
        return `the intermediate image is ${digest}, not the ${recorded} the gate uploaded`;
    const [{ source, registry, repository }] = refs;
    if (revisions.length > 0) {
        const config = await (0,image_config/* readImageConfig */.MP)(session.client(registry), repository, digest);
        const revision = config.labels[REVISION_LABEL];
        if (revision && !revisions.includes(revision)) {
            return (`the intermediate image was built from ${revision}, not the pull request's head ` +
                `${revisions.join(' or its merge ')}; refusing to promote it`);
        }
    }
    return { image, source, sources: refs.map((ref) => ref.source), registry, repository, digest };
}
/** The final tags all hold one image labelled with this change: promoted by an earlier run. */
async function promotedAlready(run, image, change) {
    if (change.change === undefined)
        return undefined;
    const { registry, repository } = image.reference;
    const client = run.session.client(registry);
    const heads = await Promise.all(image.tags.map((tag) => client.headManifest(repository, tag)));
    const digests = new Set(heads.map((h) => h?.digest));
    const [digest] = digests;
    if (digests.size !== 1 || digest === undefined)
        return undefined;
    const config = await (0,image_config/* readImageConfig */.MP)(client, repository, digest);
    return config.labels[CHANGE_LABEL] === String(change.change) ? digest : undefined;
}

;// CONCATENATED MODULE: ./src/commands/promote-revision-tag.ts

/** The tag a promotion leaves on the image of a merged commit: `sha-` and the commit's first 12 hex digits. */
const revisionTag = (commit) => `sha-${commit.slice(0, 12)}`;
/** The commit the change landed as: a push's own commit, or a merged pull request's merge commit. */
function landedCommit(env, event) {
    const commit = env.GITHUB_EVENT_NAME === 'push' ? env.GITHUB_SHA : event.pull_request?.merged ? event.pull_request.merge_commit_sha : undefined;
    return commit && /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
}
/**
 * Puts the revision tag on every image this promotion published, the same manifest bytes: the
 * tested image stays tagged once later merges move the list's tags on (so no registry collects it
 * as untagged), and a release of that commit finds it with one request.
 */
async function tagRevision(run, commit) {
    const { session, outcome, logger } = run;
    const tag = revisionTag(commit);
    await session.all(run.inputs.images, async (image) => {
        const digest = publishedDigest(run, image);
        if (!digest)
            return;
        const { registry, repository } = image.reference;
        const client = session.client(registry);
        const ref = (0,reference/* refName */.P7)(image.reference, tag);
        if ((await client.headManifest(repository, tag))?.digest === digest)
            return;
        outcome.plan.push(`${ref} <- ${digest}`);
        if (run.inputs.dryRun)
            return;
        const stored = await client.putManifest(repository, tag, await client.getManifest(repository, digest));
        if (stored !== digest)
            throw new Error(`${ref} was stored as ${stored}, not ${digest}`);
        outcome.revisionTags.push(`${ref}@${digest}`);
        logger.info(`${ref} -> ${digest} (the image of commit ${commit.slice(0, 12)})`);
    });
}
function publishedDigest({ outcome }, image) {
    const own = outcome.promoted.find((p) => !p.referrer && p.repository === image.repository && image.tags.includes(p.tag));
    return own && (own.status === 'superseded' ? own.ownDigest : own.digest);
}

;// CONCATENATED MODULE: ./src/commands/release-locate.ts





const release_locate_REVISION_LABEL = 'org.opencontainers.image.revision';
/** Tags read from a repository when its final tags do not hold the image: a bound, and said so. */
const MAX_SCANNED_TAGS = 5000;
/** cosign's signature, attestation and SBOM tags, and the referrers fallback index: never an image of a change. */
const ARTIFACT_TAG = /^sha256-[0-9a-f]{64}(\.[a-z]+)?$/;
/**
 * Finds the image a change's gate built in the final repository: first under the commit's
 * revision tag (left by promote with revision-tag), the list's own tags and the change's temporary
 * tags (a release made soon after the merge), then among the
 * repository's other tags. It is the image whose config says it was built for the change
 * (`org.zuul-ci.change`) or from one of its commits (`org.opencontainers.image.revision`).
 */
async function locateGated(session, image, source) {
    const { registry, repository } = image.reference;
    const client = session.client(registry);
    const seen = new Map();
    const examine = async (tags) => {
        const heads = await Promise.all(tags.map((tag) => client.headManifest(repository, tag)));
        const fresh = new Map();
        heads.forEach((head, i) => {
            if (!head)
                return;
            const known = seen.get(head.digest);
            if (known)
                known.tags.push(tags[i]);
            else
                fresh.set(head.digest, [...(fresh.get(head.digest) ?? []), tags[i]]);
        });
        await Promise.all([...fresh].map(async ([digest, under]) => {
            const manifest = await client.getManifest(repository, digest);
            const by = (0,dummy/* isDummy */.Dw)(manifest) ? undefined : matchOf((await (0,image_config/* imageConfigOf */.zH)(client, repository, manifest)).labels, source);
            seen.set(digest, { digest, manifest, tags: under, by });
        }));
    };
    const first = [
        revisionTag(source.commit),
        ...image.tags,
        ...(source.change !== undefined ? image.tags.map((tag) => `change_${source.change}_${tag}`) : []),
    ];
    await examine(first);
    let scanned = `its tags ${first.join(', ')}`;
    if (![...seen.values()].some((c) => c.by)) {
        const listing = await client.readTags(repository, { maxTags: MAX_SCANNED_TAGS });
        const rest = listing.tags.filter((tag) => !first.includes(tag) && !ARTIFACT_TAG.test(tag));
        await examine(rest);
        scanned = `its ${first.length + rest.length} tags${listing.complete ? '' : ` (the first ${MAX_SCANNED_TAGS} it lists)`}`;
    }
    return choose([...seen.values()].filter((c) => c.by), image, source, `${(0,reference/* refName */.P7)(image.reference)}: ${scanned}`);
}
function matchOf(labels, source) {
    if (source.change !== undefined && labels[CHANGE_LABEL] === String(source.change))
        return `${CHANGE_LABEL}=${source.change}`;
    const revision = labels[release_locate_REVISION_LABEL];
    if (revision && source.revisions.includes(revision))
        return `${release_locate_REVISION_LABEL}=${revision}`;
    return undefined;
}
/** One image matched: it. Several: the one the list's own tags hold (the promoted one), else ambiguous. */
function choose(matches, image, source, where) {
    const promoted = matches.filter((c) => c.tags.some((tag) => image.tags.includes(tag)));
    const pick = matches.length === 1 ? matches[0] : promoted.length === 1 ? promoted[0] : undefined;
    if (pick)
        return { kind: 'found', digest: pick.digest, manifest: pick.manifest, tag: pick.tags[0], by: pick.by };
    const what = `${source.change !== undefined ? `${CHANGE_LABEL}=${source.change} or ` : ''}` +
        `${release_locate_REVISION_LABEL}=${source.revisions.map((r) => r.slice(0, 12)).join('|')}`;
    if (matches.length === 0)
        return {
            kind: 'problem',
            problem: `no image of commit ${source.commit.slice(0, 12)}${source.change !== undefined ? ` (change ${source.change})` : ''} ` +
                `in ${where} (looked for the label ${what}): was it gated? To rebuild the release instead, run upload with promote: false`,
        };
    return {
        kind: 'problem',
        problem: `several images match ${what} in ${where}: ${matches.map((c) => `${c.digest} (${c.tags.join(', ')})`).join('; ')}; ` +
            `put the one to release on a tag of the list, or give the change input`,
    };
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/commands/release-tags.ts



/** `v1.2.3` or `1.2.3` (pre-release allowed), strictly: `1.2` is a floating tag, not a version. */
function parseVersion(tag) {
    return semver_default().parse(tag.replace(/^v/i, ''));
}
/** A tag that names one release (`1.2.3`, `v1.2.3-rc.1`): set once, never moved to another image. */
const isExactVersion = (tag) => parseVersion(tag) !== null;
/**
 * The image tags a git tag gives (docs/releases.md, "Version tags"): `v1.2.3` gives `1.2.3`, and
 * `1.2`, `1` and `latest` each only when no higher release in the repository already holds that
 * line, so releasing a fix of an older line never moves the newer one. A pre-release gives only
 * its own tag. A tag that is no version is used as it is.
 */
function versionTags(gitTag, existingTags) {
    const version = parseVersion(gitTag);
    if (!version) {
        if (!(0,reference/* isValidTag */.r_)(gitTag))
            throw new errors/* ConfigError */.x(`release-tag: "${gitTag}" is neither a version (v1.2.3) nor a valid image tag`);
        return { tags: [gitTag], held: [] };
    }
    const own = version.version;
    const floating = [`${version.major}.${version.minor}`, `${version.major}`, 'latest'];
    if (version.prerelease.length > 0)
        return { tags: [own], held: floating.map((tag) => ({ tag, reason: `${own} is a pre-release` })) };
    const released = existingTags.map(parseVersion).filter((v) => v !== null && v.prerelease.length === 0);
    const higher = (same) => released.filter((v) => same(v) && semver_default().gt(v, version)).sort((semver_default()).rcompare)[0];
    const lines = [
        [floating[0], higher((v) => v.major === version.major && v.minor === version.minor)],
        [floating[1], higher((v) => v.major === version.major)],
        [floating[2], higher(() => true)],
    ];
    return {
        tags: [own, ...lines.filter(([, above]) => !above).map(([tag]) => tag)],
        held: lines.flatMap(([tag, above]) => (above ? [{ tag, reason: `${above.version} is a higher release` }] : [])),
    };
}

;// CONCATENATED MODULE: ./src/commands/promote-release.ts




/**
 * A release by promotion: the image the change's gate built and tested gets the release tags,
 * server-side (the same manifest bytes, so every platform and every referrer stays with it), and
 * nothing is built. Every image is located and planned before any tag moves: all or none.
 */
async function release(run, source, inputs) {
    const { session, outcome, logger } = run;
    const images = run.inputs.images;
    const planned = await session.all(images, (image, i) => planRelease(session, image, source, inputs.tagsOf(i)));
    const problems = planned.flatMap((p) => (p.kind === 'problem' ? [`nothing was released: ${p.problem}`] : []));
    if (problems.length)
        throw new errors/* ConfigErrors */.m(problems, 'images cannot be released');
    const plans = planned.map((p) => p.plan);
    for (const plan of plans) {
        logger.info(`${plan.ref}: the gated image is ${plan.digest} (found under ${plan.from}, ${plan.by})`);
        for (const held of plan.held)
            logger.info(`${plan.ref}:${held.tag} stays where it is: ${held.reason}`);
        for (const tag of plan.moves)
            outcome.plan.push(`${plan.ref}:${tag} <- ${plan.digest}`);
    }
    if (run.inputs.dryRun)
        return;
    const moved = await session.all(plans, (plan) => moveReleaseTags(session, plan, logger.info.bind(logger)));
    for (const tags of moved)
        outcome.promoted.push(...tags);
}
async function planRelease(session, image, source, given) {
    const located = await locateGated(session, image, source);
    if (located.kind === 'problem')
        return located;
    const { registry, repository } = image.reference;
    const client = session.client(registry);
    const ref = (0,reference/* refName */.P7)(image.reference);
    let tags;
    let held = [];
    if ('gitTag' in given) {
        // The rule compares with the releases the repository already has: list it once.
        const listing = await client.readTags(repository);
        ({ tags, held } = versionTags(given.gitTag, listing.tags));
    }
    else
        tags = given;
    const heads = await Promise.all(tags.map((tag) => client.headManifest(repository, tag)));
    const moves = [];
    const inPlace = [];
    for (const [i, tag] of tags.entries()) {
        const on = heads[i]?.digest;
        if (on === located.digest)
            inPlace.push(tag);
        else if (on !== undefined && isExactVersion(tag))
            return {
                kind: 'problem',
                problem: `${ref}:${tag} already holds ${on}, another image than the gated ${located.digest}: a version tag is never moved; ` +
                    `release a new version`,
            };
        else
            moves.push(tag);
    }
    const plan = { image, ref, digest: located.digest, manifest: located.manifest, from: `${ref}:${located.tag}`, by: located.by };
    return { kind: 'ready', plan: { ...plan, moves, inPlace, held } };
}
/** Puts the gated manifest's own bytes on each release tag: no layer moves, the digest cannot change. */
async function moveReleaseTags(session, plan, info) {
    const client = session.client(plan.image.reference.registry);
    const entry = (tag, status) => ({
        repository: plan.image.repository,
        tag,
        digest: plan.digest,
        from: plan.from,
        status,
    });
    const promoted = [];
    for (const tag of plan.moves) {
        const stored = await client.putManifest(plan.image.reference.repository, tag, plan.manifest);
        if (stored !== plan.digest)
            throw new Error(`${plan.ref}:${tag} was stored as ${stored}, not ${plan.digest}`);
        promoted.push(entry(tag, 'moved'));
        info(`${plan.ref}:${tag} -> ${plan.digest}`);
    }
    return [...promoted, ...plan.inPlace.map((tag) => entry(tag, 'in-place'))];
}

// EXTERNAL MODULE: ./src/commands/change-record.ts
var change_record = __webpack_require__(8852);
;// CONCATENATED MODULE: ./src/commands/record-cleanup.ts





const RECORD_TAG = /^change_([1-9][0-9]{0,9})$/;
const MAX_RECORDS_READ = 10_000;
/**
 * The change records of this repository that nothing needs any more: the change promoted now
 * (merged: dependents use its release), and changes the forge says are closed. An open change,
 * or one the forge could not answer for, keeps its record.
 */
async function cleanupRecords(run, change) {
    const { session, deleter, inputs, outcome, logger, env } = run;
    const forgeRepository = env.GITHUB_REPOSITORY;
    if (!inputs.changes || !forgeRepository)
        return;
    const { registry, repository } = (0,change_record/* recordLocation */.tv)(inputs.changes, forgeRepository, 1);
    let tags;
    try {
        tags = (await session.client(registry).readTags(repository, { maxTags: MAX_RECORDS_READ })).tags;
    }
    catch (error) {
        if (error instanceof registry_errors/* RegistryError */.gl && error.status === 404)
            return; // no record was ever written
        throw error;
    }
    const stateOf = (0,pull_request/* changeStateLookup */.qO)(env, inputs.token, logger);
    for (const tag of tags) {
        const number = Number(RECORD_TAG.exec(tag)?.[1] ?? NaN);
        if (Number.isNaN(number))
            continue;
        const answer = number === change.change ? undefined : await stateOf(number);
        const reason = number === change.change ? 'merged (promoted by this run)' : answer?.state === 'closed' ? 'closed, says the forge' : undefined;
        const ref = (0,reference/* refName */.P7)({ registry, repository }, tag);
        if (!reason) {
            logger.debug(`change record ${ref} stays: ${answer?.state === 'open' ? 'the change is open' : answer?.state === 'unknown' ? answer.reason : 'the forge was not asked'}`);
            continue;
        }
        if (inputs.dryRun) {
            outcome.plan.push(`delete change record ${ref} (change ${number} ${reason})`);
            continue;
        }
        record(await deleter.deleteTag({ registry, repository }, tag), outcome);
        logger.info(`change record ${ref} deleted: change ${number} ${reason}`);
    }
}

// EXTERNAL MODULE: ./src/commands/run-session.ts + 3 modules
var run_session = __webpack_require__(6315);
;// CONCATENATED MODULE: ./src/commands/promote.ts




















async function promote(context) {
    const { env, logger } = context;
    const inputs = readPromoteInputs(context.read, env, (0,report/* reportTo */.E)(logger));
    if (inputs.release) {
        const releasing = inputs.release;
        const source = await releaseSource(env, { override: inputs.change, token: inputs.token, logger });
        const from = source.change !== undefined ? `change ${source.change}` : `commit ${source.commit.slice(0, 12)}`;
        return inSession(context, inputs, { done: `Released ${releasing.name} from ${from}`, planned: `Release plan for ${releasing.name}` }, (run) => release(run, source, releasing));
    }
    const event = (0,platform_change/* readEvent */.j)(env);
    const { change, revisions, skip } = await (0,pull_request/* changeForPromote */.OI)(env, event, { override: inputs.change, token: inputs.token, logger });
    if (skip) {
        logger.info(skip);
        return { outputs: { promoted: '[]', deleted: '[]', 'left-behind': '[]', ...flat_outputs/* NO_FLAT_OUTPUTS */.x } };
    }
    const titles = { done: `Promoted change ${change.change}`, planned: `Promotion plan for change ${change.change}` };
    return inSession(context, inputs, titles, async (run) => {
        logger.info(`promoting change ${change.change} (${change.prefix}_<tag>) by ${inputs.method}${inputs.dryRun ? ' (dry run: nothing changes)' : ''}`);
        const cleanupTargets = inputs.method === 'tag' ? await byTag(run, change) : await fromIntermediate(run, change, revisions);
        const landed = inputs.revisionTag ? landedCommit(env, event) : undefined;
        if (inputs.revisionTag && !landed)
            logger.info('revision-tag: no merged commit is known for this event: no revision tag set');
        if (landed)
            await tagRevision(run, landed);
        if (inputs.cleanup)
            await cleanup(run, cleanupTargets, change);
        if (inputs.cleanup)
            await cleanupRecords(run, change);
    });
}
/** Runs a promotion's work in the run's session and reports what it did, whether it finished or failed. */
async function inSession(context, inputs, titles, work) {
    const { env, logger } = context;
    checkCredentials(inputs);
    const { session, deleter } = (0,run_session/* openRunSession */.I)({
        credentials: inputs.credentials,
        registries: [
            ...inputs.images.map((image) => image.reference.registry),
            ...[inputs.intermediate, inputs.changes].flatMap((r) => (r ? [r.registry] : [])),
        ],
        env,
        exec: context.exec,
        logger,
        transport: inputs.transport,
    });
    const outcome = emptyOutcome();
    const run = { session, deleter, inputs, outcome, logger, env };
    let failure;
    try {
        await work(run);
        for (const left of outcome.leftBehind)
            logger.warning(`temporary tag left behind: ${left.ref}: ${left.reason}`);
        for (const probe of deleter.leftoverProbes)
            logger.warning(`probe tag left behind: ${probe}`);
    }
    catch (error) {
        // The outputs still say what was done before the failure.
        failure = error.message;
    }
    finally {
        session.close();
    }
    return promote_report(run, titles, failure);
}
/** Every image's credentials (and its intermediate registry's) are checked before any request. */
function checkCredentials(inputs) {
    const problems = [];
    for (const image of inputs.images) {
        try {
            (0,inputs_credentials/* credentialFor */.FX)(inputs.credentials, image.reference.registry, image.repository);
            if (inputs.method === 'intermediate-registry' && inputs.intermediate) {
                const intermediate = `${inputs.intermediate.registry}/${(0,upload_plan/* intermediateRepository */.mk)(inputs.intermediate, image)}`;
                (0,inputs_credentials/* credentialFor */.FX)(inputs.credentials, inputs.intermediate.registry, intermediate);
            }
        }
        catch (error) {
            if (!(error instanceof errors/* ConfigError */.x))
                throw error;
            problems.push(error.message);
        }
    }
    if (problems.length)
        throw new errors/* ConfigErrors */.m([...new Set(problems)]);
}
/** Outputs and summary of what was done, on success and on every failure path alike. */
function promote_report({ inputs, outcome, logger }, titles, failure) {
    if (inputs.dryRun)
        logger.info(`dry run, nothing changed. The plan:\n  ${outcome.plan.join('\n  ') || 'nothing to do'}`);
    if (!failure && inputs.strictCleanup && outcome.leftBehind.length > 0) {
        failure =
            `strict-cleanup: ${outcome.leftBehind.length} temporary tag(s) could not be deleted: ` +
                `${outcome.leftBehind.map((l) => l.ref).join(', ')}`;
    }
    return {
        outputs: {
            promoted: JSON.stringify(outcome.promoted),
            deleted: JSON.stringify(outcome.deleted),
            'left-behind': JSON.stringify(outcome.leftBehind),
            ...(inputs.dryRun ? {} : (0,flat_outputs/* flatOutputs */.O)(finalTags(outcome.promoted), inputs.images.length)),
        },
        summary: {
            title: inputs.dryRun ? `${titles.planned} (dry run)` : titles.done,
            headers: ['final tag', 'digest', 'from', 'status'],
            rows: [
                ...outcome.promoted.map((p) => [`${p.repository}:${p.tag}`, p.digest, p.from, p.status]),
                ...outcome.revisionTags.map((r) => [r.slice(0, r.indexOf('@')), r.slice(r.indexOf('@') + 1), '', 'revision tag']),
                ...outcome.deleted.map((d) => [d, '', '', deletedWhy(outcome, d)]),
                ...outcome.kept.map((k) => [k.ref, '', '', `kept: ${k.reason}`]),
                ...outcome.leftBehind.map((l) => [l.ref, '', '', `left behind: ${l.reason}`]),
                ...(inputs.dryRun ? outcome.plan.map((p) => [p, '', '', 'planned']) : []),
            ],
        },
        failure,
    };
}
/** A deleted tag in the summary: this change's own temporary tag, or another change's leaked one and why it went. */
function deletedWhy(outcome, ref) {
    const leaked = outcome.leaked.find((l) => l.ref === ref);
    return leaked ? `deleted: leaked, ${leaked.reason}` : 'deleted: temporary tag of this change';
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


/***/ })

};
