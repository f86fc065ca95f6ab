import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7827:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ ConfigErrors),
/* harmony export */   x: () => (/* binding */ ConfigError)
/* harmony export */ });
/**
 * An error the user can fix by changing an input: it names the input or field and the bad value.
 * Kept apart from internal and registry errors so the report says who has to act.
 */
class ConfigError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ConfigError';
    }
}
/**
 * Several problems reported together, so one run shows every mistake; `heading` says what they
 * are about (the inputs, by default; what a registry holds, for a refused promotion).
 */
class ConfigErrors extends ConfigError {
    problems;
    heading;
    constructor(problems, heading = 'problems in the inputs') {
        super(problems.length === 1 ? problems[0] : `${problems.length} ${heading}:\n  ${problems.join('\n  ')}`);
        this.problems = problems;
        this.name = 'ConfigErrors';
        this.heading = `${problems.length} ${heading}`;
    }
}


/***/ }),

/***/ 9714:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ IMPLEMENTED),
/* harmony export */   Lo: () => (/* binding */ COMMANDS),
/* harmony export */   Vc: () => (/* binding */ inputsOf),
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   hW: () => (/* binding */ COMMAND_SUMMARIES),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/* unused harmony exports Output, INPUTS, OUTPUTS */
/**
 * Every action input and output, in one place. The action.yml files, the CLI's --help and the
 * docs are generated from these tables (scripts/gen-actions.ts), so they cannot drift apart.
 */
