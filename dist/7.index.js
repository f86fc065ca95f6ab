export const id = 7;
export const ids = [7];
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
/* harmony import */ var _config_inputs_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7324);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);
/* harmony import */ var _engines_engine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8501);
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
    return intermediate.namespace ? `${intermediate.namespace}/${image.reference.repository}` : image.reference.repository;
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
        const repository = mode === 'intermediate' ? intermediateRepository(intermediate, image) : image.reference.repository;
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
                credential: (0,_config_inputs_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .credentialFor */ .FX)(credentials, registry, (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .refName */ .P7)({ registry, repository })),
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
        insecure: (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainHttp */ .fq)(target.registry, where.insecureRegistries),
        digestFile: where.digestFile,
        authFile: where.authFile,
        certDir: where.certDir,
        build,
    };
}


/***/ }),

/***/ 7952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ applyMetadataTags)
/* harmony export */ });
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9310);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);


/**
 * Applies docker/metadata-action's `tags` output to the image list. Full references (`name:tag`,
 * its output with an `images` input): an image named by any of them gets exactly their tags, the
 * others keep their own. Bare tags (`latest`, `1.1.1`, its output with `images` empty): every
 * image gets them. metadata-action keeps the templating (semver, sha, dates). A reference naming
 * no image of the list is an error, so a typo cannot silently publish nothing.
 */
function applyMetadataTags(images, text) {
    const lines = text
        .split(/[\n,]/)
        .map((l) => l.trim())
        .filter(Boolean);
    if (lines.length === 0)
        return [...images];
    // A bare tag has neither a registry path nor a tag separator: metadata-action always writes `name:tag` otherwise.
    const bare = lines.filter((line) => !line.includes('/') && !line.includes(':'));
    if (bare.length === lines.length)
        return applyBareTags(images, bare);
    if (bare.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigErrors */ .m([`metadata-tags: mixes bare tags (${bare.join(', ')}) with full references; give one kind or the other`]);
    return applyReferences(images, lines);
}
function applyBareTags(images, tags) {
    const invalid = tags.filter((tag) => !(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_)(tag));
    if (invalid.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigErrors */ .m(invalid.map((tag) => `metadata-tags: "${tag}" is not a valid tag`));
    const unique = [...new Set(tags)];
    const problems = shared(images).map(([repository, entries]) => `metadata-tags: bare tags go to every image, and ${entries.join(' and ')} both build ${repository}: they would push the ` +
        "same tags; give metadata-action an images input, or drop metadata-tags and list each entry's tags");
    if (problems.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigErrors */ .m(problems);
    return images.map((image) => ({ ...image, tags: unique }));
}
function applyReferences(images, lines) {
    const byRepository = new Map();
    const problems = [];
    const several = new Map(shared(images));
    for (const line of lines) {
        try {
            const ref = (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseReference */ .F2)(line);
            if (!ref.tag) {
                problems.push(`metadata-tags: "${line}" has no tag`);
                continue;
            }
            const name = (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .refName */ .P7)(ref);
            const entries = several.get(name);
            if (entries) {
                problems.push(`metadata-tags: "${line}" names ${name}, which ${entries.join(' and ')} all build: it cannot say which one gets the tag`);
                continue;
            }
            if (!images.some((image) => (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .refName */ .P7)(image.reference) === name)) {
                problems.push(`metadata-tags: "${line}" names no image of the list (${images.map((i) => i.repository).join(', ')})`);
                continue;
            }
            byRepository.set(name, [...new Set([...(byRepository.get(name) ?? []), ref.tag])]);
        }
        catch (error) {
            if (error instanceof _registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .ReferenceError */ .AF)
                problems.push(`metadata-tags: ${error.message}`);
            else
                throw error;
        }
    }
    if (problems.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigErrors */ .m([...new Set(problems)]);
    return images.map((image) => {
        const tags = byRepository.get((0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .refName */ .P7)(image.reference));
        return tags ? { ...image, tags } : image;
    });
}
/** Repositories built by more than one entry, with those entries (`images[0]`, `images[3]`). */
function shared(images) {
    const entries = new Map();
    for (const image of images) {
        const name = (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .refName */ .P7)(image.reference);
        entries.set(name, [...(entries.get(name) ?? []), `images[${image.index}]`]);
    }
    return [...entries].filter(([, list]) => list.length > 1);
}


/***/ }),

/***/ 7529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ readImages)
});

