export const id = 157;
export const ids = [157];
export const modules = {

/***/ 7157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mirror: () => (/* binding */ mirror)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/registry/copy.ts
var copy = __webpack_require__(9190);
;// CONCATENATED MODULE: ./src/copiers/native.ts

/** Copies through the registry core, within the run's session (its logins, connections and limits). */
function nativeCopier(session) {
    return {
        name: 'native',
        async copy(request) {
            const result = await (0,copy/* copyImage */.L)(session, request.from, request.to, {
                source: request.source,
                knownChanged: true,
                tags: request.tags,
                platforms: request.platforms,
                onBytes: request.onBytes,
            });
            if (result.digest !== request.digest)
                throw new Error(`copied as ${result.digest}, not the planned ${request.digest}`);
            return {
                bytesMoved: result.bytesMoved,
                detail: `${result.blobsCopied} blobs copied, ${result.blobsMounted} mounted, ${result.blobsSkipped} already there`,
            };
        },
    };
}

// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/engines/auth-file.ts
var auth_file = __webpack_require__(9152);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/registry/verify.ts
var verify = __webpack_require__(8386);
;// CONCATENATED MODULE: ./src/copiers/skopeo.ts




const dockerRef = (image) => `docker://${(0,reference/* refName */.P7)(image, image.reference)}`;
/** `skopeo copy` argv: every platform, digests preserved, TLS checks off only where allowed. */
function skopeoCopyArgs(src, dst, authFile, tls, options = {}) {
    const args = ['copy'];
    if (!options.single)
        args.push('--all');
    args.push('--preserve-digests');
    if (authFile)
        args.push('--authfile', authFile);
    for (const [side, image] of [
        ['src', src],
        ['dest', dst],
    ]) {
        if (tls.insecure(image.registry))
            args.push(`--${side}-tls-verify=false`);
        const certDir = tls.certDir?.(image.registry);
        if (certDir)
            args.push(`--${side}-cert-dir`, certDir);
    }
    if (options.digestFile)
        args.push('--digestfile', options.digestFile);
    if (options.retryTimes)
        args.push('--retry-times', String(options.retryTimes));
    args.push(dockerRef(src), dockerRef(dst));
    return args;
}
const INSTALL_HINT = 'install skopeo (Debian/Ubuntu: apt-get install skopeo), or give the mirror action skopeo-url and skopeo-sha256 to ' +
    'download a pinned binary';
/** skopeo for users who choose `engine: skopeo`: copy, inspect and list-tags through it. */
class Skopeo {
    #options;
    #exec;
    constructor(options = {}) {
        this.#options = options;
        this.#exec = options.exec ?? exec/* noExec */.X;
    }
    get binary() {
        return this.#options.binary ?? 'skopeo';
    }
    isInsecure = (registry) => (0,reference/* isPlainHttp */.fq)(registry, this.#options.insecureRegistries ?? []);
    async copy(src, dst, options = {}) {
        await this.#withAuthFile([src.registry, dst.registry], (authFile) => this.#run(skopeoCopyArgs(src, dst, authFile, { insecure: this.isInsecure, certDir: this.#options.certDir }, options)));
    }
    async inspectRaw(image) {
        const { stdout } = await this.#withAuthFile([image.registry], (authFile) => this.#run(['inspect', '--raw', ...this.#common(image.registry, authFile), dockerRef(image)]));
        // skopeo prints the raw manifest bytes unchanged (no trailing newline added).
        return Buffer.from(stdout, 'utf8');
    }
    async listTags(registry, repository) {
        const { stdout } = await this.#withAuthFile([registry], (authFile) => this.#run(['list-tags', ...this.#common(registry, authFile), `docker://${(0,reference/* refName */.P7)({ registry, repository })}`]));
        return JSON.parse(stdout).Tags ?? [];
    }
    #common(registry, authFile) {
        const certDir = this.#options.certDir?.(registry);
        return [
            ...(authFile ? ['--authfile', authFile] : []),
            ...(this.isInsecure(registry) ? ['--tls-verify=false'] : []),
            ...(certDir ? ['--cert-dir', certDir] : []),
        ];
    }
    async #run(args) {
        try {
            return await this.#exec(this.binary, args, { env: this.#options.env });
        }
        catch (error) {
            if (error instanceof exec/* ExecError */.c && error.code === undefined && /not found/.test(error.message)) {
                throw new exec/* ExecError */.c('skopeo', undefined, [], `skopeo was not found (${this.binary}): ${INSTALL_HINT}`);
            }
            throw error;
        }
    }
    async #withAuthFile(registries, run) {
        const entries = [];
        for (const registry of new Set(registries)) {
            const credential = await this.#options.credential?.(registry);
            if (credential?.username && credential.password !== undefined)
                entries.push({ registry, username: credential.username, password: credential.password });
        }
        return (0,auth_file/* withAuthFile */.j)(entries, run);
    }
}
/**
 * Copies with `skopeo copy`, once per destination tag, each checked through the run's session
 * afterwards: skopeo says nothing of what the destination ended up holding.
 */
function skopeoCopier(skopeo, session) {
    return {
        name: 'skopeo',
        async copy(request) {
            if (request.platforms?.length)
                throw new Error('platforms subsets need engine: native');
            const { from, to, digest } = request;
            for (const tag of request.tags.length ? request.tags : [digest]) {
                await skopeo.copy({ ...from, reference: digest }, { ...to, reference: tag }, { retryTimes: 3 });
                await (0,verify/* verifyTags */.v)(session.client(to.registry), to.repository, [tag], digest, 'after skopeo copy');
            }
            return { bytesMoved: 0, detail: 'with skopeo' };
        },
    };
}