const COMMANDS = ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'];
const Input = {
    Command: 'command',
    Images: 'images',
    ImagesFile: 'images-file',
    ZuulJob: 'zuul-job',
    WorkDir: 'work-dir',
    ContainerCommand: 'container-command',
    ContainerFilename: 'container-filename',
    BuildExtraEnv: 'build-extra-env',
    RegistryCredentials: 'registry-credentials',
    Change: 'change',
    InsecureRegistries: 'insecure-registries',
    CaFile: 'ca-file',
    Promote: 'promote',
    PromoteMethod: 'promote-method',
    IntermediateRegistry: 'intermediate-registry',
    AllowUntrustedBuilds: 'allow-untrusted-builds',
    Artifacts: 'artifacts',
    Token: 'token',
    Cleanup: 'cleanup',
    CleanupRegex: 'cleanup-regex',
    CleanupAge: 'cleanup-age',
    SkopeoUrl: 'skopeo-url',
    SkopeoSha256: 'skopeo-sha256',
    DryRun: 'dry-run',
    StrictCleanup: 'strict-cleanup',
    Mirror: 'mirror',
    MirrorFile: 'mirror-file',
    MirrorFormat: 'mirror-format',
    MirrorDestination: 'mirror-destination',
    MirrorScoped: 'mirror-scoped',
    Parallel: 'parallel',
    KeepGoing: 'keep-going',
    Engine: 'engine',
    MetadataTags: 'metadata-tags',
    Platform: 'platform',
    Merge: 'merge',
    MergeReuseMissing: 'merge-reuse-missing',
    Cache: 'cache',
    Attestations: 'attestations',
    CacheRepository: 'cache-repository',
    Referrers: 'referrers',
    ReferrerTypes: 'referrer-types',
    ReleaseFrom: 'release-from',
    ReleaseTag: 'release-tag',
    RevisionTag: 'revision-tag',
    ChangesRegistry: 'changes-registry',
    DependsOn: 'depends-on',
    KeepIntermediate: 'keep-intermediate',
    RemoveLocalImages: 'remove-local-images',
    Registries: 'registries',
    MaxConcurrency: 'max-concurrency',
    RateLimitFloor: 'rate-limit-floor',
};
const Output = {
    Images: 'images',
    Artifacts: 'artifacts',
    Promoted: 'promoted',
    Deleted: 'deleted',
    LeftBehind: 'left-behind',
    Mirrored: 'mirrored',
    DigestFile: 'digest-file',
    Digest: 'digest',
    Digests: 'digests',
    Tags: 'tags',
    RegistriesConf: 'registries-conf',
    Registries: 'registries',
};
const IMAGE_COMMANDS = ['build', 'upload', 'promote'];
const ENGINE_COMMANDS = ['build', 'upload'];
const INPUTS = [
    {
        name: Input.Images,
        description: "The image list, inline YAML or JSON: Zuul's container_images entries (context, container_filename, registry, repository, path, build_args, target, tags, siblings, labels, arch). Give this or images-file.",
        default: '',
        commands: [...IMAGE_COMMANDS, 'use'],
    },
    {
        name: Input.ImagesFile,
        description: 'Path (relative to work-dir) of a YAML file holding the image list, or a Zuul vars file with a container_images key. Give this or images.',
        default: '',
        commands: [...IMAGE_COMMANDS, 'use'],
    },
    {
        name: Input.ZuulJob,
        description: 'When images-file is a Zuul job file (zuul.d/*.yaml): the job whose vars.container_images (or docker_images) to use, following parent: jobs defined in the same file.',
        default: '',
        commands: [...IMAGE_COMMANDS, 'use'],
    },
    {
        name: Input.MetadataTags,
        description: "docker/metadata-action's tags output (full references, one per line): each image it names gets exactly those tags instead of its own.",
        default: '',
        commands: IMAGE_COMMANDS,
    },
    {
        name: Input.WorkDir,
        description: "Base directory for every context, path, container file, sibling and images-file (Zuul's zuul_work_dir). Empty means the workspace (GITHUB_WORKSPACE, else the current directory).",
        default: '',
        commands: ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'],
    },
    {
        name: Input.ContainerCommand,
        description: 'Engine that builds and pushes: docker, podman or buildah.',
        default: 'docker',
        commands: ENGINE_COMMANDS,
    },
    {
        name: Input.ContainerFilename,
        description: "Container file used when an image has no container_filename. Empty: Containerfile, else Dockerfile, in the image's context.",
        default: '',
        commands: ENGINE_COMMANDS,
    },
    {
        name: Input.Platform,
        description: 'Build one platform of a split multi-platform build (e.g. linux/arm64 on an arm64 runner): only the images whose arch lists it, as a single-platform image; upload pushes it by digest under a per-platform temporary tag, and a job with merge: true assembles the index. Every image needs arch.',
        default: '',
        commands: ENGINE_COMMANDS,
    },
    {
        name: Input.Merge,
        description: "Build nothing: assemble each image's index from the per-platform pushes of the platform jobs (every arch entry must be there), each child read and its config checked against the platform it is published as, push it under the tags of the mode (gate, release or intermediate registry), then delete the per-platform tags. A platform missing is an error naming the job that should have pushed it.",
        default: 'false',
        commands: ['upload'],
    },
    {
        name: Input.MergeReuseMissing,
        description: "With merge: true in a release (promote: false): a platform no job pushed this time takes the child of the release already under the image's first tag (checked like a pushed one), reported in the log, the summary and the images output (reused). Without it a platform missing from a release merge is an error. Gate and intermediate merges always take it from the change's own index.",
        default: 'false',
        commands: ['upload'],
    },
    {
        name: Input.Cache,
        description: "Use a registry build cache: podman and buildah --layers --cache-from/--cache-to, docker's classic builder pulls the cache image for --cache-from, buildx type=registry. Only events that build trusted code write it (push of a branch or tag, merge_group, schedule, workflow_dispatch, release); every other event (pull requests, workflow_run, issue_comment, repository_dispatch, …) only reads it, since a build of untrusted code writing it would poison later builds.",
        default: 'false',
        commands: ENGINE_COMMANDS,
    },
    {
        name: Input.Attestations,
        description: "docker buildx only, images with arch: the attestations BuildKit adds to what it pushes: provenance (mode=min), provenance=max, sbom (BuildKit's scanner image must be reachable), comma separated, or none. Each is pushed as an OCI artifact whose subject is its platform's image, so it travels as a referrer (mirror and promote copy it). Empty: buildx's default (min provenance).",
        default: '',
        commands: ENGINE_COMMANDS,
    },
    {
        name: Input.CacheRepository,
        description: "Where the cache lives (a repository, no tag), for every image; empty: each image's own <repository>-cache. Credentials come from registry-credentials.",
        default: '',
        commands: ENGINE_COMMANDS,
    },
    {
        name: Input.BuildExtraEnv,
        description: "YAML mapping of environment variables for every build, whatever the engine (Zuul's container_build_extra_env).",
        default: '',
        commands: ENGINE_COMMANDS,
    },
    {
        name: Input.RegistryCredentials,
        description: "YAML mapping keyed by registry name, Zuul's container_registry_credentials: username, password, repository (regular expression the repository must fully match), api_token, type. Pass it from a secret.",
        default: '',
        commands: ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'],
    },
    {
        name: Input.Change,
        description: 'Change (pull request) number; overrides the one detected from the event. Temporary tags are change_<N>_<tag>.',
        default: '',
        commands: [...IMAGE_COMMANDS, 'use'],
    },
    {
        name: Input.InsecureRegistries,
        description: "Registries (host[:port], comma or newline separated) reached over plain HTTP. Loopback registries always are, as docker does; every other registry needs TLS. podman and buildah builds get a registries.conf layered over the user's own that marks exactly these (and the loopback registries the build names) insecure; docker's daemon must list them in its own insecure-registries.",
        default: '',
        commands: ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'],
    },
    {
        name: Input.CaFile,
        description: "PEM file of CA certificates trusted, besides the system's, for registries with a private CA: by the registry client, and by podman's and buildah's pulls and pushes (--cert-dir).",
        default: '',
        commands: ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'],
    },
    {
        name: Input.Promote,
        description: "Zuul's upload_container_image_promote. true (gate): push only change_<N>_<tag> (or to the intermediate registry), for promote to publish after merge. false (release): push the final tags.",
        default: 'true',
        commands: ['upload'],
    },
    {
        name: Input.PromoteMethod,
        description: 'tag: the gate pushes change_<N>_<tag> to the final repository. intermediate-registry: the gate pushes to intermediate-registry and nothing goes to the final registry.',
        default: 'tag',
        commands: ['upload', 'promote', 'use'],
    },
    {
        name: Input.IntermediateRegistry,
        description: "host[:port][/namespace] the gate pushes to with promote-method intermediate-registry; images go to <intermediate>/<repository path>:<prefix>_<tag>. build: set, a check uploads what it built there too and records the change (Zuul's intermediate-mode check), except for a pull request from a fork, which builds only.",
        default: '',
        commands: ['build', 'upload', 'promote', 'use'],
    },
    {
        name: Input.AllowUntrustedBuilds,
        description: 'Build and push on pull_request_target, or for a pull request from another repository, although that code could read the registry credentials. Leave false unless the code was reviewed.',
        default: 'false',
        commands: ['upload'],
    },
    {
        name: Input.Artifacts,
        description: "promote-method intermediate-registry: the artifacts output of the gate's upload (JSON). Empty: the images are looked up in intermediate-registry under <prefix>_<tag>.",
        default: '',
        commands: ['promote'],
    },
    {
        name: Input.Token,
        description: 'API token to find the pull request of a pushed commit (GitHub, Gitea, Forgejo). Empty: the GITHUB_TOKEN environment variable.',
        default: '',
        commands: ['promote', 'use'],
    },
    {
        name: Input.Cleanup,
        description: 'Also delete leaked temporary tags of the promoted repositories: matching cleanup-regex, and older than cleanup-age by the vendor push time, else of a closed pull request (asked with token), else by a plausible image created time.',
        default: 'true',
        commands: ['promote'],
    },
    {
        name: Input.CleanupRegex,
        description: 'Tags that count as temporary, in RE2 syntax (linear-time matching; no look-around or back-references), matching the whole tag. Empty: ^change_.*$ and ^<event name>_.*$. Tags of the change being promoted never count as leaked.',
        default: '',
        commands: ['promote'],
    },
    {
        name: Input.CleanupAge,
        description: 'How old a temporary tag must be to count as leaked: 36h, 2d, 90m, 1d12h.',
        default: '24h',
        commands: ['promote'],
    },
    {
        name: Input.DryRun,
        description: "Validate everything and print the whole plan, changing nothing: build and upload print each image's exact engine commands and every tag they would push, and where, with no engine run and no request sent; promote and mirror print what would move, be deleted or be copied.",
        default: 'false',
        commands: ['build', 'upload', 'promote', 'mirror'],
    },
    {
        name: Input.Referrers,
        description: "Copy each image's referrers with it: signatures, SBOMs and attestations (OCI 1.1 referrers API, else the sha256-<hex> fallback index, and cosign's .sig/.att/.sbom tags), referrers of referrers too, digests unchanged. Mirror and promote from an intermediate registry.",
        default: 'true',
        commands: ['promote', 'mirror'],
    },
    {
        name: Input.ReferrerTypes,
        description: 'Artifact types of the referrers to copy (comma or newline separated, e.g. application/spdx+json, application/vnd.dev.cosign.simplesigning.v1+json); empty: all.',
        default: '',
        commands: ['promote', 'mirror'],
    },
    {
        name: Input.ChangesRegistry,
        description: 'host[:port][/namespace] that every repository of the organisation shares for change records (e.g. ghcr.io/acme/changes): the upload of a gate records each change there (the final and speculative references and digests), use finds the images of the changes a change depends on there, and the cleanup of promote deletes the records of merged and closed changes. Empty: the intermediate registry in intermediate-registry mode.',
        default: '',
        commands: ['build', 'upload', 'promote', 'use'],
    },
    {
        name: Input.DependsOn,
        description: "The changes this one depends on, instead of the Depends-On: lines of its description: pull request URLs, one a line (or Depends-On: lines); none: no dependency. Empty: the description, from the event or the forge's API. For a job whose forge is out of reach, or to test against a change by hand (workflow_dispatch).",
        default: '',
        commands: ['use'],
    },
    {
        name: Input.KeepIntermediate,
        description: "promote-method intermediate-registry: keep the change's tags in the intermediate registry after promoting. By default each is deleted once every image is in the final registry (a tag that cannot be is left behind, with a warning).",
        default: 'false',
        commands: ['promote'],
    },
    {
        name: Input.RemoveLocalImages,
        description: 'Remove the local images the run built and tagged once they are pushed, so they do not pile up run after run on a runner that keeps its disk. auto: on self-hosted runners (RUNNER_ENVIRONMENT self-hosted, and the Gitea and Forgejo runners), off on GitHub-hosted ones and under act. true or false.',
        default: 'auto',
        commands: ['upload'],
    },
    {
        name: Input.RevisionTag,
        description: "After a merge, also tag each promoted image sha-<the merged commit's first 12 hex digits>: the tested image stays tagged once later merges move the list's tags on (registries collect untagged images), and promote with release-from finds it with one request. Set it in the promote job of a project that releases by promotion.",
        default: 'false',
        commands: ['promote'],
    },
    {
        name: Input.ReleaseFrom,
        description: 'change: release by promotion, on a tag push. The image the gate built for the change that merged the tagged commit (found by its org.zuul-ci.change or org.opencontainers.image.revision label in the final repository) gets the release tags, server-side, with every platform and referrer; nothing is built. Empty: promote a merged change.',
        default: '',
        commands: ['promote'],
    },
    {
        name: Input.ReleaseTag,
        description: 'With release-from: the version released. Empty: the pushed git tag (GITHUB_REF). v1.2.3 gives 1.2.3, and 1.2, 1 and latest each unless a higher release holds it; a pre-release gives only its own tag. metadata-tags, when given, gives the tags instead.',
        default: '',
        commands: ['promote'],
    },
    {
        name: Input.StrictCleanup,
        description: 'Fail when a temporary tag cannot be deleted. By default that is a warning naming the tag left behind: the release already happened.',
        default: 'false',
        commands: ['promote'],
    },
    {
        name: Input.Mirror,
        description: "The mirror list, inline YAML or JSON: Zuul's mirror_container_images_images items (src_repository, src_tag, dest_repository, dest_tag, dest_registry) plus tags, tag_regex, semver, all_tags, platforms, dest_tags. Give this or mirror-file.",
        default: '',
        commands: ['mirror'],
    },
    {
        name: Input.MirrorFile,
        description: 'Path (relative to work-dir) of a YAML file holding the mirror list, a Zuul vars file with mirror_container_images_images, or (mirror-format: skopeo-sync) a skopeo sync YAML file.',
        default: '',
        commands: ['mirror'],
    },
    {
        name: Input.MirrorFormat,
        description: 'zuul (the list above) or skopeo-sync (skopeo sync --src yaml files, copied under mirror-destination).',
        default: 'zuul',
        commands: ['mirror'],
    },
    {
        name: Input.MirrorDestination,
        description: "With mirror-format skopeo-sync: registry[/namespace] the images are copied under, like skopeo sync --dest docker. Each copy is named by its source's last path component, as skopeo names it.",
        default: '',
        commands: ['mirror'],
    },
    {
        name: Input.MirrorScoped,
        description: "With mirror-format skopeo-sync: name each copy by its source's whole name (registry/path) under mirror-destination, like skopeo sync --scoped.",
        default: 'false',
        commands: ['mirror'],
    },
    {
        name: Input.Parallel,
        description: 'Images copied at once (their requests share each registry’s max-concurrency).',
        default: '4',
        commands: ['mirror'],
    },
    {
        name: Input.KeepGoing,
        description: 'Go on with the other images after one fails, and fail at the end listing the failures.',
        default: 'false',
        commands: ['mirror'],
    },
    {
        name: Input.RateLimitFloor,
        description: "Pulls to leave of a source registry's quota (Docker Hub's ratelimit-remaining): once the registry says no more than this many are left, the images not yet copied are left undone (status skipped, with the reason) and the run ends without error, rather than failing midway with 429s. Leave room for the copies under way (parallel, each one pull per manifest). Empty: no floor.",
        default: '',
        commands: ['mirror'],
    },
    {
        name: Input.Engine,
        description: 'native (the built-in registry client) or skopeo (skopeo copy --all --preserve-digests for the same plan).',
        default: 'native',
        commands: ['mirror'],
    },
    {
        name: Input.SkopeoUrl,
        description: 'With engine: skopeo, on a runner without skopeo: a URL of a static skopeo binary, downloaded once per runner into the tool cache and run only if its sha256 is skopeo-sha256. Empty: skopeo from PATH.',
        default: '',
        commands: ['mirror'],
    },
    {
        name: Input.SkopeoSha256,
        description: 'The sha256 (hex) the skopeo-url file must have; required with skopeo-url.',
        default: '',
        commands: ['mirror'],
    },
    {
        name: Input.MaxConcurrency,
        description: 'The most requests in flight to one registry (1 to 64). Below it the window adapts: it opens while answers come back as fast as before, and halves on a 429 or 503, on answers slowing down or on refused connections, waiting out Retry-After. Empty: 64, starting at 8. Set it for a registry that caps connections or counts requests.',
        default: '',
        commands: ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'],
    },
    {
        name: Input.Registries,
        description: 'doctor: the registries to examine, one host[:port]/namespace per line; the namespace is where doctor may write throw-away manifests (under <namespace>/cia-doctor), all of which it removes where the registry allows.',
        default: '',
        commands: ['doctor'],
    },
];
// The flat outputs: what a workflow reads without fromJSON on a list (src/commands/flat-outputs.ts).
const FLAT_OUTPUTS = [
    {
        name: Output.Digest,
        description: "The image's digest when the list has one image (else empty): upload and promote the manifest digest the registry holds under its tags; build the local image ID (no manifest exists before a push). Not set by dry-run.",
        commands: IMAGE_COMMANDS,
    },
    {
        name: Output.Digests,
        description: 'JSON object, repository (with its registry, as in the images output) -> digest, for every image; a repository whose entries hold different digests has one key per full reference instead. Not set by dry-run.',
        commands: IMAGE_COMMANDS,
    },
    {
        name: Output.Tags,
        description: 'Every full reference (registry/repository:tag), one per line: build the local tags, upload what it pushed, promote the final tags (referrers left out). Not set by dry-run.',
        commands: IMAGE_COMMANDS,
    },
];
const OUTPUTS = [
    {
        name: Output.Images,
        description: 'JSON list, one object per image: repository, tags (local references), image_id, platforms, change; upload adds digest (what was pushed), refs (where) and skipped (tags that already held that digest, not pushed again). With dry-run: index, repository, cwd, build and push (engine argv lists) and pushes (every reference it would write). use: one object per final reference made to resolve: reference, speculative, digest, change, repository.',
        commands: ['build', 'upload', 'use'],
    },
    {
        name: Output.Artifacts,
        description: 'JSON list of Zuul-style artifacts, one per tag pushed to the intermediate registry: name, url (docker://…), metadata {type: container_image, repository, tag, digest, revision}. Pass it to promote.',
        commands: ['upload'],
    },
    ...FLAT_OUTPUTS,
    {
        name: Output.Promoted,
        description: "JSON list of the final tags set: repository, tag, digest (what the tag holds), from (the temporary or intermediate reference), status (moved, in-place, or superseded when a concurrent promotion of a newer build won; ownDigest is then this run's build). Referrers copied from an intermediate registry are listed too, with referrer: {subject, artifact_type, via} and tag their cosign tag or digest. Written on failure too.",
        commands: ['promote'],
    },
    {
        name: Output.Deleted,
        description: 'JSON list of the temporary tags deleted (full references), leaked ones included.',
        commands: ['promote'],
    },
    {
        name: Output.LeftBehind,
        description: 'JSON list of temporary tags that could not be deleted (and cleanups that failed): ref and reason. Each is a warning, not a failure, unless strict-cleanup is set.',
        commands: ['promote'],
    },
    {
        name: Output.Mirrored,
        description: 'JSON list, one object per destination tag: src, dest, digest, status (copied, unchanged, failed, or skipped when rate-limit-floor left it undone), bytes (moved), error (for failed and skipped ones, planning failures included); then each referrer (signature, SBOM, attestation) with referrer: {subject, artifact_type, via} and status copied, unchanged, or planned in a dry run. Written on failure too.',
        commands: ['mirror'],
    },
    {
        name: Output.RegistriesConf,
        description: "use: the registries.conf that makes podman, buildah and skopeo get the change's images from the job's speculative registry; the job's later steps have it as CONTAINERS_REGISTRIES_CONF.",
        commands: ['use'],
    },
    {
        name: Output.Registries,
        description: 'doctor: JSON list, one object per registry: registry, reachable, vendor (distribution, gitea, docker-hub, quay, ghcr, harbor, gitlab, ecr, gar, acr or unknown), auth (none, basic, bearer), tag-delete (safe, destructive, no), digest-delete, referrers-api, blob-mount, chunked-upload, http2 (booleans), promote (how promote would remove one temporary tag there), written (whether the namespace took the probe manifest), left-behind (what doctor wrote and could not remove), problem (why something could not be measured) and notes.',
        commands: ['doctor'],
    },
    {
        name: Output.DigestFile,
        description: "Path of a file with a line `sha256:… docker://dest:tag` per mirrored tag (skopeo's --digestfile format).",
        commands: ['mirror'],
    },
];
function inputsOf(command) {
    return INPUTS.filter((input) => input.commands.includes(command));
}
function outputsOf(command) {
    return OUTPUTS.filter((output) => output.commands.includes(command));
}
const COMMAND_SUMMARIES = {
    build: 'Build every image of the list with docker, podman or buildah (the check pipeline).',
    upload: 'Build and push: temporary change_<N>_<tag> tags in gate, final tags on release, or to an intermediate registry.',
    promote: 'After merge: move change_<N>_<tag> to the final tags server-side and delete the temporary tags.',
    mirror: 'Copy images between registries with every platform and digest preserved.',
    doctor: 'Tell what each registry supports (vendor, auth, one-tag deletion, referrers API, blob mount, chunked upload, HTTP/2) and how promote would remove a temporary tag there; leaves nothing behind.',
    use: "In a job after the gate's upload: this change's final image references, and those of the changes it depends on (Depends-On:), resolve to their speculative images for docker, podman and buildah in the job's later steps.",
};
const IMPLEMENTED = new Set(COMMANDS);


