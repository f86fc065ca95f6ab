import { tagInRange } from '../config/mirror/list.js';
import type { MirrorItem } from '../config/mirror/types.js';
import type { Logger } from '../logger.js';
import { Limiter } from '../registry/limiter.js';
import { isIndex, subsetIndex } from '../registry/manifest.js';
import { isDigest, refName } from '../registry/reference.js';
import type { RegistrySession } from '../registry/session.js';

export interface MirroredTag {
  readonly src: string;
  readonly dest: string;
  readonly digest: string;
  /** `planned`: a dry run's referrer that would be copied; `skipped`: a referrer past the depth bound, not copied. */
  readonly status: 'copied' | 'unchanged' | 'failed' | 'planned' | 'skipped';
  readonly bytes: number;
  readonly error?: string;
  /** Set for a signature, SBOM or attestation copied with an image. */
  readonly referrer?: { readonly subject: string; readonly artifact_type: string; readonly via: string };
}

/** One source image (tag or digest) and the destination tags it goes to. */
export interface MirrorPair {
  readonly item: MirrorItem;
  readonly srcRef: string;
  /** The source image's digest. */
  readonly sourceDigest: string;
  /** The digest the destination gets (another one for a platform subset). */
  readonly digest: string;
  readonly destTags: readonly string[];
  readonly unchanged: boolean;
}

/** A source that could not be planned: not found, nothing matching, or a registry refusing. */
interface PlanFailure {
  readonly item: MirrorItem;
  readonly ref?: string;
  readonly error: string;
}

/** What a mirror run copies, worked out before anything is: a dry run reports it as is. */
export interface MirrorPlan {
  /** The pairs the run works on: none when a source could not be planned and the run does not keep going. */
  readonly pairs: readonly MirrorPair[];
  /** The sources that could not be planned, as reported. */
  readonly unplanned: readonly MirroredTag[];
  /** What went wrong with each of them. */
  readonly failures: readonly string[];
}

export interface MirrorPlanOptions {
  readonly keepGoing: boolean;
}

/**
 * Tags planned at once: planning is HEADs alone, and each registry's own window (max-concurrency,
 * adaptive) decides how many of them are in flight; this only bounds what waits in memory.
 */
export const PLAN_WIDTH = 256;

/** Plans every item and logs the plan; without keep-going, a source that cannot be planned leaves nothing to copy. */
export async function planMirror(
  session: RegistrySession,
  items: readonly MirrorItem[],
  options: MirrorPlanOptions,
  logger: Logger,
): Promise<MirrorPlan> {
  const { pairs, failed } = await resolvePairs(session, items, progressLog(logger));
  const plan: MirrorPlan = {
    pairs: failed.length && !options.keepGoing ? [] : pairs,
    unplanned: failed.map(planFailure),
    failures: failed.map(
      (f) => `${f.item.label} ${refName(f.item.source)}${f.ref ? `${isDigest(f.ref) ? '@' : ':'}${f.ref}` : ''}: ${f.error}`,
    ),
  };
  const changed = plan.pairs.filter((p) => !p.unchanged);
  logger.info(`plan: ${changed.length} image(s) to copy, ${plan.pairs.length - changed.length} unchanged`);
  for (const p of changed) {
    const dest = refName(p.item.destination);
    logger.info(`  ${sourceOf(p)} (${p.digest}) -> ${p.destTags.map((t) => `${dest}:${t}`).join(', ') || `${dest}@${p.digest}`}`);
  }
  return plan;
}

/** How often a long plan says how far it got. */
const PROGRESS_EVERY_MS = 5_000;

/** A progress line at most every PROGRESS_EVERY_MS: a plan of thousands of tags over a slow link is not silent. */
function progressLog(logger: Logger): (done: number, total: number) => void {
  let last = Date.now();
  return (done, total) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    logger.info(`plan: ${done} of ${total} tags compared so far`);
  };
}

/** The destination tag of a source tag or digest: its rename, else the same tag; a digest has none. */
const destTagOf = (item: MirrorItem, ref: string): string | undefined => item.rename[ref] ?? (isDigest(ref) ? undefined : ref);

/** Destination tags, or the digest itself for a digest copied without a tag. */
export const tagsOf = (pair: MirrorPair) => (pair.destTags.length ? pair.destTags : [pair.digest]);

export const sourceOf = (pair: MirrorPair) => `${refName(pair.item.source)}${isDigest(pair.srcRef) ? '@' : ':'}${pair.srcRef}`;

/** One destination tag's line of the report. */
export function resultOf(pair: MirrorPair, tag: string, status: MirroredTag['status'], bytes: number): MirroredTag {
  return {
    src: sourceOf(pair),
    dest: `${refName(pair.item.destination)}${isDigest(tag) ? '@' : ':'}${tag}`,
    digest: pair.digest,
    status,
    bytes,
  };
}

