export const id = 937;
export const ids = [937];
export const modules = {

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
    if (env.GITHUB_REPOSITORY) {
        const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
        labels.push(`org.opencontainers.image.source=${server}/${env.GITHUB_REPOSITORY}`);
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
    const epoch = env.SOURCE_DATE_EPOCH;
    if (epoch && /^\d+$/.test(epoch))
        return new Date(Number(epoch) * 1000).toISOString();
    return now.toISOString();
}


/***/ }),

/***/ 3937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  build: () => (/* binding */ build),
  buildImages: () => (/* binding */ buildImages),
  writeCertDir: () => (/* binding */ writeCertDir)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/engine-inputs.ts + 6 modules
var engine_inputs = __webpack_require__(9045);
// EXTERNAL MODULE: ./src/engines/auth-file.ts
var auth_file = __webpack_require__(9152);
// EXTERNAL MODULE: ./src/engines/engine.ts + 1 modules
var engines_engine = __webpack_require__(6487);
// EXTERNAL MODULE: ./src/config/credentials.ts
var credentials = __webpack_require__(980);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/interrupt.ts
var interrupt = __webpack_require__(8476);
// EXTERNAL MODULE: ./src/platform/change.ts
var platform_change = __webpack_require__(7359);
// EXTERNAL MODULE: ./src/commands/build-plan.ts
var build_plan = __webpack_require__(5392);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
;// CONCATENATED MODULE: ./src/engines/registries-conf.ts


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
        env.HOME ? (0,external_node_path_.join)(env.XDG_CONFIG_HOME || (0,external_node_path_.join)(env.HOME, '.config'), 'containers', 'registries.conf') : undefined,
        '/etc/containers/registries.conf',
    ];
    return candidates.find((path) => path !== undefined && path !== '' && (0,external_node_fs_.existsSync)(path));
}
const registries_conf_escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The user's file with an `insecure = true` entry for each registry it does not already
 * configure. A file in the old v1 format (`[registries.insecure]`) cannot be mixed with v2
 * entries: the v1 list is extended instead.
 */