/***/ }),

/***/ 8476:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   VM: () => (/* binding */ interrupted),
/* harmony export */   nA: () => (/* binding */ onInterrupt),
/* harmony export */   vY: () => (/* binding */ removeOnInterrupt)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * What must not outlive an interrupted run: auth files to remove, child processes to stop. The
 * entry point calls `interrupted()` on SIGTERM or SIGINT, before it exits; each holder registers
 * a synchronous undo while it holds the resource and unregisters it when done.
 */
const undos = new Set();
/** Registers `undo` until the returned function is called. */
function onInterrupt(undo) {
    undos.add(undo);
    return () => undos.delete(undo);
}
/** Removes `path` (a temporary file or directory, with what it holds) if the run is interrupted first. */
function removeOnInterrupt(path) {
    return onInterrupt(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { recursive: true, force: true }));
}
/** Runs every registered undo once; one failing does not stop the others. */
function interrupted() {
    for (const undo of [...undos]) {
        undos.delete(undo);
        try {
            undo();
        }
        catch {
            // Best effort: the process is exiting.
        }
    }
}


/***/ }),

/***/ 9265:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ READY_PREFIX),
/* harmony export */   m: () => (/* binding */ SERVE_ARGUMENT)
/* harmony export */ });
/** The argument that makes the bundle serve instead of running a command. */
const SERVE_ARGUMENT = '--serve-speculative-registry';
/** What the process prints on its standard output once it listens, and nothing else. */
const READY_PREFIX = 'listening on ';


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
var external_node_module_default = /*#__PURE__*/__nccwpck_require__.n(external_node_module_namespaceObject);
;// CONCATENATED MODULE: ./src/commands/index.ts
/**
 * Each command's module, loaded when that command runs: a process starts faster when it does not
 * parse the code of the three commands it does not run (the bundle splits along these imports).
 */
