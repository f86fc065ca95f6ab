import { readFile } from 'node:fs/promises';
import type { Logger } from '../logger.js';
import { buildCommands, buildxBuildArgs, buildxLoadArgs, dockerBuildArgs, dockerCacheCommands } from './build-args.js';
import type { BuildSpec, BuiltImage, EngineName } from './build-spec.js';
import { buildxBuilder, type BuildxBuilder } from './buildx-builder.js';
import { engineCapabilities, type EngineCapabilities } from './capabilities.js';
import { ExecError, noExec, type Exec } from '../exec.js';
import type { EnginePlan, EngineStep } from './plan.js';
import { buildxPushArgs, buildxPushedDigest, dockerPushArgs, dockerPushedDigest, ociPushArgs, type PushSpec } from './push-args.js';
import { dockerAuthVars, linkCliPlugins } from './docker-config.js';
import { isTransientEngineFailure } from './transient.js';

export interface EngineOptions {
  /** Binary to run; defaults to the engine's name on PATH. */
  readonly binary?: string;
  readonly exec?: Exec;
  /** The runner's environment. */
  readonly env: NodeJS.ProcessEnv;
  /** What the run sets on top of it for every engine call: build-extra-env, a registries.conf. */
  readonly setEnv?: Readonly<Record<string, string>>;
  readonly logger: Logger;
}

/** Outputs of a plan's steps, by their `capture` names. */
type Captured = Readonly<Record<string, string>>;

/**
 * One container engine: plans the processes that build and push an image (what dry-run prints)
 * and runs exactly those plans.
 */
export abstract class ContainerEngine {
  abstract readonly name: EngineName;
  protected readonly exec: Exec;
  protected readonly env: NodeJS.ProcessEnv;
  protected readonly logger: Logger;
  readonly #setEnv: Readonly<Record<string, string>>;
  readonly #binary?: string;