// EXTERNAL MODULE: ./src/config/inputs/credentials.ts
var inputs_credentials = __webpack_require__(7324);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/config/inputs/table.ts
var table = __webpack_require__(9714);
;// CONCATENATED MODULE: ./src/copiers/copier.ts
/** What the mirror's `engine` input may name: what copies images between registries. */
const COPIERS = ['native', 'skopeo'];

// EXTERNAL MODULE: ./src/config/inputs/booleans.ts
var booleans = __webpack_require__(1609);
// EXTERNAL MODULE: ./src/config/inputs/work-dir.ts
var work_dir = __webpack_require__(1291);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/config/input-file.ts
var input_file = __webpack_require__(5457);
// EXTERNAL MODULE: ./src/config/paths.ts
var paths = __webpack_require__(1066);
// EXTERNAL MODULE: ./src/config/jinja.ts
var jinja = __webpack_require__(3290);
// EXTERNAL MODULE: ./src/config/yaml.ts
var yaml = __webpack_require__(9211);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/config/schema-errors.ts
var schema_errors = __webpack_require__(3119);
// EXTERNAL MODULE: ./src/registry/digest.ts
var digest = __webpack_require__(5035);
// EXTERNAL MODULE: ./src/config/images/schema.ts
var schema = __webpack_require__(1082);
// EXTERNAL MODULE: ./src/config/pattern.ts
var pattern = __webpack_require__(5164);
;// CONCATENATED MODULE: ./src/config/mirror/zuul-format.ts








// Zuul's mirror-container-images list: one item a source repository, with its tags and destination.
const MIRROR_KEYS = [
    'src_repository',
    'src_tag',
    'dest_repository',
    'dest_tag',
    'dest_registry',
    'tags',
    'tag_regex',
    'semver',
    'all_tags',
    'platforms',
    'dest_tags',
];
const ZUUL_KEY = 'mirror_container_images_images';
const zuul_format_text = schemas/* string */.YjP({ error: (iss) => (iss.input === undefined ? 'is required' : `expected a string, got ${(0,schema_errors/* show */.WU)(iss.input)}`) })
    .min(1, { error: 'must not be empty' });
const tagOrDigest = schemas/* string */.YjP({
    error: (iss) => typeof iss.input === 'number' ? `${iss.input} is a number, not a tag: quote it in YAML` : `expected a tag, got ${(0,schema_errors/* show */.WU)(iss.input)}`,
})
    .refine((v) => (0,reference/* isValidTag */.r_)(v) || (0,reference/* isValidDigest */.fH)(v), { error: (iss) => `${(0,schema_errors/* show */.WU)(iss.input)} is neither a tag nor a digest` })
    .refine((v) => !(0,reference/* isValidDigest */.fH)(v) || digest/* DIGEST_ALGORITHMS */.MF.some((a) => v.startsWith(`${a}:`)), {
    error: (iss) => `${(0,schema_errors/* show */.WU)(iss.input)}: digest algorithm "${String(iss.input).split(':')[0]}" cannot be verified; supported: ` +
        `${digest/* DIGEST_ALGORITHMS */.MF.join(', ')}`,
});
const tag = schemas/* string */.YjP({
    error: (iss) => typeof iss.input === 'number' ? `${iss.input} is a number, not a tag: quote it in YAML` : `expected a tag, got ${(0,schema_errors/* show */.WU)(iss.input)}`,
})
    .refine(reference/* isValidTag */.r_, { error: (iss) => `${(0,schema_errors/* show */.WU)(iss.input)} is not a valid tag` });