// EXTERNAL MODULE: ./src/config/inputs/table.ts
var table = __webpack_require__(9714);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/config/input-file.ts
var input_file = __webpack_require__(5457);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/config/images/schema.ts
var schema = __webpack_require__(1082);
// EXTERNAL MODULE: ./src/config/paths.ts
var paths = __webpack_require__(1066);
// EXTERNAL MODULE: ./src/config/schema-errors.ts
var schema_errors = __webpack_require__(3119);
// EXTERNAL MODULE: ./src/config/yaml.ts
var yaml = __webpack_require__(9211);
// EXTERNAL MODULE: ./src/config/jinja.ts
var jinja = __webpack_require__(3290);
;// CONCATENATED MODULE: ./src/config/zuul/quoting.ts
/**
 * Zuul's roles render list values into one command line (`--build-arg {{ arg }}`) that Ansible's
 * `command` module splits like a POSIX shell: `FROM='quay.io/x/y:1'` reaches the engine as
 * `FROM=quay.io/x/y:1`. Real lists rely on that, so values are read the same way here, with one
 * difference kept on purpose: unquoted blanks stay in the value instead of splitting it into
 * several arguments (Zuul's defect: `A=x y` became the arguments `A=x` and `y`).
 * (docs/zuul.md, "Values as Zuul's command line reads them")
 */
class QuotingError extends Error {
}
/**
 * The value as shell quoting leaves it. `inDoubleQuotes`: the role wraps this value in `"…"`
 * itself (labels), so its own double quotes end that quoting.
 */
function readShellQuoted(value, inDoubleQuotes = false) {
    let out = '';
    let quote = inDoubleQuotes ? '"' : undefined;
    for (let i = 0; i < value.length; i++) {
        const c = value[i];
        if (quote === "'") {
            if (c === "'")
                quote = undefined;
            else
                out += c;
        }
        else if (quote === '"') {
            if (c === '"')
                quote = undefined;
            else if (c === '\\' && (value[i + 1] === '"' || value[i + 1] === '\\'))
                out += value[++i];
            else
                out += c;
        }
        else if (c === "'" || c === '"') {
            quote = c;
        }
        else if (c === '\\') {
            if (i + 1 >= value.length)
                throw new QuotingError('ends with a lone backslash');
            out += value[++i];
        }
        else {
            out += c;
        }
    }
    if (inDoubleQuotes) {
        // The role's own closing quote: the value must leave a double quote open for it.
        if (quote !== '"')
            throw new QuotingError(quote === "'" ? 'has an unbalanced single quote' : 'has an unbalanced double quote');
    }
    else if (quote) {
        throw new QuotingError(`has an unbalanced ${quote === "'" ? 'single' : 'double'} quote`);
    }
    return out;
}
/** Keys of an image entry the roles put on their command line, and how each is quoted there. */
const COMMAND_LINE_KEYS = {
    registry: 'bare',
    repository: 'bare',
    path: 'bare',
    container_filename: 'bare',
    dockerfile: 'bare',
    target: 'bare',
    tags: 'bare',
    build_args: 'bare',
    siblings: 'bare',
    labels: 'double',
};
/**
 * The entry with every command-line value read as the role's command line reads it. Problems
 * name the field; the value is not echoed (a build argument may carry a token).
 */
