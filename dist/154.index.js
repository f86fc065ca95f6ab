export const id = 154;
export const ids = [154];
export const modules = {

/***/ 1413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ writeEngineFiles),
/* harmony export */   Bw: () => (/* binding */ checkDockerInsecure),
/* harmony export */   Cp: () => (/* binding */ describeBuildCache),
/* harmony export */   Dn: () => (/* binding */ certDirPlan),
/* harmony export */   hl: () => (/* binding */ cacheLogins),
/* harmony export */   l3: () => (/* binding */ withAccess),
/* harmony export */   zn: () => (/* binding */ buildEngine)
/* harmony export */ });
/* unused harmony export planEngineSetup */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_inputs_credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7324);
/* harmony import */ var _engines_capabilities_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4165);
/* harmony import */ var _engines_engine_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8501);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7827);
/* harmony import */ var _engines_registries_conf_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2527);
/* harmony import */ var _platform_trust_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9105);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9310);










/**
 * The setup of a build run, decided once for the real run and for dry-run (which writes nothing):
 * build-extra-env, the registries.conf an engine that reads one gets, and the ca-file directory.
 */
function planEngineSetup(capabilities, env, inputs, plans, scratchDir) {
    const conf = capabilities.registriesConf ? registriesConf({ ...env, ...inputs.extraEnv }, inputs, plans, scratchDir) : undefined;
    const ca = certDirPlan(capabilities, scratchDir, inputs.ca);
    return {
        setEnv: { ...inputs.extraEnv, ...(conf && { CONTAINERS_REGISTRIES_CONF: conf.file.path }) },
        files: [...(conf ? [conf.file] : []), ...ca.files],
        certDir: ca.certDir,
        notes: conf ? [conf.note] : [],
    };
}
/** ca-file as podman and buildah read private CAs: `*.crt` files in a directory (--cert-dir). */
function certDirPlan(capabilities, scratchDir, ca) {
    if (!ca || !capabilities.certDir)
        return { files: [] };
    const certDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratchDir, 'certs');
    return { certDir, files: [{ path: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(certDir, 'ca.crt'), text: ca }] };
}
async function writeEngineFiles(files) {
    for (const file of files) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file.path), { recursive: true, mode: 0o700 });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file.path, file.text, { mode: 0o600 });
    }
}
/**
 * podman and buildah get a registries.conf layered over the user's own, marking insecure exactly
 * the loopback registries the build names (container files, build arguments, images) and those of
 * insecure-registries. (docs/runners.md, "Plain-HTTP registries and the engines")
 */
function registriesConf(env, inputs, plans, scratchDir) {
    const texts = plans.flatMap((plan) => [
        readIfThere(plan.spec.containerFile),
        ...plan.spec.buildArgs,
        `${plan.image.repository}/`,
        ...(plan.spec.cache ? [`${plan.spec.cache.repository}/`] : []),
    ]);
    const insecure = [...new Set([...(0,_engines_registries_conf_js__WEBPACK_IMPORTED_MODULE_7__/* .loopbackRegistriesIn */ .eY)(texts), ...inputs.insecureRegistries])].sort();
    const text = (0,_engines_registries_conf_js__WEBPACK_IMPORTED_MODULE_7__/* .registriesConfFor */ .t9)(env, insecure);
    if (text === undefined)
        return undefined;
    const base = (0,_engines_registries_conf_js__WEBPACK_IMPORTED_MODULE_7__/* .userRegistriesConf */ .lh)(env);
    return {
        file: { path: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratchDir, 'registries.conf'), text },
        note: `plain HTTP for ${insecure.join(', ')} (a registries.conf layered over ${base ?? 'no registries.conf'})`,
    };
}
/** The engine of a build run and its setup: the same for the real run and for dry-run. */
function buildEngine(context, inputs, plans, scratchDir) {
    const setup = planEngineSetup((0,_engines_capabilities_js__WEBPACK_IMPORTED_MODULE_4__/* .engineCapabilities */ .f)(inputs.engine), context.env, inputs, plans, scratchDir);
    const engine = (0,_engines_engine_js__WEBPACK_IMPORTED_MODULE_5__/* .createEngine */ .P)(inputs.engine, { env: context.env, setEnv: setup.setEnv, logger: context.logger, exec: context.exec });
    return { engine, setup };
}
/** An image's build spec with the run's cache logins and ca-file directory. */
function withAccess(spec, authFile, certDir) {
    return { ...spec, ...(authFile && { authFile }), ...(certDir && { certDir }) };
}
/** Logins for the cache repositories' registries, from registry-credentials (read and write need them alike). */
function cacheLogins(inputs, plans) {
    const registries = new Set(plans.flatMap((plan) => (plan.spec.cache ? [(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_9__/* .parseReference */ .F2)(plan.spec.cache.repository).registry] : [])));
    return [...registries].flatMap((registry) => {
        const login = (0,_config_inputs_credentials_js__WEBPACK_IMPORTED_MODULE_3__/* .loginOf */ .DQ)(inputs.credentials.get(registry));
        return login?.username && login.password !== undefined ? [{ registry, username: login.username, password: login.password }] : [];
    });
}
const readIfThere = (path) => {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch {
        return '';
    }
};
/**
 * docker pulls and pushes through its daemon, which decides alone which registries may be plain
 * HTTP (loopback always may): a registry of insecure-registries the daemon does not list fails
 * here, saying where to list it, instead of deep inside a build.
 */
