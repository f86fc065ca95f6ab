import { loginOf, vendorCredentialOf, type CredentialsMap } from '../config/inputs/credentials.js';
import type { Exec } from '../exec.js';
import type { Logger } from '../logger.js';
import type { Credential } from '../registry/auth/credentials.js';
import { registryKind } from '../registry/kinds.js';
import { RegistrySession } from '../registry/session.js';
import { TagDeleter } from '../registry/tag-delete/tag-deleter.js';
import type { TransportOptions } from '../registry/transport.js';

export interface RunSessionOptions {
  /** The registry-credentials input: logins, declared registry kinds, vendor API credentials. */
  readonly credentials: CredentialsMap;
  /** Logins that take precedence over the credentials map's own, per registry (mirror's sources and destinations). */
  readonly logins?: ReadonlyMap<string, Credential>;
  /** The registries the run works on, beyond those the credentials name (a well-known host needs no `type`). */
  readonly registries?: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly exec: Exec;
  readonly logger: Logger;
  /** How registries are reached; `maxInFlight`: the user's max-concurrency. */
  readonly transport?: TransportOptions & { readonly maxInFlight?: number };
}

/** What every command shares with the registries for one run. */
export interface RunSession {
  readonly session: RegistrySession;
  /** Removes one tag at a time the safest way each registry allows, with the vendor APIs the credentials open. */
  readonly deleter: TagDeleter;
  /** The logins the session sends, per registry (skopeo gets the same ones). */
  readonly logins: ReadonlyMap<string, Credential>;
  close(): void;
}

/**
 * The one place a run's registry session is built, so every command gets the same logins and
 * vendor quirks: a quirk set for one command and forgotten in another sends another command a
 * token scope its registry refuses.
 */
export function openRunSession(options: RunSessionOptions): RunSession {
  const { credentials, env, exec, logger } = options;
  const logins = new Map([...loginsOf(credentials), ...(options.logins ?? [])]);
  const session = new RegistrySession({
    logger,
    transport: options.transport,
    maxInFlight: options.transport?.maxInFlight,
    credentials: { explicit: logins, env, exec },
    wildcardDeleteRegistries: wildcardDeleteRegistries(credentials, options.registries ?? []),
  });
  const deleter = new TagDeleter({ session, env, vendorCredential: (registry) => vendorCredentialOf(credentials, registry) });
  return { session, deleter, logins, close: () => session.close() };
}

/** The login of every registry-credentials entry that has one. */
function loginsOf(credentials: CredentialsMap): Map<string, Credential> {
  return new Map(
    [...credentials].flatMap(([registry, credential]) => {
      const login = loginOf(credential);
      return login ? [[registry, login] as const] : [];
    }),
  );
}

/**
 * The registries whose token server must be asked for `*` where a DELETE needs `delete`: Quay's
 * refuses tokens naming `delete`. A Quay by its `type` in the credentials, or by its host.
 */
export function wildcardDeleteRegistries(credentials: CredentialsMap, registries: readonly string[]): string[] {
  const all = new Set([...credentials.keys(), ...registries]);
  return [...all].filter((registry) => registryKind(registry, credentials.get(registry)?.type) === 'quay');
}