const COMMAND_LOADERS = {
    build: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(227), __nccwpck_require__.e(433), __nccwpck_require__.e(7), __nccwpck_require__.e(154)]).then(__nccwpck_require__.bind(__nccwpck_require__, 154))).build,
    upload: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(227), __nccwpck_require__.e(315), __nccwpck_require__.e(433), __nccwpck_require__.e(7), __nccwpck_require__.e(154), __nccwpck_require__.e(980)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8980))).upload,
    promote: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(227), __nccwpck_require__.e(88), __nccwpck_require__.e(315), __nccwpck_require__.e(433), __nccwpck_require__.e(7), __nccwpck_require__.e(998), __nccwpck_require__.e(773)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6154))).promote,
    mirror: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(227), __nccwpck_require__.e(88), __nccwpck_require__.e(315), __nccwpck_require__.e(433), __nccwpck_require__.e(998), __nccwpck_require__.e(157)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7157))).mirror,
    use: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(227), __nccwpck_require__.e(292), __nccwpck_require__.e(315), __nccwpck_require__.e(433), __nccwpck_require__.e(7), __nccwpck_require__.e(617)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3617))).use,
    doctor: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(227), __nccwpck_require__.e(315), __nccwpck_require__.e(433), __nccwpck_require__.e(599)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5599))).doctor,
};

// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __nccwpck_require__(7827);
// EXTERNAL MODULE: ./src/config/inputs/table.ts
var table = __nccwpck_require__(9714);
;// CONCATENATED MODULE: ./src/config/inputs/help.ts

const EXAMPLES = {
    build: `INPUT_IMAGES='[{context: ., repository: quay.io/org/app, tags: [latest]}]' node dist/index.js build`,
    upload: `INPUT_IMAGES_FILE=images.yaml INPUT_CHANGE=42 node dist/index.js upload`,
    promote: `INPUT_IMAGES_FILE=images.yaml INPUT_CHANGE=42 node dist/index.js promote`,
    mirror: `INPUT_MIRROR_FILE=mirror.yaml node dist/index.js mirror`,
    use: `INPUT_IMAGES_FILE=images.yaml INPUT_CHANGES_REGISTRY=ghcr.io/acme/changes node dist/index.js use`,
    doctor: `INPUT_REGISTRIES='ghcr.io/acme' INPUT_REGISTRY_CREDENTIALS="$CREDS" node dist/index.js doctor`,
};
const envName = (input) => `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;
function helpText(command) {
    const commands = command ? [command] : table/* COMMANDS */.Lo;
    const lines = [
        'container-image-actions: Zuul-style gated container images for GitHub, Gitea, Forgejo and act.',
        '',
        'usage: node dist/index.js <command> [--help]',
        '       inputs come from INPUT_<NAME> environment variables, as a runner passes them',
        '',
    ];
    for (const name of commands) {
        lines.push(`${name}${table/* IMPLEMENTED */.B$.has(name) ? '' : ' (not implemented yet)'}: ${table/* COMMAND_SUMMARIES */.hW[name]}`);
        for (const input of (0,table/* inputsOf */.Vc)(name)) {
            lines.push(`  ${envName(input.name).padEnd(30)} ${input.description}${input.default ? ` (default: ${input.default})` : ''}`);
        }
        for (const output of (0,table/* outputsOf */.Yz)(name))
            lines.push(`  output ${output.name}: ${output.description}`);
        lines.push(`  example: ${EXAMPLES[name]}`, '');
    }
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/interrupt.ts
var interrupt = __nccwpck_require__(8476);
;// CONCATENATED MODULE: ./src/runtime/inputs.ts
/**
 * Reads an input the way the runner passes it: `INPUT_IMAGES-FILE` for a node action, and
 * `INPUT_IMAGES_FILE` from our composites (a shell cannot export a name with a hyphen).
 */
function envInputReader(env) {
    return (name) => {
        const upper = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
        const value = env[upper] ?? env[upper.replace(/-/g, '_')] ?? '';
        return value.trim();
    };
}

// EXTERNAL MODULE: ./src/speculative/config.ts
var config = __nccwpck_require__(9265);
;// CONCATENATED MODULE: ./src/main.ts








// V8's code cache for the chunks loaded from here on (node >= 22.1; a no-op before): the second
// step of a job starts without compiling the bundle again.
external_node_module_default().enableCompileCache?.();
function isCommand(value) {
    return table/* COMMANDS */.Lo.includes(value);
}
async function main(argv, env) {
    const read = envInputReader(env);
    const args = argv.filter((arg) => arg !== '--help' && arg !== '-h');
    const wantsHelp = args.length !== argv.length;
    // The root action passes no argument and names the command in its `command` input.
    const name = args[0] ?? read(table/* Input */.pd.Command);
    if (wantsHelp || (!name && process.stdin.isTTY)) {
        process.stdout.write(`${helpText(name && isCommand(name) ? name : undefined)}\n`);
        return 0;
    }
    // Loaded only to run a command: --help needs none of the toolkit.
    const [{ loggerFor }, { createExec, stopChildren }, { setOutputs, writeSummary, exportEnvironment }] = await Promise.all([
        __nccwpck_require__.e(/* import() */ 503).then(__nccwpck_require__.bind(__nccwpck_require__, 5503)),
        Promise.all(/* import() */[__nccwpck_require__.e(955), __nccwpck_require__.e(107)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6107)),
        __nccwpck_require__.e(/* import() */ 920).then(__nccwpck_require__.bind(__nccwpck_require__, 6920)),
    ]);
    // A cancelled job gets SIGTERM (a terminal, SIGINT): auth files go and children stop before exit.
    (0,interrupt/* onInterrupt */.nA)(stopChildren);
    const logger = loggerFor(env);
    const exec = createExec(logger);
    // The tool cache (a pinned skopeo) is loaded when a download is asked for.
    const download = async (tool, url, sha256) => (await Promise.all(/* import() */[__nccwpck_require__.e(88), __nccwpck_require__.e(955), __nccwpck_require__.e(80), __nccwpck_require__.e(797)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9797))).pinnedTool(tool, url, sha256);
    try {
        if (!name)
            throw new errors/* ConfigError */.x(`command: missing; one of ${table/* COMMANDS */.Lo.join(', ')}`);
        if (!isCommand(name))
            throw new errors/* ConfigError */.x(`command: "${name}" is not a command; one of ${table/* COMMANDS */.Lo.join(', ')}`);
        const command = await COMMAND_LOADERS[name]();
        const result = await command({ env, logger, read, exec, download });
        setOutputs(result.outputs, env, logger);
        if (result.environment)
            exportEnvironment(result.environment, env, logger);
        if (result.summary)
            await writeSummary(result.summary, env, logger);
        if (result.failure) {
            logger.error(result.failure);
            return 1;
        }
        return 0;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // One annotation per problem: a runner shows each, and act, which does not decode %0A in an
        // annotation, shows them readable.
        if (error instanceof errors/* ConfigErrors */.m && error.problems.length > 1)
            for (const line of [`${error.heading}:`, ...error.problems])
                logger.error(line);
        else
            logger.error(message);
        if (!(error instanceof errors/* ConfigError */.x) && error instanceof Error && error.cause)
            logger.debug(String(error.cause));
        return 1;
    }
}
/** This process is the speculative registry `use` leaves running for the job's later steps (docs/speculative.md). */
const serving = process.argv[2] === config/* SERVE_ARGUMENT */.m;
// The speculative registry handles its own signals (it logs why it stops).
if (!serving)
    for (const [signal, code] of [
        ['SIGTERM', 143],
        ['SIGINT', 130],
    ]) {
        process.once(signal, () => {
            (0,interrupt/* interrupted */.VM)();
            process.exit(code);
        });
    }
async function serveRegistry() {
    await (await Promise.all(/* import() */[__nccwpck_require__.e(227), __nccwpck_require__.e(955), __nccwpck_require__.e(315), __nccwpck_require__.e(433), __nccwpck_require__.e(183)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6183))).serveSpeculativeRegistry();
    return 0;
}
(serving ? serveRegistry() : main(process.argv.slice(2), process.env)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
});

