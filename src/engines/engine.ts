import { readFile } from 'node:fs/promises';
import type { Logger } from '../logger.js';
import { buildCommands, dockerCacheCommands } from './build-args.js';
import type { BuildSpec, BuiltImage, EngineName } from './build-spec.js';
import { ExecError, noExec, type Exec } from '../exec.js';
import { buildxPushedDigest, dockerPushedDigest, pushCommands, type PushSpec } from './push-args.js';
import { dockerAuthEnv } from './docker-config.js';

export interface EngineOptions {
  /** Binary to run; defaults to the engine's name on PATH. */
  readonly binary?: string;
  readonly exec?: Exec;
  /** Environment of every engine call (the runner's env plus build-extra-env). */
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
}

/** One container engine: builds images into its local store. */
export abstract class ContainerEngine {
  abstract readonly name: EngineName;
  protected readonly exec: Exec;
  protected readonly env: NodeJS.ProcessEnv;
  protected readonly logger: Logger;
  readonly #binary?: string;

  constructor(options: EngineOptions) {
    this.exec = options.exec ?? noExec;
    this.env = options.env;
    this.logger = options.logger;
    this.#binary = options.binary;
  }

  get binary(): string {
    return this.#binary ?? this.name;
  }

  abstract build(spec: BuildSpec): Promise<BuiltImage>;

  /** Pushes a built image (every platform of a manifest list); returns the digest pushed. */
  abstract push(spec: PushSpec): Promise<string>;

  /** Environment for one push: docker finds credentials through DOCKER_CONFIG. */
  protected pushEnv(spec: PushSpec): NodeJS.ProcessEnv {
    return spec.authFile && this.name === 'docker' ? dockerAuthEnv(this.env, spec.authFile) : this.env;
  }

  /** Runs the engine, streaming its output into the log; failures keep its last stderr lines. */
  protected run(args: readonly string[], cwd?: string, quiet = false, env = this.env) {
    return this.exec(this.binary, args, { cwd, env, onLine: quiet ? undefined : (line) => this.logger.info(line) });
  }

  protected async probe(args: readonly string[]): Promise<boolean> {
    try {
      return (await this.exec(this.binary, args, { env: this.env, allowFailure: true })).code === 0;
    } catch (error) {
      if (error instanceof ExecError) return false;
      throw error;
    }
  }
}

export class DockerEngine extends ContainerEngine {
  readonly name = 'docker';
  #driver?: Promise<string | undefined>;

  async hasBuildx(): Promise<boolean> {
    return this.probe(['buildx', 'version']);
  }

  /**
   * The driver of buildx's current builder (`docker`, `docker-container`, `remote`, …), undefined
   * without buildx. Any driver but `docker` keeps its results out of docker's image store.
   */
  builderDriver(): Promise<string | undefined> {
    // One look per run: the builder does not change between the images of a list.
    this.#driver ??= this.exec(this.binary, ['buildx', 'inspect'], { env: this.env, allowFailure: true }).then(
      ({ code, stdout }) => (code === 0 ? /^Driver:\s+(\S+)/m.exec(stdout)?.[1] : undefined),
      () => undefined,
    );
    return this.#driver;
  }

  async build(spec: BuildSpec): Promise<BuiltImage> {
    // Cache logins (the only credentials a build gets) reach buildx's registry cache this way.
    const env = spec.authFile ? dockerAuthEnv(this.env, spec.authFile) : this.env;
    if (spec.platforms.length > 0) {
      if (!(await this.hasBuildx())) {
        throw new ExecError(
          'docker',
          undefined,
          [],
          `a multi-platform image (${spec.platforms.join(', ')}) needs docker buildx, which this docker does not have: ` +
            'install the buildx plugin (docker/setup-buildx-action), ' +
            'or use container-command: podman or buildah, which build every platform with qemu',
        );
      }
      for (const args of buildCommands('docker', spec, hostPlatform())) await this.run(args, spec.contextDir, false, env);
      return { imageId: await readId(spec.iidFile), platforms: spec.platforms };
    }
    const driver = await this.builderDriver();
    if (driver !== undefined && driver !== 'docker') {
      // A builder outside the daemon (setup-buildx-action's docker-container, remote): --load.
      for (const args of buildCommands('docker', spec, hostPlatform(), { buildxLoad: true }))
        await this.run(args, spec.contextDir, false, env);
      return { imageId: await readId(spec.iidFile), platforms: [await this.hostPlatform(spec.tags[0])] };
    }
    const cache = dockerCacheCommands(spec);
    for (const args of cache.before) {
      const { code } = await this.exec(this.binary, args, { env, allowFailure: true });
      if (code !== 0) this.logger.info(`no build cache yet at ${args[1]}: building without it`);
    }
    for (const args of buildCommands('docker', spec, hostPlatform())) await this.run(args, spec.contextDir);
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

  async push(spec: PushSpec): Promise<string> {
    if (spec.rebuild && spec.rebuild.platforms.length > 0) {
      if (!(await this.hasBuildx()))
        throw new ExecError(
          'docker',
          undefined,
          [],
          'pushing a multi-platform image needs docker buildx: install the buildx plugin, or use container-command: podman or buildah',
        );
      const [args] = pushCommands('docker', spec);
      await this.exec(this.binary, args, {
        cwd: spec.rebuild.contextDir,
        env: this.pushEnv(spec),
        onLine: (line) => this.logger.info(line),
      });
      const digest = buildxPushedDigest(await readFile(spec.digestFile, 'utf8'));
      if (!digest) throw new ExecError('docker', 0, [], `docker buildx pushed ${spec.destination} without reporting its digest`);
      return digest;
    }
    let output = '';
    for (const args of pushCommands('docker', spec)) {
      const result = await this.exec(this.binary, args, { env: this.pushEnv(spec), onLine: (line) => this.logger.info(line) });
      output += result.stdout;
    }
    const digest = dockerPushedDigest(output);
    if (!digest) throw new ExecError('docker', 0, [], `docker push ${spec.destination} did not report the digest it pushed`);
    return digest;
  }

  private async hostPlatform(ref: string): Promise<string> {
    const { stdout } = await this.exec(this.binary, ['image', 'inspect', ref], { env: this.env });
    return platformOfInspect(stdout);
  }
}