  constructor(options: EngineOptions) {
    this.exec = options.exec ?? noExec;
    this.#setEnv = options.setEnv ?? {};
    this.env = { ...options.env, ...this.#setEnv };
    this.logger = options.logger;
    this.#binary = options.binary;
  }

  get binary(): string {
    return this.#binary ?? this.name;
  }

  get capabilities(): EngineCapabilities {
    return engineCapabilities(this.name);
  }

  /** Every process that builds `spec` into the local store, in order. */
  abstract buildPlan(spec: BuildSpec): EnginePlan;

  /**
   * Removes these local names once pushed (an image goes with its last name); a name that is not
   * there (a build that was pushed, not loaded) is no error. Returns the names removed.
   */
  async removeLocal(refs: readonly string[]): Promise<string[]> {
    const removed: string[] = [];
    for (const ref of refs) {
      const result = await this.exec(this.binary, await this.removeArgs(ref), { env: this.env, allowFailure: true });
      if (result.code === 0) removed.push(ref);
    }
    return removed;
  }

  /** `rmi`, spelt the same by docker, podman and buildah. */
  protected async removeArgs(ref: string): Promise<string[]> {
    return ['rmi', ref];
  }

  /** Every process that pushes a built image (every platform of a manifest list) to `spec.destination`. */
  abstract pushPlan(spec: PushSpec): EnginePlan;

  protected abstract builtImage(spec: BuildSpec, captured: Captured): Promise<BuiltImage>;
  protected abstract pushedDigest(spec: PushSpec, captured: Captured): Promise<string>;

  async build(spec: BuildSpec): Promise<BuiltImage> {
    return this.builtImage(spec, await this.execute(this.buildPlan(spec)));
  }

  /** Pushes a built image; returns the digest pushed. A failure of the registry or the network is marked retryable. */
  async push(spec: PushSpec): Promise<string> {
    let captured: Captured;
    try {
      captured = await this.execute(this.pushPlan(spec));
    } catch (error) {
      if (error instanceof ExecError && isTransientEngineFailure(error)) throw Object.assign(error, { retryable: true });
      throw error;
    }
    return this.pushedDigest(spec, captured);
  }

  protected plan(steps: readonly EngineStep[]): EnginePlan {
    return { binary: this.binary, envKeys: Object.keys(this.#setEnv).sort(), steps };
  }

  /** Makes what a step's environment points at ready (docker's plugins in the run's DOCKER_CONFIG). */
  protected prepare(step: EngineStep): void {
    void step;
  }

  /** Runs a plan's steps in order; output lines stream into the log, failures keep the engine's last stderr lines. */
  private async execute(plan: EnginePlan): Promise<Captured> {
    const captured: Record<string, string> = {};
    for (const step of plan.steps) {
      if (step.onlyIf && !(await this.succeeds(plan.binary, step.onlyIf))) continue;
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
      if (code !== 0) this.logger.info(step.failureNote ?? `${plan.binary} ${step.argv.join(' ')} failed`);
      else if (step.capture) captured[step.capture] = stdout;
    }
    return captured;
  }

  private lineSink(step: EngineStep): ((line: string) => void) | undefined {
    const output = step.output ?? (step.role === 'read' ? 'none' : 'info');
    if (output === 'none') return undefined;
    return output === 'debug' ? (line) => this.logger.debug(line) : (line) => this.logger.info(line);
  }

  private async succeeds(binary: string, args: readonly string[]): Promise<boolean> {
    try {
      return (await this.exec(binary, args, { env: this.env, allowFailure: true })).code === 0;
    } catch (error) {
      if (error instanceof ExecError) return false;
      throw error;
    }
  }
}

/** Reads the local image's platform after a single-platform build. */
const inspectStep = (args: string[]): EngineStep => ({ argv: args, role: 'read', capture: 'image' });

export class DockerEngine extends ContainerEngine {
  readonly name = 'docker';
  #builder?: BuildxBuilder;

  /** buildx and its current builder: one look per run, the builder does not change between the images of a list. */
  get builder(): BuildxBuilder {
    this.#builder ??= buildxBuilder(this.env);
    return this.#builder;
  }

  override get capabilities(): EngineCapabilities {
    const buildx = this.builder.installed;
    return { ...super.capabilities, multiPlatform: buildx, attestations: buildx };
  }

  buildPlan(spec: BuildSpec): EnginePlan {
    // Cache logins (the only credentials a build gets) reach buildx's registry cache this way.
    const auth = spec.authFile ? dockerAuthVars(this.env, spec.authFile) : undefined;
    const inspect = inspectStep(['image', 'inspect', spec.tags[0]]);
    if (spec.platforms.length > 0) {
      this.requireBuildx(
        `a multi-platform image (${spec.platforms.join(', ')}) needs docker buildx, which this docker does not have: ` +
          'install the buildx plugin (docker/setup-buildx-action), ' +
          'or use container-command: podman or buildah, which build every platform with qemu',
      );
      return this.plan([{ argv: buildxBuildArgs(spec), cwd: spec.contextDir, env: auth }]);
    }
    const { driver } = this.builder;
    // A builder outside the daemon (setup-buildx-action's docker-container, remote): --load, buildx's registry cache.
    if (driver !== undefined && driver !== 'docker')
      return this.plan([{ argv: buildxLoadArgs(spec), cwd: spec.contextDir, env: auth }, inspect]);
    const cache = dockerCacheCommands(spec);
    return this.plan([
      ...cache.before.map((argv): EngineStep => ({
        argv,
        env: auth,
        onFailure: 'continue',
        failureNote: `no build cache yet at ${argv[1]}: building without it`,
        output: 'none',
      })),
      { argv: dockerBuildArgs(spec), cwd: spec.contextDir },
      inspect,
      // The image is built: a cache that cannot be written costs the next build time, not this one.
      ...cache.after.map((argv): EngineStep => ({
        argv,
        env: auth,
        onFailure: 'stop',
        failureNote: `build cache not written: docker ${argv.join(' ')} failed`,
        output: 'debug',
      })),
    ]);
  }

  pushPlan(spec: PushSpec): EnginePlan {
    const auth = spec.authFile ? dockerAuthVars(this.env, spec.authFile) : undefined;
    if (spec.build && spec.build.platforms.length > 0) {
      // docker keeps no multi-platform image locally: its buildx build runs again (every step cached) with --push.
      this.requireBuildx(
        'pushing a multi-platform image needs docker buildx: install the buildx plugin, or use container-command: podman or buildah',
      );
      return this.plan([{ argv: buildxPushArgs(spec.build, spec.destination, spec.digestFile), cwd: spec.build.contextDir, env: auth }]);
    }
    return this.plan(dockerPushArgs(spec).map((argv) => ({ argv, env: auth, ...(argv[0] === 'push' && { capture: 'push' }) })));
  }

  protected override prepare(step: EngineStep): void {
    if (step.env?.DOCKER_CONFIG) linkCliPlugins(this.env, step.env.DOCKER_CONFIG);
  }

  protected async builtImage(spec: BuildSpec, captured: Captured): Promise<BuiltImage> {
    const platforms = spec.platforms.length > 0 ? spec.platforms : [platformOfInspect(captured.image)];
    return { imageId: await readId(spec.iidFile), platforms };
  }

  protected async pushedDigest(spec: PushSpec, captured: Captured): Promise<string> {
    if (spec.build && spec.build.platforms.length > 0) {
      const digest = buildxPushedDigest(await readFile(spec.digestFile, 'utf8'));
      if (!digest) throw new ExecError('docker', 0, [], `docker buildx pushed ${spec.destination} without reporting its digest`);
      return digest;
    }
    const digest = dockerPushedDigest(captured.push ?? '');
    if (!digest) throw new ExecError('docker', 0, [], `docker push ${spec.destination} did not report the digest it pushed`);
    return digest;
  }

  private requireBuildx(why: string): void {
    if (!this.builder.installed) throw new ExecError('docker', undefined, [], why);
  }
}

/** podman and buildah share flags and storage; they differ in a few sub-commands. */
abstract class OciEngine extends ContainerEngine {
  buildPlan(spec: BuildSpec): EnginePlan {
    const [build, ...tagging] = buildCommands(this.name, spec, hostPlatform());
    const ref = spec.tags[0];
    if (spec.platforms.length === 0) return this.plan([{ argv: build, cwd: spec.contextDir }, inspectStep(this.inspectArgs(ref))]);
    return this.plan([
      // --manifest appends to an existing list: a rebuild would mix old and new platforms.
      { argv: ['manifest', 'rm', ref], onlyIf: ['manifest', 'exists', ref], output: 'none' },
      { argv: ['rmi', ref], onlyIf: ['image', 'exists', ref], output: 'none' },
      { argv: build, cwd: spec.contextDir },
      ...tagging.map((argv): EngineStep => ({ argv, output: 'none' })),
      { argv: ['manifest', 'inspect', ref], role: 'read', capture: 'list' },
      { argv: this.listIdArgs(ref), role: 'read', capture: 'id' },
    ]);
  }

  pushPlan(spec: PushSpec): EnginePlan {
    return this.plan([{ argv: ociPushArgs(spec) }]);
  }

  /** A multi-platform build's first name is a manifest list, which `rmi` does not take. */
  protected override async removeArgs(ref: string): Promise<string[]> {
    const list = await this.exec(this.binary, ['manifest', 'exists', ref], { env: this.env, allowFailure: true });
    return list.code === 0 ? ['manifest', 'rm', ref] : ['rmi', ref];
  }

  protected async builtImage(spec: BuildSpec, captured: Captured): Promise<BuiltImage> {
    if (spec.platforms.length === 0) return { imageId: await readId(spec.iidFile), platforms: [platformOfInspect(captured.image)] };
    return { imageId: withAlgorithm(this.listId(captured.id)), platforms: platformsOfList(captured.list) };
  }

  protected async pushedDigest(spec: PushSpec): Promise<string> {
    const digest = (await readFile(spec.digestFile, 'utf8')).trim();
    if (!/^sha256:[a-f0-9]{64}$/.test(digest))
      throw new ExecError(this.name, 0, [], `${this.name} push ${spec.destination} wrote no digest`);
    return digest;
  }

  protected abstract inspectArgs(ref: string): string[];
  protected abstract listIdArgs(ref: string): string[];
  /** The list's id from the output of listIdArgs. */
  protected abstract listId(output: string): string;
}

export class PodmanEngine extends OciEngine {
  readonly name = 'podman';

  protected inspectArgs(ref: string): string[] {
    return ['image', 'inspect', ref];
  }

  protected listIdArgs(ref: string): string[] {
    return ['image', 'inspect', '--format', '{{.Id}}', ref];
  }

  protected listId(output: string): string {
    return output.trim();
  }
}

export class BuildahEngine extends OciEngine {
  readonly name = 'buildah';

  protected inspectArgs(ref: string): string[] {
    // buildah and podman share the image store; podman's inspect has the simpler shape.
    return ['inspect', '--type', 'image', ref];
  }

  protected listIdArgs(ref: string): string[] {
    return ['images', '--no-trunc', '--json', ref];
  }

  protected listId(output: string): string {
    const [image] = JSON.parse(output) as { id: string }[];
    return image.id;
  }
}

/** Platforms of a local manifest list (`manifest inspect`), as os/arch[/variant]. */
function platformsOfList(json: string): string[] {
  const list = JSON.parse(json) as { manifests?: { platform?: { os: string; architecture: string; variant?: string } }[] };
  return (list.manifests ?? []).flatMap((m) =>
    m.platform ? [[m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/')] : [],
  );
}

/** os/arch[/variant] from `docker|podman image inspect` (a list) or `buildah inspect` (an object). */
function platformOfInspect(json: string): string {
  const parsed = JSON.parse(json) as unknown;
  const image = (Array.isArray(parsed) ? parsed[0] : parsed) as {
    Os?: string;
    Architecture?: string;
    Variant?: string;
    OCIv1?: { os?: string; architecture?: string; variant?: string };
  };
  const os = image.Os ?? image.OCIv1?.os;
  const arch = image.Architecture ?? image.OCIv1?.architecture;
  const variant = image.Variant ?? image.OCIv1?.variant;
  return [os, arch, variant].filter(Boolean).join('/');
}

async function readId(iidFile: string): Promise<string> {
  return withAlgorithm((await readFile(iidFile, 'utf8')).trim());
}

function withAlgorithm(id: string): string {
  return id.includes(':') ? id : `sha256:${id}`;
}

const NODE_TO_OCI_ARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ppc64: 'ppc64le',
  s390x: 's390x',
  ia32: '386',
  riscv64: 'riscv64',
};

/** The platform this runner builds for when an image names none, as os/arch. */
export function hostPlatform(): string {
  return `${process.platform}/${NODE_TO_OCI_ARCH[process.arch] ?? process.arch}`;
}

export function createEngine(name: EngineName, options: EngineOptions): ContainerEngine {
  switch (name) {
    case 'docker':
      return new DockerEngine(options);
    case 'podman':
      return new PodmanEngine(options);
    case 'buildah':
      return new BuildahEngine(options);
  }
}
