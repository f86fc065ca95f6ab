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
}

/** podman and buildah: `push` / `manifest push --all`, the digest written to a file. */
export function ociPushArgs(spec: PushSpec): string[] {
  const args = spec.multiPlatform ? ['manifest', 'push', '--all'] : ['push'];
  if (spec.insecure) args.push('--tls-verify=false');
  if (spec.authFile) args.push('--authfile', spec.authFile);
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
