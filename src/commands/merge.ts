import { loginOf, vendorCredentialOf } from '../config/credentials.js';
import { ConfigErrors } from '../config/errors.js';
import type { UploadInputs } from '../config/upload-inputs.js';
import type { Logger } from '../logger.js';
import type { ChangeInfo } from '../platform/change.js';
import { sha256 } from '../registry/digest.js';
import type { Manifest, ManifestHead } from '../registry/client.js';
import { isIndex, parseJson, platformMatches, type Descriptor, type IndexJson } from '../registry/manifest.js';
import { isIndexType, MediaType } from '../registry/media-types.js';
import { refName } from '../registry/reference.js';
import { RegistrySession } from '../registry/session.js';
import { TagDeleter } from '../registry/tag-delete/tag-deleter.js';
import { verifyTags } from '../registry/verify.js';
import type { CommandContext, CommandResult } from './types.js';
import { planUploads, platformTag, type PushTarget, type UploadMode } from './upload-plan.js';
import { uploadReport, type UploadedImageReport } from './upload-report.js';

/** One image's index, assembled from its platforms' pushes. */
interface Assembled {
  readonly target: PushTarget;
  readonly index: Pick<Manifest, 'bytes' | 'mediaType' | 'digest'>;
  /** Per-platform tags found (deleted once the index is in place). */
  readonly platformTags: readonly string[];
}

/**
 * The merge job of a split build: for every image, one index of the platform jobs' pushes (a
 * platform pushed by no job this time keeps the child the last merge put there: re-running one
 * platform job replaces only that platform), pushed under the mode's tags, then the per-platform
 * tags deleted. Every image is assembled before anything is pushed: a platform missing anywhere
 * stops the merge with nothing changed. (docs/runners.md, "Split builds: one platform per runner")
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
  const explicit = new Map(targets.flatMap((t) => (loginOf(t.credential) ? [[t.registry, loginOf(t.credential)!] as const] : [])));
  const session = new RegistrySession({ logger, transport: inputs.transport, credentials: { explicit, env, exec: context.exec } });
  try {
    const assembled = await session.all(targets, (target) => assemble(session, target, change.prefix));
    const problems = assembled.flatMap((a) => (typeof a === 'string' ? [a] : []));
    if (problems.length) throw new ConfigErrors(problems.map((p) => `nothing was merged: ${p}`));
    const ready = assembled as Assembled[];
    const uploaded: UploadedImageReport[] = [];
    for (const { target, index } of ready) {
      const client = session.client(target.registry);
      const skipped: string[] = [];
      for (const tag of target.tags) {
        if ((await client.headManifest(target.repository, tag))?.digest === index.digest) skipped.push(tag);
        else await client.putManifest(target.repository, tag, index);
      }
      await verifyTags(client, target.repository, target.tags, index.digest, 'after the merge');
      logger.info(`${refName(target)}: ${index.digest} (${target.image.platforms.join(', ')}) as ${target.tags.join(', ')}`);
      uploaded.push({
        repository: target.image.repository,
        tags: target.tags.map((tag) => refName(target, tag)),
        image_id: index.digest,
        platforms: target.image.platforms,
        change: change.change ?? null,
        digest: index.digest,
        refs: target.tags.map((tag) => refName(target, tag)),
        skipped,
      });
    }
    await deletePlatformTags(session, inputs, ready, logger, env);
    return uploadReport(mode, change, targets, uploaded);
  } finally {
    session.close();
  }
}

/**
 * One HEAD per platform tag; the current index is read only when a platform was not pushed this
 * time. A string says what is missing and which job should have pushed it.
 */
async function assemble(session: RegistrySession, target: PushTarget, prefix: string): Promise<Assembled | string> {
  const client = session.client(target.registry);
  const { image } = target;
  const tags = image.platforms.map((platform) => platformTag(prefix, image, platform));
  const heads = await Promise.all(tags.map((tag) => client.headManifest(target.repository, tag)));
  const children = new Map<string, Descriptor>();
  for (const [i, platform] of image.platforms.entries()) {
    const head = heads[i];
    if (head) children.set(platform, await childOf(session, target, tags[i], head, platform));
  }
  if (children.size < image.platforms.length) {
    const current = await client.headManifest(target.repository, target.tags[0]);
    const index = current && (await client.getManifest(target.repository, target.tags[0]));
    const previous = index && isIndex(index.mediaType, index.bytes) ? parseJson<IndexJson>(index.bytes, 'index').manifests : [];
    for (const platform of image.platforms) {
      const child = previous.find((m) => platformMatches(platform, m.platform));
      if (!children.has(platform) && child) children.set(platform, child);
    }
  }
  const missing = image.platforms.filter((platform) => !children.has(platform));
  if (missing.length)
    return (
      `images[${image.index}] ${refName(target)}: no ${missing.join(', ')} image: ` +
      missing.map((p) => `the upload job with platform: ${p} did not push ${platformTag(prefix, image, p)}`).join('; ')
    );
  const manifests = image.platforms.map((platform) => children.get(platform)!);
  const docker = manifests.every((m) => m.mediaType === MediaType.DockerManifest);
  const mediaType = docker ? MediaType.DockerManifestList : MediaType.OciIndex;
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }));
  return { target, index: { bytes, mediaType, digest: sha256(bytes) }, platformTags: tags.filter((_, i) => heads[i]) };
}

/** The index entry for a platform's push: its manifest, with the platform it was built for. */
async function childOf(
  session: RegistrySession,
  target: PushTarget,
  tag: string,
  head: ManifestHead,
  platform: string,
): Promise<Descriptor> {
  const [os, architecture, variant] = platform.split('/');
  if (!isIndexType(head.mediaType)) {
    return { mediaType: head.mediaType, digest: head.digest, size: head.size, platform: { os, architecture, ...(variant && { variant }) } };
  }
  // An engine that pushed a list (buildx with attestations): its entry for this platform.
  const list = await session.client(target.registry).getManifest(target.repository, tag);
  const child = parseJson<IndexJson>(list.bytes, `index ${tag}`).manifests.find((m) => platformMatches(platform, m.platform));
  if (!child) throw new Error(`${refName(target, tag)} holds no ${platform} image`);
  return child;
}

/** The per-platform tags go once the index is in place; a deletion that fails is a warning: the merge is done. */
async function deletePlatformTags(
  session: RegistrySession,
  inputs: UploadInputs,
  ready: readonly Assembled[],
  logger: Logger,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const deleter = new TagDeleter({
    session,
    env,
    vendorCredential: (registry) => vendorCredentialOf(inputs.credentials, registry),
  });
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
