import { credentialFor, loginOf } from '../config/credentials.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import type { ImageSpec } from '../config/image-list.js';
import { readPromoteInputs, type PromoteInputs } from '../config/promote-inputs.js';
import type { Logger } from '../logger.js';
import { readEvent, type ChangeInfo } from '../platform/change.js';
import { changeForPromote, changeStateLookup } from '../platform/pull-request.js';
import { copyImage } from '../registry/copy.js';
import { readImageConfig } from '../registry/image-config.js';
import { registryKind } from '../registry/kinds.js';
import { parseReference } from '../registry/reference.js';
import { withRetry } from '../registry/retry.js';
import { RegistrySession } from '../registry/session.js';
import { TagDeleter, type TagDeletion } from '../registry/tag-delete/tag-deleter.js';
import { vendorTagTime } from '../registry/tag-delete/tag-times.js';
import { defaultCleanupPattern, findLeakedTags } from './cleanup.js';
import { CHANGE_LABEL, planTagPromotion, type ReadyPromotion } from './promote-plan.js';
import type { CommandContext, CommandResult } from './types.js';
import { intermediateRepository } from './upload-plan.js';

export interface PromotedTag {
  readonly repository: string;
  readonly tag: string;
  readonly digest: string;
  readonly from: string;
  /**
   * `moved`; `in-place` when a previous run already set it; `superseded` when a promotion of a
   * newer build of the same repository ran at the same time and won: `digest` is then what the
   * tag really holds, `ownDigest` what this run promoted.
   */
  readonly status: 'moved' | 'in-place' | 'superseded';
  readonly ownDigest?: string;
}

interface LeftBehind {
  readonly ref: string;
  readonly reason: string;
}

interface Outcome {
  promoted: PromotedTag[];
  deleted: string[];
  leftBehind: LeftBehind[];
  /** What would happen, for dry-run. */
  plan: string[];
}

const REVISION_LABEL = 'org.opencontainers.image.revision';

