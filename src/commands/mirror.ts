import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialFor, loginOf } from '../config/credentials.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import { Input } from '../config/inputs.js';
import { readMirrorInputs, type MirrorInputs } from '../config/mirror-inputs.js';
import { tagInRange, type MirrorItem } from '../config/mirror-list.js';
import { Skopeo } from '../engines/skopeo.js';
import type { Logger } from '../logger.js';
import type { Credential } from '../registry/auth/credentials.js';
import { copyImage } from '../registry/copy.js';
import { Limiter } from '../registry/limiter.js';
import { isIndex, subsetIndex } from '../registry/manifest.js';
import { isDigest, refName, repositoryName } from '../registry/reference.js';
import { ReferrerMirror, type ReferrerCopy } from '../registry/referrers.js';
import { RegistrySession } from '../registry/session.js';
import { verifyTags } from '../registry/verify.js';
import type { CommandContext, CommandResult } from './types.js';

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
interface MirrorPair {
  readonly item: MirrorItem;
  readonly srcRef: string;
  /** The source image's digest. */
  readonly sourceDigest: string;
  /** The digest the destination gets (another one for a platform subset). */
  readonly digest: string;
  readonly destTags: readonly string[];
  readonly unchanged: boolean;
}

/** What one mirror run works with and what it did so far. */
interface MirrorRun {
  readonly session: RegistrySession;
  readonly inputs: MirrorInputs;
  readonly logger: Logger;
  /** Logins per registry: destinations' from registry-credentials, sources' from a skopeo-sync file. */
  readonly logins: ReadonlyMap<string, Credential>;
  readonly insecureRegistries: readonly string[];
  readonly outcomes: Map<MirrorPair, MirroredTag[]>;
  /** The referrers copied with each pair. */
  readonly referrers: Map<MirrorPair, MirroredTag[]>;
  readonly failures: string[];
  pairs: MirrorPair[];
  unplanned: MirroredTag[];
}

export async function mirror(context: CommandContext): Promise<CommandResult> {
  const { env, logger } = context;
  const inputs = readMirrorInputs(context.read, env, (s) => logger.mask(s));
  const logins = checkDestinations(inputs);
  const insecureRegistries = [...(inputs.transport.insecureRegistries ?? []), ...inputs.list.insecureSources];
  const session = new RegistrySession({
    logger,
    maxInFlight: inputs.parallel,
    transport: { ...inputs.transport, insecureRegistries },
    credentials: { explicit: logins, env, exec: context.exec },
  });
  const run: MirrorRun = {
    session,
    inputs,
    logger,
    logins,
    insecureRegistries,
    outcomes: new Map(),
    referrers: new Map(),
    failures: [],
    pairs: [],
    unplanned: [],
  };
  try {
    // Fetched (and verified) before anything is planned: a bad pin fails with nothing sent.
    const skopeo = inputs.copier === 'skopeo' && !inputs.dryRun ? await openSkopeo(context, run) : undefined;
    await planRun(run);
    if (!inputs.dryRun) await copyAll(run, skopeo);
    if (inputs.referrers.enabled) await copyReferrers(run);
  } finally {
    session.close();
  }
  return report(run, env);
}

/**
 * Destinations are checked before any request: credentials present, pattern fully matching.
 * Returns the logins of the run.
 */
function checkDestinations({ list, credentials }: MirrorInputs): Map<string, Credential> {
  const problems: string[] = [];
  const logins = new Map<string, Credential>();
  for (const item of list.items) {
    try {
      const login = loginOf(credentialFor(credentials, item.credentialsKey, repositoryName(item.destination)));
      if (login) logins.set(item.destination.registry, login);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(`${item.label}: ${error.message}`);
    }
  }
  if (problems.length) throw new ConfigErrors(problems);
  for (const [registry, c] of credentials) {
    const login = loginOf(c);
    if (login && !logins.has(registry)) logins.set(registry, login);
  }
  for (const c of list.sourceCredentials) logins.set(c.registry, { username: c.username, password: c.password });
  return logins;
}

/** Plans every item; without keep-going, a source that cannot be planned stops the run before anything is copied. */
async function planRun(run: MirrorRun): Promise<void> {
  const { inputs, logger } = run;
  const planned = await plan(run.session, inputs.list.items, inputs.parallel);
  run.unplanned = planned.failed.map((f) => planFailure(f));
  for (const f of planned.failed) {
    run.failures.push(
      `${f.item.label} ${repositoryName(f.item.source)}${f.ref ? `${isDigest(f.ref) ? '@' : ':'}${f.ref}` : ''}: ${f.error}`,
    );
  }
  run.pairs = planned.failed.length && !inputs.keepGoing ? [] : planned.pairs;
  const changed = run.pairs.filter((p) => !p.unchanged);
  for (const p of run.pairs.filter((p) => p.unchanged))
    run.outcomes.set(
      p,
      tagsOf(p).map((tag) => result(p, tag, 'unchanged', 0)),
    );
  logger.info(`plan: ${changed.length} image(s) to copy, ${run.pairs.length - changed.length} unchanged`);
  for (const p of changed) {
    const dest = repositoryName(p.item.destination);
    logger.info(`  ${source(p)} (${p.digest}) -> ${p.destTags.map((t) => `${dest}:${t}`).join(', ') || `${dest}@${p.digest}`}`);
  }
}