async function checkDockerInsecure(context, insecure) {
    const remote = insecure.filter((registry) => !(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_9__/* .isLoopback */ .U9)(registry));
    if (remote.length === 0)
        return;
    let listed = {};
    try {
        const { stdout } = await context.exec('docker', ['info', '--format', '{{json .RegistryConfig.IndexConfigs}}'], { env: context.env });
        listed = JSON.parse(stdout || '{}');
    }
    catch {
        // No daemon to ask: the build reports that itself.
        return;
    }
    const missing = remote.filter((registry) => listed[registry]?.Secure !== false);
    if (missing.length)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .x(`insecure-registries: ${missing.join(', ')} must also be in dockerd's own insecure-registries (/etc/docker/daemon.json, then ` +
            'restart dockerd): docker pulls and pushes through its daemon, which refuses plain HTTP to any registry it does not list');
}
/** One log line per run: the cache repositories, and why this event writes them or only reads them. */
function describeBuildCache(plans, change, logger) {
    const caches = [...new Set(plans.flatMap((plan) => (plan.spec.cache ? [plan.spec.cache.repository] : [])))];
    if (caches.length === 0)
        return;
    // What the plans will do, with the event's reason: the log says what runs, not a second decision.
    const write = plans.some((plan) => plan.spec.cache?.write);
    const why = write ? `(read and written): ${(0,_platform_trust_js__WEBPACK_IMPORTED_MODULE_8__/* .trustedCodeReason */ .nd)(change)}` : `(read only: ${(0,_platform_trust_js__WEBPACK_IMPORTED_MODULE_8__/* .cacheWriteRefusal */ .GC)(change) ?? 'not written'})`;
    logger.info(`build cache: ${caches.join(', ')} ${why}`);
}


/***/ }),

/***/ 5392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jt: () => (/* binding */ createdTimestamp),
/* harmony export */   zu: () => (/* binding */ planBuilds)
/* harmony export */ });
/* unused harmony export SIBLINGS_DIR */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7827);
/* harmony import */ var _config_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1066);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9310);
/* harmony import */ var _platform_trust_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9105);
/* harmony import */ var _source_date_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6794);







/** Zuul's folder for sibling projects inside a context. */
const SIBLINGS_DIR = '.zuul-siblings';
/**
 * Resolves every path and tag of every image before anything is built, so that a mistake in the
 * last image stops the run before the first build.
 */
function planBuilds(inputs, context) {
    const problems = [];
    const plans = [];
    for (const image of inputs.images) {
        try {
            plans.push(planImage(image, inputs, context));
        }
        catch (error) {
            if (error instanceof _config_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigErrors */ .m)
                problems.push(...error.problems);
            else if (error instanceof _config_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x)
                problems.push(error.message);
            else
                throw error;
        }
    }
    if (problems.length > 0)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigErrors */ .m(problems);
    return plans;
}
function planImage(image, inputs, context) {
    const { entry } = image;
    const field = (name) => `images[${image.index}].${name}`;
    const root = inputs.workDir;
    const contextDir = (0,_config_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, root, entry.context, field('context'));
    const fileField = entry.container_filename ? field('container_filename') : 'container-filename';
    const containerFile = findContainerFile(root, contextDir, entry.container_filename ?? inputs.containerFilename, fileField);
    const buildPath = (0,_config_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, contextDir, entry.path, field('path'));
    const prefix = context.change.prefix;
    const problems = [];
    for (const tag of image.tags) {
        if (!(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidTag */ .r_)(`${prefix}_${tag}`))
            problems.push(`${field('tags')}: "${tag}" is too long for its temporary tag "${prefix}_${tag}" (128 characters at most)`);
    }
    const siblings = [];
    const siblingsDir = entry.siblings.length > 0 ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(contextDir, SIBLINGS_DIR) : undefined;
    if (siblingsDir && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(siblingsDir)) {
        problems.push(`${field('siblings')}: ${siblingsDir} already exists; the build creates and removes it, so remove it from the context`);
    }
    entry.siblings.forEach((sibling, i) => {
        try {
            const source = (0,_config_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, root, sibling, `${field('siblings')}[${i}]`);
            const name = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.normalize)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, source));
            if (name === '.' || (0,_config_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .isInside */ .F)(source, contextDir))
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(`${field('siblings')}[${i}]: "${sibling}" contains the context itself`);
            siblings.push({ source, destination: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(siblingsDir, name) });
        }
        catch (error) {
            if (!(error instanceof _config_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x))
                throw error;
            problems.push(error.message);
        }
    });
    if (problems.length > 0)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigErrors */ .m(problems);
    const buildArgs = [...entry.build_args];
    if (siblings.length > 0)
        buildArgs.push(`ZUUL_SIBLINGS=${siblings.map((s) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(siblingsDir, s.destination)).join(' ')}`);
    const finalRefs = image.tags.map((tag) => `${image.repository}:${tag}`);
    const temporaryRefs = image.tags.map((tag) => `${image.repository}:${prefix}_${tag}`);
    return {
        image,
        finalRefs,
        temporaryRefs,
        siblings,
        siblingsDir,
        spec: {
            contextDir,
            containerFile,
            buildPath,
            tags: [...finalRefs, ...temporaryRefs],
            buildArgs,
            target: entry.target,
            labels: [...standardLabels(context), ...entry.labels],
            platforms: image.platforms,
            platform: inputs.platform,
            iidFile: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(context.scratchDir, `image-${image.index}.iid`),
            cache: buildCache(inputs, image, context.change),
            ...(inputs.attestations && { attestations: inputs.attestations }),
            sourceDateEpoch: (0,_source_date_js__WEBPACK_IMPORTED_MODULE_6__/* .sourceDateEpoch */ .p)(context.env),
        },
    };
}
/**
 * The image's build cache: read always, written on trusted events only. A pull request's build
 * runs code nobody reviewed yet: what it wrote, later trusted builds would reuse (cache poisoning).
 */
