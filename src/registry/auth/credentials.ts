import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { noExec, type Exec } from '../../exec.js';

/** The docker client's own configuration directory: DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
}

/**
 * The repositories a login is for (`registry/repository` names, as the credentials map writes
 * them): the client sends it for no other, and writes to no other.
 */
export interface RepositoryScope {
  /** The pattern as the user wrote it, for error messages. */
  readonly source: string;
  admits(name: string): boolean;
}

/** What a registry login needs: a password, or an identity (refresh) token. */
export interface Credential {
  readonly username?: string;
  readonly password?: string;
  readonly refreshToken?: string;
  readonly repositories?: RepositoryScope;
}

export interface CredentialStoreOptions {
  /** Explicit credentials first (the registry-credentials input), keyed by registry. */
  readonly explicit?: ReadonlyMap<string, Credential>;
  readonly env?: NodeJS.ProcessEnv;
  /** Called with every secret the moment it is read. */
  readonly onSecret?: (secret: string) => void;
  readonly exec?: Exec;
}

interface AuthFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** docker writes Docker Hub's entry under its v1 URL. */
function authKeys(registry: string): string[] {
  if (['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(registry)) {
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  }
  return [registry, `https://${registry}`, `http://${registry}`];
}

/**
 * Finds credentials the way the engines do: the registry-credentials input, then docker's
 * config (`auths`, `credHelpers`, `credsStore`), then podman's auth.json.
 */
export class CredentialStore {
  readonly #options: CredentialStoreOptions;
  readonly #cache = new Map<string, Promise<Credential | undefined>>();

  constructor(options: CredentialStoreOptions = {}) {
    this.#options = options;
  }

  /** The repositories the registry's explicit login is restricted to, if it is. */
  repositoryScope(registry: string): RepositoryScope | undefined {
    return this.#options.explicit?.get(registry)?.repositories;
  }

  get(registry: string): Promise<Credential | undefined> {
    let found = this.#cache.get(registry);
    if (!found) {
      found = this.#lookup(registry).then((credential) => {
        for (const secret of [credential?.password, credential?.refreshToken]) if (secret) this.#options.onSecret?.(secret);
        return credential;
      });
      this.#cache.set(registry, found);
    }
    return found;
  }

  async #lookup(registry: string): Promise<Credential | undefined> {
    const explicit = this.#options.explicit?.get(registry);
    if (explicit) return explicit;
    const env = this.#options.env ?? process.env;
    const dockerDir = dockerConfigDir(env);
    const podmanFile = env.REGISTRY_AUTH_FILE || (env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json') : undefined);
    for (const file of [join(dockerDir, 'config.json'), podmanFile]) {
      if (!file || !existsSync(file)) continue;
      const found = await this.#fromAuthFile(file, registry);
      if (found) return found;
    }
    return undefined;
  }

  async #fromAuthFile(file: string, registry: string): Promise<Credential | undefined> {
    let config: AuthFile;
    try {
      config = JSON.parse(readFileSync(file, 'utf8')) as AuthFile;
    } catch {
      return undefined;
    }
    const keys = authKeys(registry);
    const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean);
    if (helper) return this.#fromHelper(helper, keys[0]);
    for (const key of keys) {
      const entry = config.auths?.[key];
      if (!entry) continue;
      if (entry.identitytoken) return { username: entry.username, refreshToken: entry.identitytoken };
      if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
      }
      if (entry.username && entry.password) return { username: entry.username, password: entry.password };
    }
    if (config.credsStore) return this.#fromHelper(config.credsStore, keys[0]);
    return undefined;
  }

  /** `docker-credential-<name> get`, the server on stdin; `<token>` as user means an identity token. */
  async #fromHelper(name: string, server: string): Promise<Credential | undefined> {
    const run = this.#options.exec ?? noExec;
    const result = await run(`docker-credential-${name}`, ['get'], { input: server, allowFailure: true });
    if (result.code !== 0) return undefined;
    const parsed = JSON.parse(result.stdout) as { Username?: string; Secret?: string };
    if (!parsed.Secret) return undefined;
    if (parsed.Username === '<token>') return { refreshToken: parsed.Secret };
    return { username: parsed.Username, password: parsed.Secret };
  }
}