/** podman and buildah share flags and storage; they differ in a few sub-commands. */
abstract class OciEngine extends ContainerEngine {
  async build(spec: BuildSpec): Promise<BuiltImage> {
    const [build, ...tagging] = buildCommands(this.name, spec, hostPlatform());
    if (spec.platforms.length === 0) {
      await this.run(build, spec.contextDir);
      return { imageId: await readId(spec.iidFile), platforms: await this.platformsOf(spec.tags[0]) };
    }
    // --manifest appends to an existing list: a rebuild would mix old and new platforms.
    await this.removeExisting(spec.tags[0]);
    await this.run(build, spec.contextDir);
    for (const args of tagging) await this.run(args, undefined, true);
    return { imageId: await this.listId(spec.tags[0]), platforms: await this.platformsOf(spec.tags[0]) };
  }

  async push(spec: PushSpec): Promise<string> {
    const [args] = pushCommands(this.name, spec);
    await this.exec(this.binary, args, { env: this.pushEnv(spec), onLine: (line) => this.logger.info(line) });
    const digest = (await readFile(spec.digestFile, 'utf8')).trim();
    if (!/^sha256:[a-f0-9]{64}$/.test(digest))
      throw new ExecError(this.name, 0, [], `${this.name} push ${spec.destination} wrote no digest`);
    return digest;
  }

  private async removeExisting(ref: string): Promise<void> {
    if (await this.probe(['manifest', 'exists', ref])) {
      await this.run(['manifest', 'rm', ref], undefined, true);
    } else if (await this.probe(['image', 'exists', ref])) {
      await this.run(['rmi', ref], undefined, true);
    }
  }

  /** Platforms of a local image or manifest list, as os/arch[/variant]. */
  private async platformsOf(ref: string): Promise<string[]> {
    if (await this.probe(['manifest', 'exists', ref])) {
      const { stdout } = await this.exec(this.binary, ['manifest', 'inspect', ref], { env: this.env });
      const list = JSON.parse(stdout) as { manifests?: { platform?: { os: string; architecture: string; variant?: string } }[] };
      return (list.manifests ?? []).flatMap((m) =>
        m.platform ? [[m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/')] : [],
      );
    }
    const { stdout } = await this.exec(this.binary, this.inspectArgs(ref), { env: this.env });
    return [platformOfInspect(stdout)];
  }

  protected abstract inspectArgs(ref: string): string[];
  protected abstract listId(ref: string): Promise<string>;
}

export class PodmanEngine extends OciEngine {
  readonly name = 'podman';

  protected inspectArgs(ref: string): string[] {
    return ['image', 'inspect', ref];
  }

  protected async listId(ref: string): Promise<string> {
    const { stdout } = await this.exec(this.binary, ['image', 'inspect', '--format', '{{.Id}}', ref], { env: this.env });
    return withAlgorithm(stdout.trim());
  }
}

export class BuildahEngine extends OciEngine {
  readonly name = 'buildah';

  protected inspectArgs(ref: string): string[] {
    // buildah and podman share the image store; podman's inspect has the simpler shape.
    return ['inspect', '--type', 'image', ref];
  }

  protected async listId(ref: string): Promise<string> {
    const { stdout } = await this.exec(this.binary, ['images', '--no-trunc', '--json', ref], { env: this.env });
    const [image] = JSON.parse(stdout) as { id: string }[];
    return withAlgorithm(image.id);
  }
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