function buildCache(inputs, image, change) {
    if (!inputs.cache.enabled)
        return undefined;
    return { repository: inputs.cache.repository ?? `${image.repository}-cache`, write: (0,_platform_trust_js__WEBPACK_IMPORTED_MODULE_5__/* .writesBuildCache */ .dN)(change) };
}
/** Per-image file, else the global one, else Containerfile then Dockerfile in the context dir. */
function findContainerFile(root, contextDir, name, field) {
    if (name)
        return (0,_config_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, contextDir, name, field);
    for (const candidate of ['Containerfile', 'Dockerfile']) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(contextDir, candidate);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
            return (0,_config_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, contextDir, candidate, field);
    }
    throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(`${field}: neither Containerfile nor Dockerfile exists in ${contextDir}; add one or set container_filename`);
}
/** OCI annotations every image gets, and Zuul's change labels when there is a change. */
function standardLabels(context) {
    const { env, change } = context;
    const labels = [`org.opencontainers.image.created=${context.created}`];
    // The event's repository: the job's GITHUB_REPOSITORY may name the runner's own checkout instead (act without a remote).
    const repository = change.baseRepository ?? env.GITHUB_REPOSITORY;
    if (repository) {
        const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
        labels.push(`org.opencontainers.image.source=${server}/${repository}`);
    }
    if (change.revision)
        labels.push(`org.opencontainers.image.revision=${change.revision}`);
    if (change.change !== undefined) {
        labels.push(`org.zuul-ci.change=${change.change}`);
        if (change.changeUrl)
            labels.push(`org.zuul-ci.change_url=${change.changeUrl}`);
    }
    return labels;
}
/** SOURCE_DATE_EPOCH, when set, makes the created label reproducible. */
function createdTimestamp(env, now = new Date()) {
    const epoch = (0,_source_date_js__WEBPACK_IMPORTED_MODULE_6__/* .sourceDateEpoch */ .p)(env);
    return epoch !== undefined ? new Date(epoch * 1000).toISOString() : now.toISOString();
}


/***/ }),

/***/ 154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  build: () => (/* binding */ build_build),
  buildImages: () => (/* binding */ buildImages)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/readers/build.ts + 1 modules
var build = __webpack_require__(8524);
// EXTERNAL MODULE: ./src/config/inputs/report.ts
var report = __webpack_require__(5046);
// EXTERNAL MODULE: ./src/engines/auth-file.ts
var auth_file = __webpack_require__(9152);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/interrupt.ts
var interrupt = __webpack_require__(8476);
// EXTERNAL MODULE: ./src/platform/change.ts
var platform_change = __webpack_require__(7359);
// EXTERNAL MODULE: ./src/commands/build-plan.ts
var build_plan = __webpack_require__(5392);
// EXTERNAL MODULE: ./src/commands/build-access.ts
var build_access = __webpack_require__(1413);
// EXTERNAL MODULE: ./src/config/inputs/change.ts
var inputs_change = __webpack_require__(8600);
// EXTERNAL MODULE: ./src/config/inputs/table.ts
var table = __webpack_require__(9714);
// EXTERNAL MODULE: ./src/platform/trust.ts
var trust = __webpack_require__(9105);
;// CONCATENATED MODULE: ./src/commands/build-intermediate.ts




/**
 * Zuul's check in intermediate-registry mode: `build` with an intermediate registry uploads what
 * it built there under the change's tags and records the change, so that changes which say
 * `Depends-On:` it use its images before it is gated. A pull request from a fork (no secrets, and
 * code that must not run next to them) builds only, and says so. (docs/speculative.md)
 */
