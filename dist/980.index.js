export const id = 980;
export const ids = [980];
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

/***/ 8980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  upload: () => (/* binding */ upload)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/interrupt.ts
var interrupt = __webpack_require__(8476);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/config/inputs/report.ts
var report = __webpack_require__(5046);
// EXTERNAL MODULE: ./src/config/inputs/credentials.ts
var credentials = __webpack_require__(7324);
// EXTERNAL MODULE: ./src/config/inputs/booleans.ts
var booleans = __webpack_require__(1609);
// EXTERNAL MODULE: ./src/config/readers/build.ts + 1 modules
var build = __webpack_require__(8524);
// EXTERNAL MODULE: ./src/config/inputs/table.ts
var table = __webpack_require__(9714);
// EXTERNAL MODULE: ./src/config/inputs/transport.ts
var transport = __webpack_require__(991);
// EXTERNAL MODULE: ./src/config/inputs/changes-registry.ts
var changes_registry = __webpack_require__(8411);
// EXTERNAL MODULE: ./src/config/inputs/promotion.ts
var promotion = __webpack_require__(503);
;// CONCATENATED MODULE: ./src/config/readers/upload.ts







/** Reuse in a release merge is opt-in: without it a missing platform would ship the last release's child. */
function readMergeReuseMissing(read, merge) {
    const reuse = (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.MergeReuseMissing), table/* Input */.pd.MergeReuseMissing, false);
    if (reuse && !merge)
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.MergeReuseMissing}: only with ${table/* Input */.pd.Merge}: true (it says what a merge may reuse)`);
    return reuse;
}
function readMerge(read, platform) {
    const merge = (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.Merge), table/* Input */.pd.Merge, false);
    if (merge && platform)
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.Merge}: a merge job builds nothing: give it no platform (${platform})`);
    return merge;
}
function readUploadInputs(read, env, report) {
    const promote = (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.Promote), table/* Input */.pd.Promote, true);
    const promoteMethod = (0,promotion/* readPromoteMethod */.Gn)(read);
    const engine = (0,build/* readBuildInputs */.q)(read, env, report, {
        upload_container_image_promote: { input: table/* Input */.pd.Promote, value: String(promote) },
        promote_container_image_method: { input: table/* Input */.pd.PromoteMethod, value: promoteMethod },
    });
    const merge = readMerge(read, engine.platform);
    return {
        ...engine,
        promote,
        promoteMethod,
        intermediate: (0,promotion/* readIntermediate */.QB)(read, promoteMethod, promote),
        allowUntrusted: (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.AllowUntrustedBuilds), table/* Input */.pd.AllowUntrustedBuilds, false),
        merge,
        mergeReuseMissing: readMergeReuseMissing(read, merge),
        transport: (0,transport/* readTransportOptions */.qU)(read, engine.workDir),
        removeLocal: readRemoveLocal(read(table/* Input */.pd.RemoveLocalImages)),
        changes: (0,changes_registry/* readChangesRegistry */.L)(read) ??
            (promote && promoteMethod === 'intermediate-registry' ? (0,promotion/* readIntermediate */.QB)(read, promoteMethod, promote) : undefined),
    };
}
/** remove-local-images: true, false, or auto (the command decides by the runner). */
function readRemoveLocal(value) {
    return value === '' || value === 'auto' ? 'auto' : (0,booleans/* parseBoolean */.y)(value, table/* Input */.pd.RemoveLocalImages, false);
}

// EXTERNAL MODULE: ./src/engines/auth-file.ts
var auth_file = __webpack_require__(9152);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/platform/change.ts
var platform_change = __webpack_require__(7359);
// EXTERNAL MODULE: ./src/platform/trust.ts
var trust = __webpack_require__(9105);
// EXTERNAL MODULE: ./src/registry/verify.ts
var verify = __webpack_require__(8386);
// EXTERNAL MODULE: ./src/registry/retry.ts
var retry = __webpack_require__(1521);
// EXTERNAL MODULE: ./src/commands/build.ts + 2 modules
var commands_build = __webpack_require__(154);
// EXTERNAL MODULE: ./src/commands/build-access.ts
var build_access = __webpack_require__(1413);
// EXTERNAL MODULE: ./src/registry/digest.ts
var digest = __webpack_require__(5035);
// EXTERNAL MODULE: ./src/registry/errors.ts
var registry_errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/image-config.ts
var image_config = __webpack_require__(3689);
// EXTERNAL MODULE: ./src/registry/manifest.ts
var manifest = __webpack_require__(506);
// EXTERNAL MODULE: ./src/registry/media-types.ts
var media_types = __webpack_require__(9867);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/commands/run-session.ts + 3 modules
var run_session = __webpack_require__(6315);
// EXTERNAL MODULE: ./src/commands/change-record.ts
var change_record = __webpack_require__(8852);
;// CONCATENATED MODULE: ./src/commands/record-change.ts


