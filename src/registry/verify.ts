import type { RegistryClient } from './client.js';
import { refName } from './reference.js';

/**
 * Checks that every tag resolves to `digest` (one HEAD each); the error names the first that
 * does not, and what it holds. `when` says after what (`after the copy`).
 */
export async function verifyTags(
  client: RegistryClient,
  repository: string,
  tags: readonly string[],
  digest: string,
  when: string,
): Promise<void> {
  const heads = await Promise.all(tags.map((tag) => client.headManifest(repository, tag)));
  tags.forEach((tag, i) => {
    if (heads[i]?.digest !== digest) {
      throw new Error(`${refName(client.ref(repository), tag)} resolves to ${heads[i]?.digest ?? 'nothing'} ${when}, not ${digest}`);
    }
  });
}