/** Copies the changed pairs, `parallel` at a time; a failure stops the rest unless keep-going. */
async function copyAll(run: MirrorRun, skopeo: Skopeo | undefined): Promise<void> {
  const { session, inputs, logger, outcomes } = run;
  const limiter = new Limiter(inputs.parallel);
  let stop = false;
  const copyOne = async (pair: MirrorPair) => {
    if (stop) return;
    try {
      const bytes = skopeo ? await copyWithSkopeo(skopeo, session, pair, logger) : await copyNative(session, pair, logger);
      outcomes.set(
        pair,
        tagsOf(pair).map((tag, i) => result(pair, tag, 'copied', i === 0 ? bytes : 0)),
      );
    } catch (error) {
      const message = `${pair.item.label} ${source(pair)}: ${(error as Error).message}`;
      run.failures.push(message);
      logger.error(message);
      outcomes.set(
        pair,
        tagsOf(pair).map((tag) => ({ ...result(pair, tag, 'failed', 0), error: (error as Error).message })),
      );
      if (!inputs.keepGoing) stop = true;
    }
  };
  await Promise.all(run.pairs.filter((p) => !p.unchanged).map((pair) => limiter.run(() => copyOne(pair))));
}

/**
 * Every mirrored image's signatures, SBOMs and attestations follow it (a dry run lists them);
 * a referrer reported once per destination, however many tags of one image were mirrored.
 */
async function copyReferrers(run: MirrorRun): Promise<void> {
  const { inputs, logger } = run;
  const referrers = new ReferrerMirror(run.session, { types: inputs.referrers.types, dryRun: inputs.dryRun });
  const limiter = new Limiter(inputs.parallel);
  const reported = new Set<string>();
  await Promise.all(
    run.pairs.map((pair) =>
      limiter.run(async () => {
        if (run.outcomes.get(pair)?.some((o) => o.status === 'failed')) return;
        const from = { registry: pair.item.source.registry, repository: pair.item.source.path };
        const to = { registry: pair.item.destination.registry, repository: pair.item.destination.path };
        try {
          const copies = await referrers.copyFor(from, to, pair.sourceDigest, Boolean(pair.item.platforms?.length));
          const fresh = copies.filter((c) => !reported.has(`${refName(to)}@${c.digest}`));
          for (const c of fresh) reported.add(`${refName(to)}@${c.digest}`);
          run.referrers.set(
            pair,
            fresh.map((c) => referrerResult(pair, c)),
          );
          const copied = fresh.filter((c) => c.status === 'copied').length;
          if (fresh.length) logger.info(`${source(pair)}: ${fresh.length} referrer(s), ${copied} copied`);
        } catch (error) {
          const message = `${pair.item.label} ${source(pair)}: referrers: ${(error as Error).message}`;
          run.failures.push(message);
          logger.error(message);
        }
      }),
    ),
  );
}

function referrerResult(pair: MirrorPair, copy: ReferrerCopy): MirroredTag {
  const at = (repository: string) => `${repository}${copy.tag ? `:${copy.tag}` : `@${copy.digest}`}`;
  return {
    src: at(repositoryName(pair.item.source)),
    dest: at(repositoryName(pair.item.destination)),
    digest: copy.digest,
    status: copy.status,
    bytes: 0,
    referrer: { subject: copy.subject, artifact_type: copy.artifactType, via: copy.via },
  };
}