/**
 * After every image of a gate is pushed, the change's record: each final reference, where the
 * change's image is, and its digest, so that another repository's `use` finds them. Written last,
 * so a record never names an image that is not there; a newer upload of the change overwrites it.
 */
async function recordChange({ session, logger, env }, changes, change, targets, uploaded) {
    const repository = change.baseRepository ?? env.GITHUB_REPOSITORY;
    if (!changes || change.change === undefined || !repository) {
        const why = !changes
            ? 'no changes-registry is set'
            : change.change === undefined
                ? 'this run is for no change'
                : 'no repository is known';
        logger.info(`no change record written: ${why}`);
        return;
    }
    const where = (0,change_record/* recordLocation */.tv)(changes, repository, change.change);
    const images = targets.flatMap((target, i) => target.tags.map((tag, t) => ({
        reference: `${target.image.repository}:${target.finalTags[t]}`,
        speculative: (0,reference/* refName */.P7)(target, tag),
        digest: uploaded[i].digest,
    })));
    try {
        await (0,change_record/* pushRecord */.Mz)(session.client(where.registry), where, {
            version: 1,
            repository,
            change: change.change,
            url: change.changeUrl,
            revision: change.revision,
            pipeline: change.pipeline,
            images,
        });
    }
    catch (error) {
        throw new Error(`the images are pushed, but the change record ${(0,reference/* refName */.P7)(where, where.tag)} could not be written: ${error.message}`, {
            cause: error,
        });
    }
    logger.info(`change record ${(0,reference/* refName */.P7)(where, where.tag)} written: ${images.length} reference(s)`);
}

// EXTERNAL MODULE: ./src/commands/upload-plan.ts
var upload_plan = __webpack_require__(2325);
// EXTERNAL MODULE: ./src/commands/flat-outputs.ts
var flat_outputs = __webpack_require__(9236);
;// CONCATENATED MODULE: ./src/commands/upload-report.ts


function uploadReport(mode, change, targets, uploaded, platform) {
    const artifacts = 
    // A platform job's push is not the gate's result yet: the merge job records the artifacts.
    mode === 'intermediate' && !platform
        ? targets.flatMap((target, i) => target.tags.map((tag, t) => ({
            name: `${target.image.repository}:${target.finalTags[t]}`,
            url: `docker://${(0,reference/* refName */.P7)(target, tag)}`,
            metadata: {
                type: 'container_image',
                repository: target.image.repository,
                tag: target.finalTags[t],
                digest: uploaded[i].digest,
                revision: change.revision ?? null,
            },
        })))
        : [];
    const titles = {
        intermediate: 'Uploaded to the intermediate registry',
        gate: `Uploaded for ${change.prefix} (gate)`,
        release: 'Released',
    };
    return {
        outputs: {
            images: JSON.stringify(uploaded),
            artifacts: JSON.stringify(artifacts),
            ...(0,flat_outputs/* flatOutputs */.O)(uploaded, uploaded.length),
        },
        summary: {
            title: titles[mode],
            headers: ['repository', 'pushed', 'digest', 'platforms'],
            rows: uploaded.map((u) => [
                u.repository,
                u.refs.map((r) => (u.skipped.some((s) => r.endsWith(`:${s}`)) ? `${r} (already there)` : r)).join(' '),
                u.digest,
                u.platforms.join(', '),
            ]),
        },
    };
}

;// CONCATENATED MODULE: ./src/commands/merge.ts












/**
 * The merge job of a split build: for every image, one index of the platform jobs' pushes, each
 * child read and its config checked against the platform it is published as, pushed under the
 * mode's tags, then the per-platform tags deleted. A platform pushed by no job this time keeps the
 * child the last merge put there (re-running one platform job replaces only that platform), except
 * in a release, where that child is the previous release's: there only with merge-reuse-missing.
 * Every image is assembled before anything is pushed: a platform missing or wrong anywhere stops
 * the merge with nothing changed. (docs/runners.md, "Split builds: one platform per runner")
 */