function readEntryQuoting(entry, field, problems) {
    const out = { ...entry };
    for (const [key, quoting] of Object.entries(COMMAND_LINE_KEYS)) {
        const value = entry[key];
        const read = (text, where) => {
            if (typeof text !== 'string')
                return text;
            try {
                return readShellQuoted(text, quoting === 'double');
            }
            catch (error) {
                if (!(error instanceof QuotingError))
                    throw error;
                problems.push(`${where}: ${error.message} (Zuul's command line reads values like a shell; escape a literal quote with \\)`);
                return text;
            }
        };
        if (Array.isArray(value))
            out[key] = value.map((item, i) => read(item, `${field}.${key}[${i}]`));
        else if (value !== undefined)
            out[key] = read(value, `${field}.${key}`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/config/did-you-mean.ts
var did_you_mean = __webpack_require__(9255);
;// CONCATENATED MODULE: ./src/config/zuul/vars.ts
/**
 * Zuul's names around the image list: the variables that hold it, the older build-docker-image
 * spelling of its keys, and the role variables that are action inputs here.
 * (docs/zuul.md, "Variables")
 */
/** Variables holding an image list: the container roles' and build-docker-image's. */
const LIST_VARIABLES = ['container_images', 'docker_images'];
/** build-docker-image's entry keys that the container roles spell otherwise. */
const KEY_ALIASES = { dockerfile: 'container_filename' };
/** Role variables (not list keys) and the input that does their work here. */
const ROLE_VARIABLES = {
    container_command: 'the container-command input',
    container_filename: 'the container-filename input',
    docker_dockerfile: 'the container-filename input',
    container_build_extra_env: 'the build-extra-env input',
    zuul_work_dir: 'the work-dir input',
    container_registry_credentials: 'the registry-credentials input (from a secret)',
    docker_credentials: 'the registry-credentials input (from a secret), keyed by registry',
    upload_container_image_promote: 'the promote input',
    promote_container_image_method: 'the promote-method input',
    promote_container_method: 'the promote-method input',
    buildset_registry: 'nothing: jobs hand images on through intermediate-registry and promote',
    docker_use_buildset_registry: 'nothing: jobs hand images on through intermediate-registry and promote',
    container_images: 'the images or images-file input (a list inside a list entry?)',
    docker_images: 'the images or images-file input (a list inside a list entry?)',
};
/**
 * One entry with build-docker-image's names turned into the container roles' ones, and role
 * variables written into it reported: Zuul would ignore them there, which is never what was meant.
 */
function normaliseEntry(entry, field, problems) {
    const out = { ...entry };
    for (const [alias, key] of Object.entries(KEY_ALIASES)) {
        if (!(alias in out))
            continue;
        // Lists written for both roles repeat the value under both names: only a disagreement is ambiguous.
        if (key in out && out[key] !== out[alias])
            problems.push(`${field}: give ${key} or ${alias} (build-docker-image's name for it), not both with different values`);
        else
            out[key] = out[alias];
        delete out[alias];
    }
    for (const [name, input] of Object.entries(ROLE_VARIABLES)) {
        // container_filename is both a role variable and an entry key: only the variable's other names count.
        if (!(name in out) || name === 'container_filename')
            continue;
        problems.push(`${field}.${name}: a Zuul role variable, not a key of an image; here it is ${input}`);
        delete out[name];
    }
    return out;
}

;// CONCATENATED MODULE: ./src/config/zuul/jobs.ts





/** Top-level kinds of a Zuul configuration file (`zuul.d/*.yaml`). */
const CONFIG_KINDS = new Set(['job', 'project', 'project-template', 'nodeset', 'secret', 'semaphore', 'pipeline', 'queue', 'pragma']);
/** Jobs named in a message before "and N more": a real zuul.d file holds thousands. */
const MAX_NAMED_JOBS = 20;
/** A Zuul configuration file: a list of one-key mappings such as `- job: {...}`, at least one of them a job. */
function isJobFile(raw) {
    return (Array.isArray(raw) &&
        raw.some((item) => (0,yaml/* isMapping */.pi)(item) && 'job' in item) &&
        raw.every((item) => (0,yaml/* isMapping */.pi)(item) && Object.keys(item).length === 1 && CONFIG_KINDS.has(Object.keys(item)[0])));
}
/** Zuul's `secrets:` of a job: a name, or `{name, secret}` (the variable, and the secret item it holds). */
function secretsOf(value) {
    const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return items.flatMap((item) => {
        if (typeof item === 'string')
            return [{ variable: item, secret: item }];
        if (!(0,yaml/* isMapping */.pi)(item) || typeof item.name !== 'string')
            return [];
        return [{ variable: item.name, secret: typeof item.secret === 'string' ? item.secret : item.name }];
    });
}
function definitions(raw) {
    const jobs = new Map();
    for (const item of raw) {
        const job = item.job;
        if (!(0,yaml/* isMapping */.pi)(job) || typeof job.name !== 'string')
            continue;
        const definition = {
            name: job.name,
            parent: typeof job.parent === 'string' ? job.parent : undefined,
            vars: (0,yaml/* isMapping */.pi)(job.vars) ? job.vars : {},
            secrets: secretsOf(job.secrets),
        };
        const variants = jobs.get(job.name);
        if (variants)
            variants.push(definition);
        else
            jobs.set(job.name, [definition]);
    }
    return jobs;
}
/**
 * Zuul merges a job's vars over its parent's, mappings key by key; anything else the child
 * replaces. `out` is the caller's own copy: merging into it in place keeps a long chain linear.
 */
function mergeInto(out, child) {
    for (const [key, value] of Object.entries(child)) {
        const mine = out[key];
        if ((0,yaml/* isMapping */.pi)(value) && (0,yaml/* isMapping */.pi)(mine))
            mergeInto(mine, value);
        else
            out[key] = (0,yaml/* isMapping */.pi)(value) ? mergeInto({}, value) : value;
    }
    return out;
}
function variantsError(origin, name, count) {
    return new errors/* ConfigError */.x(`${origin}zuul-job: job "${name}" is defined ${count} times (branch variants?); which one runs depends on ` +
        'the branch, so none is chosen here: put the image list in a vars file');
}
/** The job and its parents in the file, walked once; a parent cycle is an error naming it. */
function chainOf(jobs, name, origin) {
    const chain = [];
    const position = new Map();
    for (let current = name; current !== undefined;) {
        const variants = jobs.get(current);
        if (!variants)
            return { jobs: chain, outside: current };
        if (variants.length > 1)
            throw variantsError(origin, current, variants.length);
        const seen = position.get(current);
        if (seen !== undefined) {
            const cycle = [...chain.slice(seen).map((job) => job.name), current].join(' → ');
            throw new errors/* ConfigError */.x(`${origin}zuul-job: job "${current}" is its own ancestor (${cycle}); Zuul refuses such a file too`);
        }
        position.set(current, chain.length);
        chain.push(variants[0]);
        current = variants[0].parent;
    }
    return { jobs: chain };
}
const listVariable = (vars) => LIST_VARIABLES.find((name) => vars[name] !== undefined);
/**
 * The jobs whose chain in the file sets an image list, each chain walked once: a job's answer
 * is its own list or its parent's answer, kept for the jobs below it. A chain through a job with
 * branch variants or a cycle gives none.
 */
function jobsWithList(jobs) {
    const known = new Map();
    for (const name of jobs.keys()) {
        const path = [];
        const onPath = new Set();
        let state = 'none';
        for (let current = name; current !== undefined;) {
            const answer = known.get(current);
            if (answer !== undefined) {
                state = answer;
                break;
            }
            const variants = jobs.get(current);
            if (!variants)
                break;
            if (variants.length > 1 || onPath.has(current)) {
                state = 'unusable';
                break;
            }
            onPath.add(current);
            path.push(variants[0]);
            current = variants[0].parent;
        }
        for (const job of path.reverse()) {
            if (state !== 'unusable' && listVariable(job.vars) !== undefined)
                state = 'list';
            known.set(job.name, state);
        }
    }
    return [...jobs.keys()].filter((name) => known.get(name) === 'list');
}
const nameJobs = (names) => names.length > MAX_NAMED_JOBS
    ? `${names.slice(0, MAX_NAMED_JOBS).join(', ')} and ${names.length - MAX_NAMED_JOBS} more`
    : names.join(', ');
/** Where the list holds a Zuul secret: an encrypted value, or a template naming a secret's variable. */
function secretUses(list, secrets) {
    const encrypted = (0,yaml/* findTagged */.id)(list, 'images').map(({ path, tag }) => `${path} is an encrypted value (${tag})`);
    return [...encrypted, ...templateSecretUses(list, secrets)];
}
function templateSecretUses(raw, secrets, path = []) {
    if (typeof raw === 'string') {
        const used = secrets.find(({ variable }) => new RegExp(`\\{[{%][^}]*\\b${variable.replace(/\W/g, '\\$&')}\\b`).test(raw));
        return used ? [`${(0,schema_errors/* formatPath */.jV)('images', path)} uses the Zuul secret "${used.secret}" (as ${used.variable})`] : [];
    }
    if (Array.isArray(raw))
        return raw.flatMap((item, i) => templateSecretUses(item, secrets, [...path, i]));
    if ((0,yaml/* isMapping */.pi)(raw))
        return Object.entries(raw).flatMap(([key, value]) => templateSecretUses(value, secrets, [...path, key]));
    return [];
}
/**
 * The image list of the job `zuul-job` names, following `parent:` within the file. Without a job
 * name the error lists the jobs that would give one. `notice` hears what the file cannot say:
 * a parent defined in another file, whose vars are not read.
 */
function jobImageList(raw, job, origin, notice = () => { }) {
    const jobs = definitions(raw);
    const listed = () => {
        const withList = jobsWithList(jobs);
        return withList.length ? `jobs with an image list: ${nameJobs(withList)}` : 'no job in it defines container_images or docker_images';
    };
    if (!job)
        throw new errors/* ConfigError */.x(`${origin}images: a Zuul job file; name the job whose image list to use with zuul-job (${listed()})`);
    if (!jobs.has(job))
        throw new errors/* ConfigError */.x(`${origin}zuul-job: no job "${job}" in the file${(0,did_you_mean/* didYouMean */.a)(job, [...jobs.keys()])}; ${listed()}`);
    const chain = chainOf(jobs, job, origin);
    const vars = chain.jobs.reduceRight((merged, definition) => mergeInto(merged, definition.vars), {});
    const variable = listVariable(vars);
    const outside = chain.outside;
    if (!variable) {
        if (outside !== undefined)
            throw new errors/* ConfigError */.x(`${origin}zuul-job: job "${job}" (and its parents in the file) sets no image list, and its parent "${outside}" is ` +
                'defined in another file: the list may be there; give that file (or a vars file) as images-file');
        throw new errors/* ConfigError */.x(`${origin}zuul-job: job "${job}" (and its parents in the file) sets no image list; ${listed()}`);
    }
    const uses = secretUses(vars[variable], chain.jobs.flatMap((definition) => definition.secrets));
    if (uses.length)
        throw new errors/* ConfigError */.x(`${origin}zuul-job: job "${job}": ${uses.join('; ')}; Zuul secrets are not decrypted here: pass the value through a workflow ` +
            'secret instead (${{ secrets.NAME }} in the images input)');
    if (outside !== undefined)
        notice(`${origin}job "${job}" has the parent "${outside}", which this file does not define: its vars (merged under ` +
            `"${chain.jobs[chain.jobs.length - 1].name}"'s in Zuul) are not read here`);
    return { job, variable, list: vars[variable], vars };
}

;// CONCATENATED MODULE: ./src/config/images/list.ts











/** Zuul job files carry secrets (`- secret:` items) beside the jobs: their values are read opaque, never used. */
const YAML_OPTIONS = { opaqueTags: [yaml/* ZUUL_SECRET_TAG */.lo] };
function loadImageList(source) {
    const { inline, file } = source;
    if (inline && file)
        throw new errors/* ConfigError */.x('give either images or images-file, not both');
    if (!inline && !file)
        throw new errors/* ConfigError */.x('no images: give the images input (a YAML list) or images-file (a file holding one)');
    let raw;
    let origin = '';
    if (inline) {
        raw = (0,yaml/* parseYamlInput */.PJ)(inline, 'images', YAML_OPTIONS);
    }
    else {
        const path = (0,paths/* resolveInside */.L)(source.workDir, source.workDir, file, 'images-file');
        raw = (0,yaml/* parseYamlInput */.PJ)((0,input_file/* readInputFile */.j)(path, 'images-file', file), `images-file "${file}"`, YAML_OPTIONS);
        origin = `${file}: `;
    }
    const found = locateList(raw, origin, source.zuulJob ?? '', source.notice);
    checkRoleVariables(found.vars, `${origin}${found.where}`, source.expect ?? {});
    return validateImageList(found.list, origin, source.notice);
}
/** The list itself, from a bare list, a vars mapping or a Zuul job file; and the variables beside it. */
function locateList(raw, origin, zuulJob, notice) {
    if (isJobFile(raw)) {
        const found = jobImageList(raw, zuulJob, origin, notice);
        return { list: found.list, vars: found.vars, where: `job "${found.job}"` };
    }
    // Outside a job file an encrypted value has no secret item to belong to: plain data only.
    const [tagged] = (0,yaml/* findTagged */.id)(raw, 'images');
    if (tagged)
        throw new errors/* ConfigError */.x(`${origin}${tagged.path}: YAML tags are not supported (${tagged.tag}); write plain values`);
    if (zuulJob)
        throw new errors/* ConfigError */.x(`zuul-job: "${zuulJob}" names a job, but ${origin ? 'images-file' : 'images'} is not a Zuul job file (a list of "- job:" mappings)`);
    if (!(0,yaml/* isMapping */.pi)(raw))
        return { list: raw, vars: {}, where: '' };
    const present = LIST_VARIABLES.filter((key) => key in raw);
    if (present.length > 1)
        throw new errors/* ConfigError */.x(`${origin}images: sets both ${present.join(' and ')}; keep one list`);
    if (present.length === 0) {
        throw new errors/* ConfigError */.x(`${origin}images: expected a list of images or a mapping with a ${LIST_VARIABLES.map((k) => `"${k}"`).join(' or ')} key, got a ` +
            `mapping with keys ${Object.keys(raw).join(', ')}`);
    }
    return { list: raw[present[0]], vars: raw, where: 'the vars' };
}
/** A role variable beside the list that disagrees with the input doing its work here. */
function checkRoleVariables(vars, where, expect) {
    const problems = [];
    for (const [name, { input, value }] of Object.entries(expect)) {
        const set = vars[name];
        if (set === undefined || String(set) === value)
            continue;
        problems.push(`${where} sets ${name}: ${(0,schema_errors/* show */.WU)(set)}, but ${input} is ${value ? (0,schema_errors/* show */.WU)(value) : 'not set'}: set ${input}: ${(0,schema_errors/* show */.WU)(set)} on the ` +
            'step (role variables in the file are not read as inputs)');
    }
    if (problems.length)
        throw new errors/* ConfigErrors */.m(problems);
}
function validateImageList(raw, origin = '', notice = () => { }) {
    const templates = (0,jinja/* findTemplates */.zD)(raw, 'images');
    if (templates.length)
        throw new errors/* ConfigErrors */.m(templates.map((line) => origin + line));
    const prepared = prepareEntries(raw, origin);
    const parsed = schema/* imageListSchema */.dy.safeParse(prepared);
    if (!parsed.success) {
        const knownKeys = () => schema/* IMAGE_KEYS */.jw;
        throw new errors/* ConfigErrors */.m((0,schema_errors/* formatIssues */.og)('images', parsed.error.issues, knownKeys).map((line) => origin + line));
    }
    const specs = parsed.data.map((entry, index) => toSpec(entry, index));
    // One repository may have several entries (one per release, each with its own build args):
    // only the same repository:tag twice is ambiguous.
    const seen = new Map();
    const problems = [];
    for (const spec of specs) {
        for (const tag of spec.tags) {
            const ref = `${spec.repository}:${tag}`;
            const previous = seen.get(ref);
            if (previous !== undefined && previous !== spec.index)
                problems.push(`${origin}images[${spec.index}].tags: "${ref}" is also built by images[${previous}]`);
            seen.set(ref, spec.index);
        }
    }
    if (problems.length > 0)
        throw new errors/* ConfigErrors */.m(problems);
    for (const spec of specs)
        noticeRelativeRepository(spec, origin, notice);
    return specs;
}
/** Zuul's spellings and quoting turned into plain values, entry by entry, before validation. */
function prepareEntries(raw, origin) {
    if (!Array.isArray(raw))
        return raw;
    const problems = [];
    const entries = raw.map((entry, i) => {
        if (!(0,yaml/* isMapping */.pi)(entry))
            return entry;
        const field = `images[${i}]`;
        return readEntryQuoting(normaliseEntry(entry, field, problems), field, problems);
    });
    if (problems.length)
        throw new errors/* ConfigErrors */.m(problems.map((line) => origin + line));
    return entries;
}
/**
 * `registry` with a repository without a host: pushed to `<registry>/<repository>` here, where
 * upstream zuul-jobs pushes `<repository>` (Docker Hub) and uses `registry` for credentials only.
 * (docs/zuul.md, "The image list")
 */
function noticeRelativeRepository(spec, origin, notice) {
    const { registry, repository } = spec.entry;
    if (registry === undefined || spec.repository === repository)
        return;
    notice(`${origin}images[${spec.index}]: repository "${repository}" has no host, so it is pushed to ${spec.repository} (under ` +
        `registry "${registry}"); upstream zuul-jobs would push it to Docker Hub (docker.io/${repository}): write the host ` +
        'into repository to make either explicit');
}
function toSpec(entry, index) {
    const repository = (0,schema/* qualify */.Ss)(entry.repository, entry.registry);
    return {
        index,
        entry,
        repository,
        reference: (0,reference/* parseReference */.F2)(repository),
        tags: entry.tags,
        platforms: entry.arch ?? [],
    };
}

// EXTERNAL MODULE: ./src/config/images/metadata-tags.ts
var metadata_tags = __webpack_require__(7952);
;// CONCATENATED MODULE: ./src/config/images/read.ts



/** The image list from images / images-file (zuul-job picking a job of a Zuul job file), metadata-tags applied. */
function readImages(read, workDir, expect, report) {
    const zuulJob = read(table/* Input */.pd.ZuulJob);
    return (0,metadata_tags/* applyMetadataTags */.Z)(loadImageList({ inline: read(table/* Input */.pd.Images), file: read(table/* Input */.pd.ImagesFile), workDir, zuulJob, expect, notice: report.notice }), read(table/* Input */.pd.MetadataTags));
}


/***/ }),

/***/ 1082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ss: () => (/* binding */ qualify),
/* harmony export */   TP: () => (/* binding */ MAX_LIST_ENTRIES),
/* harmony export */   aH: () => (/* binding */ isPlatform),
/* harmony export */   dy: () => (/* binding */ imageListSchema),
/* harmony export */   jw: () => (/* binding */ IMAGE_KEYS)
/* harmony export */ });
/* unused harmony export imageEntrySchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9310);
/* harmony import */ var _schema_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3119);