async function buildToIntermediate(context, buildOnly) {
    const change = (0,platform_change/* detectChange */.A)(context.env, (0,platform_change/* readEvent */.j)(context.env), (0,inputs_change/* parseChangeInput */.a)(context.read(table/* Input */.pd.Change)));
    const why = (0,trust/* untrustedReason */.lw)(change) ??
        (change.change === undefined ? `this ${change.pipeline} run is for no change (a check uploads for a pull request)` : undefined) ??
        (context.read(table/* Input */.pd.Platform)
            ? `platform: ${context.read(table/* Input */.pd.Platform)} builds one platform of a split build, which upload's merge job assembles`
            : undefined);
    if (why) {
        context.logger.info(`intermediate-registry: built only, nothing uploaded, no change record: ${why}`);
        return buildOnly({ ...context, read: (name) => (name === table/* Input */.pd.IntermediateRegistry ? '' : context.read(name)) });
    }
    const read = (name) => {
        if (name === table/* Input */.pd.PromoteMethod)
            return 'intermediate-registry';
        if (name === table/* Input */.pd.Promote)
            return 'true';
        return context.read(name);
    };
    const { upload } = await Promise.all(/* import() */[__webpack_require__.e(315), __webpack_require__.e(980)]).then(__webpack_require__.bind(__webpack_require__, 8980));
    return upload({ ...context, read });
}

// EXTERNAL MODULE: ./src/commands/dry-run.ts + 1 modules
var dry_run = __webpack_require__(1416);
// EXTERNAL MODULE: ./src/commands/flat-outputs.ts
var flat_outputs = __webpack_require__(9236);
;// CONCATENATED MODULE: ./src/commands/siblings.ts

/**
 * Copies sibling projects into `<context>/.zuul-siblings` for the build and always removes the
 * folder afterwards, so nothing of one build leaks into the next or into the checkout.
 */
async function withSiblings(plan, build) {
    if (!plan.siblingsDir)
        return build();
    // Outside the try: a folder that appeared since planning is not ours to remove.
    await (0,promises_.mkdir)(plan.siblingsDir);
    try {
        for (const sibling of plan.siblings) {
            await (0,promises_.cp)(sibling.source, sibling.destination, { recursive: true, verbatimSymlinks: true, errorOnExist: true });
        }
        return await build();
    }
    finally {
        await (0,promises_.rm)(plan.siblingsDir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/commands/build.ts
















/** Builds every image of the list in order; shared by `build` and `upload`. */
async function buildImages(context, inputs, change = (0,platform_change/* detectChange */.A)(context.env, (0,platform_change/* readEvent */.j)(context.env), inputs.change)) {
    const { env, logger } = context;
    const scratchDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'cia-build-'));
    // It holds the run's registries.conf and the ca-file copy: gone on every exit path, SIGTERM too.
    const unregister = (0,interrupt/* removeOnInterrupt */.vY)(scratchDir);
    try {
        const plans = (0,build_plan/* planBuilds */.zu)(inputs, { change, env, scratchDir, created: (0,build_plan/* createdTimestamp */.jt)(env) });
        logger.info(change.change !== undefined
            ? `change ${change.change} (${change.pipeline}): temporary tags are ${change.prefix}_<tag>`
            : `no change in ${change.pipeline}: temporary tags are ${change.prefix}_<tag>`);
        const { engine, setup } = (0,build_access/* buildEngine */.zn)(context, inputs, plans, scratchDir);
        for (const note of setup.notes)
            logger.info(note);
        await (0,build_access/* writeEngineFiles */.$r)(setup.files);
        if (engine.capabilities.daemonInsecureRegistries)
            await (0,build_access/* checkDockerInsecure */.Bw)(context, inputs.insecureRegistries);
        (0,build_access/* describeBuildCache */.Cp)(plans, change, logger);
        const built = await (0,auth_file/* withAuthFile */.j)((0,build_access/* cacheLogins */.hl)(inputs, plans), (authFile) => buildEach(engine, plans.map((plan) => ({ ...plan, spec: (0,build_access/* withAccess */.l3)(plan.spec, authFile, setup.certDir) })), change, logger));
        return { change, plans, built };
    }
    finally {
        unregister();
        await (0,promises_.rm)(scratchDir, { recursive: true, force: true });
    }
}
/** The images in order, each with its siblings in place; an engine failure names the image. */
async function buildEach(engine, plans, change, logger) {
    const built = [];
    for (const plan of plans) {
        const result = await logger.group(`Build ${plan.image.repository} (${engine.name})`, () => withSiblings(plan, async () => {
            try {
                return await engine.build(plan.spec);
            }
            catch (error) {
                if (error instanceof exec/* ExecError */.c) {
                    throw new exec/* ExecError */.c(error.tool, error.code, error.lastLines, `building images[${plan.image.index}] ${plan.image.repository} failed: ${error.message}`);
                }
                throw error;
            }
        }));
        logger.info(`built ${plan.image.repository} ${result.imageId} for ${result.platforms.join(', ')}; tagged ${plan.spec.tags.join(', ')}`);
        built.push({
            repository: plan.image.repository,
            tags: plan.spec.tags,
            image_id: result.imageId,
            platforms: result.platforms,
            change: change.change ?? null,
        });
    }
    return built;
}
async function build_build(context) {
    if (context.read(table/* Input */.pd.IntermediateRegistry))
        return buildToIntermediate(context, build_build);
    const inputs = (0,build/* readBuildInputs */.q)(context.read, context.env, (0,report/* reportTo */.E)(context.logger));
    if (inputs.dryRun)
        return (0,dry_run/* dryRun */.P)(context, inputs, (0,platform_change/* detectChange */.A)(context.env, (0,platform_change/* readEvent */.j)(context.env), inputs.change));
    const { built } = await buildImages(context, inputs);
    return {
        outputs: {
            images: JSON.stringify(built),
            ...(0,flat_outputs/* flatOutputs */.O)(built.map((image) => ({ repository: image.repository, digest: image.image_id, refs: image.tags })), built.length),
        },
        summary: {
            title: 'Built images',
            headers: ['repository', 'tags', 'image id', 'platforms'],
            rows: built.map((image) => [
                image.repository,
                image.tags.map((t) => t.slice(image.repository.length + 1)).join(', '),
                image.image_id.slice(0, 19),
                image.platforms.join(', '),
            ]),
        },
    };
}


/***/ }),

