import { ConfigErrors } from '../config/errors.js';
import type { UploadInputs } from '../config/readers/upload.js';
import type { Logger } from '../logger.js';
import type { ChangeInfo } from '../platform/change.js';
import { sha256 } from '../registry/digest.js';
import type { Manifest, RegistryClient } from '../registry/client.js';
import { RegistryError } from '../registry/errors.js';
import { readPlatformImage, WrongPlatformError } from '../registry/image-config.js';
import { isIndex, parseJson, platformMatches, type Descriptor, type IndexJson } from '../registry/manifest.js';
import { MediaType } from '../registry/media-types.js';
import { refName } from '../registry/reference.js';
import type { RegistrySession } from '../registry/session.js';
import type { TagDeleter } from '../registry/tag-delete/tag-deleter.js';
import { verifyTags } from '../registry/verify.js';
import { openRunSession } from './run-session.js';
import { recordChange } from './record-change.js';
import type { CommandContext, CommandResult } from './types.js';
import { planUploads, platformTag, type PushTarget, type UploadMode } from './upload-plan.js';
import { uploadReport, type UploadedImageReport } from './upload-report.js';

/** A platform no job pushed this time, taken from the index already under the image's first tag. */
interface Reused {
  readonly platform: string;
  readonly digest: string;
  readonly from: string;
}

/** One image's index, assembled from its platforms' pushes. */
interface Assembled {
  readonly target: PushTarget;
  readonly index: Pick<Manifest, 'bytes' | 'mediaType' | 'digest'>;
  /** Per-platform tags found (deleted once the index is in place). */
  readonly platformTags: readonly string[];
  readonly reused: readonly Reused[];
}

/** What the merge reports of one image: the upload's report, and the children it did not get from a push. */
interface MergedImageReport extends UploadedImageReport {
  readonly reused: readonly Reused[];
}

/**
 * The merge job of a split build: for every image, one index of the platform jobs' pushes, each
 * child read and its config checked against the platform it is published as, pushed under the
 * mode's tags, then the per-platform tags deleted. A platform pushed by no job this time keeps the
 * child the last merge put there (re-running one platform job replaces only that platform), except
 * in a release, where that child is the previous release's: there only with merge-reuse-missing.
 * Every image is assembled before anything is pushed: a platform missing or wrong anywhere stops
 * the merge with nothing changed. (docs/runners.md, "Split builds: one platform per runner")
 */
export async function mergeUploads(
  context: CommandContext,
  inputs: UploadInputs,
  change: ChangeInfo,
  mode: UploadMode,
): Promise<CommandResult> {
  const { env, logger } = context;
  const unsplit = inputs.images.filter((image) => image.platforms.length === 0);
  if (unsplit.length)
    throw new ConfigErrors(unsplit.map((image) => `images[${image.index}].arch: required with merge: true (the platforms to assemble)`));
  const targets = planUploads(inputs.images, mode, change.prefix, { intermediate: inputs.intermediate, credentials: inputs.credentials });
  if (inputs.dryRun) return dryRunMerge(targets, change, logger);
  const { session, deleter, close } = openRunSession({
    credentials: inputs.credentials,
    registries: [...targets.map((t) => t.registry), ...(inputs.changes ? [inputs.changes.registry] : [])],
    env,
    exec: context.exec,
    logger,
    transport: inputs.transport,
  });
  const reuse = mode !== 'release' || inputs.mergeReuseMissing;
  try {
    const assembled = await session.all(targets, (target) => assemble(session, target, change.prefix, reuse));
    const problems = assembled.flatMap((a) => (typeof a === 'string' ? [a] : []));
    if (problems.length)
      throw new ConfigErrors(
        problems.map((p) => `nothing was merged: ${p}`),
        'platforms cannot be merged',
      );
    const ready = assembled as Assembled[];
    const uploaded: MergedImageReport[] = [];
    for (const { target, index, reused } of ready) {
      const client = session.client(target.registry);
      const skipped: string[] = [];
      for (const tag of target.tags) {
        if ((await client.headManifest(target.repository, tag))?.digest === index.digest) skipped.push(tag);
        else await client.putManifest(target.repository, tag, index);
      }
      await verifyTags(client, target.repository, target.tags, index.digest, 'after the merge');
      logger.info(`${refName(target)}: ${index.digest} (${target.image.platforms.join(', ')}) as ${target.tags.join(', ')}`);
      for (const r of reused) logger.info(`${refName(target)}: ${r.platform} not pushed this time: reused ${r.digest} from ${r.from}`);
      uploaded.push({
        repository: target.image.repository,
        tags: target.tags.map((tag) => refName(target, tag)),
        image_id: index.digest,
        platforms: target.image.platforms,
        change: change.change ?? null,
        digest: index.digest,
        refs: target.tags.map((tag) => refName(target, tag)),
        skipped,
        reused,
      });
    }
    // The change's record names the merged lists, once all of them are there.
    if (mode !== 'release') await recordChange({ session, logger, env }, inputs.changes, change, targets, uploaded);
    await deletePlatformTags(deleter, ready, logger);
    return withReused(uploadReport(mode, change, targets, uploaded), uploaded);
  } finally {
    close();
  }
}

/**
 * One GET per platform tag, each child read and checked (readPlatformImage); the index under the
 * first tag is read only when a platform was not pushed this time and `reuse` allows taking it from
 * there. A string says what is missing or wrong and which job should push it.
 */
