/**
 * Every action input and output, in one place. The action.yml files, the CLI's --help and the
 * docs are generated from these tables (scripts/gen-actions.ts), so they cannot drift apart.
 */

export const COMMANDS = ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const Input = {
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
} as const;
export type InputName = (typeof Input)[keyof typeof Input];

/** Reads one input's value ('' when not given): from INPUT_* in a run, from a table in tests. */
export type InputReader = (name: InputName) => string;

export const Output = {
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
} as const;
export type OutputName = (typeof Output)[keyof typeof Output];

export interface InputSpec {
  readonly name: InputName;
  readonly description: string;
  readonly default: string;
  readonly commands: readonly CommandName[];
}

export interface OutputSpec {
  readonly name: OutputName;
  readonly description: string;
  readonly commands: readonly CommandName[];
}

const IMAGE_COMMANDS: readonly CommandName[] = ['build', 'upload', 'promote'];
const ENGINE_COMMANDS: readonly CommandName[] = ['build', 'upload'];

export const INPUTS: readonly InputSpec[] = [
  {
    name: Input.Images,
    description:
      "The image list, inline YAML or JSON: Zuul's container_images entries (context, container_filename, registry, repository, path, build_args, target, tags, siblings, labels, arch). Give this or images-file.",
    default: '',
    commands: [...IMAGE_COMMANDS, 'use'],
  },
  {
    name: Input.ImagesFile,
    description:
      'Path (relative to work-dir) of a YAML file holding the image list, or a Zuul vars file with a container_images key. Give this or images.',
    default: '',
    commands: [...IMAGE_COMMANDS, 'use'],
  },
  {
    name: Input.ZuulJob,
    description:
      'When images-file is a Zuul job file (zuul.d/*.yaml): the job whose vars.container_images (or docker_images) to use, following parent: jobs defined in the same file.',
    default: '',
    commands: [...IMAGE_COMMANDS, 'use'],
  },
  {
    name: Input.MetadataTags,
    description:
      "docker/metadata-action's tags output (full references, one per line): each image it names gets exactly those tags instead of its own.",
    default: '',
    commands: IMAGE_COMMANDS,
  },
  {
    name: Input.WorkDir,
    description:
      "Base directory for every context, path, container file, sibling and images-file (Zuul's zuul_work_dir). Empty means the workspace (GITHUB_WORKSPACE, else the current directory).",
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
    description:
      "Container file used when an image has no container_filename. Empty: Containerfile, else Dockerfile, in the image's context.",
    default: '',
    commands: ENGINE_COMMANDS,
  },
  {
    name: Input.Platform,
    description:
      'Build one platform of a split multi-platform build (e.g. linux/arm64 on an arm64 runner): only the images whose arch lists it, as a single-platform image; upload pushes it by digest under a per-platform temporary tag, and a job with merge: true assembles the index. Every image needs arch.',
    default: '',
    commands: ENGINE_COMMANDS,
  },
  {
    name: Input.Merge,
    description:
      "Build nothing: assemble each image's index from the per-platform pushes of the platform jobs (every arch entry must be there), each child read and its config checked against the platform it is published as, push it under the tags of the mode (gate, release or intermediate registry), then delete the per-platform tags. A platform missing is an error naming the job that should have pushed it.",
    default: 'false',
    commands: ['upload'],
  },
  {
    name: Input.MergeReuseMissing,
    description:
      "With merge: true in a release (promote: false): a platform no job pushed this time takes the child of the release already under the image's first tag (checked like a pushed one), reported in the log, the summary and the images output (reused). Without it a platform missing from a release merge is an error. Gate and intermediate merges always take it from the change's own index.",
    default: 'false',
    commands: ['upload'],
  },
  {
    name: Input.Cache,
    description:
      "Use a registry build cache: podman and buildah --layers --cache-from/--cache-to, docker's classic builder pulls the cache image for --cache-from, buildx type=registry. Only events that build trusted code write it (push of a branch or tag, merge_group, schedule, workflow_dispatch, release); every other event (pull requests, workflow_run, issue_comment, repository_dispatch, …) only reads it, since a build of untrusted code writing it would poison later builds.",
    default: 'false',
    commands: ENGINE_COMMANDS,
  },
  {
    name: Input.Attestations,
    description:
      "docker buildx only, images with arch: the attestations BuildKit adds to what it pushes: provenance (mode=min), provenance=max, sbom (BuildKit's scanner image must be reachable), comma separated, or none. Each is pushed as an OCI artifact whose subject is its platform's image, so it travels as a referrer (mirror and promote copy it). Empty: buildx's default (min provenance).",
    default: '',
    commands: ENGINE_COMMANDS,
  },
  {
    name: Input.CacheRepository,
    description:
      "Where the cache lives (a repository, no tag), for every image; empty: each image's own <repository>-cache. Credentials come from registry-credentials.",
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
    description:
      "YAML mapping keyed by registry name, Zuul's container_registry_credentials: username, password, repository (regular expression the repository must fully match), api_token, type. Pass it from a secret.",
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
    description:
      "Registries (host[:port], comma or newline separated) reached over plain HTTP. Loopback registries always are, as docker does; every other registry needs TLS. podman and buildah builds get a registries.conf layered over the user's own that marks exactly these (and the loopback registries the build names) insecure; docker's daemon must list them in its own insecure-registries.",
    default: '',
    commands: ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'],
  },
  {
    name: Input.CaFile,
    description:
      "PEM file of CA certificates trusted, besides the system's, for registries with a private CA: by the registry client, and by podman's and buildah's pulls and pushes (--cert-dir).",
    default: '',
    commands: ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'],
  },
  {
    name: Input.Promote,
    description:
      "Zuul's upload_container_image_promote. true (gate): push only change_<N>_<tag> (or to the intermediate registry), for promote to publish after merge. false (release): push the final tags.",
    default: 'true',
    commands: ['upload'],
  },
  {
    name: Input.PromoteMethod,
    description:
      'tag: the gate pushes change_<N>_<tag> to the final repository. intermediate-registry: the gate pushes to intermediate-registry and nothing goes to the final registry.',
    default: 'tag',
    commands: ['upload', 'promote', 'use'],
  },
  {
    name: Input.IntermediateRegistry,
    description:
      "host[:port][/namespace] the gate pushes to with promote-method intermediate-registry; images go to <intermediate>/<repository path>:<prefix>_<tag>. build: set, a check uploads what it built there too and records the change (Zuul's intermediate-mode check), except for a pull request from a fork, which builds only.",
    default: '',
    commands: ['build', 'upload', 'promote', 'use'],
  },
  {
    name: Input.AllowUntrustedBuilds,
    description:
      'Build and push on pull_request_target, or for a pull request from another repository, although that code could read the registry credentials. Leave false unless the code was reviewed.',
    default: 'false',
    commands: ['upload'],
  },
  {
    name: Input.Artifacts,
    description:
      "promote-method intermediate-registry: the artifacts output of the gate's upload (JSON). Empty: the images are looked up in intermediate-registry under <prefix>_<tag>.",
    default: '',
    commands: ['promote'],
  },
  {
    name: Input.Token,
    description:
      'API token to find the pull request of a pushed commit (GitHub, Gitea, Forgejo). Empty: the GITHUB_TOKEN environment variable.',
    default: '',
    commands: ['promote', 'use'],
  },
  {
    name: Input.Cleanup,
    description:
      'Also delete leaked temporary tags of the promoted repositories: matching cleanup-regex, and older than cleanup-age by the vendor push time, else of a closed pull request (asked with token), else by a plausible image created time.',
    default: 'true',
    commands: ['promote'],
  },
  {
    name: Input.CleanupRegex,
    description:
      'Tags that count as temporary, in RE2 syntax (linear-time matching; no look-around or back-references), matching the whole tag. Empty: ^change_.*$ and ^<event name>_.*$. Tags of the change being promoted never count as leaked.',
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
    description:
      "Validate everything and print the whole plan, changing nothing: build and upload print each image's exact engine commands and every tag they would push, and where, with no engine run and no request sent; promote and mirror print what would move, be deleted or be copied.",
    default: 'false',
    commands: ['build', 'upload', 'promote', 'mirror'],
  },
  {
    name: Input.Referrers,
    description:
      "Copy each image's referrers with it: signatures, SBOMs and attestations (OCI 1.1 referrers API, else the sha256-<hex> fallback index, and cosign's .sig/.att/.sbom tags), referrers of referrers too, digests unchanged. Mirror and promote from an intermediate registry.",
    default: 'true',
    commands: ['promote', 'mirror'],
  },
  {
    name: Input.ReferrerTypes,
    description:
      'Artifact types of the referrers to copy (comma or newline separated, e.g. application/spdx+json, application/vnd.dev.cosign.simplesigning.v1+json); empty: all.',
    default: '',
    commands: ['promote', 'mirror'],
  },
  {
    name: Input.ChangesRegistry,
    description:
      'host[:port][/namespace] that every repository of the organisation shares for change records (e.g. ghcr.io/acme/changes): the upload of a gate records each change there (the final and speculative references and digests), use finds the images of the changes a change depends on there, and the cleanup of promote deletes the records of merged and closed changes. Empty: the intermediate registry in intermediate-registry mode.',
    default: '',
    commands: ['build', 'upload', 'promote', 'use'],
  },
  {
    name: Input.DependsOn,
    description:
      "The changes this one depends on, instead of the Depends-On: lines of its description: pull request URLs, one a line (or Depends-On: lines); none: no dependency. Empty: the description, from the event or the forge's API. For a job whose forge is out of reach, or to test against a change by hand (workflow_dispatch).",
    default: '',
    commands: ['use'],
  },
  {
    name: Input.KeepIntermediate,
    description:
      "promote-method intermediate-registry: keep the change's tags in the intermediate registry after promoting. By default each is deleted once every image is in the final registry (a tag that cannot be is left behind, with a warning).",
    default: 'false',
    commands: ['promote'],
  },
  {
    name: Input.RemoveLocalImages,
    description:
      'Remove the local images the run built and tagged once they are pushed, so they do not pile up run after run on a runner that keeps its disk. auto: on self-hosted runners (RUNNER_ENVIRONMENT self-hosted, and the Gitea and Forgejo runners), off on GitHub-hosted ones and under act. true or false.',
    default: 'auto',
    commands: ['upload'],
  },
  {
    name: Input.RevisionTag,
    description:
      "After a merge, also tag each promoted image sha-<the merged commit's first 12 hex digits>: the tested image stays tagged once later merges move the list's tags on (registries collect untagged images), and promote with release-from finds it with one request. Set it in the promote job of a project that releases by promotion.",
    default: 'false',
    commands: ['promote'],
  },
  {
    name: Input.ReleaseFrom,
    description:
      'change: release by promotion, on a tag push. The image the gate built for the change that merged the tagged commit (found by its org.zuul-ci.change or org.opencontainers.image.revision label in the final repository) gets the release tags, server-side, with every platform and referrer; nothing is built. Empty: promote a merged change.',
    default: '',
    commands: ['promote'],
  },
  {
    name: Input.ReleaseTag,
    description:
      'With release-from: the version released. Empty: the pushed git tag (GITHUB_REF). v1.2.3 gives 1.2.3, and 1.2, 1 and latest each unless a higher release holds it; a pre-release gives only its own tag. metadata-tags, when given, gives the tags instead.',
    default: '',
    commands: ['promote'],
  },
  {
    name: Input.StrictCleanup,
    description:
      'Fail when a temporary tag cannot be deleted. By default that is a warning naming the tag left behind: the release already happened.',
    default: 'false',
    commands: ['promote'],
  },
  {
    name: Input.Mirror,
    description:
      "The mirror list, inline YAML or JSON: Zuul's mirror_container_images_images items (src_repository, src_tag, dest_repository, dest_tag, dest_registry) plus tags, tag_regex, semver, all_tags, platforms, dest_tags. Give this or mirror-file.",
    default: '',
    commands: ['mirror'],
  },
  {
    name: Input.MirrorFile,
    description:
      'Path (relative to work-dir) of a YAML file holding the mirror list, a Zuul vars file with mirror_container_images_images, or (mirror-format: skopeo-sync) a skopeo sync YAML file.',
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
    description:
      "With mirror-format skopeo-sync: registry[/namespace] the images are copied under, like skopeo sync --dest docker. Each copy is named by its source's last path component, as skopeo names it.",
    default: '',
    commands: ['mirror'],
  },
  {
    name: Input.MirrorScoped,
    description:
      "With mirror-format skopeo-sync: name each copy by its source's whole name (registry/path) under mirror-destination, like skopeo sync --scoped.",
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
    description:
      "Pulls to leave of a source registry's quota (Docker Hub's ratelimit-remaining): once the registry says no more than this many are left, the images not yet copied are left undone (status skipped, with the reason) and the run ends without error, rather than failing midway with 429s. Leave room for the copies under way (parallel, each one pull per manifest). Empty: no floor.",
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
    description:
      'With engine: skopeo, on a runner without skopeo: a URL of a static skopeo binary, downloaded once per runner into the tool cache and run only if its sha256 is skopeo-sha256. Empty: skopeo from PATH.',
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
    description:
      'The most requests in flight to one registry (1 to 64). Below it the window adapts: it opens while answers come back as fast as before, and halves on a 429 or 503, on answers slowing down or on refused connections, waiting out Retry-After. Empty: 64, starting at 8. Set it for a registry that caps connections or counts requests.',
    default: '',
    commands: ['build', 'upload', 'promote', 'mirror', 'use', 'doctor'],
  },
  {
    name: Input.Registries,
    description:
      'doctor: the registries to examine, one host[:port]/namespace per line; the namespace is where doctor may write throw-away manifests (under <namespace>/cia-doctor), all of which it removes where the registry allows.',
    default: '',
    commands: ['doctor'],
  },
];