function layeredRegistriesConf(base, insecure) {
    const missing = insecure.filter((registry) => !new RegExp(`^\\s*(?:location|prefix)\\s*=\\s*"${registries_conf_escape(registry)}"`, 'm').test(base));
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
/** The layered file's text for this run, or undefined when no registry needs plain HTTP. */
function registriesConfFor(env, insecure) {
    if (insecure.length === 0)
        return undefined;
    const path = userRegistriesConf(env);
    return layeredRegistriesConf(path ? (0,external_node_fs_.readFileSync)(path, 'utf8') : '', insecure);
}

// EXTERNAL MODULE: ./src/platform/trust.ts
var trust = __webpack_require__(9105);
;// CONCATENATED MODULE: ./src/commands/build-access.ts







/**
 * podman and buildah get a registries.conf layered over the user's own, marking insecure exactly
 * the loopback registries the build names (container files, build arguments, images) and those of
 * insecure-registries. (docs/runners.md, "Plain-HTTP registries and the engines")
 */
async function registriesConfEnv(env, inputs, plans, scratchDir, logger) {
    if (inputs.engine === 'docker')
        return env;
    const texts = plans.flatMap((plan) => [
        readIfThere(plan.spec.containerFile),
        ...plan.spec.buildArgs,
        `${plan.image.repository}/`,
        ...(plan.spec.cache ? [`${plan.spec.cache.repository}/`] : []),
    ]);
    const insecure = [...new Set([...loopbackRegistriesIn(texts), ...inputs.insecureRegistries])].sort();
    const conf = registriesConfFor(env, insecure);
    if (conf === undefined)
        return env;
    const path = (0,external_node_path_.join)(scratchDir, 'registries.conf');
    await (0,promises_.writeFile)(path, conf, { mode: 0o600 });
    const base = userRegistriesConf(env);
    logger.info(`plain HTTP for ${insecure.join(', ')} (a registries.conf layered over ${base ?? 'no registries.conf'})`);
    return { ...env, CONTAINERS_REGISTRIES_CONF: path };
}
const readIfThere = (path) => {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
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
    const remote = insecure.filter((registry) => !(0,reference/* isLoopback */.U9)(registry));
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
        throw new errors/* ConfigError */.x(`insecure-registries: ${missing.join(', ')} must also be in dockerd's own insecure-registries (/etc/docker/daemon.json, then ` +
            'restart dockerd): docker pulls and pushes through its daemon, which refuses plain HTTP to any registry it does not list');
}
/** One log line per run: the cache repositories, and why this event writes them or only reads them. */
function describeBuildCache(plans, change, logger) {
    const caches = [...new Set(plans.flatMap((plan) => (plan.spec.cache ? [plan.spec.cache.repository] : [])))];
    if (caches.length === 0)
        return;
    // What the plans will do, with the event's reason: the log says what runs, not a second decision.
    const write = plans.some((plan) => plan.spec.cache?.write);
    const why = write ? `(read and written): ${(0,trust/* trustedCodeReason */.nd)(change)}` : `(read only: ${(0,trust/* cacheWriteRefusal */.GC)(change) ?? 'not written'})`;
    logger.info(`build cache: ${caches.join(', ')} ${why}`);
}

// EXTERNAL MODULE: ./src/commands/dry-run.ts
var dry_run = __webpack_require__(8727);
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
        const engineEnv = await registriesConfEnv({ ...env, ...inputs.extraEnv }, inputs, plans, scratchDir, logger);
        if (inputs.engine === 'docker')
            await checkDockerInsecure(context, inputs.insecureRegistries);
        const engine = (0,engines_engine/* createEngine */.P)(inputs.engine, { env: engineEnv, logger, exec: context.exec });
        describeBuildCache(plans, change, logger);
        const certDir = inputs.ca && inputs.engine !== 'docker' ? await writeCertDir(scratchDir, inputs.ca) : undefined;
        const built = await (0,auth_file/* withAuthFile */.j)(cacheLogins(inputs, plans), (authFile) => buildEach(engine, plans.map((plan) => ({ ...plan, spec: { ...plan.spec, ...(authFile && { authFile }), ...(certDir && { certDir }) } })), change, logger));
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
/** ca-file as podman and buildah read private CAs: `*.crt` files in a directory (--cert-dir). */
async function writeCertDir(scratchDir, ca) {
    const dir = (0,external_node_path_.join)(scratchDir, 'certs');
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'ca.crt'), ca, { mode: 0o600 });
    return dir;
}
/** Logins for the cache repositories' registries, from registry-credentials (read and write need them alike). */
function cacheLogins(inputs, plans) {
    const registries = new Set(plans.flatMap((plan) => (plan.spec.cache ? [(0,reference/* parseReference */.F2)(plan.spec.cache.repository).registry] : [])));
    return [...registries].flatMap((registry) => {
        const login = (0,credentials/* loginOf */.DQ)(inputs.credentials.get(registry));
        return login?.username && login.password !== undefined ? [{ registry, username: login.username, password: login.password }] : [];
    });
}
async function build(context) {
    const inputs = (0,engine_inputs/* readEngineInputs */.Iu)(context.read, context.env, (0,engine_inputs/* reportTo */.Eg)(context.logger));
    if (inputs.dryRun)
        return (0,dry_run/* dryRun */.P)(context, inputs, (0,platform_change/* detectChange */.A)(context.env, (0,platform_change/* readEvent */.j)(context.env), inputs.change));
    const { built } = await buildImages(context, inputs);
    return {
        outputs: { images: JSON.stringify(built) },
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

/***/ 8727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ dryRun)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _engines_build_args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1045);
/* harmony import */ var _engines_engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6487);
/* harmony import */ var _engines_push_args_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6237);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9310);
/* harmony import */ var _build_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5392);
/* harmony import */ var _upload_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2325);







/** Stands for the files a real run keeps in a private temporary directory. */
const SCRATCH = '<tmp>';
/**
 * Validates everything a build (and an upload) would use and prints the plan: nothing runs, no
 * request is sent. The argv are made by the same functions the engines run.
 */
function dryRun(context, inputs, change, upload) {
    const plans = (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planBuilds */ .zu)(inputs, { change, env: context.env, scratchDir: SCRATCH, created: (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .createdTimestamp */ .jt)(context.env) });
    const planned = plans.map((plan, i) => plannedImage(inputs, plan, upload?.targets[i], upload?.insecureRegistries ?? []));
    const { logger } = context;
    for (const image of planned) {
        const lines = [
            ...image.build.map((argv) => `build (in ${image.cwd}): ${argv.join(' ')}`),
            ...image.push.map((argv) => `push: ${argv.join(' ')}`),
            ...image.pushes.slice(1).map((ref) => `tag through the registry API: ${ref}`),
        ];
        logger.info(`images[${image.index}] ${image.repository}\n  ${lines.join('\n  ')}`);
    }
    logger.info('dry run: no engine ran, no request was sent');
    return {
        outputs: { images: JSON.stringify(planned) },
        summary: {
            title: `${upload?.title ?? 'Build plan'} (dry run)`,
            headers: ['image', 'engine', 'would push'],
            rows: planned.map((image) => [`images[${image.index}] ${image.repository}`, inputs.engine, image.pushes.join(' ') || '(build only)']),
        },
    };
}
function plannedImage(inputs, plan, target, insecureRegistries) {
    const binary = inputs.engine;
    const withBinary = (commands) => commands.map((argv) => [binary, ...argv]);
    const cache = inputs.engine === 'docker' ? (0,_engines_build_args_js__WEBPACK_IMPORTED_MODULE_5__/* .dockerCacheCommands */ .tD)(plan.spec) : { before: [], after: [] };
    const certDir = inputs.ca && inputs.engine !== 'docker' ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(SCRATCH, 'certs') : undefined;
    const spec = { ...plan.spec, ...(certDir && { certDir }) };
    const build = withBinary([...cache.before, ...(0,_engines_build_args_js__WEBPACK_IMPORTED_MODULE_5__/* .buildCommands */ .DL)(inputs.engine, spec, (0,_engines_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .hostPlatform */ .ol)()), ...cache.after]);
    if (!target)
        return { index: plan.image.index, repository: plan.image.repository, cwd: plan.spec.contextDir, build, push: [], pushes: [] };
    const authFile = target.credential?.username ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(SCRATCH, 'auth', 'config.json') : undefined;
    const rebuild = inputs.engine === 'docker' && plan.image.platforms.length > 0 ? plan.spec : undefined;
    const push = (0,_upload_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .enginePushSpec */ .kT)(target, plan.spec.tags[0], { insecureRegistries, digestFile: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(SCRATCH, `digest-${plan.image.index}`), authFile, certDir }, rebuild);
    return {
        index: plan.image.index,
        repository: plan.image.repository,
        cwd: plan.spec.contextDir,
        build,
        push: withBinary((0,_engines_push_args_js__WEBPACK_IMPORTED_MODULE_6__/* .pushCommands */ .BP)(inputs.engine, push)),
        pushes: target.tags.map((tag) => (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .refName */ .P7)(target, tag)),
    };
}