const itemSchema = schemas/* strictObject */.rej({
    src_repository: zuul_format_text,
    src_tag: tagOrDigest.optional(),
    dest_repository: zuul_format_text,
    dest_tag: tag.optional(),
    dest_registry: zuul_format_text.optional(),
    tags: schemas/* array */.YOg(tagOrDigest, { error: 'expected a list of tags or digests' })
        .min(1, { error: 'must list at least one tag' })
        .optional(),
    tag_regex: zuul_format_text.optional(),
    semver: zuul_format_text.optional(),
    all_tags: schemas/* boolean */.zMY({ error: 'expected true or false' }).optional(),
    platforms: schemas/* array */.YOg(zuul_format_text, { error: 'expected a list of os/arch' }).min(1).optional(),
    dest_tags: schemas/* record */.g1P(schemas/* string */.YjP(), tag, { error: 'expected a mapping of source tag: destination tag' }).optional(),
}, { error: (iss) => `expected a mapping of mirror keys, got ${(0,schema_errors/* show */.WU)(iss.input)}` })
    .superRefine((item, ctx) => {
    const selectors = ['src_tag', 'tags', 'tag_regex', 'semver', 'all_tags'].filter((k) => item[k] !== undefined && item[k] !== false);
    if (selectors.length > 1)
        ctx.addIssue({ code: 'custom', message: `give one of src_tag, tags, tag_regex, semver, all_tags; got ${selectors.join(' and ')}` });
    if (item.tag_regex !== undefined) {
        try {
            (0,pattern/* linearPattern */.G)(item.tag_regex, 'tag_regex', false);
        }
        catch (error) {
            ctx.addIssue({ code: 'custom', path: ['tag_regex'], message: error.message.replace(/^tag_regex: /, '') });
        }
    }
    if (item.semver !== undefined && semver_default().validRange(item.semver, { loose: true }) === null) {
        ctx.addIssue({ code: 'custom', path: ['semver'], message: `${(0,schema_errors/* show */.WU)(item.semver)} is not a semver range` });
    }
    const single = item.src_tag !== undefined || (item.tags?.length === 1 && selectors.length === 1) || selectors.length === 0;
    if (item.dest_tag !== undefined && !single)
        ctx.addIssue({ code: 'custom', path: ['dest_tag'], message: 'only goes with a single source tag: use dest_tags to rename several' });
});
function parseRef(value, where, problems) {
    try {
        const ref = (0,reference/* parseReference */.F2)(value);
        if (ref.tag || ref.digest) {
            problems.push(`${where}: ${(0,schema_errors/* show */.WU)(value)} must not include a tag or digest: use src_tag / tags`);
            return undefined;
        }
        return ref;
    }
    catch (error) {
        if (error instanceof reference/* ReferenceError */.AF) {
            problems.push(`${where}: ${error.message}`);
            return undefined;
        }
        throw error;
    }
}
/** The list of a Zuul mirror file: bare, or under the role's variable. */
function zuulList(raw, origin) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        return raw;
    if (!(ZUUL_KEY in raw))
        throw new errors/* ConfigError */.x(`${origin}mirror: expected a list, or a mapping with a "${ZUUL_KEY}" key`);
    return raw[ZUUL_KEY];
}
function fromZuul(raw, origin) {
    raw = zuulList(raw, origin);
    const parsed = schemas/* array */.YOg(itemSchema, { error: (iss) => `expected a list of mirror items, got ${(0,schema_errors/* show */.WU)(iss.input)}` })
        .min(1, { error: 'must list at least one item' })
        .max(schema/* MAX_LIST_ENTRIES */.TP, { error: (iss) => `lists ${iss.input.length} items; at most ${schema/* MAX_LIST_ENTRIES */.TP} are allowed` })
        .safeParse(raw);
    if (!parsed.success)
        throw new errors/* ConfigErrors */.m((0,schema_errors/* formatIssues */.og)('mirror', parsed.error.issues, () => MIRROR_KEYS).map((line) => origin + line));
    const problems = [];
    const items = [];
    parsed.data.forEach((item, i) => {
        const label = `mirror[${i}]`;
        const source = parseRef(item.src_repository, `${origin}${label}.src_repository`, problems);
        const destination = parseRef(item.dest_repository, `${origin}${label}.dest_repository`, problems);
        if (!source || !destination)
            return;
        const selector = item.tags
            ? { kind: 'tags', tags: item.tags }
            : item.tag_regex !== undefined
                ? { kind: 'regex', regex: (0,pattern/* linearPattern */.G)(item.tag_regex, `${origin}${label}.tag_regex`, false) }
                : item.semver !== undefined
                    ? { kind: 'semver', range: item.semver }
                    : item.all_tags
                        ? { kind: 'all' }
                        : { kind: 'tags', tags: [item.src_tag ?? 'latest'] };
        const rename = { ...item.dest_tags };
        if (item.dest_tag !== undefined && selector.kind === 'tags')
            rename[selector.tags[0]] = item.dest_tag;
        for (const platform of item.platforms ?? []) {
            if (!(0,schema/* isPlatform */.aH)(platform))
                problems.push(`${origin}${label}.platforms: ${(0,schema_errors/* show */.WU)(platform)} is not os/arch[/variant]`);
        }
        items.push({
            label,
            source,
            destination,
            credentialsKey: item.dest_registry ?? destination.registry,
            selector,
            rename,
            platforms: item.platforms,
        });
    });
    if (problems.length)
        throw new errors/* ConfigErrors */.m(problems);
    return { items, sourceCredentials: [], insecureSources: [], certDirs: {} };
}

;// CONCATENATED MODULE: ./src/config/mirror/skopeo-sync.ts








// skopeo sync's YAML file, read into the same items as a Zuul list, named as skopeo sync names them.
const syncRegistrySchema = schemas/* strictObject */.rej({
    images: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* array */.YOg(tagOrDigest).nullable()).optional(),
    'images-by-tag-regex': schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
    'images-by-semver': schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
    credentials: schemas/* strictObject */.rej({ username: schemas/* string */.YjP(), password: schemas/* string */.YjP() }).optional(),
    'tls-verify': schemas/* boolean */.zMY().optional(),
    'cert-dir': schemas/* string */.YjP().min(1).optional(),
});
const SYNC_KEYS = ['images', 'images-by-tag-regex', 'images-by-semver', 'credentials', 'tls-verify', 'cert-dir'];
/**
 * The destination skopeo sync --dest docker gives a source: DEST/<last path component>, or with
 * --scoped DEST/<registry>/<path>. (docs/registries.md, "Mirror and skopeo-sync naming")
 */
function syncDestination(source, options, where) {
    const base = options.destination.replace(/\/+$/, '');
    if (!options.scoped)
        return `${base}/${source.repository.split('/').pop()}`;
    if (source.registry.includes(':'))
        throw new errors/* ConfigError */.x(`${where}: with mirror-scoped the destination holds the source's registry "${source.registry}", and a port cannot be part ` +
            'of a repository name (skopeo sync --scoped cannot form it either)');
    return `${base}/${source.registry}/${source.repository}`;
}
/**
 * skopeo sync's YAML: `registry[/namespace]` → images / images-by-tag-regex / images-by-semver,
 * copied under `destination` and named as skopeo names them.
 */