/** Zuul's `container_images` keys, verbatim, so a Zuul job's list pastes in unchanged. */
const IMAGE_KEYS = [
    'context',
    'container_filename',
    'registry',
    'repository',
    'path',
    'build_args',
    'target',
    'tags',
    'siblings',
    'labels',
    'arch',
];
const typeError = (what) => (iss) => iss.input === undefined ? 'is required' : `expected ${what}, got ${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(iss.input)}`;
const text = (what = 'a string') => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP({ error: typeError(what) }).min(1, { error: 'must not be empty' });
const list = (item) => zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(item, { error: typeError('a list') });
/** YAML turns `tags: [3.10]` into the number 3.1; refuse numbers rather than guess. */
const tag = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP({
    error: (iss) => typeof iss.input === 'number'
        ? `${iss.input} is a number, not a tag: quote it in YAML so it stays as written`
        : typeError('a tag string')(iss),
})
    .refine(_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_, { error: (iss) => `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(iss.input)} is not a valid tag (1-128 of [A-Za-z0-9_.-], not starting with "." or "-")` });
const buildArg = text().refine((v) => /^[A-Za-z_][A-Za-z0-9_]*(=|$)/.test(v), {
    error: (iss) => `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(iss.input)} is not a build argument: expected NAME=value or NAME`,
});
const label = text().refine((v) => /^[^=\s]+=/.test(v), { error: (iss) => `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(iss.input)} is not a label: expected key=value` });
const PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
/** os/arch[/variant], as an image's arch, a mirror item's platforms and the platform input write it. */
const isPlatform = (value) => PLATFORM_RE.test(value);
const platform = text().refine(isPlatform, {
    error: (iss) => `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(iss.input)} is not a platform: expected os/arch[/variant], e.g. linux/arm64`,
});
const STAGE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const unique = (values) => new Set(values).size === values.length;
const imageEntrySchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    context: text(),
    container_filename: text().optional(),
    registry: text()
        .refine(_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidRegistry */ .gW, { error: (iss) => `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(iss.input)} is not a registry: expected host[:port]` })
        .optional(),
    repository: text().superRefine((value, ctx) => {
        const problem = repositoryProblem(value);
        if (problem)
            ctx.addIssue({ code: 'custom', message: problem, input: value });
    }),
    path: text().default('.'),
    build_args: list(buildArg).default([]),
    target: text()
        .refine((v) => STAGE_RE.test(v), { error: (iss) => `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(iss.input)} is not a build stage name` })
        .optional(),
    tags: list(tag).min(1, { error: 'must list at least one tag' }).refine(unique, { error: 'lists a tag twice' }).default(['latest']),
    siblings: list(text()).default([]),
    labels: list(label).default([]),
    arch: list(platform)
        .min(1, { error: 'must list at least one platform' })
        .refine(unique, { error: 'lists a platform twice' })
        .optional(),
}, { error: typeError('a mapping of image keys') })
    .superRefine((entry, ctx) => {
    // Runs once every field is valid on its own: only the registry pairing is left to check.
    const problem = registryMismatch(entry.repository, entry.registry);
    if (problem)
        ctx.addIssue({ code: 'custom', path: ['repository'], message: problem, input: entry.repository });
});
/** More entries than any real list holds: refused before any request rather than planned. */
const MAX_LIST_ENTRIES = 1000;
const imageListSchema = list(imageEntrySchema)
    .min(1, { error: 'must list at least one image' })
    .max(MAX_LIST_ENTRIES, { error: (iss) => `lists ${iss.input.length} images; at most ${MAX_LIST_ENTRIES} are allowed` });