/***/ }),

/***/ 2325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ planUploads),
/* harmony export */   jU: () => (/* binding */ uploadMode),
/* harmony export */   kT: () => (/* binding */ enginePushSpec),
/* harmony export */   mk: () => (/* binding */ intermediateRepository),
/* harmony export */   oq: () => (/* binding */ platformTag)
/* harmony export */ });
/* harmony import */ var _config_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(980);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9310);



function uploadMode(inputs) {
    if (!inputs.promote)
        return 'release';
    return inputs.promoteMethod === 'intermediate-registry' ? 'intermediate' : 'gate';
}
/**
 * Where a platform job pushes its image for the merge job to find: a temporary tag of the
 * image's first tag and the platform, `change_42_latest__linux-arm64`, in every mode.
 */
function platformTag(prefix, image, platform) {
    return `${prefix}_${image.tags[0]}__${platform.replace(/\//g, '-')}`;
}
/** `<intermediate>[/<namespace>]/<repository path>`: the name promote looks up again. */
function intermediateRepository(intermediate, image) {
    return intermediate.namespace ? `${intermediate.namespace}/${image.reference.path}` : image.reference.path;
}
/**
 * Every push target, with its credentials checked before any build or network call: a given map
 * lacking the registry, or whose pattern does not fully match the repository, stops the run.
 */
function planUploads(images, mode, prefix, where) {
    const { intermediate, credentials, platform } = where;
    const problems = [];
    const targets = [];
    // Several entries may share a repository; two pushing one tag would race (an intermediate
    // namespace can also fold two registries' repositories into one name).
    const pushedBy = new Map();
    for (const image of images) {
        const registry = mode === 'intermediate' ? intermediate.registry : image.reference.registry;
        const repository = mode === 'intermediate' ? intermediateRepository(intermediate, image) : image.reference.path;
        const tags = platform
            ? [platformTag(prefix, image, platform)]
            : mode === 'release'
                ? image.tags
                : image.tags.map((tag) => `${prefix}_${tag}`);
        for (const tag of tags) {
            if (!(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidTag */ .r_)(tag))
                problems.push(`images[${image.index}].tags: "${tag}" is not a valid tag (128 characters at most)`);
            const ref = (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .refName */ .P7)({ registry, repository }, tag);
            const other = pushedBy.get(ref);
            if (other !== undefined && other !== image.index)
                problems.push(`images[${image.index}]: ${ref} is also pushed by images[${other}]`);
            pushedBy.set(ref, image.index);
        }
        try {
            targets.push({
                image,
                registry,
                repository,
                tags,
                finalTags: image.tags,
                credential: (0,_config_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .credentialFor */ .FX)(credentials, registry, (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .refName */ .P7)({ registry, repository })),
            });
        }
        catch (error) {
            if (!(error instanceof _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x))
                throw error;
            problems.push(error.message);
        }
    }
    if (problems.length > 0)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigErrors */ .m(problems);
    return targets;
}
/**
 * The engine push of one target: its first tag, from the local image the build tagged first (the
 * other tags go through the registry API). `rebuild`: docker's multi-platform push reruns buildx.
 */
