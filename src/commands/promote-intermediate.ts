import { ConfigErrors } from '../config/errors.js';
import type { ImageSpec } from '../config/image-list.js';
import type { PromoteInputs } from '../config/promote-inputs.js';
import type { ChangeInfo } from '../platform/change.js';
import { copyImage } from '../registry/copy.js';
import { readImageConfig } from '../registry/image-config.js';
import { parseReference } from '../registry/reference.js';
import { withRetry } from '../registry/retry.js';
import type { CleanupTarget, PromotionRun } from './promotion.js';
import { intermediateRepository } from './upload-plan.js';

const REVISION_LABEL = 'org.opencontainers.image.revision';

/** The source of each tag: the gate's artifact, else the deterministic intermediate name. */
function sourceFor(inputs: PromoteInputs, image: ImageSpec, tag: string, prefix: string): string | undefined {
  const artifact = inputs.artifacts?.find(
    (a) =>
      (a.metadata?.repository ?? a.name.slice(0, a.name.lastIndexOf(':'))) === image.repository &&
      (a.metadata?.tag ?? a.name.slice(a.name.lastIndexOf(':') + 1)) === tag,
  );
  if (artifact) return artifact.url.slice('docker://'.length);
  if (inputs.intermediate) return `${inputs.intermediate.registry}/${intermediateRepository(inputs.intermediate, image)}:${prefix}_${tag}`;
  return undefined;
}

export async function fromIntermediate(run: PromotionRun, change: ChangeInfo, revisions: readonly string[]): Promise<CleanupTarget[]> {
  const { session, inputs, outcome, logger } = run;
  const { prefix } = change;
  const retry = <T>(what: string, step: () => Promise<T>) => withRetry(what, step, session.retry, logger);
  const problems: string[] = [];
  const copies: { image: ImageSpec; source: string; registry: string; repository: string; digest: string }[] = [];
  // Every source is found and checked before anything is copied.
  for (const image of inputs.images) {
    const sources = image.tags.map((tag) => sourceFor(inputs, image, tag, prefix));
    if (sources.some((s) => !s)) {
      problems.push(
        `${image.repository}: no artifact for ${image.tags.filter((_, i) => !sources[i]).join(', ')}, and no ` +
          `intermediate-registry to look in`,
      );
      continue;
    }
    const heads = await Promise.all(
      sources.map(async (source) => {
        const ref = parseReference(source!);
        return retry(`HEAD ${source}`, () => session.client(ref.registry).headManifest(ref.path, ref.tag ?? 'latest'));
      }),
    );
    const missing = sources.filter((_, i) => !heads[i]);
    if (missing.length) {
      problems.push(`${image.repository}: missing in the intermediate registry: ${missing.join(', ')}`);
      continue;
    }
    const digests = new Set(heads.map((h) => h!.digest));
    if (digests.size > 1) {
      problems.push(`${image.repository}: its intermediate tags point at different images (${[...digests].join(', ')})`);
      continue;
    }
    const [digest] = digests;
    const recorded = inputs.artifacts?.find((a) => a.metadata?.repository === image.repository)?.metadata?.digest;
    if (recorded && recorded !== digest) {
      problems.push(`${image.repository}: the intermediate image is ${digest}, not the ${recorded} the gate uploaded`);
      continue;
    }
    const source = parseReference(sources[0]!);
    if (revisions.length > 0) {
      const revision = (await retry(`config of ${sources[0]}`, () => readImageConfig(session.client(source.registry), source.path, digest)))
        .labels[REVISION_LABEL];
      if (revision && !revisions.includes(revision)) {
        problems.push(
          `${image.repository}: the intermediate image was built from ${revision}, not the pull request's head ` +
            `${revisions.join(' or its merge ')}; refusing to promote it`,
        );
        continue;
      }
    }
    copies.push({ image, source: sources[0]!, registry: source.registry, repository: source.path, digest });
  }
  if (problems.length) throw new ConfigErrors(problems.map((p) => `nothing was promoted: ${p}`));

  for (const copy of copies) {
    for (const tag of copy.image.tags) outcome.plan.push(`${copy.image.repository}:${tag} <- ${copy.source} (${copy.digest})`);
    if (inputs.dryRun) continue;
    const result = await logger.group(`Promote ${copy.image.repository} from ${copy.registry}`, () =>
      copyImage(
        session,
        { registry: copy.registry, repository: copy.repository },
        { registry: copy.image.reference.registry, repository: copy.image.reference.path },
        { source: copy.digest, tags: copy.image.tags },
      ),
    );
    const copied = `copied (${result.blobsCopied} blobs, ${result.blobsMounted} mounted, ${result.blobsSkipped} already there)`;
    logger.info(`${copy.image.repository}: ${result.status === 'unchanged' ? 'already promoted' : copied}`);
    for (const tag of copy.image.tags)
      outcome.promoted.push({
        repository: copy.image.repository,
        tag,
        digest: copy.digest,
        from: copy.source,
        status: result.status === 'unchanged' ? 'in-place' : 'moved',
      });
  }
  return copies.map((c) => ({ registry: c.registry, repository: c.repository }));
}