async function mergeUploads(context, inputs, change, mode) {
    const { env, logger } = context;
    const unsplit = inputs.images.filter((image) => image.platforms.length === 0);
    if (unsplit.length)
        throw new errors/* ConfigErrors */.m(unsplit.map((image) => `images[${image.index}].arch: required with merge: true (the platforms to assemble)`));
    const targets = (0,upload_plan/* planUploads */.K)(inputs.images, mode, change.prefix, { intermediate: inputs.intermediate, credentials: inputs.credentials });
    if (inputs.dryRun)
        return dryRunMerge(targets, change, logger);
    const { session, deleter, close } = (0,run_session/* openRunSession */.I)({
        credentials: inputs.credentials,
        registries: [...targets.map((t) => t.registry), ...(inputs.changes ? [inputs.changes.registry] : [])],
        env,
        exec: context.exec,
        logger,
        transport: inputs.transport,
    });
    const reuse = mode !== 'release' || inputs.mergeReuseMissing;
    try {
        const assembled = await session.all(targets, (target) => assemble(session, target, change.prefix, reuse));
        const problems = assembled.flatMap((a) => (typeof a === 'string' ? [a] : []));
        if (problems.length)
            throw new errors/* ConfigErrors */.m(problems.map((p) => `nothing was merged: ${p}`), 'platforms cannot be merged');
        const ready = assembled;
        const uploaded = [];
        for (const { target, index, reused } of ready) {
            const client = session.client(target.registry);
            const skipped = [];
            for (const tag of target.tags) {
                if ((await client.headManifest(target.repository, tag))?.digest === index.digest)
                    skipped.push(tag);
                else
                    await client.putManifest(target.repository, tag, index);
            }
            await (0,verify/* verifyTags */.v)(client, target.repository, target.tags, index.digest, 'after the merge');
            logger.info(`${(0,reference/* refName */.P7)(target)}: ${index.digest} (${target.image.platforms.join(', ')}) as ${target.tags.join(', ')}`);
            for (const r of reused)
                logger.info(`${(0,reference/* refName */.P7)(target)}: ${r.platform} not pushed this time: reused ${r.digest} from ${r.from}`);
            uploaded.push({
                repository: target.image.repository,
                tags: target.tags.map((tag) => (0,reference/* refName */.P7)(target, tag)),
                image_id: index.digest,
                platforms: target.image.platforms,
                change: change.change ?? null,
                digest: index.digest,
                refs: target.tags.map((tag) => (0,reference/* refName */.P7)(target, tag)),
                skipped,
                reused,
            });
        }
        // The change's record names the merged lists, once all of them are there.
        if (mode !== 'release')
            await recordChange({ session, logger, env }, inputs.changes, change, targets, uploaded);
        await deletePlatformTags(deleter, ready, logger);
        return withReused(uploadReport(mode, change, targets, uploaded), uploaded);
    }
    finally {
        close();
    }
}
/**
 * One GET per platform tag, each child read and checked (readPlatformImage); the index under the
 * first tag is read only when a platform was not pushed this time and `reuse` allows taking it from
 * there. A string says what is missing or wrong and which job should push it.
 */
async function assemble(session, target, prefix, reuse) {
    const client = session.client(target.registry);
    const { image } = target;
    const name = `images[${image.index}] ${(0,reference/* refName */.P7)(target)}`;
    const tags = image.platforms.map((platform) => (0,upload_plan/* platformTag */.oq)(prefix, image, platform));
    const pushed = await Promise.all(tags.map((tag) => manifestIfAny(client, target.repository, tag)));
    const children = new Map();
    const wrong = [];
    for (const [i, platform] of image.platforms.entries()) {
        const manifest = pushed[i];
        if (!manifest)
            continue;
        const child = await checkedChild(client, target, manifest, (0,reference/* refName */.P7)(target, tags[i]), platform);
        if (typeof child === 'string')
            wrong.push(`${child} (re-run the upload job with platform: ${platform} on a runner that builds it)`);
        else
            children.set(platform, child);
    }
    if (wrong.length)
        return `${name}: ${wrong.join('; ')}`;
    const notPushed = image.platforms.filter((platform) => !children.has(platform));
    const found = reuse ? await reuseMissing(client, target, notPushed) : [];
    if (typeof found === 'string')
        return `${name}: ${found}`;
    for (const { platform, descriptor } of found)
        children.set(platform, descriptor);
    const reused = found.map(({ platform, digest, from }) => ({ platform, digest, from }));
    const missing = image.platforms.filter((platform) => !children.has(platform));
    if (missing.length)
        return `${name}: no ${missing.join(', ')} image: ${missingReason(target, prefix, missing, reuse)}`;
    const manifests = image.platforms.map((platform) => children.get(platform));
    const docker = manifests.every((m) => m.mediaType === media_types/* MediaType */.zu.DockerManifest);
    const mediaType = docker ? media_types/* MediaType */.zu.DockerManifestList : media_types/* MediaType */.zu.OciIndex;
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }));
    return { target, index: { bytes, mediaType, digest: (0,digest/* sha256 */.sc)(bytes) }, platformTags: tags.filter((_, i) => pushed[i]), reused };
}
/**
 * The children of the index under the first tag for the platforms not pushed this time, each
 * checked as a pushed one is. A string says which one is not what its index claims.
 */