function enginePushSpec(target, localSource, where, rebuild) {
    return {
        source: localSource,
        destination: (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .refName */ .P7)(target, target.tags[0]),
        multiPlatform: target.image.platforms.length > 0,
        insecure: (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopback */ .U9)(target.registry) || where.insecureRegistries.includes(target.registry),
        digestFile: where.digestFile,
        authFile: where.authFile,
        certDir: where.certDir,
        rebuild,
    };
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

/***/ 1045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bh: () => (/* binding */ commonFlags),
/* harmony export */   DL: () => (/* binding */ buildCommands),
/* harmony export */   kT: () => (/* binding */ buildxOutput),
/* harmony export */   tD: () => (/* binding */ dockerCacheCommands)
/* harmony export */ });
/* unused harmony exports dockerBuildArgs, buildxBuildArgs, buildxLoadArgs, ociBuildArgs */
/* harmony import */ var _build_spec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7567);

/** Flags every engine spells the same way (docker, buildx, podman and buildah agree on these). */
function commonFlags(spec) {
    const args = ['--file', spec.containerFile];
    if (spec.target)
        args.push('--target', spec.target);
    for (const arg of spec.buildArgs)
        args.push('--build-arg', arg);
    for (const label of spec.labels)
        args.push('--label', label);
    return args;
}
const tagFlags = (tags) => tags.flatMap((tag) => ['--tag', tag]);
/** `docker build` with the classic builder or BuildKit, one platform; a cache image it pulled is a --cache-from source. */
function dockerBuildArgs(spec) {
    const cache = spec.cache ? ['--cache-from', `${spec.cache.repository}:${_build_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .CACHE_TAG */ .y}`] : [];
    const platform = spec.platform ? ['--platform', spec.platform] : [];
    return ['build', ...commonFlags(spec), ...cache, ...platform, '--iidfile', spec.iidFile, ...tagFlags(spec.tags), spec.buildPath];
}
/** buildx's registry cache: read always, written (every stage: mode=max) on trusted events. */
function buildxCacheFlags(spec) {
    if (!spec.cache)
        return [];
    const ref = `type=registry,ref=${spec.cache.repository}:${_build_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .CACHE_TAG */ .y}`;
    return ['--cache-from', ref, ...(spec.cache.write ? ['--cache-to', `${ref},mode=max`] : [])];
}
/** podman and buildah: layers cached, looked up in (and on trusted events pushed to) the cache repository. */
function ociCacheFlags(spec) {
    const auth = [...(spec.authFile ? ['--authfile', spec.authFile] : []), ...(spec.certDir ? ['--cert-dir', spec.certDir] : [])];
    if (!spec.cache)
        return auth;
    const { repository, write } = spec.cache;
    return [...auth, '--layers', '--cache-from', repository, ...(write ? ['--cache-to', repository] : [])];
}
/**
 * Where buildx puts its result, with the attestations asked for: made as OCI artifacts with a
 * subject, so registries and the mirror see them as the images' referrers.
 */
function buildxOutput(spec, push) {
    if (push && !spec.attestations)
        return ['--push'];
    const output = `type=image,push=${push}${spec.attestations ? ',oci-artifact=true' : ''}`;
    return [...(spec.attestations ?? []), '--output', output];
}
/**
 * `docker buildx build` for several platforms. A multi-platform result cannot be loaded into
 * docker's classic image store: it is made as an image that is not pushed (the push runs the
 * cached build again with --push), which gives --iidfile the index digest.
 */
function buildxBuildArgs(spec) {
    return [
        'buildx',
        'build',
        '--platform',
        spec.platforms.join(','),
        ...commonFlags(spec),
        ...buildxCacheFlags(spec),
        ...buildxOutput(spec, false),
        '--iidfile',
        spec.iidFile,
        ...tagFlags(spec.tags),
        spec.buildPath,
    ];
}
/** `docker buildx build --load`: one platform on a builder outside the daemon, loaded into docker's store to be tagged and pushed. */
function buildxLoadArgs(spec) {
    const platform = spec.platform ? ['--platform', spec.platform] : [];
    return [
        'buildx',
        'build',
        ...commonFlags(spec),
        ...buildxCacheFlags(spec),
        ...platform,
        '--load',
        '--iidfile',
        spec.iidFile,
        ...tagFlags(spec.tags),
        spec.buildPath,
    ];
}
/**
 * `podman build` / `buildah build`. Several platforms go into one local manifest list named by
 * the first tag (the engine builds each platform, with qemu for foreign RUN steps); the other
 * tags are added afterwards with `tag`.
 */
function ociBuildArgs(spec, hostPlatform) {
    const args = ['build', ...commonFlags(spec), ...ociCacheFlags(spec)];
    if (spec.platforms.length > 0) {
        // --iidfile is refused with several platforms: the list's id is read back afterwards.
        args.push('--platform', spec.platforms.join(','), '--manifest', spec.tags[0]);
    }
    else {
        // A multi-platform build leaves the base image's local name on its last platform; naming
        // the host's makes podman fetch the right one instead of silently building for arm64.
        if (hostPlatform)
            args.push('--platform', hostPlatform);
        args.push('--iidfile', spec.iidFile, ...tagFlags(spec.tags));
    }
    args.push(spec.buildPath);
    return args;
}
/**
 * The engine commands a build runs, in order (argv without the binary): what the engines run and
 * what dry-run prints. `hostPlatform` pins podman's and buildah's single-platform builds;
 * `buildxLoad`: docker's current buildx builder is not the daemon's own.
 */
