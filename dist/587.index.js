export const id = 587;
export const ids = [587];
export const modules = {

/***/ 2325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ planUploads),
/* harmony export */   jU: () => (/* binding */ uploadMode),
/* harmony export */   kT: () => (/* binding */ enginePushSpec),
/* harmony export */   mk: () => (/* binding */ intermediateRepository),
/* harmony export */   oq: () => (/* binding */ platformTag),
/* harmony export */   v_: () => (/* binding */ pushEngine)
/* harmony export */ });
/* harmony import */ var _config_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(980);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);
/* harmony import */ var _engines_engine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5251);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9310);




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
            if (!(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidTag */ .r_)(tag))
                problems.push(`images[${image.index}].tags: "${tag}" is not a valid tag (128 characters at most)`);
            const ref = (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .refName */ .P7)({ registry, repository }, tag);
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
                credential: (0,_config_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .credentialFor */ .FX)(credentials, registry, (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .refName */ .P7)({ registry, repository })),
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
/** The engine that pushes a run's images: the runner's environment and build-extra-env (no registries.conf: pushes say --tls-verify). */
function pushEngine(context, inputs) {
    return (0,_engines_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .createEngine */ .P)(inputs.engine, { env: context.env, setEnv: inputs.extraEnv, logger: context.logger, exec: context.exec });
}
/**
 * The engine push of one target: its first tag, from the local image the build tagged first (the
 * other tags go through the registry API). `build`: how the image was built, for an engine that
 * pushes a multi-platform image by building it again.
 */
function enginePushSpec(target, localSource, where, build) {
    return {
        source: localSource,
        destination: (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .refName */ .P7)(target, target.tags[0]),
        multiPlatform: target.image.platforms.length > 0,
        insecure: (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopback */ .U9)(target.registry) || where.insecureRegistries.includes(target.registry),
        digestFile: where.digestFile,
        authFile: where.authFile,
        certDir: where.certDir,
        build,
    };
}


/***/ }),

/***/ 5251:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ createEngine)
});

// UNUSED EXPORTS: BuildahEngine, ContainerEngine, DockerEngine, PodmanEngine, hostPlatform

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/engines/build-spec.ts
var build_spec = __webpack_require__(7567);
;// CONCATENATED MODULE: ./src/engines/build-args.ts

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
    const cache = spec.cache ? ['--cache-from', `${spec.cache.repository}:${build_spec/* CACHE_TAG */.y}`] : [];
    const platform = spec.platform ? ['--platform', spec.platform] : [];
    return ['build', ...commonFlags(spec), ...cache, ...platform, '--iidfile', spec.iidFile, ...tagFlags(spec.tags), spec.buildPath];
}
/** buildx's registry cache: read always, written (every stage: mode=max) on trusted events. */
function buildxCacheFlags(spec) {
    if (!spec.cache)
        return [];
    const ref = `type=registry,ref=${spec.cache.repository}:${build_spec/* CACHE_TAG */.y}`;
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
    const image = `${spec.cache.repository}:${build_spec/* CACHE_TAG */.y}`;
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/registry/auth/credentials.ts
var credentials = __webpack_require__(2072);
;// CONCATENATED MODULE: ./src/engines/buildx-builder.ts



/** Where the docker CLI looks for plugins after $DOCKER_CONFIG/cli-plugins. */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
];
function readJson(path) {
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function pluginDirs(configDir) {
    const extra = readJson((0,external_node_path_.join)(configDir, 'config.json'))?.cliPluginsExtraDirs;
    return [(0,external_node_path_.join)(configDir, 'cli-plugins'), ...(Array.isArray(extra) ? extra.map(String) : []), ...SYSTEM_PLUGIN_DIRS];
}
/**
 * buildx's own resolution: $BUILDX_BUILDER, else the builder `docker buildx use` recorded in
 * <buildx config>/current; a name without an instance file is a docker context's builder, whose
 * driver is `docker` (so is having none recorded).
 */
function buildxBuilder(env) {
    const configDir = (0,credentials/* dockerConfigDir */.k)(env);
    if (!pluginDirs(configDir).some((dir) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'docker-buildx'))))
        return { installed: false };
    const buildxDir = env.BUILDX_CONFIG || (0,external_node_path_.join)(configDir, 'buildx');
    const current = readJson((0,external_node_path_.join)(buildxDir, 'current'))?.Name;
    const name = env.BUILDX_BUILDER || (typeof current === 'string' ? current : undefined);
    // buildx names an instance's file by the builder's name in lower case.
    const driver = name ? readJson((0,external_node_path_.join)(buildxDir, 'instances', name.toLowerCase()))?.Driver : undefined;
    return { installed: true, driver: typeof driver === 'string' ? driver : 'docker' };
}

