import { ConfigError, ConfigErrors } from '../config/errors.js';
import type { UseInputs } from '../config/readers/use.js';
import type { ChangeInfo } from '../platform/change.js';
import type { ChangeFacts } from '../platform/forge-changes.js';
import { parseReference, refName } from '../registry/reference.js';
import type { RegistrySession } from '../registry/session.js';
import { readRecord, recordLocation } from './change-record.js';
import { planUploads } from './upload-plan.js';

/** One final reference made to resolve to a change's image. */
export interface Resolution {
  /** The final reference asked for: `quay.io/acme/base:latest`. */
  readonly reference: string;
  /** Where the change's image is, by tag. */
  readonly speculative: string;
  readonly digest: string;
  /** The change's URL (or `owner/name#N`). */
  readonly change: string;
  /** The change's forge repository, `owner/name`. */
  readonly repository: string;
}

/**
 * This change's own images, where its gate put them (the list and the change's prefix give the
 * references; the registry gives the digests). Nothing uploaded yet is an error naming where it
 * looked: `use` runs after the upload.
 */
export async function ownImages(
  session: RegistrySession,
  inputs: UseInputs,
  change: ChangeInfo,
  forgeRepository: string,
): Promise<Resolution[]> {
  if (inputs.images.length === 0) return [];
  const mode = inputs.method === 'intermediate-registry' ? 'intermediate' : 'gate';
  const targets = planUploads(inputs.images, mode, change.prefix, { intermediate: inputs.intermediate, credentials: inputs.credentials });
  const name = change.changeUrl ?? `${forgeRepository}#${change.change ?? change.prefix}`;
  const found = await session.all(
    targets.flatMap((target) => target.tags.map((tag, i) => ({ target, tag, final: target.finalTags[i] }))),
    async ({ target, tag, final }) => {
      const speculative = refName(target, tag);
      const head = await session.client(target.registry).headManifest(target.repository, tag);
      return { speculative, head, reference: `${target.image.repository}:${final}` };
    },
  );
  const missing = found.filter((f) => !f.head).map((f) => f.speculative);
  if (missing.length)
    throw new ConfigErrors(
      missing.map((ref) => `${name}: ${ref} does not exist: run use after the upload of this change's gate (or check)`),
    );
  return found.map((f) => ({
    reference: f.reference,
    speculative: f.speculative,
    digest: f.head!.digest,
    change: name,
    repository: forgeRepository,
  }));
}

/** Each open dependency's images, from its change record; the digest each record names must still be there. */
export async function dependencyImages(session: RegistrySession, inputs: UseInputs, open: readonly ChangeFacts[]): Promise<Resolution[]> {
  if (open.length === 0) return [];
  const changes = inputs.changes;
  if (!changes)
    throw new ConfigError(
      `changes-registry: not set, so the images of ${open.map((c) => c.ref.url).join(', ')} cannot be found; set it to the registry namespace the other repositories' gates record their changes in`,
    );
  const perChange = await session.all(open, async (dependency) => {
    const where = recordLocation(changes, dependency.ref.repository, dependency.ref.number);
    const record = await readRecord(session.client(where.registry), where);
    if (!record)
      throw new ConfigError(
        `${dependency.ref.url}: no change record at ${refName(where, where.tag)}: its gate (or intermediate-mode check) has not uploaded its images yet, or it records them in another changes-registry`,
      );
    return session.all(record.images, async (image) => {
      const at = parseReference(image.speculative);
      const head = await session.client(at.registry).headManifest(at.repository, at.tag ?? image.digest);
      if (head?.digest !== image.digest)
        throw new ConfigError(
          `${dependency.ref.url}: the record ${refName(where, where.tag)} names ${image.speculative} at ${image.digest}, but it ${head ? `holds ${head.digest}` : 'no longer exists'}: re-run that change's gate`,
        );
      return {
        reference: image.reference,
        speculative: image.speculative,
        digest: image.digest,
        change: dependency.ref.url,
        repository: record.repository,
      };
    });
  });
  return perChange.flat();
}

/** Every final reference once: this change's own images win over a dependency's; two dependencies naming one are an error. */
export function merge(own: readonly Resolution[], dependencies: readonly Resolution[]): Resolution[] {
  const byReference = new Map(own.map((r) => [r.reference, r]));
  const problems: string[] = [];
  for (const resolution of dependencies) {
    const known = byReference.get(resolution.reference);
    if (!known) byReference.set(resolution.reference, resolution);
    else if (known.change !== resolution.change && !own.includes(known))
      problems.push(`${resolution.reference} is an image of both ${known.change} and ${resolution.change}: which one to use is unclear`);
  }
  if (problems.length) throw new ConfigErrors(problems, 'images cannot be resolved');
  return [...byReference.values()];
}