/** Why `repository` is not a usable image name, or undefined. */
function repositoryProblem(repository) {
    const url = (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .schemeOrCredentials */ .BZ)(repository);
    if (url)
        return url;
    if (repository.includes('@'))
        return `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(repository)} must not include a digest`;
    const { registry: host, path } = (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .splitName */ .W0)(repository);
    if (path.includes(':'))
        return `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(repository)} must not include a tag: list tags under "tags"`;
    if (host !== undefined && !(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidRegistry */ .gW)(host))
        return `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(repository)}: "${host}" is not a registry host[:port]`;
    if (!(0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidPath */ .o4)(path)) {
        return path !== path.toLowerCase()
            ? `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(repository)} is not a valid repository: names must be lowercase`
            : `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(repository)} is not a valid repository: path components are [a-z0-9] joined by ".", "_", "__" or "-"`;
    }
    try {
        (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseReference */ .F2)(repository);
    }
    catch (error) {
        if (error instanceof _registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .ReferenceError */ .AF)
            return `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(repository)}: ${error.reason}`;
        throw error;
    }
    return undefined;
}
/** A repository that names a host must name the image's registry. (docs/zuul.md, "The image list") */
function registryMismatch(repository, registry) {
    // Reported on its own, without echoing the user info.
    if ((0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .schemeOrCredentials */ .BZ)(repository))
        return undefined;
    const { registry: host } = (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .splitName */ .W0)(repository);
    if (registry !== undefined && host !== undefined && host !== registry) {
        return `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(repository)} must start with the registry "${registry}"`;
    }
    const full = qualify(repository, registry);
    if (full.length > 255)
        return `${(0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(full)} is longer than 255 characters`;
    return undefined;
}
/** A repository written relative to `registry` (docs/zuul.md, "The image list") made absolute. */
function qualify(repository, registry) {
    const first = repository.split('/')[0];
    return registry !== undefined && !(repository.includes('/') && (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .looksLikeRegistry */ .V7)(first)) ? `${registry}/${repository}` : repository;
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

/***/ 8600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ parseChangeInput)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7827);