// The flat outputs: what a workflow reads without fromJSON on a list (src/commands/flat-outputs.ts).
const FLAT_OUTPUTS: readonly OutputSpec[] = [
  {
    name: Output.Digest,
    description:
      "The image's digest when the list has one image (else empty): upload and promote the manifest digest the registry holds under its tags; build the local image ID (no manifest exists before a push). Not set by dry-run.",
    commands: IMAGE_COMMANDS,
  },
  {
    name: Output.Digests,
    description:
      'JSON object, repository (with its registry, as in the images output) -> digest, for every image; a repository whose entries hold different digests has one key per full reference instead. Not set by dry-run.',
    commands: IMAGE_COMMANDS,
  },
  {
    name: Output.Tags,
    description:
      'Every full reference (registry/repository:tag), one per line: build the local tags, upload what it pushed, promote the final tags (referrers left out). Not set by dry-run.',
    commands: IMAGE_COMMANDS,
  },
];

export const OUTPUTS: readonly OutputSpec[] = [
  {
    name: Output.Images,
    description:
      'JSON list, one object per image: repository, tags (local references), image_id, platforms, change; upload adds digest (what was pushed), refs (where) and skipped (tags that already held that digest, not pushed again). With dry-run: index, repository, cwd, build and push (engine argv lists) and pushes (every reference it would write). use: one object per final reference made to resolve: reference, speculative, digest, change, repository.',
    commands: ['build', 'upload', 'use'],
  },
  {
    name: Output.Artifacts,
    description:
      'JSON list of Zuul-style artifacts, one per tag pushed to the intermediate registry: name, url (docker://…), metadata {type: container_image, repository, tag, digest, revision}. Pass it to promote.',
    commands: ['upload'],
  },
  ...FLAT_OUTPUTS,
  {
    name: Output.Promoted,
    description:
      "JSON list of the final tags set: repository, tag, digest (what the tag holds), from (the temporary or intermediate reference), status (moved, in-place, or superseded when a concurrent promotion of a newer build won; ownDigest is then this run's build). Referrers copied from an intermediate registry are listed too, with referrer: {subject, artifact_type, via} and tag their cosign tag or digest. Written on failure too.",
    commands: ['promote'],
  },
  {
    name: Output.Deleted,
    description: 'JSON list of the temporary tags deleted (full references), leaked ones included.',
    commands: ['promote'],
  },
  {
    name: Output.LeftBehind,
    description:
      'JSON list of temporary tags that could not be deleted (and cleanups that failed): ref and reason. Each is a warning, not a failure, unless strict-cleanup is set.',
    commands: ['promote'],
  },
  {
    name: Output.Mirrored,
    description:
      'JSON list, one object per destination tag: src, dest, digest, status (copied, unchanged, failed, or skipped when rate-limit-floor left it undone), bytes (moved), error (for failed and skipped ones, planning failures included); then each referrer (signature, SBOM, attestation) with referrer: {subject, artifact_type, via} and status copied, unchanged, or planned in a dry run. Written on failure too.',
    commands: ['mirror'],
  },
  {
    name: Output.RegistriesConf,
    description:
      "use: the registries.conf that makes podman, buildah and skopeo get the change's images from the job's speculative registry; the job's later steps have it as CONTAINERS_REGISTRIES_CONF.",
    commands: ['use'],
  },
  {
    name: Output.Registries,
    description:
      'doctor: JSON list, one object per registry: registry, reachable, vendor (distribution, gitea, docker-hub, quay, ghcr, harbor, gitlab, ecr, gar, acr or unknown), auth (none, basic, bearer), tag-delete (safe, destructive, no), digest-delete, referrers-api, blob-mount, chunked-upload, http2 (booleans), promote (how promote would remove one temporary tag there), written (whether the namespace took the probe manifest), left-behind (what doctor wrote and could not remove), problem (why something could not be measured) and notes.',
    commands: ['doctor'],
  },
  {
    name: Output.DigestFile,
    description: "Path of a file with a line `sha256:… docker://dest:tag` per mirrored tag (skopeo's --digestfile format).",
    commands: ['mirror'],
  },
];

export function inputsOf(command: CommandName): InputSpec[] {
  return INPUTS.filter((input) => input.commands.includes(command));
}

export function outputsOf(command: CommandName): OutputSpec[] {
  return OUTPUTS.filter((output) => output.commands.includes(command));
}

export const COMMAND_SUMMARIES: Record<CommandName, string> = {
  build: 'Build every image of the list with docker, podman or buildah (the check pipeline).',
  upload: 'Build and push: temporary change_<N>_<tag> tags in gate, final tags on release, or to an intermediate registry.',
  promote: 'After merge: move change_<N>_<tag> to the final tags server-side and delete the temporary tags.',
  mirror: 'Copy images between registries with every platform and digest preserved.',
  doctor:
    'Tell what each registry supports (vendor, auth, one-tag deletion, referrers API, blob mount, chunked upload, HTTP/2) and how promote would remove a temporary tag there; leaves nothing behind.',
  use: "In a job after the gate's upload: this change's final image references, and those of the changes it depends on (Depends-On:), resolve to their speculative images for docker, podman and buildah in the job's later steps.",
};

export const IMPLEMENTED: ReadonlySet<CommandName> = new Set(COMMANDS);