function planFailure(failure: PlanFailure): MirroredTag {
  const ref = failure.ref ?? '';
  const at = ref ? `${isDigest(ref) ? '@' : ':'}${ref}` : '';
  const dest = failure.ref ? destTagOf(failure.item, ref) : undefined;
  return {
    src: `${refName(failure.item.source)}${at}`,
    dest: `${refName(failure.item.destination)}${dest ? `:${dest}` : ''}`,
    digest: '',
    status: 'failed',
    bytes: 0,
    error: failure.error,
  };
}

/**
 * Resolves every source to a digest with one HEAD a tag and compares the destination with one
 * HEAD a tag: an unchanged pair costs nothing more (no manifest or blob is fetched). A source or
 * destination that fails for one item fails that item alone; the caller decides whether the
 * rest goes on (keep-going).
 */
async function resolvePairs(
  session: RegistrySession,
  items: readonly MirrorItem[],
  progress: (done: number, total: number) => void,
): Promise<{ readonly pairs: readonly MirrorPair[]; readonly failed: readonly PlanFailure[] }> {
  const limiter = new Limiter(PLAN_WIDTH);
  let done = 0;
  let total = 0;
  const failed: PlanFailure[] = [];
  const fail = (item: MirrorItem, error: unknown, ref?: string) => {
    failed.push({ item, ref, error: typeof error === 'string' ? error : ((error as Error).message ?? String(error)) });
    return undefined;
  };
  const perItem = await Promise.all(
    items.map(async (item) => {
      let refs: readonly string[];
      try {
        refs = await selectRefs(session, item);
      } catch (error) {
        return [fail(item, error)];
      }
      if (refs.length === 0 && item.selector.kind !== 'tags') return [fail(item, `no tag of ${refName(item.source)} matches`)];
      total += refs.length;
      return Promise.all(
        refs.map((ref) =>
          limiter.run(async (): Promise<MirrorPair | undefined> => {
            try {
              return (await planPair(session, item, ref)) ?? fail(item, `${refName(item.source)}:${ref} not found`, ref);
            } catch (error) {
              return fail(item, error, ref);
            } finally {
              progress(++done, total);
            }
          }),
        ),
      );
    }),
  );
  return { pairs: perItem.flat().filter((p): p is MirrorPair => p !== undefined), failed };
}

/** The source tags or digests an item names, or those of its listed tags its selector matches. */
async function selectRefs(session: RegistrySession, item: MirrorItem): Promise<readonly string[]> {
  const { selector } = item;
  if (selector.kind === 'tags') return selector.tags;
  const all = await session.client(item.source.registry).listTags(item.source.repository);
  return all.filter((tag) =>
    selector.kind === 'all' ? true : selector.kind === 'regex' ? selector.regex.test(tag) : tagInRange(tag, selector.range),
  );
}

/** One source reference resolved and compared with its destination; undefined where the source tag does not exist. */
async function planPair(session: RegistrySession, item: MirrorItem, ref: string): Promise<MirrorPair | undefined> {
  const src = session.client(item.source.registry);
  const dst = session.client(item.destination.registry);
  const destTag = destTagOf(item, ref);
  // The destination tag is asked at once, beside the source: one round trip for the pair, not two.
  const destHead = destTag && !item.platforms?.length ? dst.headManifest(item.destination.repository, destTag) : undefined;
  destHead?.catch(() => undefined); // awaited below; a source failing first must not leave it unhandled
  let digest: string;
  if (ref.startsWith('sha256:')) digest = ref;
  // A pin in another algorithm: the bytes are fetched and checked against it, then known by their sha256.
  else if (isDigest(ref)) digest = (await src.getManifest(item.source.repository, ref)).digest;
  else {
    const head = await src.headManifest(item.source.repository, ref);
    if (!head) return undefined;
    digest = head.digest;
  }
  const sourceDigest = digest;
  if (item.platforms?.length) digest = await subsetDigest(session, item, digest);
  const current = await (destHead ?? dst.headManifest(item.destination.repository, destTag ?? digest));
  return { item, srcRef: ref, sourceDigest, digest, destTags: destTag ? [destTag] : [], unchanged: current?.digest === digest };
}

/** The digest a platform subset of an index will have once copied. */
async function subsetDigest(session: RegistrySession, item: MirrorItem, digest: string): Promise<string> {
  const manifest = await session.client(item.source.registry).getManifest(item.source.repository, digest);
  if (!isIndex(manifest.mediaType, manifest.bytes)) return digest;
  return subsetIndex(manifest, item.platforms ?? [], refName(item.source)).manifest.digest;
}