function buildCommands(engine, spec, hostPlatform, options = {}) {
    if (engine === 'docker') {
        if (spec.platforms.length > 0)
            return [buildxBuildArgs(spec)];
        return [options.buildxLoad ? buildxLoadArgs(spec) : dockerBuildArgs(spec)];
    }
    if (spec.platforms.length === 0)
        return [ociBuildArgs(spec, spec.platform ?? hostPlatform)];
    return [ociBuildArgs(spec), ...spec.tags.slice(1).map((tag) => ['tag', spec.tags[0], tag])];
}
/**
 * docker's classic builder (or buildx's docker driver) reads its cache from a local image: pulled
 * before the build (a miss is no failure), tagged and pushed after it on trusted events. Other
 * buildx builders, podman and buildah need none.
 */
function dockerCacheCommands(spec) {
    if (!spec.cache || spec.platforms.length > 0)
        return { before: [], after: [] };
    const image = `${spec.cache.repository}:${_build_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .CACHE_TAG */ .y}`;
    return {
        before: [['pull', image]],
        after: spec.cache.write
            ? [
                ['tag', spec.tags[0], image],
                ['push', image],
            ]
            : [],
    };
}


/***/ }),

/***/ 6487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ createEngine),
  ol: () => (/* binding */ hostPlatform)
});

// UNUSED EXPORTS: BuildahEngine, ContainerEngine, DockerEngine, PodmanEngine

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/engines/build-args.ts
var build_args = __webpack_require__(1045);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/engines/push-args.ts
var push_args = __webpack_require__(6237);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/registry/auth/credentials.ts
var credentials = __webpack_require__(2072);
;// CONCATENATED MODULE: ./src/engines/docker-config.ts



/**
 * The environment of a docker command that must see only this run's credentials (`authFile`'s
 * directory becomes DOCKER_CONFIG) but still the user's CLI plugins and buildx builders: without
 * them `docker buildx` is an unknown command, or falls back to the default builder, which cannot
 * build several platforms (docs/runners.md, "docker, buildx and credentials").
 */
function dockerAuthEnv(env, authFile) {
    const own = (0,credentials/* dockerConfigDir */.k)(env);
    const dir = (0,external_node_path_.dirname)(authFile);
    const plugins = (0,external_node_path_.join)(own, 'cli-plugins');
    if ((0,external_node_fs_.existsSync)(plugins) && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'cli-plugins')))
        (0,external_node_fs_.symlinkSync)(plugins, (0,external_node_path_.join)(dir, 'cli-plugins'));
    return { ...env, DOCKER_CONFIG: dir, BUILDX_CONFIG: env.BUILDX_CONFIG || (0,external_node_path_.join)(own, 'buildx') };
}

;// CONCATENATED MODULE: ./src/engines/engine.ts