// EXTERNAL MODULE: ./src/engines/capabilities.ts
var capabilities = __webpack_require__(4165);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
;// CONCATENATED MODULE: ./src/engines/push-args.ts

/** `docker buildx build --push`: every platform as one index; buildx writes the digest to a metadata file. */
function buildxPushArgs(spec, destination, metadataFile) {
    return [
        'buildx',
        'build',
        '--platform',
        spec.platforms.join(','),
        ...commonFlags(spec),
        '--tag',
        destination,
        ...buildxOutput(spec, true),
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

;// CONCATENATED MODULE: ./src/engines/docker-config.ts



/**
 * The variables of a docker command that must see only this run's credentials (`authFile`'s
 * directory becomes DOCKER_CONFIG) but still the user's buildx builders; linkCliPlugins keeps
 * its CLI plugins too: without them `docker buildx` is an unknown command, or falls back to the
 * default builder, which cannot build several platforms (docs/runners.md, "docker, buildx and
 * credentials").
 */
function dockerAuthVars(env, authFile) {
    return { DOCKER_CONFIG: (0,external_node_path_.dirname)(authFile), BUILDX_CONFIG: env.BUILDX_CONFIG || (0,external_node_path_.join)((0,credentials/* dockerConfigDir */.k)(env), 'buildx') };
}
/** Makes the user's CLI plugins visible in a DOCKER_CONFIG of the run's own. */
function linkCliPlugins(env, dockerConfig) {
    const plugins = (0,external_node_path_.join)((0,credentials/* dockerConfigDir */.k)(env), 'cli-plugins');
    if ((0,external_node_fs_.existsSync)(plugins) && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dockerConfig, 'cli-plugins')))
        (0,external_node_fs_.symlinkSync)(plugins, (0,external_node_path_.join)(dockerConfig, 'cli-plugins'));
}

;// CONCATENATED MODULE: ./src/engines/transient.ts
/** Engine failures worth another attempt: the registry or the network, not the image. */
const TRANSIENT = new RegExp([
    '\\b(50[0-9]|429)\\b',
    'too many requests',
    'timeout',
    'timed out',
    'connection reset',
    'broken pipe',
    'unexpected EOF',
    '\\bEOF\\b',
    'connection refused',
    'TLS handshake',
].join('|'), 'i');
/** Whether an engine's push failed for a reason another attempt may not meet, judged by its last words. */
function isTransientEngineFailure(error) {
    return TRANSIENT.test(error.lastLines.join('\n'));
}

;// CONCATENATED MODULE: ./src/engines/engine.ts








/**
 * One container engine: plans the processes that build and push an image (what dry-run prints)
 * and runs exactly those plans.
 */