function fromSkopeoSync(raw, origin, options, onSecret) {
    if (!options.destination)
        throw new errors/* ConfigError */.x('mirror-destination: required with mirror-format: skopeo-sync (registry[/namespace] to copy under)');
    const parsed = schemas/* record */.g1P(schemas/* string */.YjP(), syncRegistrySchema, { error: 'expected a mapping of registry: {images, images-by-tag-regex, images-by-semver}' })
        .safeParse(raw);
    if (!parsed.success)
        throw new errors/* ConfigErrors */.m((0,schema_errors/* formatIssues */.og)('mirror', parsed.error.issues, () => SYNC_KEYS).map((l) => origin + l));
    const zuulItems = [];
    const sourceCredentials = [];
    const insecureSources = [];
    const certDirs = {};
    const problems = [];
    for (const [key, entry] of Object.entries(parsed.data)) {
        // skopeo joins the key and each image name, so a key may carry a namespace: `k8s.gcr.io/sig-storage`.
        const [registry, ...namespace] = key.split('/');
        if (!(0,reference/* isValidRegistry */.gW)(registry))
            throw new errors/* ConfigError */.x(`${origin}mirror: "${key}" is not a registry host[:port][/namespace]`);
        if (entry.credentials) {
            onSecret(entry.credentials.password);
            sourceCredentials.push({ registry, ...entry.credentials });
        }
        if (entry['tls-verify'] === false)
            insecureSources.push(registry);
        if (entry['cert-dir'] !== undefined)
            certDirs[registry] = readCertDir(options.workDir, entry['cert-dir'], `${origin}mirror["${key}"].cert-dir`);
        const item = (repo, selector) => {
            const name = [registry, ...namespace, repo].join('/');
            try {
                const where = `${origin}mirror["${key}"].${repo}`;
                zuulItems.push({ src_repository: name, dest_repository: syncDestination((0,reference/* parseReference */.F2)(name), options, where), ...selector });
            }
            catch (error) {
                if (error instanceof reference/* ReferenceError */.AF)
                    problems.push(`${origin}mirror["${key}"]: ${error.message}`);
                else if (error instanceof errors/* ConfigError */.x)
                    problems.push(error.message);
                else
                    throw error;
            }
        };
        for (const [repo, tags] of Object.entries(entry.images ?? {}))
            item(repo, tags && tags.length ? { tags } : { all_tags: true });
        for (const [repo, regex] of Object.entries(entry['images-by-tag-regex'] ?? {}))
            item(repo, { tag_regex: regex });
        for (const [repo, range] of Object.entries(entry['images-by-semver'] ?? {}))
            item(repo, { semver: range });
    }
    problems.push(...collisions(zuulItems, origin));
    if (problems.length)
        throw new errors/* ConfigErrors */.m(problems);
    const list = fromZuul(zuulItems, origin);
    return { ...list, sourceCredentials, insecureSources, certDirs };
}
/** Two sources named alike land on one destination repository, the second overwriting the first's tags. */
function collisions(items, origin) {
    const bySource = new Map();
    for (const item of items) {
        const dest = item.dest_repository;
        bySource.set(dest, (bySource.get(dest) ?? new Set()).add(item.src_repository));
    }
    return [...bySource]
        .filter(([, sources]) => sources.size > 1)
        .map(([dest, sources]) => `${origin}mirror: ${[...sources].join(' and ')} would all be copied to ${dest} (skopeo sync names a copy by the last ` +
        'component of its source); set mirror-scoped: true to keep their whole names');
}
function readCertDir(workDir, dir, where) {
    const path = (0,external_node_path_.resolve)(workDir, dir);
    let names;
    try {
        names = [...(0,external_node_fs_.readdirSync)(path)].sort();
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ConfigError */.x(`${where}: cannot read "${dir}": ${code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : String(code)}`);
    }
    const clientFiles = names.filter((name) => name.endsWith('.cert') || name.endsWith('.key'));
    if (clientFiles.length)
        throw new errors/* ConfigError */.x(`${where}: "${dir}" holds client certificate files (${clientFiles.join(', ')}); client certificates are not supported, only ` +
            'CA files (*.crt)');
    const cas = names.filter((name) => name.endsWith('.crt'));
    if (cas.length === 0)
        throw new errors/* ConfigError */.x(`${where}: "${dir}" holds no CA file (*.crt)`);
    const pem = cas.map((name) => (0,input_file/* readInputFile */.j)((0,external_node_path_.join)(path, name), where, (0,external_node_path_.join)(dir, name))).join('\n');
    if (!pem.includes('-----BEGIN CERTIFICATE-----'))
        throw new errors/* ConfigError */.x(`${where}: the *.crt files in "${dir}" hold no PEM certificate`);
    return { dir: path, ca: pem };
}

;// CONCATENATED MODULE: ./src/config/mirror/list.ts








function loadMirrorList(source, onSecret) {
    if (source.inline && source.file)
        throw new errors/* ConfigError */.x('give either mirror or mirror-file, not both');
    if (!source.inline && !source.file)
        throw new errors/* ConfigError */.x('nothing to mirror: give the mirror input (a YAML list) or mirror-file');
    if (source.format !== 'zuul' && source.format !== 'skopeo-sync')
        throw new errors/* ConfigError */.x(`mirror-format: "${source.format}" is not a format; one of zuul, skopeo-sync`);
    let raw;
    let origin = '';
    if (source.inline)
        raw = (0,yaml/* parseYamlInput */.PJ)(source.inline, 'mirror');
    else {
        const path = (0,paths/* resolveInside */.L)(source.workDir, source.workDir, source.file, 'mirror-file');
        raw = (0,yaml/* parseYamlInput */.PJ)((0,input_file/* readInputFile */.j)(path, 'mirror-file', source.file), `mirror-file "${source.file}"`);
        origin = `${source.file}: `;
    }
    if (source.format !== 'skopeo-sync') {
        if (source.scoped)
            throw new errors/* ConfigError */.x('mirror-scoped: only goes with mirror-format: skopeo-sync');
        // Zuul renders Jinja before its roles run: a template would otherwise be reported as a bad reference, field by field.
        const templates = (0,jinja/* findTemplatesWith */.dW)(zuulList(raw, origin), 'mirror', jinja/* MIRROR_ADVICE */.hB);
        if (templates.length)
            throw new errors/* ConfigErrors */.m(templates.map((line) => origin + line));
        return fromZuul(raw, origin);
    }
    return fromSkopeoSync(raw, origin, source, onSecret);
}
/** Whether a tag satisfies a semver range: `v1.2.3`, `1.2` and `1` count as versions, as in skopeo. */
function tagInRange(tag, range) {
    if (!/^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?$/.test(tag))
        return false;
    const version = semver_default().coerce(tag, { includePrerelease: true });
    return version !== null && semver_default().satisfies(version, range, { loose: true, includePrerelease: false });
}