/** Outputs, digest file and summary: in the order of the list, whatever order copies finished in. */
async function report(run: MirrorRun, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const { inputs, failures } = run;
  const mirrored = [...run.pairs.flatMap((p) => [...(run.outcomes.get(p) ?? []), ...(run.referrers.get(p) ?? [])]), ...run.unplanned];
  const outDir = env.RUNNER_TEMP || tmpdir();
  await mkdir(outDir, { recursive: true });
  const digestFile = join(outDir, `mirror-digests-${process.pid}-${Date.now()}.txt`);
  const lines = mirrored.filter((m) => m.status === 'copied' || m.status === 'unchanged').map((m) => `${m.digest} docker://${m.dest}\n`);
  await writeFile(digestFile, lines.join(''));
  const count = (status: MirroredTag['status']) => mirrored.filter((m) => m.status === status).length;
  const mib = (mirrored.reduce((n, m) => n + m.bytes, 0) / 1048576).toFixed(1);
  return {
    outputs: { mirrored: JSON.stringify(mirrored), 'digest-file': digestFile },
    summary: {
      title: `Mirrored: ${count('copied')} copied, ${count('unchanged')} unchanged, ${count('failed')} failed, ${mib} MiB moved${inputs.dryRun ? ' (dry run)' : ''}`,
      headers: ['source', 'destination', 'digest', 'status'],
      rows: mirrored.map((m) => [m.src, m.dest, m.digest, m.status]),
    },
    failure: failures.length ? failureText(failures, inputs.keepGoing, run.unplanned.length > 0) : undefined,
  };
}

function failureText(failures: readonly string[], keepGoing: boolean, planning: boolean): string {
  if (planning && !keepGoing)
    return (
      `nothing was mirrored: ${failures.length} source(s) could not be planned (keep-going: true mirrors the rest):\n  ` +
      `${failures.join('\n  ')}`
    );
  return (
    `${failures.length} image(s) failed to ` +
    `mirror${keepGoing ? '' : ' (stopped at the first; keep-going: true goes on)'}:\n  ${failures.join('\n  ')}`
  );
}

function planFailure(failure: PlanFailure): MirroredTag {
  const ref = failure.ref ?? '';
  const at = ref ? `${isDigest(ref) ? '@' : ':'}${ref}` : '';
  const dest = failure.ref ? destTagOf(failure.item, ref) : undefined;
  return {
    src: `${repositoryName(failure.item.source)}${at}`,
    dest: `${repositoryName(failure.item.destination)}${dest ? `:${dest}` : ''}`,
    digest: '',
    status: 'failed',
    bytes: 0,
    error: failure.error,
  };
}

/** skopeo from PATH, or the pinned download skopeo-url names (checked against skopeo-sha256 before it runs). */
async function openSkopeo(context: CommandContext, run: MirrorRun): Promise<Skopeo> {
  const pinned = run.inputs.skopeoDownload;
  let binary: string | undefined;
  if (pinned) {
    if (!context.download) throw new ConfigError(`${Input.SkopeoUrl}: downloads are not available here`);
    binary = await context.download('skopeo', pinned.url, pinned.sha256);
    context.logger.info(`skopeo: ${binary} (pinned sha256 ${pinned.sha256.slice(0, 12)}…)`);
  }
  const logins = run.logins;
  return new Skopeo({
    env: context.env,
    exec: context.exec,
    binary,
    insecureRegistries: run.insecureRegistries,
    certDir: (registry) => run.inputs.list.certDirs[registry]?.dir,
    credential: async (registry) => logins.get(registry),
  });
}

/** The destination tag of a source tag or digest: its rename, else the same tag; a digest has none. */
const destTagOf = (item: MirrorItem, ref: string): string | undefined => item.rename[ref] ?? (isDigest(ref) ? undefined : ref);

/** Destination tags, or the digest itself for a digest copied without a tag. */
const tagsOf = (pair: MirrorPair) => (pair.destTags.length ? pair.destTags : [pair.digest]);

const source = (pair: MirrorPair) => `${repositoryName(pair.item.source)}${isDigest(pair.srcRef) ? '@' : ':'}${pair.srcRef}`;

function result(pair: MirrorPair, tag: string, status: MirroredTag['status'], bytes: number): MirroredTag {
  return {
    src: source(pair),
    dest: `${repositoryName(pair.item.destination)}${isDigest(tag) ? '@' : ':'}${tag}`,
    digest: pair.digest,
    status,
    bytes,
  };
}

/** A source that could not be planned: not found, nothing matching, or a registry refusing. */
interface PlanFailure {
  readonly item: MirrorItem;
  readonly ref?: string;
  readonly error: string;
}

interface MirrorPlan {
  readonly pairs: MirrorPair[];
  readonly failed: PlanFailure[];
}

/**
 * Resolves every source to a digest with one HEAD a tag and compares the destination with one
 * HEAD a tag: an unchanged pair costs nothing more (no manifest or blob is fetched). A source or
 * destination that fails for one item fails that item alone; the caller decides whether the
 * rest goes on (keep-going).
 */