/** The `change` input: a pull request number, `#42` accepted; empty when not given. */
function parseChangeInput(value) {
    if (!value.trim())
        return undefined;
    const text = value.trim().replace(/^#/, '');
    if (!/^[1-9][0-9]{0,9}$/.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(`change: "${value}" is not a change number (a positive integer)`);
    return Number(text);
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


/***/ }),

/***/ 1066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ isInside),
/* harmony export */   L: () => (/* binding */ resolveInside)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7827);



function isInside(root, candidate) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, candidate);
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/**
 * Resolves `value` against `base` and insists that it stays inside `root` once symbolic links
 * are followed: a context must not reach the runner's home or another checkout.
 */
function resolveInside(root, base, value, field, mustExist = true) {
    const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(base, value);
    const realRoot = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root);
    if (!isInside(realRoot, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(realRoot, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, candidate)))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(`${field}: "${value}" is outside the work dir ${root}`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(candidate)) {
        if (mustExist)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(`${field}: "${value}" does not exist (looked for ${candidate})`);
        return candidate;
    }
    const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(candidate);
    if (!isInside(realRoot, real)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(`${field}: "${value}" leaves the work dir ${root} through a symbolic link (it resolves to ${real})`);
    }
    return real;
}


/***/ }),

/***/ 7567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ ENGINE_NAMES),
/* harmony export */   y: () => (/* binding */ CACHE_TAG)
/* harmony export */ });
/** The tag docker's image cache and buildx's registry cache live under, in the cache repository. */
const CACHE_TAG = 'buildcache';
const ENGINE_NAMES = ['docker', 'podman', 'buildah'];