class ContainerEngine {
    exec;
    env;
    logger;
    #setEnv;
    #binary;
    constructor(options) {
        this.exec = options.exec ?? exec/* noExec */.X;
        this.#setEnv = options.setEnv ?? {};
        this.env = { ...options.env, ...this.#setEnv };
        this.logger = options.logger;
        this.#binary = options.binary;
    }
    get binary() {
        return this.#binary ?? this.name;
    }
    get capabilities() {
        return (0,capabilities/* engineCapabilities */.f)(this.name);
    }
    async build(spec) {
        return this.builtImage(spec, await this.execute(this.buildPlan(spec)));
    }
    /** Pushes a built image; returns the digest pushed. A failure of the registry or the network is marked retryable. */
    async push(spec) {
        let captured;
        try {
            captured = await this.execute(this.pushPlan(spec));
        }
        catch (error) {
            if (error instanceof exec/* ExecError */.c && isTransientEngineFailure(error))
                throw Object.assign(error, { retryable: true });
            throw error;
        }
        return this.pushedDigest(spec, captured);
    }
    plan(steps) {
        return { binary: this.binary, envKeys: Object.keys(this.#setEnv).sort(), steps };
    }
    /** Makes what a step's environment points at ready (docker's plugins in the run's DOCKER_CONFIG). */
    prepare(step) {
        void step;
    }
    /** Runs a plan's steps in order; output lines stream into the log, failures keep the engine's last stderr lines. */
    async execute(plan) {
        const captured = {};
        for (const step of plan.steps) {
            if (step.onlyIf && !(await this.succeeds(plan.binary, step.onlyIf)))
                continue;
            this.prepare(step);
            const { code, stdout } = await this.exec(plan.binary, step.argv, {
                cwd: step.cwd,
                env: step.env ? { ...this.env, ...step.env } : this.env,
                allowFailure: step.onFailure !== undefined,
                onLine: this.lineSink(step),
            });
            if (code !== 0 && step.onFailure === 'stop') {
                this.logger.warning(step.failureNote ?? `${plan.binary} ${step.argv.join(' ')} failed`);
                break;
            }
            if (code !== 0)
                this.logger.info(step.failureNote ?? `${plan.binary} ${step.argv.join(' ')} failed`);
            else if (step.capture)
                captured[step.capture] = stdout;
        }
        return captured;
    }
    lineSink(step) {
        const output = step.output ?? (step.role === 'read' ? 'none' : 'info');
        if (output === 'none')
            return undefined;
        return output === 'debug' ? (line) => this.logger.debug(line) : (line) => this.logger.info(line);
    }
    async succeeds(binary, args) {
        try {
            return (await this.exec(binary, args, { env: this.env, allowFailure: true })).code === 0;
        }
        catch (error) {
            if (error instanceof exec/* ExecError */.c)
                return false;
            throw error;
        }
    }
}
/** Reads the local image's platform after a single-platform build. */
const inspectStep = (args) => ({ argv: args, role: 'read', capture: 'image' });
class DockerEngine extends ContainerEngine {
    name = 'docker';
    #builder;
    /** buildx and its current builder: one look per run, the builder does not change between the images of a list. */
    get builder() {
        this.#builder ??= buildxBuilder(this.env);
        return this.#builder;
    }
    get capabilities() {
        const buildx = this.builder.installed;
        return { ...super.capabilities, multiPlatform: buildx, attestations: buildx };
    }
    buildPlan(spec) {
        // Cache logins (the only credentials a build gets) reach buildx's registry cache this way.
        const auth = spec.authFile ? dockerAuthVars(this.env, spec.authFile) : undefined;
        const inspect = inspectStep(['image', 'inspect', spec.tags[0]]);
        if (spec.platforms.length > 0) {
            this.requireBuildx(`a multi-platform image (${spec.platforms.join(', ')}) needs docker buildx, which this docker does not have: ` +
                'install the buildx plugin (docker/setup-buildx-action), ' +
                'or use container-command: podman or buildah, which build every platform with qemu');
            return this.plan([{ argv: buildxBuildArgs(spec), cwd: spec.contextDir, env: auth }]);
        }
        const { driver } = this.builder;
        // A builder outside the daemon (setup-buildx-action's docker-container, remote): --load, buildx's registry cache.
        if (driver !== undefined && driver !== 'docker')
            return this.plan([{ argv: buildxLoadArgs(spec), cwd: spec.contextDir, env: auth }, inspect]);
        const cache = dockerCacheCommands(spec);
        return this.plan([
            ...cache.before.map((argv) => ({
                argv,
                env: auth,
                onFailure: 'continue',
                failureNote: `no build cache yet at ${argv[1]}: building without it`,
                output: 'none',
            })),
            { argv: dockerBuildArgs(spec), cwd: spec.contextDir },
            inspect,
            // The image is built: a cache that cannot be written costs the next build time, not this one.
            ...cache.after.map((argv) => ({
                argv,
                env: auth,
                onFailure: 'stop',
                failureNote: `build cache not written: docker ${argv.join(' ')} failed`,
                output: 'debug',
            })),
        ]);
    }
    pushPlan(spec) {
        const auth = spec.authFile ? dockerAuthVars(this.env, spec.authFile) : undefined;
        if (spec.build && spec.build.platforms.length > 0) {
            // docker keeps no multi-platform image locally: its buildx build runs again (every step cached) with --push.
            this.requireBuildx('pushing a multi-platform image needs docker buildx: install the buildx plugin, or use container-command: podman or buildah');
            return this.plan([{ argv: buildxPushArgs(spec.build, spec.destination, spec.digestFile), cwd: spec.build.contextDir, env: auth }]);
        }
        return this.plan(dockerPushArgs(spec).map((argv) => ({ argv, env: auth, ...(argv[0] === 'push' && { capture: 'push' }) })));
    }
    prepare(step) {
        if (step.env?.DOCKER_CONFIG)
            linkCliPlugins(this.env, step.env.DOCKER_CONFIG);
    }
    async builtImage(spec, captured) {
        const platforms = spec.platforms.length > 0 ? spec.platforms : [platformOfInspect(captured.image)];
        return { imageId: await readId(spec.iidFile), platforms };
    }
    async pushedDigest(spec, captured) {
        if (spec.build && spec.build.platforms.length > 0) {
            const digest = buildxPushedDigest(await (0,promises_.readFile)(spec.digestFile, 'utf8'));
            if (!digest)
                throw new exec/* ExecError */.c('docker', 0, [], `docker buildx pushed ${spec.destination} without reporting its digest`);
            return digest;
        }
        const digest = dockerPushedDigest(captured.push ?? '');
        if (!digest)
            throw new exec/* ExecError */.c('docker', 0, [], `docker push ${spec.destination} did not report the digest it pushed`);
        return digest;
    }
    requireBuildx(why) {
        if (!this.builder.installed)
            throw new exec/* ExecError */.c('docker', undefined, [], why);
    }
}
/** podman and buildah share flags and storage; they differ in a few sub-commands. */
class OciEngine extends ContainerEngine {
    buildPlan(spec) {
        const [build, ...tagging] = buildCommands(this.name, spec, hostPlatform());
        const ref = spec.tags[0];
        if (spec.platforms.length === 0)
            return this.plan([{ argv: build, cwd: spec.contextDir }, inspectStep(this.inspectArgs(ref))]);
        return this.plan([
            // --manifest appends to an existing list: a rebuild would mix old and new platforms.
            { argv: ['manifest', 'rm', ref], onlyIf: ['manifest', 'exists', ref], output: 'none' },
            { argv: ['rmi', ref], onlyIf: ['image', 'exists', ref], output: 'none' },
            { argv: build, cwd: spec.contextDir },
            ...tagging.map((argv) => ({ argv, output: 'none' })),
            { argv: ['manifest', 'inspect', ref], role: 'read', capture: 'list' },
            { argv: this.listIdArgs(ref), role: 'read', capture: 'id' },
        ]);
    }
    pushPlan(spec) {
        return this.plan([{ argv: ociPushArgs(spec) }]);
    }
    async builtImage(spec, captured) {
        if (spec.platforms.length === 0)
            return { imageId: await readId(spec.iidFile), platforms: [platformOfInspect(captured.image)] };
        return { imageId: withAlgorithm(this.listId(captured.id)), platforms: platformsOfList(captured.list) };
    }
    async pushedDigest(spec) {
        const digest = (await (0,promises_.readFile)(spec.digestFile, 'utf8')).trim();
        if (!/^sha256:[a-f0-9]{64}$/.test(digest))
            throw new exec/* ExecError */.c(this.name, 0, [], `${this.name} push ${spec.destination} wrote no digest`);
        return digest;
    }
}
class PodmanEngine extends OciEngine {
    name = 'podman';
    inspectArgs(ref) {
        return ['image', 'inspect', ref];
    }
    listIdArgs(ref) {
        return ['image', 'inspect', '--format', '{{.Id}}', ref];
    }
    listId(output) {
        return output.trim();
    }
}
class BuildahEngine extends OciEngine {
    name = 'buildah';
    inspectArgs(ref) {
        // buildah and podman share the image store; podman's inspect has the simpler shape.
        return ['inspect', '--type', 'image', ref];
    }
    listIdArgs(ref) {
        return ['images', '--no-trunc', '--json', ref];
    }
    listId(output) {
        const [image] = JSON.parse(output);
        return image.id;
    }
}
/** Platforms of a local manifest list (`manifest inspect`), as os/arch[/variant]. */
function platformsOfList(json) {
    const list = JSON.parse(json);
    return (list.manifests ?? []).flatMap((m) => m.platform ? [[m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/')] : []);
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


/***/ })

};
