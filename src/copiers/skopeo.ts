import type { Credential } from '../registry/auth/credentials.js';
import { isPlainHttp, refName } from '../registry/reference.js';
import { withAuthFile, type AuthEntry } from '../engines/auth-file.js';
import { ExecError, noExec, type Exec } from '../exec.js';
import type { RegistrySession } from '../registry/session.js';
import { verifyTags } from '../registry/verify.js';
import type { CopyOutcome, CopyRequest, ImageCopier } from './copier.js';

export interface SkopeoImage {
  /** host[:port] */
  readonly registry: string;
  readonly repository: string;
  /** Tag or digest. */
  readonly reference: string;
}

export interface SkopeoCopyOptions {
  /** Copy only the host platform instead of every platform (`--all` is the default). */
  readonly single?: boolean;
  /** Write `sha256:…` of the copied image here (skopeo's --digestfile). */
  readonly digestFile?: string;
  readonly retryTimes?: number;
}

export interface SkopeoOptions {
  readonly binary?: string;
  readonly exec?: Exec;
  readonly env?: NodeJS.ProcessEnv;
  /** Plain-HTTP registries besides loopback ones. */
  readonly insecureRegistries?: readonly string[];
  /** A registry's certs.d-style directory of CA files, where it has one. */
  readonly certDir?: (registry: string) => string | undefined;
  /** Credentials per registry, written to a 0600 auth file that lives as long as one call. */
  readonly credential?: (registry: string) => Promise<Credential | undefined>;
}

export const dockerRef = (image: SkopeoImage) => `docker://${refName(image, image.reference)}`;

/** `skopeo copy` argv: every platform, digests preserved, TLS checks off only where allowed. */
export function skopeoCopyArgs(
  src: SkopeoImage,
  dst: SkopeoImage,
  authFile: string | undefined,
  tls: { insecure: (registry: string) => boolean; certDir?: (registry: string) => string | undefined },
  options: SkopeoCopyOptions = {},
): string[] {
  const args = ['copy'];
  if (!options.single) args.push('--all');
  args.push('--preserve-digests');
  if (authFile) args.push('--authfile', authFile);
  for (const [side, image] of [
    ['src', src],
    ['dest', dst],
  ] as const) {
    if (tls.insecure(image.registry)) args.push(`--${side}-tls-verify=false`);
    const certDir = tls.certDir?.(image.registry);
    if (certDir) args.push(`--${side}-cert-dir`, certDir);
  }
  if (options.digestFile) args.push('--digestfile', options.digestFile);
  if (options.retryTimes) args.push('--retry-times', String(options.retryTimes));
  args.push(dockerRef(src), dockerRef(dst));
  return args;
}

export const INSTALL_HINT =
  'install skopeo (Debian/Ubuntu: apt-get install skopeo), or give the mirror action skopeo-url and skopeo-sha256 to ' +
  'download a pinned binary';

/** skopeo for users who choose `engine: skopeo`: copy, inspect and list-tags through it. */
export class Skopeo {
  readonly #options: SkopeoOptions;
  readonly #exec: Exec;

  constructor(options: SkopeoOptions = {}) {
    this.#options = options;
    this.#exec = options.exec ?? noExec;
  }

  get binary(): string {
    return this.#options.binary ?? 'skopeo';
  }

  isInsecure = (registry: string): boolean => isPlainHttp(registry, this.#options.insecureRegistries ?? []);

  async copy(src: SkopeoImage, dst: SkopeoImage, options: SkopeoCopyOptions = {}): Promise<void> {
    await this.#withAuthFile([src.registry, dst.registry], (authFile) =>
      this.#run(skopeoCopyArgs(src, dst, authFile, { insecure: this.isInsecure, certDir: this.#options.certDir }, options)),
    );
  }

  async inspectRaw(image: SkopeoImage): Promise<Buffer> {
    const { stdout } = await this.#withAuthFile([image.registry], (authFile) =>
      this.#run(['inspect', '--raw', ...this.#common(image.registry, authFile), dockerRef(image)]),
    );
    // skopeo prints the raw manifest bytes unchanged (no trailing newline added).
    return Buffer.from(stdout, 'utf8');
  }

  async listTags(registry: string, repository: string): Promise<string[]> {
    const { stdout } = await this.#withAuthFile([registry], (authFile) =>
      this.#run(['list-tags', ...this.#common(registry, authFile), `docker://${refName({ registry, repository })}`]),
    );
    return (JSON.parse(stdout) as { Tags?: string[] }).Tags ?? [];
  }

  #common(registry: string, authFile: string | undefined): string[] {
    const certDir = this.#options.certDir?.(registry);
    return [
      ...(authFile ? ['--authfile', authFile] : []),
      ...(this.isInsecure(registry) ? ['--tls-verify=false'] : []),
      ...(certDir ? ['--cert-dir', certDir] : []),
    ];
  }

  async #run(args: string[]) {
    try {
      return await this.#exec(this.binary, args, { env: this.#options.env });
    } catch (error) {
      if (error instanceof ExecError && error.code === undefined && /not found/.test(error.message)) {
        throw new ExecError('skopeo', undefined, [], `skopeo was not found (${this.binary}): ${INSTALL_HINT}`);
      }
      throw error;
    }
  }

  async #withAuthFile<T>(registries: readonly string[], run: (authFile: string | undefined) => Promise<T>): Promise<T> {
    const entries: AuthEntry[] = [];
    for (const registry of new Set(registries)) {
      const credential = await this.#options.credential?.(registry);
      if (credential?.username && credential.password !== undefined)
        entries.push({ registry, username: credential.username, password: credential.password });
    }
    return withAuthFile(entries, run);
  }
}

/**
 * Copies with `skopeo copy`, once per destination tag, each checked through the run's session
 * afterwards: skopeo says nothing of what the destination ended up holding.
 */
export function skopeoCopier(skopeo: Skopeo, session: RegistrySession): ImageCopier {
  return {
    name: 'skopeo',
    async copy(request: CopyRequest): Promise<CopyOutcome> {
      if (request.platforms?.length) throw new Error('platforms subsets need engine: native');
      const { from, to, digest } = request;
      for (const tag of request.tags.length ? request.tags : [digest]) {
        await skopeo.copy({ ...from, reference: digest }, { ...to, reference: tag }, { retryTimes: 3 });
        await verifyTags(session.client(to.registry), to.repository, [tag], digest, 'after skopeo copy');
      }
      return { bytesMoved: 0, detail: 'with skopeo' };
    },
  };
}