/** One container engine: builds images into its local store. */
class ContainerEngine {
    exec;
    env;
    logger;
    #binary;
    constructor(options) {
        this.exec = options.exec ?? exec/* noExec */.X;
        this.env = options.env;
        this.logger = options.logger;
        this.#binary = options.binary;
    }
    get binary() {
        return this.#binary ?? this.name;
    }
    /** Environment for one push: docker finds credentials through DOCKER_CONFIG. */
    pushEnv(spec) {
        return spec.authFile && this.name === 'docker' ? dockerAuthEnv(this.env, spec.authFile) : this.env;
    }
    /** Runs the engine, streaming its output into the log; failures keep its last stderr lines. */
    run(args, cwd, quiet = false, env = this.env) {
        return this.exec(this.binary, args, { cwd, env, onLine: quiet ? undefined : (line) => this.logger.info(line) });
    }
    async probe(args) {
        try {
            return (await this.exec(this.binary, args, { env: this.env, allowFailure: true })).code === 0;
        }
        catch (error) {
            if (error instanceof exec/* ExecError */.c)
                return false;
            throw error;
        }
    }
}
class DockerEngine extends ContainerEngine {
    name = 'docker';
    #driver;
    async hasBuildx() {
        return this.probe(['buildx', 'version']);
    }
    /**
     * The driver of buildx's current builder (`docker`, `docker-container`, `remote`, …), undefined
     * without buildx. Any driver but `docker` keeps its results out of docker's image store.
     */
    builderDriver() {
        // One look per run: the builder does not change between the images of a list.
        this.#driver ??= this.exec(this.binary, ['buildx', 'inspect'], { env: this.env, allowFailure: true }).then(({ code, stdout }) => (code === 0 ? /^Driver:\s+(\S+)/m.exec(stdout)?.[1] : undefined), () => undefined);
        return this.#driver;
    }
    async build(spec) {
        // Cache logins (the only credentials a build gets) reach buildx's registry cache this way.
        const env = spec.authFile ? dockerAuthEnv(this.env, spec.authFile) : this.env;
        if (spec.platforms.length > 0) {
            if (!(await this.hasBuildx())) {
                throw new exec/* ExecError */.c('docker', undefined, [], `a multi-platform image (${spec.platforms.join(', ')}) needs docker buildx, which this docker does not have: ` +
                    'install the buildx plugin (docker/setup-buildx-action), ' +
                    'or use container-command: podman or buildah, which build every platform with qemu');
            }
            for (const args of (0,build_args/* buildCommands */.DL)('docker', spec, hostPlatform()))
                await this.run(args, spec.contextDir, false, env);
            return { imageId: await readId(spec.iidFile), platforms: spec.platforms };
        }
        const driver = await this.builderDriver();
        if (driver !== undefined && driver !== 'docker') {
            // A builder outside the daemon (setup-buildx-action's docker-container, remote): --load.
            for (const args of (0,build_args/* buildCommands */.DL)('docker', spec, hostPlatform(), { buildxLoad: true }))
                await this.run(args, spec.contextDir, false, env);
            return { imageId: await readId(spec.iidFile), platforms: [await this.hostPlatform(spec.tags[0])] };
        }
        const cache = (0,build_args/* dockerCacheCommands */.tD)(spec);
        for (const args of cache.before) {
            const { code } = await this.exec(this.binary, args, { env, allowFailure: true });
            if (code !== 0)
                this.logger.info(`no build cache yet at ${args[1]}: building without it`);
        }
        for (const args of (0,build_args/* buildCommands */.DL)('docker', spec, hostPlatform()))
            await this.run(args, spec.contextDir);
        // The image is built: a cache that cannot be written costs the next build time, not this one.
        for (const args of cache.after) {
            const { code } = await this.exec(this.binary, args, { env, allowFailure: true, onLine: (line) => this.logger.debug(line) });
            if (code !== 0) {
                this.logger.warning(`build cache not written: docker ${args.join(' ')} failed`);
                break;
            }
        }
        return { imageId: await readId(spec.iidFile), platforms: [await this.hostPlatform(spec.tags[0])] };
    }
    async push(spec) {
        if (spec.rebuild && spec.rebuild.platforms.length > 0) {
            if (!(await this.hasBuildx()))
                throw new exec/* ExecError */.c('docker', undefined, [], 'pushing a multi-platform image needs docker buildx: install the buildx plugin, or use container-command: podman or buildah');
            const [args] = (0,push_args/* pushCommands */.BP)('docker', spec);
            await this.exec(this.binary, args, {
                cwd: spec.rebuild.contextDir,
                env: this.pushEnv(spec),
                onLine: (line) => this.logger.info(line),
            });
            const digest = (0,push_args/* buildxPushedDigest */.Ar)(await (0,promises_.readFile)(spec.digestFile, 'utf8'));
            if (!digest)
                throw new exec/* ExecError */.c('docker', 0, [], `docker buildx pushed ${spec.destination} without reporting its digest`);
            return digest;
        }
        let output = '';
        for (const args of (0,push_args/* pushCommands */.BP)('docker', spec)) {
            const result = await this.exec(this.binary, args, { env: this.pushEnv(spec), onLine: (line) => this.logger.info(line) });
            output += result.stdout;
        }
        const digest = (0,push_args/* dockerPushedDigest */.qY)(output);
        if (!digest)
            throw new exec/* ExecError */.c('docker', 0, [], `docker push ${spec.destination} did not report the digest it pushed`);
        return digest;
    }
    async hostPlatform(ref) {
        const { stdout } = await this.exec(this.binary, ['image', 'inspect', ref], { env: this.env });
        return platformOfInspect(stdout);
    }
}
/** podman and buildah share flags and storage; they differ in a few sub-commands. */
class OciEngine extends ContainerEngine {
    async build(spec) {
        const [build, ...tagging] = (0,build_args/* buildCommands */.DL)(this.name, spec, hostPlatform());
        if (spec.platforms.length === 0) {
            await this.run(build, spec.contextDir);
            return { imageId: await readId(spec.iidFile), platforms: await this.platformsOf(spec.tags[0]) };
        }
        // --manifest appends to an existing list: a rebuild would mix old and new platforms.
        await this.removeExisting(spec.tags[0]);
        await this.run(build, spec.contextDir);
        for (const args of tagging)
            await this.run(args, undefined, true);
        return { imageId: await this.listId(spec.tags[0]), platforms: await this.platformsOf(spec.tags[0]) };
    }
    async push(spec) {
        const [args] = (0,push_args/* pushCommands */.BP)(this.name, spec);
        await this.exec(this.binary, args, { env: this.pushEnv(spec), onLine: (line) => this.logger.info(line) });
        const digest = (await (0,promises_.readFile)(spec.digestFile, 'utf8')).trim();
        if (!/^sha256:[a-f0-9]{64}$/.test(digest))
            throw new exec/* ExecError */.c(this.name, 0, [], `${this.name} push ${spec.destination} wrote no digest`);
        return digest;
    }
    async removeExisting(ref) {
        if (await this.probe(['manifest', 'exists', ref])) {
            await this.run(['manifest', 'rm', ref], undefined, true);
        }
        else if (await this.probe(['image', 'exists', ref])) {
            await this.run(['rmi', ref], undefined, true);
        }
    }
    /** Platforms of a local image or manifest list, as os/arch[/variant]. */
    async platformsOf(ref) {
        if (await this.probe(['manifest', 'exists', ref])) {
            const { stdout } = await this.exec(this.binary, ['manifest', 'inspect', ref], { env: this.env });
            const list = JSON.parse(stdout);
            return (list.manifests ?? []).flatMap((m) => m.platform ? [[m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/')] : []);
        }
        const { stdout } = await this.exec(this.binary, this.inspectArgs(ref), { env: this.env });
        return [platformOfInspect(stdout)];
    }
}
class PodmanEngine extends OciEngine {
    name = 'podman';
    inspectArgs(ref) {
        return ['image', 'inspect', ref];
    }
    async listId(ref) {
        const { stdout } = await this.exec(this.binary, ['image', 'inspect', '--format', '{{.Id}}', ref], { env: this.env });
        return withAlgorithm(stdout.trim());
    }
}
class BuildahEngine extends OciEngine {
    name = 'buildah';
    inspectArgs(ref) {
        // buildah and podman share the image store; podman's inspect has the simpler shape.
        return ['inspect', '--type', 'image', ref];
    }
    async listId(ref) {
        const { stdout } = await this.exec(this.binary, ['images', '--no-trunc', '--json', ref], { env: this.env });
        const [image] = JSON.parse(stdout);
        return withAlgorithm(image.id);
    }
}
/** os/arch[/variant] from `docker|podman image inspect` (a list) or `buildah inspect` (an object). */
function platformOfInspect(json) {
    const parsed = JSON.parse(json);
    const image = (Array.isArray(parsed) ? parsed[0] : parsed);
    const os = image.Os ?? image.OCIv1?.os;
    const arch = image.Architecture ?? image.OCIv1?.architecture;
    const variant = image.Variant ?? image.OCIv1?.variant;
    return [os, arch, variant].filter(Boolean).join('/');
}
async function readId(iidFile) {
    return withAlgorithm((await (0,promises_.readFile)(iidFile, 'utf8')).trim());
}
function withAlgorithm(id) {
    return id.includes(':') ? id : `sha256:${id}`;
}
const NODE_TO_OCI_ARCH = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ppc64: 'ppc64le',
    s390x: 's390x',
    ia32: '386',
    riscv64: 'riscv64',
};
/** The platform this runner builds for when an image names none, as os/arch. */
function hostPlatform() {
    return `${process.platform}/${NODE_TO_OCI_ARCH[process.arch] ?? process.arch}`;
}
function createEngine(name, options) {
    switch (name) {
        case 'docker':
            return new DockerEngine(options);
        case 'podman':
            return new PodmanEngine(options);
        case 'buildah':
            return new BuildahEngine(options);
    }
}


/***/ }),

