import { readCredentialFor, loginOf, type CredentialsMap } from '../config/inputs/credentials.js';
import { withAuthFile, type AuthEntry } from '../engines/auth-file.js';
import { dockerAuthVars, linkCliPlugins } from '../engines/docker-config.js';
import { isPlainHttp, parseReference, refName } from '../registry/reference.js';
import type { CommandContext } from './types.js';
import type { Resolution } from './use-resolve.js';

/** The engines of the runner whose local image store later steps use. */
export type LocalStore = 'docker' | 'podman';

/** docker when its daemon answers, podman when it is installed (buildah shares its store). */
export async function localStores(context: CommandContext): Promise<LocalStore[]> {
  const answers = async (file: string, args: string[]) =>
    (await context.exec(file, args, { allowFailure: true }).catch(() => ({ code: 127 }))).code === 0;
  const stores: LocalStore[] = [];
  if (await answers('docker', ['version', '--format', '{{.Server.Version}}'])) stores.push('docker');
  if (await answers('podman', ['--version'])) stores.push('podman');
  return stores;
}

/**
 * Each speculative image pulled by digest into the store and tagged with its final reference:
 * `docker run`, compose, `docker build` FROM, `podman run`, `buildah bud` FROM then find it
 * locally and do not pull the release (their default pull policy takes a local image).
 */
export async function tagLocally(
  context: CommandContext,
  stores: readonly LocalStore[],
  resolutions: readonly Resolution[],
  access: { credentials: CredentialsMap; insecureRegistries: readonly string[] },
): Promise<void> {
  const pinned = resolutions.map((r) => {
    const at = parseReference(r.speculative);
    return { ...r, registry: at.registry, pinned: refName(at, r.digest) };
  });
  const entries: AuthEntry[] = [];
  for (const { registry } of pinned) {
    const login = loginOf(readCredentialFor(access.credentials, registry));
    if (login?.username && login.password !== undefined && !entries.some((e) => e.registry === registry))
      entries.push({ registry, username: login.username, password: login.password });
  }
  await withAuthFile(entries, async (authFile) => {
    for (const store of stores) {
      for (const image of pinned) {
        if (store === 'docker') {
          const env = authFile ? { ...context.env, ...dockerAuthVars(context.env, authFile) } : context.env;
          if (authFile) linkCliPlugins(context.env, env.DOCKER_CONFIG!);
          await context.exec('docker', ['pull', '--quiet', image.pinned], { env });
          await context.exec('docker', ['tag', image.pinned, image.reference], { env });
        } else {
          const plain = isPlainHttp(image.registry, access.insecureRegistries);
          const flags = [...(authFile ? ['--authfile', authFile] : []), ...(plain ? ['--tls-verify=false'] : [])];
          await context.exec('podman', ['pull', '--quiet', ...flags, image.pinned], { env: context.env });
          await context.exec('podman', ['tag', image.pinned, image.reference], { env: context.env });
        }
        context.logger.info(`${store}: ${image.reference} is now ${image.speculative} (${image.digest})`);
      }
    }
  });
}