async function reuseMissing(client, target, missing) {
    if (missing.length === 0)
        return [];
    const from = (0,reference/* refName */.P7)(target, target.tags[0]);
    const previous = await manifestIfAny(client, target.repository, target.tags[0]);
    if (!previous || !(0,manifest/* isIndex */.nw)(previous.mediaType, previous.bytes))
        return [];
    const entries = (0,manifest/* parseJson */.qF)(previous.bytes, `index ${from}`).manifests;
    const reused = [];
    for (const platform of missing.filter((p) => entries.some((m) => (0,manifest/* platformMatches */.J5)(p, m.platform)))) {
        const descriptor = await checkedChild(client, target, previous, from, platform);
        if (typeof descriptor === 'string')
            return descriptor;
        reused.push({ platform, digest: descriptor.digest, from, descriptor });
    }
    return reused;
}
/** The descriptor of a platform's image read from its bytes, or what is wrong with it. */
async function checkedChild(client, target, manifest, label, platform) {
    try {
        return await (0,image_config/* readPlatformImage */.tR)(client, target.repository, manifest, label, platform);
    }
    catch (error) {
        if (error instanceof image_config/* WrongPlatformError */.TH)
            return error.message;
        throw error;
    }
}
function missingReason(target, prefix, missing, reuse) {
    const jobs = missing.map((p) => `the upload job with platform: ${p} did not push ${(0,upload_plan/* platformTag */.oq)(prefix, target.image, p)}`).join('; ');
    if (reuse)
        return jobs;
    return (`${jobs}; a release merge does not take a platform from the release already under ${(0,reference/* refName */.P7)(target, target.tags[0])} ` +
        'unless merge-reuse-missing: true');
}
/** A manifest's exact bytes, or undefined where the registry has none under the reference. */
async function manifestIfAny(client, repository, reference) {
    try {
        return await client.getManifest(repository, reference);
    }
    catch (error) {
        if (error instanceof registry_errors/* RegistryError */.gl && error.status === 404)
            return undefined;
        throw error;
    }
}
/** The summary names every child a merge reused, with the reference it came from. */
function withReused(result, merged) {
    if (!result.summary || merged.every((m) => m.reused.length === 0))
        return result;
    const { summary } = result;
    const cell = (m) => m.reused.map((r) => `${r.platform} ${r.digest} from ${r.from}`).join('; ');
    return {
        ...result,
        summary: {
            ...summary,
            headers: [...summary.headers, 'reused (not pushed this time)'],
            rows: summary.rows.map((row, i) => [...row, cell(merged[i])]),
        },
    };
}
/** The per-platform tags go once the index is in place; a deletion that fails is a warning: the merge is done. */
async function deletePlatformTags(deleter, ready, logger) {
    for (const { target, platformTags } of ready) {
        for (const tag of platformTags) {
            try {
                const result = await deleter.deleteTag({ registry: target.registry, repository: target.repository }, tag);
                if (result.status === 'left-behind')
                    logger.warning(`per-platform tag left behind: ${(0,reference/* refName */.P7)(target, tag)}: ${result.detail ?? ''}`);
            }
            catch (error) {
                logger.warning(`per-platform tag left behind: ${(0,reference/* refName */.P7)(target, tag)}: ${error.message}`);
            }
        }
    }
}
function dryRunMerge(targets, change, logger) {
    for (const target of targets) {
        const from = target.image.platforms.map((p) => (0,reference/* refName */.P7)(target, (0,upload_plan/* platformTag */.oq)(change.prefix, target.image, p)));
        logger.info(`${(0,reference/* refName */.P7)(target)}: an index of ${from.join(', ')} -> ${target.tags.join(', ')}`);
    }
    logger.info('dry run: no request was sent');
    return {
        outputs: {
            images: JSON.stringify(targets.map((t) => ({ repository: t.image.repository, pushes: t.tags.map((tag) => (0,reference/* refName */.P7)(t, tag)) }))),
        },
    };
}