async function plan(session: RegistrySession, items: readonly MirrorItem[], parallel: number): Promise<MirrorPlan> {
  const limiter = new Limiter(parallel * 2);
  const failed: PlanFailure[] = [];
  const fail = (item: MirrorItem, error: unknown, ref?: string) => {
    failed.push({ item, ref, error: typeof error === 'string' ? error : ((error as Error).message ?? String(error)) });
    return undefined;
  };
  const perItem = await Promise.all(
    items.map(async (item) => {
      const src = session.client(item.source.registry);
      const dst = session.client(item.destination.registry);
      let refs: string[];
      if (item.selector.kind === 'tags') refs = [...item.selector.tags];
      else {
        const selector = item.selector;
        try {
          const all = await src.listTags(item.source.path);
          refs = all.filter((tag) =>
            selector.kind === 'all' ? true : selector.kind === 'regex' ? selector.regex.test(tag) : tagInRange(tag, selector.range),
          );
        } catch (error) {
          return [fail(item, error)];
        }
        if (refs.length === 0) return [fail(item, `no tag of ${repositoryName(item.source)} matches`)];
      }
      return Promise.all(
        refs.map((ref) =>
          limiter.run(async (): Promise<MirrorPair | undefined> => {
            try {
              return await planPair(item, ref);
            } catch (error) {
              return fail(item, error, ref);
            }
          }),
        ),
      );

      async function planPair(item: MirrorItem, ref: string): Promise<MirrorPair | undefined> {
        const destTag = destTagOf(item, ref);
        let digest: string;
        if (ref.startsWith('sha256:')) digest = ref;
        // A pin in another algorithm: the bytes are fetched and checked against it, then known by their sha256.
        else if (isDigest(ref)) digest = (await src.getManifest(item.source.path, ref)).digest;
        else {
          const head = await src.headManifest(item.source.path, ref);
          if (!head) return fail(item, `${repositoryName(item.source)}:${ref} not found`, ref);
          digest = head.digest;
        }
        const sourceDigest = digest;
        if (item.platforms?.length) digest = await subsetDigest(session, item, digest);
        const current = destTag
          ? await dst.headManifest(item.destination.path, destTag)
          : await dst.headManifest(item.destination.path, digest);
        return { item, srcRef: ref, sourceDigest, digest, destTags: destTag ? [destTag] : [], unchanged: current?.digest === digest };
      }
    }),
  );
  return { pairs: perItem.flat().filter((p): p is MirrorPair => p !== undefined), failed };
}

/** The digest a platform subset of an index will have once copied. */
async function subsetDigest(session: RegistrySession, item: MirrorItem, digest: string): Promise<string> {
  const manifest = await session.client(item.source.registry).getManifest(item.source.path, digest);
  if (!isIndex(manifest.mediaType, manifest.bytes)) return digest;
  return subsetIndex(manifest, item.platforms ?? [], repositoryName(item.source)).manifest.digest;
}

async function copyNative(session: RegistrySession, pair: MirrorPair, logger: Logger): Promise<number> {
  let moved = 0;
  let reported = 0;
  const result = await copyImage(
    session,
    { registry: pair.item.source.registry, repository: pair.item.source.path },
    { registry: pair.item.destination.registry, repository: pair.item.destination.path },
    {
      source: pair.sourceDigest,
      knownChanged: true,
      tags: pair.destTags,
      platforms: pair.item.platforms,
      onBytes: (n) => {
        moved += n;
        // Progress on long copies, every 64 MiB.
        if (moved - reported >= 64 * 1048576) {
          reported = moved;
          logger.info(`${source(pair)}: ${(moved / 1048576).toFixed(0)} MiB copied`);
        }
      },
    },
  );
  if (result.digest !== pair.digest) throw new Error(`copied as ${result.digest}, not the planned ${pair.digest}`);
  logger.info(
    `${source(pair)} -> ${repositoryName(pair.item.destination)}: ${result.blobsCopied} blobs copied, ${result.blobsMounted} ` +
      `mounted, ${result.blobsSkipped} already there`,
  );
  return result.bytesMoved;
}

async function copyWithSkopeo(skopeo: Skopeo, session: RegistrySession, pair: MirrorPair, logger: Logger): Promise<number> {
  if (pair.item.platforms?.length) throw new Error('platforms subsets need engine: native');
  for (const tag of pair.destTags.length ? pair.destTags : [pair.digest]) {
    // The source pinned by digest: what was planned is what is copied.
    await skopeo.copy(
      { registry: pair.item.source.registry, repository: pair.item.source.path, reference: pair.digest },
      { registry: pair.item.destination.registry, repository: pair.item.destination.path, reference: tag },
      { retryTimes: 3 },
    );
    await verifyTags(session.client(pair.item.destination.registry), pair.item.destination.path, [tag], pair.digest, 'after skopeo copy');
  }
  logger.info(`${source(pair)} -> ${repositoryName(pair.item.destination)} with skopeo`);
  return 0;
}