// EXTERNAL MODULE: ./src/config/inputs/referrers.ts
var referrers = __webpack_require__(746);
// EXTERNAL MODULE: ./src/config/inputs/transport.ts
var transport = __webpack_require__(991);
;// CONCATENATED MODULE: ./src/config/readers/mirror.ts









function readMirrorInputs(read, env, onSecret) {
    const workDir = (0,work_dir/* readWorkDir */.z)(read, env);
    const credentials = (0,inputs_credentials/* parseCredentials */.gu)(read(table/* Input */.pd.RegistryCredentials), onSecret);
    const source = { inline: read(table/* Input */.pd.Mirror), file: read(table/* Input */.pd.MirrorFile), format: read(table/* Input */.pd.MirrorFormat) || 'zuul' };
    const scoped = (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.MirrorScoped), table/* Input */.pd.MirrorScoped, false);
    const list = loadMirrorList({ ...source, destination: read(table/* Input */.pd.MirrorDestination), scoped, workDir }, onSecret);
    const parallel = Number(read(table/* Input */.pd.Parallel) || '4');
    if (!Number.isInteger(parallel) || parallel < 1 || parallel > 32) {
        throw new errors/* ConfigError */.x(`parallel: "${read(table/* Input */.pd.Parallel)}" is not a whole number from 1 to 32`);
    }
    const copier = readCopier(read);
    return {
        workDir,
        credentials,
        list,
        parallel,
        rateLimitFloor: readRateLimitFloor(read),
        copier,
        keepGoing: (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.KeepGoing), table/* Input */.pd.KeepGoing, false),
        dryRun: (0,booleans/* parseBoolean */.y)(read(table/* Input */.pd.DryRun), table/* Input */.pd.DryRun, false),
        referrers: (0,referrers/* readReferrerInputs */.n)(read),
        transport: {
            ...(0,transport/* readTransportOptions */.qU)(read, workDir),
            registryCa: Object.fromEntries(Object.entries(list.certDirs).map(([r, c]) => [r, c.ca])),
        },
        skopeoDownload: readSkopeoDownload(read, copier),
    };
}
/** The copier the `engine` input names. */
function readCopier(read) {
    const copier = read(table/* Input */.pd.Engine) || 'native';
    if (!COPIERS.includes(copier))
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.Engine}: "${copier}" is not a copier; one of ${COPIERS.join(', ')}`);
    return copier;
}
function readSkopeoDownload(read, copier) {
    const url = read(table/* Input */.pd.SkopeoUrl);
    const sha256 = read(table/* Input */.pd.SkopeoSha256);
    if (!url && !sha256)
        return undefined;
    if (copier !== 'skopeo')
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.SkopeoUrl}: only goes with ${table/* Input */.pd.Engine}: skopeo`);
    if (!url || !sha256)
        throw new errors/* ConfigError */.x(`${url ? table/* Input */.pd.SkopeoSha256 : table/* Input */.pd.SkopeoUrl}: required with ${url ? table/* Input */.pd.SkopeoUrl : table/* Input */.pd.SkopeoSha256}`);
    if (!/^[a-f0-9]{64}$/.test(sha256))
        throw new errors/* ConfigError */.x(`${table/* Input */.pd.SkopeoSha256}: "${sha256}" is not a sha256 hex digest`);
    return { url, sha256 };
}
/** `rate-limit-floor`: a whole number of pulls, or empty for none. */
function readRateLimitFloor(read) {
    const text = read(table/* Input */.pd.RateLimitFloor).trim();
    if (!text)
        return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0)
        throw new errors/* ConfigError */.x(`rate-limit-floor: "${text}" is not a whole number of pulls (0 or more)`);
    return value;
}

// EXTERNAL MODULE: ./src/registry/limiter.ts
var registry_limiter = __webpack_require__(2387);
// EXTERNAL MODULE: ./src/registry/referrers.ts
var registry_referrers = __webpack_require__(9191);
// EXTERNAL MODULE: ./src/registry/manifest.ts
var registry_manifest = __webpack_require__(506);
;// CONCATENATED MODULE: ./src/commands/mirror-plan.ts




/**
 * Tags planned at once: planning is HEADs alone, and each registry's own window (max-concurrency,
 * adaptive) decides how many of them are in flight; this only bounds what waits in memory.
 */