/***/ 1416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ dryRun)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/inputs/credentials.ts
var credentials = __webpack_require__(7324);
;// CONCATENATED MODULE: ./src/engines/plan.ts
function describePlan(plan) {
    return plan.steps.map((step) => ({
        argv: [plan.binary, ...step.argv],
        ...(step.cwd !== undefined && { cwd: step.cwd }),
        envKeys: [...new Set([...plan.envKeys, ...Object.keys(step.env ?? {})])].sort(),
        role: step.role ?? 'run',
        ...(step.onlyIf && { onlyIf: [plan.binary, ...step.onlyIf] }),
    }));
}

// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/commands/build-access.ts
var build_access = __webpack_require__(1413);
// EXTERNAL MODULE: ./src/commands/build-plan.ts
var build_plan = __webpack_require__(5392);
// EXTERNAL MODULE: ./src/commands/upload-plan.ts
var upload_plan = __webpack_require__(2325);
;// CONCATENATED MODULE: ./src/commands/dry-run.ts








/** Stands for the files a real run keeps in a private temporary directory. */
const SCRATCH = '<tmp>';
const AUTH_FILE = (0,external_node_path_.join)(SCRATCH, 'auth', 'config.json');
/**
 * Validates everything a build (and an upload) would use and prints the plan: nothing runs, no
 * request is sent. The plans are the engine's own, the very ones a run executes.
 */
function dryRun(context, inputs, change, upload) {
    const plans = (0,build_plan/* planBuilds */.zu)(inputs, { change, env: context.env, scratchDir: SCRATCH, created: (0,build_plan/* createdTimestamp */.jt)(context.env) });
    // No process runs in a dry run: the engines are asked for plans only.
    const quiet = { ...context, exec: exec/* noExec */.X };
    const { engine, setup } = (0,build_access/* buildEngine */.zn)(quiet, inputs, plans, SCRATCH);
    const authFile = (0,build_access/* cacheLogins */.hl)(inputs, plans).length > 0 ? AUTH_FILE : undefined;
    const pusher = (0,upload_plan/* pushEngine */.v_)(quiet, inputs);
    const pushCertDir = (0,build_access/* certDirPlan */.Dn)(pusher.capabilities, SCRATCH, inputs.ca).certDir;
    const planned = plans.map((plan, i) => {
        const spec = (0,build_access/* withAccess */.l3)(plan.spec, authFile, setup.certDir);
        const target = upload?.targets[i];
        const push = target ? pushSteps(pusher, plan, target, { insecureRegistries: upload.insecureRegistries, certDir: pushCertDir }) : [];
        return plannedImage(plan, describePlan(engine.buildPlan(spec)), push, target);
    });
    const { logger } = context;
    for (const note of setup.notes)
        logger.info(note);
    for (const file of setup.files)
        logger.info(`write ${file.path}`);
    for (const image of planned)
        logger.info(`images[${image.index}] ${image.repository}\n  ${describeImage(image).join('\n  ')}`);
    logger.info('dry run: no engine ran, no request was sent');
    return {
        outputs: { images: JSON.stringify(planned) },
        summary: {
            title: `${upload?.title ?? 'Build plan'} (dry run)`,
            headers: ['image', 'engine', 'would push'],
            rows: planned.map((image) => [`images[${image.index}] ${image.repository}`, engine.name, image.pushes.join(' ') || '(build only)']),
        },
    };
}
/** The engine's push of a target, as the upload runs it: an auth file when the target has a login. */
function pushSteps(engine, plan, target, where) {
    const login = (0,credentials/* loginOf */.DQ)(target.credential);
    const authFile = login?.username && login.password !== undefined ? AUTH_FILE : undefined;
    const digestFile = (0,external_node_path_.join)(SCRATCH, `digest-${plan.image.index}`);
    return describePlan(engine.pushPlan((0,upload_plan/* enginePushSpec */.kT)(target, plan.spec.tags[0], { ...where, digestFile, authFile }, plan.spec)));
}
function plannedImage(plan, build, push, target) {
    const runs = (steps) => steps.filter((step) => step.role === 'run').map((step) => step.argv);
    return {
        index: plan.image.index,
        repository: plan.image.repository,
        cwd: plan.spec.contextDir,
        build: runs(build),
        push: runs(push),
        pushes: target ? target.tags.map((tag) => (0,reference/* refName */.P7)(target, tag)) : [],
        steps: { build, push },
    };
}
/** One line per process, as the log shows the plan. */
function describeImage(image) {
    const line = (step) => `${step.onlyIf ? `if ${step.onlyIf.join(' ')} succeeds: ` : ''}${step.argv.join(' ')}` +
        `${step.envKeys.length ? ` (with ${step.envKeys.join(', ')})` : ''}`;
    return [
        ...image.steps.build.map((step) => (step.role === 'read' ? `then read: ${line(step)}` : `build (in ${image.cwd}): ${line(step)}`)),
        ...image.steps.push.map((step) => `push: ${line(step)}`),
        ...image.pushes.slice(1).map((ref) => `tag through the registry API: ${ref}`),
    ];
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

/***/ 6794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ withSourceDateEpoch),
/* harmony export */   p: () => (/* binding */ sourceDateEpoch)
/* harmony export */ });
/**
 * A release rebuild made reproducible where the engine allows: SOURCE_DATE_EPOCH, unless the job
 * set it, becomes the commit time of HEAD in the work dir. The created label, podman's and
 * buildah's `--timestamp` and BuildKit's SOURCE_DATE_EPOCH build argument take it
 * (docs/releases.md, "A release that rebuilds").
 */