export async function promote(context: CommandContext): Promise<CommandResult> {
  const { env, logger } = context;
  const inputs = readPromoteInputs(context.read, env, (secret) => logger.mask(secret));
  const { change, revisions, skip } = await changeForPromote(env, readEvent(env), inputs.change, inputs.token, logger);
  if (skip) {
    logger.info(skip);
    return { outputs: { promoted: '[]', deleted: '[]', 'left-behind': '[]' } };
  }
  // Credentials are checked before any request.
  const problems: string[] = [];
  for (const image of inputs.images) {
    try {
      credentialFor(inputs.credentials, image.reference.registry, image.repository);
      if (inputs.method === 'intermediate-registry' && inputs.intermediate)
        credentialFor(
          inputs.credentials,
          inputs.intermediate.registry,
          `${inputs.intermediate.registry}/${intermediateRepository(inputs.intermediate, image)}`,
        );
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length) throw new ConfigErrors([...new Set(problems)]);

  const explicit = new Map(
    [...inputs.credentials].flatMap(([registry, c]) => {
      const login = loginOf(c);
      return login ? [[registry, login] as const] : [];
    }),
  );
  const session = new RegistrySession({
    logger,
    transport: inputs.transport,
    credentials: { explicit, env, exec: context.exec },
    wildcardDeleteRegistries: [...inputs.credentials.values()]
      .filter((c) => registryKind(c.registry, c.type) === 'quay')
      .map((c) => c.registry),
  });
  const deleter = new TagDeleter({
    session,
    env,
    vendorCredential: (registry) => {
      const c = inputs.credentials.get(registry);
      return c && { type: c.type, username: c.username, password: c.password, apiToken: c.apiToken, apiUrl: c.apiUrl };
    },
  });
  const outcome: Outcome = { promoted: [], deleted: [], leftBehind: [], plan: [] };
  let failure: string | undefined;
  try {
    logger.info(
      `promoting change ${change.change} (${change.prefix}_<tag>) by ${inputs.method}${inputs.dryRun ? ' (dry run: nothing changes)' : ''}`,
    );
    const cleanupTargets =
      inputs.method === 'tag'
        ? await byTag(session, deleter, inputs, change.prefix, change.change, outcome, logger)
        : await fromIntermediate(session, inputs, change.prefix, revisions, outcome, logger);
    if (inputs.cleanup) await cleanup({ session, deleter, inputs, outcome, logger, env }, cleanupTargets, change);
    for (const left of outcome.leftBehind) logger.warning(`temporary tag left behind: ${left.ref}: ${left.reason}`);
    for (const probe of deleter.leftoverProbes) logger.warning(`probe tag left behind: ${probe}`);
  } catch (error) {
    // The outputs still say what was done before the failure.
    failure = (error as Error).message;
  } finally {
    session.close();
  }
  if (inputs.dryRun) logger.info(`dry run, nothing changed. The plan:\n  ${outcome.plan.join('\n  ') || 'nothing to do'}`);
  if (!failure && inputs.strictCleanup && outcome.leftBehind.length > 0) {
    failure =
      `strict-cleanup: ${outcome.leftBehind.length} temporary tag(s) could not be deleted: ` +
      `${outcome.leftBehind.map((l) => l.ref).join(', ')}`;
  }
  return {
    outputs: {
      promoted: JSON.stringify(outcome.promoted),
      deleted: JSON.stringify(outcome.deleted),
      'left-behind': JSON.stringify(outcome.leftBehind),
    },
    summary: {
      title: inputs.dryRun ? `Promotion plan for change ${change.change} (dry run)` : `Promoted change ${change.change}`,
      headers: ['final tag', 'digest', 'from', 'status'],
      rows: [
        ...outcome.promoted.map((p) => [`${p.repository}:${p.tag}`, p.digest, p.from, p.status]),
        ...outcome.deleted.map((d) => [d, '', '', 'deleted']),
        ...outcome.leftBehind.map((l) => [l.ref, '', '', `left behind: ${l.reason}`]),
        ...(inputs.dryRun ? outcome.plan.map((p) => [p, '', '', 'planned']) : []),
      ],
    },
    failure,
  };
}

/** What one promotion run works with. */
interface PromotionRun {
  readonly session: RegistrySession;
  readonly deleter: TagDeleter;
  readonly inputs: PromoteInputs;
  readonly outcome: Outcome;
  readonly logger: Logger;
  readonly env: NodeJS.ProcessEnv;
}

/** Repositories whose leaked temporary tags the cleanup looks at. */
type CleanupTarget = { registry: string; repository: string };

async function byTag(
  session: RegistrySession,
  deleter: TagDeleter,
  inputs: PromoteInputs,
  prefix: string,
  change: number | undefined,
  outcome: Outcome,
  logger: Logger,
): Promise<CleanupTarget[]> {
  const retry = <T>(what: string, step: () => Promise<T>) => withRetry(what, step, session.retry, logger);
  // Every image is checked before any tag moves: all of a change's images move, or none does.
  const planned = await session.all(inputs.images, (image) =>
    retry(`read tags of ${image.repository}`, () => planTagPromotion(session, image, prefix, change)),
  );
  const problems = planned.flatMap((p) => (p.kind === 'problem' ? [p.problem] : []));
  if (problems.length) throw new ConfigErrors(problems.map((p) => `nothing was promoted: ${p}`));
  const plans = settleUnlabelled(planned as ReadyPromotion[], logger);

  for (const plan of plans) {
    const ref = `${plan.registry}/${plan.repository}`;
    if (plan.alreadyPromoted) logger.info(`${plan.image.repository}: already promoted (${plan.digest})`);
    for (const tag of plan.moves) outcome.plan.push(`${ref}:${tag} <- ${prefix}_${tag} (${plan.digest})`);
    for (const tag of plan.temporary) outcome.plan.push(`delete ${ref}:${tag}`);
  }
  if (inputs.dryRun) return targetsOf(plans);
  // Every image's final tags move before any temporary tag goes: a failure stops the others
  // (session.all) with every temporary tag still in place, so a re-run simply completes. Images
  // go side by side; the per-registry limit bounds the requests.
  const moved = await session.all(plans, (plan) => moveTags(session, plan, prefix, logger));
  // Reported in the order of the image list, whatever order they finished in.
  moved.forEach((tags) => outcome.promoted.push(...tags));
  const settled = await session.all(plans, async (plan) => {
    const own: Outcome = { promoted: [], deleted: [], leftBehind: [], plan: [] };
    await deleteTemporary(deleter, plan, own, session.signal, logger);
    return { own, onTags: await verifyFinalTags(session, plan, change, logger) };
  });
  settled.forEach(({ own, onTags }, i) => {
    outcome.deleted.push(...own.deleted);
    outcome.leftBehind.push(...own.leftBehind);
    if (onTags !== plans[i].digest) supersede(outcome.promoted, plans[i], onTags);
  });
  return targetsOf(plans);
}

const targetsOf = (plans: readonly ReadyPromotion[]): CleanupTarget[] =>
  plans.map((p) => ({ registry: p.registry, repository: p.repository }));

/**
 * An image whose temporary tags are all gone and whose final tags hold one image without a
 * change label is promoted already when another image of the same change still has its
 * temporary tags: the change was gated, and only a run cut short between its deletions leaves
 * this. Alone, it stays an error: nothing shows it is this change's image.
 */
function settleUnlabelled(plans: readonly ReadyPromotion[], logger: Logger): ReadyPromotion[] {
  const gated = plans.some((p) => p.temporary.length > 0 && !p.unlabelled);
  const unsettled = plans.filter((p) => p.unlabelled && !gated);
  if (unsettled.length) throw new ConfigErrors(unsettled.map((p) => `nothing was promoted: ${p.image.repository}: ${p.unlabelled}`));
  for (const plan of plans.filter((p) => p.unlabelled))
    logger.info(
      `${plan.image.repository}: its temporary tags are gone and its final tags hold ${plan.digest}: promoted by an earlier ` +
        `run of this change`,
    );
  return [...plans];
}

function supersede(promoted: PromotedTag[], plan: ReadyPromotion, onTags: string): void {
  promoted.forEach((p, i) => {
    if (p.repository === plan.image.repository && p.digest === plan.digest && plan.image.tags.includes(p.tag)) {
      promoted[i] = { ...p, digest: onTags, status: 'superseded', ownDigest: plan.digest };
    }
  });
}

/**
 * Temporary tags go once the final tags hold the image; each deletion is guarded, so a registry
 * that deletes the manifest with the tag gets it put back on the final tags. A deletion that
 * fails is a tag left behind, never a failed release: the final tags have moved.
 */
async function deleteTemporary(
  deleter: TagDeleter,
  plan: ReadyPromotion,
  outcome: Outcome,
  signal: AbortSignal,
  logger: Logger,
): Promise<void> {
  const guard = { tags: plan.image.tags, manifest: plan.manifest };
  for (const tag of plan.temporary) {
    const ref = { registry: plan.registry, repository: plan.repository };
    try {
      record(await deleter.deleteTag(ref, tag, guard), outcome);
    } catch (error) {
      if (signal.aborted) throw error;
      logger.debug(`deleting ${plan.registry}/${plan.repository}:${tag}: ${(error as Error).message}`);
      outcome.leftBehind.push({ ref: `${plan.registry}/${plan.repository}:${tag}`, reason: (error as Error).message });
    }
  }
}

/** Puts the planned manifest on every final tag that does not hold it yet: no layer moves. */
export async function moveTags(session: RegistrySession, plan: ReadyPromotion, prefix: string, logger: Logger): Promise<PromotedTag[]> {
  const client = session.client(plan.registry);
  const retry = <T>(what: string, step: () => Promise<T>) => withRetry(what, step, session.retry, logger);
  const ref = `${plan.registry}/${plan.repository}`;
  const promoted: PromotedTag[] = [];
  // The same bytes, whatever their media type: an index moves with all its platforms, server-side.
  for (const tag of plan.moves) {
    // The registry answers with the digest it stored: checked against the planned one.
    const stored = await retry(`PUT ${ref}:${tag}`, () => client.putManifest(plan.repository, tag, plan.manifest));
    if (stored !== plan.digest) throw new Error(`${ref}:${tag} was stored as ${stored}, not ${plan.digest}`);
    promoted.push({ repository: plan.image.repository, tag, digest: plan.digest, from: `${ref}:${prefix}_${tag}`, status: 'moved' });
    logger.info(`${ref}:${tag} -> ${plan.digest}`);
  }
  for (const tag of plan.inPlace)
    promoted.push({ repository: plan.image.repository, tag, digest: plan.digest, from: `${ref}:${prefix}_${tag}`, status: 'in-place' });
  return promoted;
}

/**
 * Checked again after the deletions; returns the digest the final tags hold. A final tag that
 * vanished (a registry deleting more than the tag asked for) is put back from the bytes held. A
 * promotion of another change running at the same time may have moved some final tags and not
 * others; both runs then settle every final tag on the newer image (by its config's created
 * time, the digest breaking ties), so an image's tags never end split between two builds.
 */
export async function verifyFinalTags(
  session: RegistrySession,
  plan: ReadyPromotion,
  change: number | undefined,
  logger: Logger,
): Promise<string> {
  const client = session.client(plan.registry);
  const ref = `${plan.registry}/${plan.repository}`;
  const retry = <T>(what: string, step: () => Promise<T>) => withRetry(what, step, session.retry, logger);
  const heads = await Promise.all(
    plan.image.tags.map((tag) => retry(`HEAD ${ref}:${tag}`, () => client.headManifest(plan.repository, tag))),
  );
  if (heads.every((head) => head?.digest === plan.digest)) return plan.digest;
  const vanished = plan.image.tags.filter((_, i) => !heads[i]);
  for (const tag of vanished) await retry(`PUT ${ref}:${tag}`, () => client.putManifest(plan.repository, tag, plan.manifest));
  if (vanished.length) logger.warning(`${ref}: ${vanished.join(', ')} no longer resolved after the deletions; put back on ${plan.digest}`);
  const onTags = heads.map((head) => head?.digest ?? plan.digest);
  if (onTags.every((digest) => digest === plan.digest)) return plan.digest;
  const candidates = new Map<string, { created: number; change?: string }>();
  for (const digest of new Set([plan.digest, ...onTags])) {
    const config = await retry(`config of ${ref}@${digest}`, () => readImageConfig(client, plan.repository, digest));
    candidates.set(digest, { created: Date.parse(config.created ?? '') || 0, change: config.labels[CHANGE_LABEL] });
  }
  plan.image.tags.forEach((tag, i) => {
    const now = candidates.get(onTags[i])?.change;
    if (onTags[i] !== plan.digest && !(now && now !== String(change)))
      throw new Error(`${ref}:${tag} resolves to ${onTags[i]} after the promotion, not ${plan.digest}`);
  });
  const [winner] = [...candidates].sort(([da, a], [db, b]) => b.created - a.created || db.localeCompare(da))[0];
  const manifest =
    winner === plan.digest ? plan.manifest : await retry(`GET ${ref}@${winner}`, () => client.getManifest(plan.repository, winner));
  for (const [i, tag] of plan.image.tags.entries()) {
    if (onTags[i] === winner) continue;
    await retry(`PUT ${ref}:${tag}`, () => client.putManifest(plan.repository, tag, manifest));
  }
  logger.warning(
    `${ref}: a concurrent promotion of change ${candidates.get(winner)?.change ?? '?'} moved some final tags; all of them ` +
      `now hold the newer image ${winner}`,
  );
  return winner;
}

function record(result: TagDeletion, outcome: Outcome): void {
  const ref = `${result.registry}/${result.repository}:${result.tag}`;
  if (result.status === 'deleted') outcome.deleted.push(ref);
  else if (result.status === 'left-behind') outcome.leftBehind.push({ ref, reason: result.detail ?? 'not deletable' });
}

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

async function fromIntermediate(
  session: RegistrySession,
  inputs: PromoteInputs,
  prefix: string,
  revisions: readonly string[],
  outcome: Outcome,
  logger: Logger,
): Promise<CleanupTarget[]> {
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

/**
 * Leaked temporary tags (and probe tags an interrupted run left) of every repository touched.
 * The release has happened by now: any failure here is reported as left behind, never fatal.
 */
async function cleanup(run: PromotionRun, targets: readonly CleanupTarget[], change: ChangeInfo): Promise<void> {
  const { session, deleter, inputs, outcome, logger } = run;
  const pattern = inputs.cleanupPattern ?? defaultCleanupPattern(change.pipeline);
  const keep = new RegExp(`^${change.prefix}_`);
  const changeState = changeStateLookup(run.env, inputs.token, logger);
  const seen = new Set<string>();
  for (const target of targets) {
    const key = `${target.registry}/${target.repository}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const credential = inputs.credentials.get(target.registry);
    const kind = registryKind(target.registry, credential?.type);
    const tagTime = (tag: string) =>
      vendorTagTime({
        registry: target.registry,
        repository: target.repository,
        tag,
        kind,
        transport: session.transport,
        credential: credential && {
          username: credential.username,
          password: credential.password,
          apiToken: credential.apiToken,
          apiUrl: credential.apiUrl,
        },
      });
    try {
      const tags = await withRetry(`list ${key}`, () => session.client(target.registry).listTags(target.repository), session.retry, logger);
      const leaked = await findLeakedTags(
        session,
        target.registry,
        target.repository,
        tags,
        { pattern, keep, maxAgeMs: inputs.cleanupAgeMs, now: Date.now(), tagTime, changeState },
        logger,
      );
      for (const tag of leaked) {
        outcome.plan.push(`delete leaked ${key}:${tag.tag} (${tag.reason})`);
        if (!inputs.dryRun) record(await deleter.deleteTag(target, tag.tag), outcome);
      }
      if (!inputs.dryRun) for (const probe of await deleter.sweepProbes(target, tags)) outcome.deleted.push(`${key}:${probe}`);
    } catch (error) {
      if (session.signal.aborted) throw error;
      outcome.leftBehind.push({ ref: key, reason: `leaked-tag cleanup failed: ${(error as Error).message}` });
    }
  }
}