// EXTERNAL MODULE: ./src/commands/dry-run.ts + 1 modules
var dry_run = __webpack_require__(1416);
// EXTERNAL MODULE: ./src/platform/runner.ts
var platform_runner = __webpack_require__(1245);
// EXTERNAL MODULE: ./src/commands/source-date.ts
var source_date = __webpack_require__(6794);
;// CONCATENATED MODULE: ./src/commands/upload.ts


























async function upload(given) {
    const inputs = readUploadInputs(given.read, given.env, (0,report/* reportTo */.E)(given.logger));
    const change = (0,platform_change/* detectChange */.A)(given.env, (0,platform_change/* readEvent */.j)(given.env), inputs.change);
    refuseUntrusted(inputs, change);
    const mode = (0,upload_plan/* uploadMode */.jU)(inputs);
    const context = mode === 'release' ? await (0,source_date/* withSourceDateEpoch */.I)(given, inputs.workDir) : given;
    const { env, logger } = context;
    if (inputs.merge)
        return mergeUploads(context, inputs, change, mode);
    const targets = (0,upload_plan/* planUploads */.K)(inputs.images, mode, change.prefix, {
        intermediate: inputs.intermediate,
        credentials: inputs.credentials,
        platform: inputs.platform,
    });
    logger.info(describe(mode, change, targets));
    if (inputs.dryRun) {
        const insecureRegistries = inputs.transport.insecureRegistries ?? [];
        return (0,dry_run/* dryRun */.P)(context, inputs, change, { targets, insecureRegistries, title: `${mode} upload` });
    }
    const { built, plans } = await (0,commands_build.buildImages)(context, inputs, change);
    if (inputs.platform)
        checkPlatforms(inputs.platform, plans, built);
    const engine = (0,upload_plan/* pushEngine */.v_)(context, inputs);
    const { session, close } = (0,run_session/* openRunSession */.I)({
        credentials: inputs.credentials,
        registries: [...targets.map((t) => t.registry), ...(inputs.changes ? [inputs.changes.registry] : [])],
        env,
        exec: context.exec,
        logger,
        transport: inputs.transport,
    });
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'cia-push-'));
    const unregister = (0,interrupt/* onInterrupt */.nA)(() => (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true }));
    const uploaded = [];
    const { certDir, files } = (0,build_access/* certDirPlan */.Dn)(engine.capabilities, scratch, inputs.ca);
    await (0,build_access/* writeEngineFiles */.$r)(files);
    const push = { engine, session, insecureRegistries: inputs.transport.insecureRegistries ?? [], logger, certDir };
    try {
        for (const [i, target] of targets.entries()) {
            const result = await logger.group(`Push ${(0,reference/* refName */.P7)(target)} (${engine.name})`, () => pushImage(push, target, built[i], (0,external_node_path_.join)(scratch, `digest-${i}`), plans[i].spec));
            uploaded.push({ ...built[i], ...result });
        }
        if (mode !== 'release' && !inputs.platform)
            await recordChange({ session, logger, env }, inputs.changes, change, targets, uploaded);
    }
    finally {
        close();
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
        unregister();
    }
    if (removesLocal(inputs.removeLocal, env)) {
        const removed = await engine.removeLocal([...new Set(plans.flatMap((plan) => plan.spec.tags))]);
        logger.info(`remove-local-images: ${removed.length} local tag(s) removed once pushed${removed.length ? `: ${removed.join(', ')}` : ''}`);
    }
    return uploadReport(mode, change, targets, uploaded, inputs.platform);
}
/** auto: on where the runner keeps its disk between jobs (self-hosted; the Gitea and Forgejo runners), off on GitHub-hosted ones and act. */
function removesLocal(setting, env) {
    if (setting !== 'auto')
        return setting;
    const runner = (0,platform_runner/* detectRunner */.q)(env);
    return env.RUNNER_ENVIRONMENT === 'self-hosted' || runner === 'gitea' || runner === 'forgejo';
}
/** A platform job whose engine built another platform (no qemu, a wrong runner) must not push it as this one. */
function checkPlatforms(platform, plans, built) {
    const [os, architecture, variant] = platform.split('/');
    const wrong = built.flatMap((image, i) => {
        const [got] = image.platforms;
        const [gotOs, gotArch, gotVariant] = (got ?? '').split('/');
        const same = gotOs === os && gotArch === architecture && (variant === undefined || gotVariant === variant);
        return same ? [] : [`images[${plans[i].image.index}] ${image.repository}: built for ${got ?? 'an unknown platform'}, not ${platform}`];
    });
    if (wrong.length)
        throw new errors/* ConfigErrors */.m(wrong.map((w) => `${w}; nothing was pushed (does this runner build ${platform}?)`));
}
/** A pull request from elsewhere builds code we do not control next to the credentials: refused unless allowed. */
function refuseUntrusted(inputs, change) {
    const untrusted = (0,trust/* untrustedReason */.lw)(change);
    if (!untrusted || inputs.allowUntrusted)
        return;
    throw new errors/* ConfigError */.x(`refusing to build and push: ${untrusted}. Its Containerfile and build steps run where the registry credentials are, ` +
        `and could send them anywhere. ` +
        'Build such pull requests with the build action on pull_request (no secrets), and upload from merge_group or an ' +
        'approved, trusted event; set allow-untrusted-builds: true only for code you have reviewed.');
}
function describe(mode, change, targets) {
    const what = targets.map((t) => `${(0,reference/* refName */.P7)(t)}:{${t.tags.join(',')}}`).join(' ');
    return `${mode} upload${change.change !== undefined ? ` of change ${change.change}` : ''}: ${what}`;
}
/**
 * Pushes with the engine to the first tag (blobs, then the manifest: never a tag on a partial
 * image), puts the other tags through the registry API, then checks every tag resolves to the
 * digest pushed.
 */
