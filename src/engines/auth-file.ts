import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnInterrupt } from '../interrupt.js';

export interface AuthEntry {
  readonly registry: string;
  readonly username: string;
  readonly password: string;
}

/**
 * Runs `use` with a docker-format auth file (config.json, also read by podman, buildah and
 * skopeo) holding only these credentials: 0600 inside a 0700 directory, removed whatever
 * happens, so no secret reaches argv or outlives the step. No entries: no file.
 */
export async function withAuthFile<T>(entries: readonly AuthEntry[], use: (authFile: string | undefined) => Promise<T>): Promise<T> {
  if (entries.length === 0) return use(undefined);
  const dir = await mkdtemp(join(tmpdir(), 'cia-auth-'));
  const file = join(dir, 'config.json');
  // A SIGTERM (a cancelled job) must not leave the file behind either.
  const unregister = removeOnInterrupt(dir);
  try {
    const auths = Object.fromEntries(
      entries.map((e) => [e.registry, { auth: Buffer.from(`${e.username}:${e.password}`).toString('base64') }]),
    );
    await writeFile(file, JSON.stringify({ auths }), { mode: 0o600 });
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
    unregister();
  }
}