const PLAN_WIDTH = 256;
/** Plans every item and logs the plan; without keep-going, a source that cannot be planned leaves nothing to copy. */
async function planMirror(session, items, options, logger) {
    const { pairs, failed } = await resolvePairs(session, items, progressLog(logger));
    const plan = {
        pairs: failed.length && !options.keepGoing ? [] : pairs,
        unplanned: failed.map(planFailure),
        failures: failed.map((f) => `${f.item.label} ${(0,reference/* refName */.P7)(f.item.source)}${f.ref ? `${(0,reference/* isDigest */.Bc)(f.ref) ? '@' : ':'}${f.ref}` : ''}: ${f.error}`),
    };
    const changed = plan.pairs.filter((p) => !p.unchanged);
    logger.info(`plan: ${changed.length} image(s) to copy, ${plan.pairs.length - changed.length} unchanged`);
    for (const p of changed) {
        const dest = (0,reference/* refName */.P7)(p.item.destination);
        logger.info(`  ${sourceOf(p)} (${p.digest}) -> ${p.destTags.map((t) => `${dest}:${t}`).join(', ') || `${dest}@${p.digest}`}`);
    }
    return plan;
}
/** How often a long plan says how far it got. */
const PROGRESS_EVERY_MS = 5_000;
/** A progress line at most every PROGRESS_EVERY_MS: a plan of thousands of tags over a slow link is not silent. */
function progressLog(logger) {
    let last = Date.now();
    return (done, total) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS)
            return;
        last = now;
        logger.info(`plan: ${done} of ${total} tags compared so far`);
    };
}
/** The destination tag of a source tag or digest: its rename, else the same tag; a digest has none. */
const destTagOf = (item, ref) => item.rename[ref] ?? ((0,reference/* isDigest */.Bc)(ref) ? undefined : ref);
/** Destination tags, or the digest itself for a digest copied without a tag. */
const tagsOf = (pair) => (pair.destTags.length ? pair.destTags : [pair.digest]);
const sourceOf = (pair) => `${(0,reference/* refName */.P7)(pair.item.source)}${(0,reference/* isDigest */.Bc)(pair.srcRef) ? '@' : ':'}${pair.srcRef}`;
/** One destination tag's line of the report. */
function resultOf(pair, tag, status, bytes) {
    return {
        src: sourceOf(pair),
        dest: `${(0,reference/* refName */.P7)(pair.item.destination)}${(0,reference/* isDigest */.Bc)(tag) ? '@' : ':'}${tag}`,
        digest: pair.digest,
        status,
        bytes,
    };
}
function planFailure(failure) {
    const ref = failure.ref ?? '';
    const at = ref ? `${(0,reference/* isDigest */.Bc)(ref) ? '@' : ':'}${ref}` : '';
    const dest = failure.ref ? destTagOf(failure.item, ref) : undefined;
    return {
        src: `${(0,reference/* refName */.P7)(failure.item.source)}${at}`,
        dest: `${(0,reference/* refName */.P7)(failure.item.destination)}${dest ? `:${dest}` : ''}`,
        digest: '',
        status: 'failed',
        bytes: 0,
        error: failure.error,
    };
}
/**
 * Resolves every source to a digest with one HEAD a tag and compares the destination with one
 * HEAD a tag: an unchanged pair costs nothing more (no manifest or blob is fetched). A source or
 * destination that fails for one item fails that item alone; the caller decides whether the
 * rest goes on (keep-going).
 */
async function resolvePairs(session, items, progress) {
    const limiter = new registry_limiter/* Limiter */.jG(PLAN_WIDTH);
    let done = 0;
    let total = 0;
    const failed = [];
    const fail = (item, error, ref) => {
        failed.push({ item, ref, error: typeof error === 'string' ? error : (error.message ?? String(error)) });
        return undefined;
    };
    const perItem = await Promise.all(items.map(async (item) => {
        let refs;
        try {
            refs = await selectRefs(session, item);
        }
        catch (error) {
            return [fail(item, error)];
        }
        if (refs.length === 0 && item.selector.kind !== 'tags')
            return [fail(item, `no tag of ${(0,reference/* refName */.P7)(item.source)} matches`)];
        total += refs.length;
        return Promise.all(refs.map((ref) => limiter.run(async () => {
            try {
                return (await planPair(session, item, ref)) ?? fail(item, `${(0,reference/* refName */.P7)(item.source)}:${ref} not found`, ref);
            }
            catch (error) {
                return fail(item, error, ref);
            }
            finally {
                progress(++done, total);
            }
        })));
    }));
    return { pairs: perItem.flat().filter((p) => p !== undefined), failed };
}
/** The source tags or digests an item names, or those of its listed tags its selector matches. */
async function selectRefs(session, item) {
    const { selector } = item;
    if (selector.kind === 'tags')
        return selector.tags;
    const all = await session.client(item.source.registry).listTags(item.source.repository);
    return all.filter((tag) => selector.kind === 'all' ? true : selector.kind === 'regex' ? selector.regex.test(tag) : tagInRange(tag, selector.range));
}
/** One source reference resolved and compared with its destination; undefined where the source tag does not exist. */
async function planPair(session, item, ref) {
    const src = session.client(item.source.registry);
    const dst = session.client(item.destination.registry);
    const destTag = destTagOf(item, ref);
    // The destination tag is asked at once, beside the source: one round trip for the pair, not two.
    const destHead = destTag && !item.platforms?.length ? dst.headManifest(item.destination.repository, destTag) : undefined;
    destHead?.catch(() => undefined); // awaited below; a source failing first must not leave it unhandled
    let digest;
    if (ref.startsWith('sha256:'))
        digest = ref;
    // A pin in another algorithm: the bytes are fetched and checked against it, then known by their sha256.
    else if ((0,reference/* isDigest */.Bc)(ref))
        digest = (await src.getManifest(item.source.repository, ref)).digest;
    else {
        const head = await src.headManifest(item.source.repository, ref);
        if (!head)
            return undefined;
        digest = head.digest;
    }
    const sourceDigest = digest;
    if (item.platforms?.length)
        digest = await subsetDigest(session, item, digest);
    const current = await (destHead ?? dst.headManifest(item.destination.repository, destTag ?? digest));
    return { item, srcRef: ref, sourceDigest, digest, destTags: destTag ? [destTag] : [], unchanged: current?.digest === digest };
}
/** The digest a platform subset of an index will have once copied. */
async function subsetDigest(session, item, digest) {
    const manifest = await session.client(item.source.registry).getManifest(item.source.repository, digest);
    if (!(0,registry_manifest/* isIndex */.nw)(manifest.mediaType, manifest.bytes))
        return digest;
    return (0,registry_manifest/* subsetIndex */.XF)(manifest, item.platforms ?? [], (0,reference/* refName */.P7)(item.source)).manifest.digest;
}