async function pushImage(run, target, image, digestFile, build) {
    const { session, logger } = run;
    const repositoryRef = `${(0,reference/* refName */.P7)(target)}`;
    const digest = await enginePush(run, target, image, digestFile, build);
    const client = session.client(target.registry);
    const skipped = [];
    let manifest;
    for (const tag of target.tags.slice(1)) {
        if ((await client.headManifest(target.repository, tag))?.digest === digest) {
            skipped.push(tag);
            continue;
        }
        const bytes = (manifest ??= await client.getManifest(target.repository, digest));
        await client.putManifest(target.repository, tag, bytes);
    }
    await (0,verify/* verifyTags */.v)(client, target.repository, target.tags, digest, 'after the push');
    const already = skipped.length ? `; already there: ${skipped.join(', ')}` : '';
    logger.info(`pushed ${digest} as ${target.tags.map((t) => `${repositoryRef}:${t}`).join(', ')}${already}`);
    return { digest, refs: target.tags.map((t) => `${repositoryRef}:${t}`), skipped };
}
/** The engine's push to the first tag, with a 0600 auth file for its login; what the engine marks transient is retried. */
async function enginePush(run, target, image, digestFile, build) {
    const first = `${(0,reference/* refName */.P7)(target, target.tags[0])}`;
    const login = (0,credentials/* loginOf */.DQ)(target.credential);
    const credential = login?.username && login.password !== undefined
        ? [{ registry: target.registry, username: login.username, password: login.password }]
        : [];
    const attempt = (authFile) => run.engine.push((0,upload_plan/* enginePushSpec */.kT)(target, image.tags[0], { insecureRegistries: run.insecureRegistries, digestFile, authFile, certDir: run.certDir }, build));
    try {
        return await (0,auth_file/* withAuthFile */.j)(credential, (authFile) => (0,retry/* withRetry */.bD)(`push ${first}`, () => attempt(authFile), run.session.retry, run.logger));
    }
    catch (error) {
        if (!(error instanceof exec/* ExecError */.c))
            throw error;
        throw new exec/* ExecError */.c(error.tool, error.code, error.lastLines, `pushing ${target.image.repository} to ${target.registry} failed: ${error.message}`);
    }
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