/***/ }),

/***/ 4165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ engineCapabilities)
/* harmony export */ });
const OCI = {
    multiPlatform: true,
    attestations: false,
    storesMultiPlatform: true,
    certDir: true,
    registriesConf: true,
    daemonInsecureRegistries: false,
};
const CAPABILITIES = {
    docker: {
        multiPlatform: true,
        attestations: true,
        storesMultiPlatform: false,
        certDir: false,
        registriesConf: false,
        daemonInsecureRegistries: true,
    },
    podman: OCI,
    buildah: OCI,
};
/** The capabilities of an engine by name, for the inputs that are checked before any engine is made. */
function engineCapabilities(name) {
    return CAPABILITIES[name];
}


/***/ }),

/***/ 2178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ dockerAuthVars),
/* harmony export */   l: () => (/* binding */ linkCliPlugins)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _registry_auth_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2072);



/**
 * The variables of a docker command that must see only this run's credentials (`authFile`'s
 * directory becomes DOCKER_CONFIG) but still the user's buildx builders; linkCliPlugins keeps
 * its CLI plugins too: without them `docker buildx` is an unknown command, or falls back to the
 * default builder, which cannot build several platforms (docs/runners.md, "docker, buildx and
 * credentials").
 */
function dockerAuthVars(env, authFile) {
    return { DOCKER_CONFIG: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(authFile), BUILDX_CONFIG: env.BUILDX_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,_registry_auth_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerConfigDir */ .k)(env), 'buildx') };
}
/** Makes the user's CLI plugins visible in a DOCKER_CONFIG of the run's own. */
function linkCliPlugins(env, dockerConfig) {
    const plugins = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,_registry_auth_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerConfigDir */ .k)(env), 'cli-plugins');
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(plugins) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dockerConfig, 'cli-plugins')))
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync)(plugins, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dockerConfig, 'cli-plugins'));
}


