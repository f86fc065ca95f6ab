import { buildxEpoch, buildxOutput, commonFlags } from './build-args.js';
import type { BuildSpec } from './build-spec.js';

/** How one push reaches its registry. */
export interface PushSpec {
  /** The local image (or manifest list) to push. */
  readonly source: string;
  /** `registry/repository:tag` to push to. */
  readonly destination: string;
  /** Push a local manifest list with every platform in it. */
  readonly multiPlatform: boolean;
  /** Plain HTTP / no certificate check (loopback and insecure-registries only). */
  readonly insecure: boolean;
  /** An auth file (docker config.json format) holding only this run's credentials. */
  readonly authFile?: string;
  /** Where the engine writes the digest it pushed. */
  readonly digestFile: string;
  /** CA files podman and buildah trust besides the system's (ca-file). */
  readonly certDir?: string;
  /** How the image was built: an engine that keeps no multi-platform image locally (docker) builds it again with --push. */
  readonly build?: BuildSpec;
}

/** `docker buildx build --push`: every platform as one index; buildx writes the digest to a metadata file. */
export function buildxPushArgs(spec: BuildSpec, destination: string, metadataFile: string): string[] {
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
export function buildxPushedDigest(metadata: string): string | undefined {
  const digest = (JSON.parse(metadata) as Record<string, unknown>)['containerimage.digest'];
  return typeof digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined;
}

/** podman and buildah: `push` / `manifest push --all`, the digest written to a file. */
export function ociPushArgs(spec: PushSpec): string[] {
  const args = spec.multiPlatform ? ['manifest', 'push', '--all'] : ['push'];
  if (spec.insecure) args.push('--tls-verify=false');
  if (spec.authFile) args.push('--authfile', spec.authFile);
  if (spec.certDir) args.push('--cert-dir', spec.certDir);
  args.push('--digestfile', spec.digestFile, spec.source, `docker://${spec.destination}`);
  return args;
}

/** docker: tag (when the destination name differs), then push; credentials via DOCKER_CONFIG. */
export function dockerPushArgs(spec: PushSpec): string[][] {
  const steps: string[][] = [];
  if (spec.source !== spec.destination) steps.push(['tag', spec.source, spec.destination]);
  steps.push(['push', spec.destination]);
  return steps;
}

/** `docker push` prints `<tag>: digest: sha256:… size: N` when it is done. */
export function dockerPushedDigest(output: string): string | undefined {
  return /digest: (sha256:[a-f0-9]{64})/.exec(output)?.[1];
}