/***/ 6237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* binding */ buildxPushedDigest),
/* harmony export */   BP: () => (/* binding */ pushCommands),
/* harmony export */   qY: () => (/* binding */ dockerPushedDigest)
/* harmony export */ });
/* unused harmony exports buildxPushArgs, ociPushArgs, dockerPushArgs */
/* harmony import */ var _build_args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1045);

/** `docker buildx build --push`: every platform as one index; buildx writes the digest to a metadata file. */
function buildxPushArgs(spec, destination, metadataFile) {
    return [
        'buildx',
        'build',
        '--platform',
        spec.platforms.join(','),
        ...(0,_build_args_js__WEBPACK_IMPORTED_MODULE_0__/* .commonFlags */ .Bh)(spec),
        '--tag',
        destination,
        ...(0,_build_args_js__WEBPACK_IMPORTED_MODULE_0__/* .buildxOutput */ .kT)(spec, true),
        '--metadata-file',
        metadataFile,
        spec.buildPath,
    ];
}
/** buildx's metadata file: `{"containerimage.digest": "sha256:…", …}`. */
function buildxPushedDigest(metadata) {
    const digest = JSON.parse(metadata)['containerimage.digest'];
    return typeof digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined;
}
/** podman and buildah: `push` / `manifest push --all`, the digest written to a file. */
function ociPushArgs(spec) {
    const args = spec.multiPlatform ? ['manifest', 'push', '--all'] : ['push'];
    if (spec.insecure)
        args.push('--tls-verify=false');
    if (spec.authFile)
        args.push('--authfile', spec.authFile);
    if (spec.certDir)
        args.push('--cert-dir', spec.certDir);
    args.push('--digestfile', spec.digestFile, spec.source, `docker://${spec.destination}`);
    return args;
}
/** docker: tag (when the destination name differs), then push; credentials via DOCKER_CONFIG. */
function dockerPushArgs(spec) {
    const steps = [];
    if (spec.source !== spec.destination)
        steps.push(['tag', spec.source, spec.destination]);
    steps.push(['push', spec.destination]);
    return steps;
}
/** `docker push` prints `<tag>: digest: sha256:… size: N` when it is done. */
function dockerPushedDigest(output) {
    return /digest: (sha256:[a-f0-9]{64})/.exec(output)?.[1];
}
/** The engine commands a push runs, in order (argv without the binary): what the engines run and what dry-run prints. */
function pushCommands(engine, spec) {
    if (engine !== 'docker')
        return [ociPushArgs(spec)];
    if (spec.rebuild && spec.rebuild.platforms.length > 0)
        return [buildxPushArgs(spec.rebuild, spec.destination, spec.digestFile)];
    return dockerPushArgs(spec);
}