/***/ }),

/***/ 8501:
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
/** BuildKit takes SOURCE_DATE_EPOCH as a build argument (image and history times), unless the list gives one. */
function buildxEpoch(spec) {
    if (spec.sourceDateEpoch === undefined || spec.buildArgs.some((arg) => arg.startsWith('SOURCE_DATE_EPOCH=')))
        return [];
    return ['--build-arg', `SOURCE_DATE_EPOCH=${spec.sourceDateEpoch}`];
}
/** podman and buildah: --timestamp sets the image's time and every file's in its layers. */
const ociEpoch = (spec) => (spec.sourceDateEpoch === undefined ? [] : ['--timestamp', String(spec.sourceDateEpoch)]);
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
        ...buildxEpoch(spec),
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
        ...buildxEpoch(spec),
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
    const args = ['build', ...commonFlags(spec), ...ociEpoch(spec), ...ociCacheFlags(spec)];
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
        ...buildxEpoch(spec),
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

// EXTERNAL MODULE: ./src/engines/docker-config.ts
var docker_config = __webpack_require__(2178);
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
    /**
     * Removes these local names once pushed (an image goes with its last name); a name that is not
     * there (a build that was pushed, not loaded) is no error. Returns the names removed.
     */
    async removeLocal(refs) {
        const removed = [];
        for (const ref of refs) {
            const result = await this.exec(this.binary, await this.removeArgs(ref), { env: this.env, allowFailure: true });
            if (result.code === 0)
                removed.push(ref);
        }
        return removed;
    }
    /** `rmi`, spelt the same by docker, podman and buildah. */
    async removeArgs(ref) {
        return ['rmi', ref];
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
        const auth = spec.authFile ? (0,docker_config/* dockerAuthVars */.P)(this.env, spec.authFile) : undefined;
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
        const auth = spec.authFile ? (0,docker_config/* dockerAuthVars */.P)(this.env, spec.authFile) : undefined;
        if (spec.build && spec.build.platforms.length > 0) {
            // docker keeps no multi-platform image locally: its buildx build runs again (every step cached) with --push.
            this.requireBuildx('pushing a multi-platform image needs docker buildx: install the buildx plugin, or use container-command: podman or buildah');
            return this.plan([{ argv: buildxPushArgs(spec.build, spec.destination, spec.digestFile), cwd: spec.build.contextDir, env: auth }]);
        }
        return this.plan(dockerPushArgs(spec).map((argv) => ({ argv, env: auth, ...(argv[0] === 'push' && { capture: 'push' }) })));
    }
    prepare(step) {
        if (step.env?.DOCKER_CONFIG)
            (0,docker_config/* linkCliPlugins */.l)(this.env, step.env.DOCKER_CONFIG);
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
    /** A multi-platform build's first name is a manifest list, which `rmi` does not take. */
    async removeArgs(ref) {
        const list = await this.exec(this.binary, ['manifest', 'exists', ref], { env: this.env, allowFailure: true });
        return list.code === 0 ? ['manifest', 'rm', ref] : ['rmi', ref];
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
    const base = {
        revision: env.GITHUB_SHA || undefined,
        baseRepository: event.repository?.full_name || env.GITHUB_REPOSITORY || undefined,
    };
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