async function withSourceDateEpoch(context, workDir) {
    const { env, logger } = context;
    if (env.SOURCE_DATE_EPOCH)
        return context;
    const git = await context
        .exec('git', ['-C', workDir, 'log', '-1', '--format=%ct', 'HEAD'], { allowFailure: true })
        .catch(() => undefined);
    const epoch = git?.code === 0 ? git.stdout.trim() : '';
    if (!/^\d+$/.test(epoch)) {
        logger.info(`SOURCE_DATE_EPOCH: ${workDir} is no git checkout with a commit: this release build takes the current time`);
        return context;
    }
    logger.info(`SOURCE_DATE_EPOCH=${epoch}, the commit time of HEAD: this release build is reproducible where the engine allows`);
    return { ...context, env: { ...env, SOURCE_DATE_EPOCH: epoch } };
}
/** SOURCE_DATE_EPOCH when it is a plain number of seconds. */
function sourceDateEpoch(env) {
    const epoch = env.SOURCE_DATE_EPOCH;
    return epoch && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
}


/***/ }),

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

/***/ 8524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ readBuildInputs)
});

// EXTERNAL MODULE: ./src/engines/build-spec.ts
var build_spec = __webpack_require__(7567);
// EXTERNAL MODULE: ./src/config/inputs/credentials.ts
var inputs_credentials = __webpack_require__(7324);
// EXTERNAL MODULE: ./src/config/inputs/booleans.ts
var booleans = __webpack_require__(1609);
// EXTERNAL MODULE: ./src/engines/capabilities.ts
var capabilities = __webpack_require__(4165);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/config/inputs/table.ts
var table = __webpack_require__(9714);
;// CONCATENATED MODULE: ./src/config/inputs/attestations.ts



const CHOICES = ['provenance', 'provenance=min', 'provenance=max', 'sbom', 'none'];
/**
 * The attestations BuildKit makes for a docker buildx push, as buildx flags: `provenance`
 * (mode=min), `provenance=max`, `sbom`, or `none` for neither (buildx otherwise adds min
 * provenance by itself). Empty: buildx's own default. They are made as OCI artifacts whose
 * `subject` is the platform's image, so registries and the mirror see them as its referrers.
 */
function parseAttestations(value, engine, images, platform) {
    const tokens = value.split(/[\s,]+/).filter(Boolean);
    if (tokens.length === 0)
        return undefined;
    const unknown = tokens.filter((t) => !CHOICES.includes(t));
    if (unknown.length)
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.Attestations}: "${unknown[0]}" is not one of ${CHOICES.join(', ')}`);
    if (tokens.includes('none') && tokens.length > 1)
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.Attestations}: none goes alone`);
    if (!(0,capabilities/* engineCapabilities */.f)(engine).attestations)
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.Attestations}: BuildKit makes attestations: use container-command: docker with buildx, not ${engine}`);
    if (platform !== undefined)
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.Attestations}: a platform job's image goes through docker's store, which drops attestations`);
    const single = images.filter((image) => image.platforms.length === 0);
    if (single.length)
        throw new errors/* ConfigErrors */.m(single.map((image) => `images[${image.index}].arch: required with attestations (buildx pushes such images itself, with them)`));
    if (tokens.includes('none'))
        return ['--provenance=false', '--sbom=false'];
    const provenance = tokens.filter((t) => t.startsWith('provenance')).pop();
    return [
        ...(provenance ? [`--provenance=mode=${provenance === 'provenance=max' ? 'max' : 'min'}`] : ['--provenance=false']),
        `--sbom=${tokens.includes('sbom')}`,
    ];
}