// EXTERNAL MODULE: ./src/commands/run-session.ts + 3 modules
var run_session = __webpack_require__(6315);
;// CONCATENATED MODULE: ./src/commands/mirror.ts














const NOTHING = { outcomes: new Map(), failures: [] };
async function mirror(context) {
    const { env, logger } = context;
    const inputs = readMirrorInputs(context.read, env, (s) => logger.mask(s));
    const insecureRegistries = [...(inputs.transport.insecureRegistries ?? []), ...inputs.list.insecureSources];
    const { session, logins, close } = (0,run_session/* openRunSession */.I)({
        credentials: inputs.credentials,
        logins: checkDestinations(inputs),
        env,
        exec: context.exec,
        logger,
        transport: { ...inputs.transport, insecureRegistries },
    });
    try {
        // Fetched (and verified) before anything is planned: a bad pin fails with nothing sent.
        const copier = inputs.dryRun ? undefined : await openCopier(context, session, inputs, { logins, insecureRegistries });
        const run = { session, inputs, logger, plan: await planMirror(session, inputs.list.items, inputs, logger) };
        const copied = copier ? await copyAll(run, copier) : NOTHING;
        const referrers = inputs.referrers.enabled ? await copyReferrers(run, copied) : NOTHING;
        return await report(run, copied, referrers, env);
    }
    finally {
        close();
    }
}
/**
 * Destinations are checked before any request: credentials present, pattern fully matching.
 * Returns the logins the run needs beyond the credentials map's own: each destination's (its
 * item may name another credentials key), then the sources' from a skopeo-sync file.
 */
function checkDestinations({ list, credentials }) {
    const problems = [];
    const logins = new Map();
    for (const item of list.items) {
        try {
            const login = (0,inputs_credentials/* loginOf */.DQ)((0,inputs_credentials/* credentialFor */.FX)(credentials, item.credentialsKey, (0,reference/* refName */.P7)(item.destination)));
            if (login)
                logins.set(item.destination.registry, login);
        }
        catch (error) {
            if (!(error instanceof errors/* ConfigError */.x))
                throw error;
            problems.push(`${item.label}: ${error.message}`);
        }
    }
    if (problems.length)
        throw new errors/* ConfigErrors */.m(problems);
    for (const c of list.sourceCredentials)
        logins.set(c.registry, { username: c.username, password: c.password });
    return logins;
}
/** The copier the `engine` input names: the registry core, or skopeo from PATH or a pinned download. */
async function openCopier(context, session, inputs, access) {
    if (inputs.copier === 'native')
        return nativeCopier(session);
    const pinned = inputs.skopeoDownload;
    let binary;
    if (pinned) {
        if (!context.download)
            throw new errors/* ConfigError */.x(`${table/* Input */.pd.SkopeoUrl}: downloads are not available here`);
        binary = await context.download('skopeo', pinned.url, pinned.sha256);
        context.logger.info(`skopeo: ${binary} (pinned sha256 ${pinned.sha256.slice(0, 12)}…)`);
    }
    const skopeo = new Skopeo({
        env: context.env,
        exec: context.exec,
        binary,
        insecureRegistries: access.insecureRegistries,
        certDir: (registry) => inputs.list.certDirs[registry]?.dir,
        credential: async (registry) => access.logins.get(registry),
    });
    return skopeoCopier(skopeo, session);
}
/** Copies the changed pairs, `parallel` at a time; a failure stops the rest unless keep-going. */
async function copyAll({ session, inputs, logger, plan }, copier) {
    const limiter = new registry_limiter/* Limiter */.jG(inputs.parallel);
    const outcomes = new Map();
    const failures = [];
    let stop = false;
    const changed = plan.pairs.filter((p) => !p.unchanged);
    let done = 0;
    const undone = [];
    const copyOne = async (pair) => {
        if (stop)
            return;
        const floor = belowFloor(session, inputs, pair);
        if (floor) {
            done++;
            undone.push(sourceOf(pair));
            outcomes.set(pair, tagsOf(pair).map((tag) => ({ ...resultOf(pair, tag, 'skipped', 0), error: floor })));
            return;
        }
        try {
            // Counted when it ends, failed or not: `12/340` says how far the run got.
            const bytes = await copyPair(copier, pair, logger, () => `${++done}/${changed.length}`);
            outcomes.set(pair, tagsOf(pair).map((tag, i) => resultOf(pair, tag, 'copied', i === 0 ? bytes : 0)));
        }
        catch (error) {
            const message = `${pair.item.label} ${sourceOf(pair)}: ${error.message}`;
            failures.push(message);
            logger.error(`[${++done}/${changed.length}] ${message}`);
            outcomes.set(pair, tagsOf(pair).map((tag) => ({ ...resultOf(pair, tag, 'failed', 0), error: error.message })));
            if (!inputs.keepGoing)
                stop = true;
        }
    };
    await Promise.all(changed.map((pair) => limiter.run(() => copyOne(pair))));
    if (undone.length > 0)
        logger.warning(`rate-limit-floor: ${undone.length} image(s) left undone, to be copied by a later run: ${undone.join(', ')}`);
    return { outcomes, failures };
}
/** Why a copy must not start: its source said no more than rate-limit-floor pulls are left. */
function belowFloor(session, inputs, pair) {
    if (inputs.rateLimitFloor === undefined)
        return undefined;
    const { registry } = pair.item.source;
    const remaining = session.rateLimits.remaining(registry);
    if (remaining === undefined || remaining > inputs.rateLimitFloor)
        return undefined;
    return `left undone: ${registry} has ${remaining} pulls left, rate-limit-floor is ${inputs.rateLimitFloor}`;
}
/** `count`: this copy's place among the run's copies (`12/340`), for the log of a long run. */
async function copyPair(copier, pair, logger, count) {
    let moved = 0;
    let reported = 0;
    const { bytesMoved, detail } = await copier.copy({
        from: pair.item.source,
        to: pair.item.destination,
        source: pair.sourceDigest,
        digest: pair.digest,
        tags: pair.destTags,
        platforms: pair.item.platforms,
        onBytes: (n) => {
            moved += n;
            // Progress on long copies, every 64 MiB.
            if (moved - reported >= 64 * 1048576) {
                reported = moved;
                logger.info(`${sourceOf(pair)}: ${(moved / 1048576).toFixed(0)} MiB copied`);
            }
        },
    });
    logger.info(`[${count()}] ${sourceOf(pair)} -> ${(0,reference/* refName */.P7)(pair.item.destination)}: ${detail}`);
    return bytesMoved;
}
/**
 * Every mirrored image's signatures, SBOMs and attestations follow it (a dry run lists them);
 * a referrer reported once per destination, however many tags of one image were mirrored.
 */