async function assemble(session: RegistrySession, target: PushTarget, prefix: string, reuse: boolean): Promise<Assembled | string> {
  const client = session.client(target.registry);
  const { image } = target;
  const name = `images[${image.index}] ${refName(target)}`;
  const tags = image.platforms.map((platform) => platformTag(prefix, image, platform));
  const pushed = await Promise.all(tags.map((tag) => manifestIfAny(client, target.repository, tag)));
  const children = new Map<string, Descriptor>();
  const wrong: string[] = [];
  for (const [i, platform] of image.platforms.entries()) {
    const manifest = pushed[i];
    if (!manifest) continue;
    const child = await checkedChild(client, target, manifest, refName(target, tags[i]), platform);
    if (typeof child === 'string') wrong.push(`${child} (re-run the upload job with platform: ${platform} on a runner that builds it)`);
    else children.set(platform, child);
  }
  if (wrong.length) return `${name}: ${wrong.join('; ')}`;
  const notPushed = image.platforms.filter((platform) => !children.has(platform));
  const found = reuse ? await reuseMissing(client, target, notPushed) : [];
  if (typeof found === 'string') return `${name}: ${found}`;
  for (const { platform, descriptor } of found) children.set(platform, descriptor);
  const reused = found.map(({ platform, digest, from }) => ({ platform, digest, from }));
  const missing = image.platforms.filter((platform) => !children.has(platform));
  if (missing.length) return `${name}: no ${missing.join(', ')} image: ${missingReason(target, prefix, missing, reuse)}`;
  const manifests = image.platforms.map((platform) => children.get(platform)!);
  const docker = manifests.every((m) => m.mediaType === MediaType.DockerManifest);
  const mediaType = docker ? MediaType.DockerManifestList : MediaType.OciIndex;
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }));
  return { target, index: { bytes, mediaType, digest: sha256(bytes) }, platformTags: tags.filter((_, i) => pushed[i]), reused };
}

/**
 * The children of the index under the first tag for the platforms not pushed this time, each
 * checked as a pushed one is. A string says which one is not what its index claims.
 */
async function reuseMissing(
  client: RegistryClient,
  target: PushTarget,
  missing: readonly string[],
): Promise<(Reused & { descriptor: Descriptor })[] | string> {
  if (missing.length === 0) return [];
  const from = refName(target, target.tags[0]);
  const previous = await manifestIfAny(client, target.repository, target.tags[0]);
  if (!previous || !isIndex(previous.mediaType, previous.bytes)) return [];
  const entries = parseJson<IndexJson>(previous.bytes, `index ${from}`).manifests;
  const reused: (Reused & { descriptor: Descriptor })[] = [];
  for (const platform of missing.filter((p) => entries.some((m) => platformMatches(p, m.platform)))) {
    const descriptor = await checkedChild(client, target, previous, from, platform);
    if (typeof descriptor === 'string') return descriptor;
    reused.push({ platform, digest: descriptor.digest, from, descriptor });
  }
  return reused;
}

/** The descriptor of a platform's image read from its bytes, or what is wrong with it. */
async function checkedChild(
  client: RegistryClient,
  target: PushTarget,
  manifest: Manifest,
  label: string,
  platform: string,
): Promise<Descriptor | string> {
  try {
    return await readPlatformImage(client, target.repository, manifest, label, platform);
  } catch (error) {
    if (error instanceof WrongPlatformError) return error.message;
    throw error;
  }
}

function missingReason(target: PushTarget, prefix: string, missing: readonly string[], reuse: boolean): string {
  const jobs = missing.map((p) => `the upload job with platform: ${p} did not push ${platformTag(prefix, target.image, p)}`).join('; ');
  if (reuse) return jobs;
  return (
    `${jobs}; a release merge does not take a platform from the release already under ${refName(target, target.tags[0])} ` +
    'unless merge-reuse-missing: true'
  );
}

/** A manifest's exact bytes, or undefined where the registry has none under the reference. */
async function manifestIfAny(client: RegistryClient, repository: string, reference: string): Promise<Manifest | undefined> {
  try {
    return await client.getManifest(repository, reference);
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) return undefined;
    throw error;
  }
}

/** The summary names every child a merge reused, with the reference it came from. */
function withReused(result: CommandResult, merged: readonly MergedImageReport[]): CommandResult {
  if (!result.summary || merged.every((m) => m.reused.length === 0)) return result;
  const { summary } = result;
  const cell = (m: MergedImageReport) => m.reused.map((r) => `${r.platform} ${r.digest} from ${r.from}`).join('; ');
  return {
    ...result,
    summary: {
      ...summary,
      headers: [...summary.headers, 'reused (not pushed this time)'],
      rows: summary.rows.map((row, i) => [...row, cell(merged[i])]),
    },
  };
}

/** The per-platform tags go once the index is in place; a deletion that fails is a warning: the merge is done. */
async function deletePlatformTags(deleter: TagDeleter, ready: readonly Assembled[], logger: Logger): Promise<void> {
  for (const { target, platformTags } of ready) {
    for (const tag of platformTags) {
      try {
        const result = await deleter.deleteTag({ registry: target.registry, repository: target.repository }, tag);
        if (result.status === 'left-behind')
          logger.warning(`per-platform tag left behind: ${refName(target, tag)}: ${result.detail ?? ''}`);
      } catch (error) {
        logger.warning(`per-platform tag left behind: ${refName(target, tag)}: ${(error as Error).message}`);
      }
    }
  }
}

function dryRunMerge(targets: readonly PushTarget[], change: ChangeInfo, logger: Logger): CommandResult {
  for (const target of targets) {
    const from = target.image.platforms.map((p) => refName(target, platformTag(change.prefix, target.image, p)));
    logger.info(`${refName(target)}: an index of ${from.join(', ')} -> ${target.tags.join(', ')}`);
  }
  logger.info('dry run: no request was sent');
  return {
    outputs: {
      images: JSON.stringify(targets.map((t) => ({ repository: t.image.repository, pushes: t.tags.map((tag) => refName(t, tag)) }))),
    },
  };
}