// EXTERNAL MODULE: ./src/config/images/schema.ts
var schema = __webpack_require__(1082);
// EXTERNAL MODULE: ./src/config/inputs/work-dir.ts
var work_dir = __webpack_require__(1291);
// EXTERNAL MODULE: ./src/config/images/read.ts + 4 modules
var images_read = __webpack_require__(7529);
// EXTERNAL MODULE: ./src/config/paths.ts
var paths = __webpack_require__(1066);
// EXTERNAL MODULE: ./src/config/schema-errors.ts
var schema_errors = __webpack_require__(3119);
// EXTERNAL MODULE: ./src/config/yaml.ts
var yaml = __webpack_require__(9211);
// EXTERNAL MODULE: ./src/config/inputs/change.ts
var change = __webpack_require__(8600);
// EXTERNAL MODULE: ./src/config/inputs/transport.ts
var transport = __webpack_require__(991);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
;// CONCATENATED MODULE: ./src/config/readers/build.ts















function readBuildInputs(read, env, report, expect = {}) {
    const credentials = (0,inputs_credentials/* parseCredentials */.gu)(read(table/* Input */.pd.RegistryCredentials), report.secret);
    const workDir = (0,work_dir/* readWorkDir */.z)(read, env);
    const engine = read(table/* Input */.pd.ContainerCommand) || 'docker';
    if (!build_spec/* ENGINE_NAMES */.G.includes(engine)) {
        throw new errors/* ConfigError */.x(`container-command: "${engine}" is not supported; one of ${build_spec/* ENGINE_NAMES */.G.join(', ')}`);
    }
    const containerFilename = read(table/* Input */.pd.ContainerFilename) || undefined;
    const platform = readPlatform(read);
    if (containerFilename !== undefined)
        (0,paths/* resolveInside */.L)(workDir, workDir, containerFilename, 'container-filename', false);
    const images = forPlatform(platform, (0,images_read/* readImages */.H)(read, workDir, {
        container_command: { input: table/* Input */.pd.ContainerCommand, value: engine },
        container_filename: { input: table/* Input */.pd.ContainerFilename, value: containerFilename ?? '' },
        docker_dockerfile: { input: table/* Input */.pd.ContainerFilename, value: containerFilename ?? '' },
        ...expect,
    }, report));
    return {
        workDir,
        images,
        engine: engine,
        containerFilename,
        extraEnv: parseExtraEnv(read(table/* Input */.pd.BuildExtraEnv)),
        credentials,
        change: (0,change/* parseChangeInput */.a)(read(table/* Input */.pd.Change)),
        dryRun: (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.DryRun), table/* Input */.pd.DryRun, false),
        insecureRegistries: (0,transport/* readInsecureRegistries */.wF)(read),
        cache: readCache(read),
        platform,
        ca: (0,transport/* readCaFile */.RZ)(read, workDir),
        attestations: parseAttestations(read(table/* Input */.pd.Attestations), engine, images, platform),
    };
}
/**
 * A platform job builds the images whose arch lists its platform, each as a single-platform
 * image; the merge job checks the others were never expected. An image without arch cannot be
 * split: which jobs should build it?
 */
function forPlatform(platform, images) {
    if (platform === undefined)
        return images;
    const unsplit = images.filter((image) => image.platforms.length === 0);
    if (unsplit.length)
        throw new errors/* ConfigErrors */.m(unsplit.map((image) => `images[${image.index}].arch: required with platform: ${platform} (the platforms the merge expects)`));
    const mine = images.filter((image) => image.platforms.includes(platform)).map((image) => ({ ...image, platforms: [] }));
    if (mine.length === 0)
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.Platform}: no image of the list has ${platform} in its arch`);
    return mine;
}
function readPlatform(read) {
    const platform = read(table/* Input */.pd.Platform) || undefined;
    if (platform !== undefined && !(0,schema/* isPlatform */.aH)(platform))
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.Platform}: "${platform}" is not a platform: expected os/arch[/variant], e.g. linux/arm64`);
    return platform;
}
function readCache(read) {
    const enabled = (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.Cache), table/* Input */.pd.Cache, false);
    const repository = read(table/* Input */.pd.CacheRepository) || undefined;
    if (repository === undefined)
        return { enabled };
    if (!enabled)
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.CacheRepository}: only goes with cache: true`);
    let ref;
    try {
        ref = (0,reference/* parseReference */.F2)(repository);
    }
    catch (error) {
        if (error instanceof reference/* ReferenceError */.AF)
            throw new errors/* ConfigError */.x(`${table/* Input */.pd.CacheRepository}: ${error.message}`);
        throw error;
    }
    if (ref.tag || ref.digest)
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.CacheRepository}: "${repository}" must name a repository, without a tag or digest`);
    return { enabled, repository: (0,reference/* refName */.P7)(ref) };
}
function parseExtraEnv(text) {
    if (!text.trim())
        return {};
    const raw = (0,yaml/* parseYamlInput */.PJ)(text, 'build-extra-env');
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new errors/* ConfigError */.x(`build-extra-env: expected a mapping of NAME: value, got ${(0,schema_errors/* show */.WU)(raw)}`);
    }
    const env = {};
    for (const [name, value] of Object.entries(raw)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
            throw new errors/* ConfigError */.x(`build-extra-env: "${name}" is not an environment variable name`);
        if (value !== null && typeof value === 'object')
            throw new errors/* ConfigError */.x(`build-extra-env.${name}: expected a plain value, got ${(0,schema_errors/* show */.WU)(value)}`);
        env[name] = value === null ? '' : String(value);
    }
    return env;
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