async function copyReferrers({ session, inputs, logger, plan }, copied) {
    const referrers = new registry_referrers/* ReferrerMirror */.tK(session, { types: inputs.referrers.types, dryRun: inputs.dryRun });
    // Discovery is metadata: as wide as planning, each registry's window deciding what is in flight.
    const limiter = new registry_limiter/* Limiter */.jG(PLAN_WIDTH);
    const reported = new Set();
    const outcomes = new Map();
    const failures = [];
    await Promise.all(plan.pairs.map((pair) => limiter.run(async () => {
        // A pair that failed, or that rate-limit-floor left undone, has no image there to refer to.
        if (copied.outcomes.get(pair)?.some((o) => o.status === 'failed' || o.status === 'skipped'))
            return;
        const { source: from, destination: to } = pair.item;
        try {
            const copies = await referrers.copyFor(from, to, pair.sourceDigest, Boolean(pair.item.platforms?.length));
            const fresh = copies.filter((c) => !reported.has(`${(0,reference/* refName */.P7)(to)}@${c.digest}`));
            for (const c of fresh)
                reported.add(`${(0,reference/* refName */.P7)(to)}@${c.digest}`);
            outcomes.set(pair, fresh.map((c) => referrerResult(pair, c)));
            const count = fresh.filter((c) => c.status === 'copied').length;
            if (fresh.length)
                logger.info(`${sourceOf(pair)}: ${fresh.length} referrer(s), ${count} copied`);
        }
        catch (error) {
            const message = `${pair.item.label} ${sourceOf(pair)}: referrers: ${error.message}`;
            failures.push(message);
            logger.error(message);
        }
    })));
    return { outcomes, failures };
}
function referrerResult(pair, copy) {
    const at = (repository) => `${repository}${copy.tag ? `:${copy.tag}` : `@${copy.digest}`}`;
    return {
        src: at((0,reference/* refName */.P7)(pair.item.source)),
        dest: at((0,reference/* refName */.P7)(pair.item.destination)),
        digest: copy.digest,
        status: copy.status,
        bytes: 0,
        referrer: { subject: copy.subject, artifact_type: copy.artifactType, via: copy.via },
    };
}
/** Outputs, digest file and summary: in the order of the list, whatever order copies finished in. */
async function report(run, copied, referrers, env) {
    const { inputs, plan } = run;
    const lines = (pair) => pair.unchanged ? tagsOf(pair).map((tag) => resultOf(pair, tag, 'unchanged', 0)) : (copied.outcomes.get(pair) ?? []);
    const mirrored = [...plan.pairs.flatMap((p) => [...lines(p), ...(referrers.outcomes.get(p) ?? [])]), ...plan.unplanned];
    const failures = [...plan.failures, ...copied.failures, ...referrers.failures];
    const outDir = env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const digestFile = (0,external_node_path_.join)(outDir, `mirror-digests-${process.pid}-${Date.now()}.txt`);
    const digests = mirrored.filter((m) => m.status === 'copied' || m.status === 'unchanged').map((m) => `${m.digest} docker://${m.dest}\n`);
    await (0,promises_.writeFile)(digestFile, digests.join(''));
    const count = (status) => mirrored.filter((m) => m.status === status).length;
    const mib = (mirrored.reduce((n, m) => n + m.bytes, 0) / 1048576).toFixed(1);
    const quotas = run.session.rateLimits.describe();
    for (const quota of quotas)
        run.logger.info(`rate limit: ${quota}`);
    const undone = mirrored.filter((m) => m.status === 'skipped' && !m.referrer).length;
    const skipped = undone > 0 ? `, ${undone} left undone` : '';
    return {
        outputs: { mirrored: JSON.stringify(mirrored), 'digest-file': digestFile },
        summary: {
            title: `Mirrored: ${count('copied')} copied, ${count('unchanged')} unchanged, ${count('failed')} failed${skipped}, ${mib} MiB moved` +
                `${inputs.dryRun ? ' (dry run)' : ''}${quotas.length ? `; ${quotas.join('; ')}` : ''}`,
            headers: ['source', 'destination', 'digest', 'status'],
            rows: mirrored.map((m) => [m.src, m.dest, m.digest, m.status]),
        },
        failure: failures.length ? failureText(failures, inputs.keepGoing, plan.unplanned.length > 0) : undefined,
    };
}
function failureText(failures, keepGoing, planning) {
    if (planning && !keepGoing)
        return (`nothing was mirrored: ${failures.length} source(s) could not be planned (keep-going: true mirrors the rest):\n  ` +
            `${failures.join('\n  ')}`);
    return (`${failures.length} image(s) failed to ` +
        `mirror${keepGoing ? '' : ' (stopped at the first; keep-going: true goes on)'}:\n  ${failures.join('\n  ')}`);
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


/***/ })

};