/***/ }),

/***/ 7359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ detectChange),
/* harmony export */   j: () => (/* binding */ readEvent)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1245);



/** The head ref GitHub gives a merge-queue entry: `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`. */
const MERGE_QUEUE_REF = /gh-readonly-queue\/.+\/pr-(\d+)-([0-9a-f]{40})$/;
function readEvent(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return {};
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(`GITHUB_EVENT_PATH: cannot read the event payload ${path}: ${error.message}`, { cause: error });
    }
}
function detectChange(env, event, override) {
    const pipeline = sanitisePipeline(env.GITHUB_EVENT_NAME || 'local');
    const base = { revision: env.GITHUB_SHA || undefined, baseRepository: env.GITHUB_REPOSITORY || undefined };
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    // Gitea and Forgejo show pull requests under /pulls/N, GitHub under /pull/N.
    const pullPath = ['gitea', 'forgejo'].includes((0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .detectRunner */ .q)(env)) ? 'pulls' : 'pull';
    const urlOf = (change) => (base.baseRepository ? `${serverUrl}/${base.baseRepository}/${pullPath}/${change}` : undefined);
    let found = fromPullRequest(pipeline, event, base) ?? fromMergeQueue(pipeline, event, base, urlOf) ?? base;
    if (override !== undefined && override !== found.change)
        found = { ...found, change: override, changeUrl: urlOf(override) };
    const prefix = found.change !== undefined ? `change_${found.change}` : pipeline;
    const run = pipeline === 'workflow_run' ? event.workflow_run : undefined;
    const followedRun = run && { event: run.event, headRepository: run.head_repository?.full_name };
    return { ...found, pipeline, prefix, ...(followedRun && { followedRun }) };
}
/** A pull_request* event names its pull request, head commit and repositories. */
function fromPullRequest(pipeline, event, base) {
    const pr = event.pull_request;
    if (!pipeline.startsWith('pull_request') || !pr?.number)
        return undefined;
    return {
        ...base,
        change: pr.number,
        changeUrl: pr.html_url,
        revision: pr.head?.sha || base.revision,
        headRepository: pr.head?.repo?.full_name || undefined,
        baseRepository: pr.base?.repo?.full_name || base.baseRepository,
    };
}
/** A merge queue's head ref `gh-readonly-queue/<base>/pr-<N>-<sha>` names the change. */
function fromMergeQueue(pipeline, event, base, urlOf) {
    const match = pipeline === 'merge_group' && event.merge_group?.head_ref ? MERGE_QUEUE_REF.exec(event.merge_group.head_ref) : null;
    if (!match)
        return undefined;
    const change = Number(match[1]);
    return { ...base, change, changeUrl: urlOf(change), revision: event.merge_group?.head_sha || base.revision };
}
/** Event names are tag-safe already; anything else (a custom pipeline) is made so. */
function sanitisePipeline(name) {
    const cleaned = name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[.-]+/, '');
    return cleaned || 'local';
}


/***/ }),

/***/ 1245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ detectRunner)
/* harmony export */ });
function detectRunner(env) {
    // Order matters: Forgejo also sets GITEA_ACTIONS, and act and the forges also set GITHUB_ACTIONS.
    if (env.FORGEJO_ACTIONS === 'true')
        return 'forgejo';
    if (env.GITEA_ACTIONS === 'true')
        return 'gitea';
    if (env.ACT === 'true')
        return 'act';
    if (env.GITHUB_ACTIONS === 'true')
        return 'github';
    return 'local';
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