/***/ 9105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GC: () => (/* binding */ cacheWriteRefusal),
/* harmony export */   dN: () => (/* binding */ writesBuildCache),
/* harmony export */   lw: () => (/* binding */ untrustedReason),
/* harmony export */   nd: () => (/* binding */ trustedCodeReason)
/* harmony export */ });
/**
 * Why this run builds code its credentials should not meet, or undefined when it is trusted:
 * `pull_request_target` runs with the base repository's secrets, and a pull request from
 * another repository brings code nobody here wrote.
 */
function untrustedReason(change) {
    if (change.pipeline === 'pull_request_target') {
        return (`the event is pull_request_target, which runs with this repository's ` +
            `secrets${change.headRepository && change.headRepository !== change.baseRepository ? ` on code from ${change.headRepository}` : ''}`);
    }
    if (change.headRepository && change.baseRepository && change.headRepository !== change.baseRepository) {
        return `pull request #${change.change} comes from another repository (${change.headRepository}, not ${change.baseRepository})`;
    }
    return undefined;
}
/**
 * Events whose build runs code already in this repository, put there by someone allowed to:
 * only these may write what later builds reuse (the registry build cache). The payload says
 * neither branch protection nor the sender's permission, so the event itself is the evidence.
 * (docs/runners.md, "Who writes the build cache")
 */
const TRUSTED_CODE = {
    push: 'a push builds a branch or tag of this repository as pushed by someone with write access',
    merge_group: 'a merge queue builds changes already approved to merge',
    schedule: "a schedule builds the default branch's code",
    workflow_dispatch: 'a manual dispatch builds a branch or tag of this repository and needs write access to start',
    release: "a release builds the release's tag",
    // No runner: the user builds their own checkout on their own machine.
    local: 'a run outside a runner builds the checkout of whoever started it',
};
/** Why an event may not be trusted with code it builds, for the events a list cannot call trusted by name. */
const UNTRUSTED_CODE = {
    pull_request: "it builds a pull request's code, not yet reviewed",
    pull_request_target: "it runs for a pull request, whose code may come from anyone's fork",
    workflow_run: "it follows a run that is not a push, merge_group, schedule, workflow_dispatch or release run of this repository (a pull request's, maybe from a fork)",
    issue_comment: 'anyone who may comment can start it, on a pull request too',
    repository_dispatch: 'any holder of a token for the API can start it, with a payload of their choosing',
};
/**
 * Why this run may not write the registry build cache, or undefined when it may: the decision is
 * the event's trust (an allow-list), so an event not named here stays read-only.
 */
function cacheWriteRefusal(change) {
    const event = change.pipeline;
    if (trustedCodeReason(change))
        return undefined;
    const why = Object.hasOwn(UNTRUSTED_CODE, event)
        ? UNTRUSTED_CODE[event]
        : event.startsWith('pull_request')
            ? 'it runs for a pull request, whose code nobody here reviewed yet'
            : 'only push, merge_group, schedule, workflow_dispatch and release builds write it';
    return `a ${event} event never writes it: ${why}`;
}
/** Why an event builds trusted code (for the log), when it does. */
function trustedCodeReason(change) {
    if (Object.hasOwn(TRUSTED_CODE, change.pipeline))
        return TRUSTED_CODE[change.pipeline];
    // "Build after CI passed": a workflow_run following a trusted run of this repository's own code.
    const run = change.followedRun;
    if (change.pipeline !== 'workflow_run' || !run?.event || run.event === 'local' || !Object.hasOwn(TRUSTED_CODE, run.event))
        return undefined;
    if (!run.headRepository || run.headRepository !== change.baseRepository)
        return undefined;
    return `a workflow_run following a ${run.event} run of ${run.headRepository} builds that run's code: ${TRUSTED_CODE[run.event]}`;
}
/**
 * Whether this run writes the registry build cache: only events that build trusted code do; a
 * build of untrusted code that wrote it would poison every later trusted build reusing it.
 */
const writesBuildCache = (change) => cacheWriteRefusal(change) === undefined;


/***/ })

};
