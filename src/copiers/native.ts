import { copyImage } from '../registry/copy.js';
import type { RegistrySession } from '../registry/session.js';
import type { CopyOutcome, CopyRequest, ImageCopier } from './copier.js';

/** Copies through the registry core, within the run's session (its logins, connections and limits). */
export function nativeCopier(session: RegistrySession): ImageCopier {
  return {
    name: 'native',
    async copy(request: CopyRequest): Promise<CopyOutcome> {
      const result = await copyImage(session, request.from, request.to, {
        source: request.source,
        knownChanged: true,
        tags: request.tags,
        platforms: request.platforms,
        onBytes: request.onBytes,
      });
      if (result.digest !== request.digest) throw new Error(`copied as ${result.digest}, not the planned ${request.digest}`);
      return {
        bytesMoved: result.bytesMoved,
        detail: `${result.blobsCopied} blobs copied, ${result.blobsMounted} mounted, ${result.blobsSkipped} already there`,
      };
    },
  };
}
