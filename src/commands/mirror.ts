import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImageCopier } from '../copiers/copier.js';
import { nativeCopier } from '../copiers/native.js';
import { Skopeo, skopeoCopier } from '../copiers/skopeo.js';
import { credentialFor, loginOf } from '../config/inputs/credentials.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import { Input } from '../config/inputs/table.js';
import { readMirrorInputs, type MirrorInputs } from '../config/readers/mirror.js';
import type { Logger } from '../logger.js';
import type { Credential } from '../registry/auth/credentials.js';
import { Limiter } from '../registry/limiter.js';
import { refName } from '../registry/reference.js';
import { ReferrerMirror, type ReferrerCopy } from '../registry/referrers.js';
import type { RegistrySession } from '../registry/session.js';
import { PLAN_WIDTH, planMirror, resultOf, sourceOf, tagsOf, type MirrorPair, type MirrorPlan, type MirroredTag } from './mirror-plan.js';
import { openRunSession } from './run-session.js';
import type { CommandContext, CommandResult } from './types.js';

export type { MirroredTag } from './mirror-plan.js';

/** What one mirror run works with, fixed once planned. */
interface MirrorRun {
  readonly session: RegistrySession;
  readonly inputs: MirrorInputs;
  readonly logger: Logger;
  readonly plan: MirrorPlan;
}

/** What a step did: its lines of the report per pair, and its failures. */
interface StepResult {
  readonly outcomes: ReadonlyMap<MirrorPair, readonly MirroredTag[]>;
  readonly failures: readonly string[];
}

const NOTHING: StepResult = { outcomes: new Map(), failures: [] };

export async function mirror(context: CommandContext): Promise<CommandResult> {
  const { env, logger } = context;
  const inputs = readMirrorInputs(context.read, env, (s) => logger.mask(s));
  const insecureRegistries = [...(inputs.transport.insecureRegistries ?? []), ...inputs.list.insecureSources];
  const { session, logins, close } = openRunSession({
    credentials: inputs.credentials,
    logins: checkDestinations(inputs),
    env,
    exec: context.exec,
    logger,
    transport: { ...inputs.transport, insecureRegistries },
  });
  try {
    // Fetched (and verified) before anything is planned: a bad pin fails with nothing sent.
    const copier = inputs.dryRun ? undefined : await openCopier(context, session, inputs, { logins, insecureRegistries });
    const run: MirrorRun = { session, inputs, logger, plan: await planMirror(session, inputs.list.items, inputs, logger) };
    const copied = copier ? await copyAll(run, copier) : NOTHING;
    const referrers = inputs.referrers.enabled ? await copyReferrers(run, copied) : NOTHING;
    return await report(run, copied, referrers, env);
  } finally {
    close();
  }
}

/**
 * Destinations are checked before any request: credentials present, pattern fully matching.
 * Returns the logins the run needs beyond the credentials map's own: each destination's (its
 * item may name another credentials key), then the sources' from a skopeo-sync file.
 */
function checkDestinations({ list, credentials }: MirrorInputs): Map<string, Credential> {
  const problems: string[] = [];
  const logins = new Map<string, Credential>();
  for (const item of list.items) {
    try {
      const login = loginOf(credentialFor(credentials, item.credentialsKey, refName(item.destination)));
      if (login) logins.set(item.destination.registry, login);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(`${item.label}: ${error.message}`);
    }
  }
  if (problems.length) throw new ConfigErrors(problems);
  for (const c of list.sourceCredentials) logins.set(c.registry, { username: c.username, password: c.password });
  return logins;
}

/** The copier the `engine` input names: the registry core, or skopeo from PATH or a pinned download. */
async function openCopier(
  context: CommandContext,
  session: RegistrySession,
  inputs: MirrorInputs,
  access: { readonly logins: ReadonlyMap<string, Credential>; readonly insecureRegistries: readonly string[] },
): Promise<ImageCopier> {
  if (inputs.copier === 'native') return nativeCopier(session);
  const pinned = inputs.skopeoDownload;
  let binary: string | undefined;
  if (pinned) {
    if (!context.download) throw new ConfigError(`${Input.SkopeoUrl}: downloads are not available here`);
    binary = await context.download('skopeo', pinned.url, pinned.sha256);
    context.logger.info(`skopeo: ${binary} (pinned sha256 ${pinned.sha256.slice(0, 12)}…)`);
  }
  const skopeo = new Skopeo({
    env: context.env,
    exec: context.exec,
    binary,
    insecureRegistries: access.insecureRegistries,
    certDir: (registry) => inputs.list.certDirs[registry]?.dir,
    credential: async (registry) => access.logins.get(registry),
  });
  return skopeoCopier(skopeo, session);
}

/** Copies the changed pairs, `parallel` at a time; a failure stops the rest unless keep-going. */
async function copyAll({ session, inputs, logger, plan }: MirrorRun, copier: ImageCopier): Promise<StepResult> {
  const limiter = new Limiter(inputs.parallel);
  const outcomes = new Map<MirrorPair, MirroredTag[]>();
  const failures: string[] = [];
  let stop = false;
  const changed = plan.pairs.filter((p) => !p.unchanged);
  let done = 0;
  const undone: string[] = [];
  const copyOne = async (pair: MirrorPair) => {
    if (stop) return;
    const floor = belowFloor(session, inputs, pair);
    if (floor) {
      done++;
      undone.push(sourceOf(pair));
      outcomes.set(
        pair,
        tagsOf(pair).map((tag) => ({ ...resultOf(pair, tag, 'skipped', 0), error: floor })),
      );
      return;
    }
    try {
      // Counted when it ends, failed or not: `12/340` says how far the run got.
      const bytes = await copyPair(copier, pair, logger, () => `${++done}/${changed.length}`);
      outcomes.set(
        pair,
        tagsOf(pair).map((tag, i) => resultOf(pair, tag, 'copied', i === 0 ? bytes : 0)),
      );
    } catch (error) {
      const message = `${pair.item.label} ${sourceOf(pair)}: ${(error as Error).message}`;
      failures.push(message);
      logger.error(`[${++done}/${changed.length}] ${message}`);
      outcomes.set(
        pair,
        tagsOf(pair).map((tag) => ({ ...resultOf(pair, tag, 'failed', 0), error: (error as Error).message })),
      );
      if (!inputs.keepGoing) stop = true;
    }
  };
  await Promise.all(changed.map((pair) => limiter.run(() => copyOne(pair))));
  if (undone.length > 0)
    logger.warning(`rate-limit-floor: ${undone.length} image(s) left undone, to be copied by a later run: ${undone.join(', ')}`);
  return { outcomes, failures };
}

/** Why a copy must not start: its source said no more than rate-limit-floor pulls are left. */
function belowFloor(session: RegistrySession, inputs: MirrorInputs, pair: MirrorPair): string | undefined {
  if (inputs.rateLimitFloor === undefined) return undefined;
  const { registry } = pair.item.source;
  const remaining = session.rateLimits.remaining(registry);
  if (remaining === undefined || remaining > inputs.rateLimitFloor) return undefined;
  return `left undone: ${registry} has ${remaining} pulls left, rate-limit-floor is ${inputs.rateLimitFloor}`;
}

/** `count`: this copy's place among the run's copies (`12/340`), for the log of a long run. */
async function copyPair(copier: ImageCopier, pair: MirrorPair, logger: Logger, count: () => string): Promise<number> {
  let moved = 0;
  let reported = 0;
  const { bytesMoved, detail } = await copier.copy({
    from: pair.item.source,
    to: pair.item.destination,
    source: pair.sourceDigest,
    digest: pair.digest,
    tags: pair.destTags,
    platforms: pair.item.platforms,
    onBytes: (n) => {
      moved += n;
      // Progress on long copies, every 64 MiB.
      if (moved - reported >= 64 * 1048576) {
        reported = moved;
        logger.info(`${sourceOf(pair)}: ${(moved / 1048576).toFixed(0)} MiB copied`);
      }
    },
  });
  logger.info(`[${count()}] ${sourceOf(pair)} -> ${refName(pair.item.destination)}: ${detail}`);
  return bytesMoved;
}

/**
 * Every mirrored image's signatures, SBOMs and attestations follow it (a dry run lists them);
 * a referrer reported once per destination, however many tags of one image were mirrored.
 */
async function copyReferrers({ session, inputs, logger, plan }: MirrorRun, copied: StepResult): Promise<StepResult> {
  const referrers = new ReferrerMirror(session, { types: inputs.referrers.types, dryRun: inputs.dryRun });
  // Discovery is metadata: as wide as planning, each registry's window deciding what is in flight.
  const limiter = new Limiter(PLAN_WIDTH);
  const reported = new Set<string>();
  const outcomes = new Map<MirrorPair, MirroredTag[]>();
  const failures: string[] = [];
  await Promise.all(
    plan.pairs.map((pair) =>
      limiter.run(async () => {
        // A pair that failed, or that rate-limit-floor left undone, has no image there to refer to.
        if (copied.outcomes.get(pair)?.some((o) => o.status === 'failed' || o.status === 'skipped')) return;
        const { source: from, destination: to } = pair.item;
        try {
          const copies = await referrers.copyFor(from, to, pair.sourceDigest, Boolean(pair.item.platforms?.length));
          const fresh = copies.filter((c) => !reported.has(`${refName(to)}@${c.digest}`));
          for (const c of fresh) reported.add(`${refName(to)}@${c.digest}`);
          outcomes.set(
            pair,
            fresh.map((c) => referrerResult(pair, c)),
          );
          const count = fresh.filter((c) => c.status === 'copied').length;
          if (fresh.length) logger.info(`${sourceOf(pair)}: ${fresh.length} referrer(s), ${count} copied`);
        } catch (error) {
          const message = `${pair.item.label} ${sourceOf(pair)}: referrers: ${(error as Error).message}`;
          failures.push(message);
          logger.error(message);
        }
      }),
    ),
  );
  return { outcomes, failures };
}

function referrerResult(pair: MirrorPair, copy: ReferrerCopy): MirroredTag {
  const at = (repository: string) => `${repository}${copy.tag ? `:${copy.tag}` : `@${copy.digest}`}`;
  return {
    src: at(refName(pair.item.source)),
    dest: at(refName(pair.item.destination)),
    digest: copy.digest,
    status: copy.status,
    bytes: 0,
    referrer: { subject: copy.subject, artifact_type: copy.artifactType, via: copy.via },
  };
}

/** Outputs, digest file and summary: in the order of the list, whatever order copies finished in. */
async function report(run: MirrorRun, copied: StepResult, referrers: StepResult, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const { inputs, plan } = run;
  const lines = (pair: MirrorPair) =>
    pair.unchanged ? tagsOf(pair).map((tag) => resultOf(pair, tag, 'unchanged', 0)) : (copied.outcomes.get(pair) ?? []);
  const mirrored = [...plan.pairs.flatMap((p) => [...lines(p), ...(referrers.outcomes.get(p) ?? [])]), ...plan.unplanned];
  const failures = [...plan.failures, ...copied.failures, ...referrers.failures];
  const outDir = env.RUNNER_TEMP || tmpdir();
  await mkdir(outDir, { recursive: true });
  const digestFile = join(outDir, `mirror-digests-${process.pid}-${Date.now()}.txt`);
  const digests = mirrored.filter((m) => m.status === 'copied' || m.status === 'unchanged').map((m) => `${m.digest} docker://${m.dest}\n`);
  await writeFile(digestFile, digests.join(''));
  const count = (status: MirroredTag['status']) => mirrored.filter((m) => m.status === status).length;
  const mib = (mirrored.reduce((n, m) => n + m.bytes, 0) / 1048576).toFixed(1);
  const quotas = run.session.rateLimits.describe();
  for (const quota of quotas) run.logger.info(`rate limit: ${quota}`);
  const undone = mirrored.filter((m) => m.status === 'skipped' && !m.referrer).length;
  const skipped = undone > 0 ? `, ${undone} left undone` : '';
  return {
    outputs: { mirrored: JSON.stringify(mirrored), 'digest-file': digestFile },
    summary: {
      title:
        `Mirrored: ${count('copied')} copied, ${count('unchanged')} unchanged, ${count('failed')} failed${skipped}, ${mib} MiB moved` +
        `${inputs.dryRun ? ' (dry run)' : ''}${quotas.length ? `; ${quotas.join('; ')}` : ''}`,
      headers: ['source', 'destination', 'digest', 'status'],
      rows: mirrored.map((m) => [m.src, m.dest, m.digest, m.status]),
    },
    failure: failures.length ? failureText(failures, inputs.keepGoing, plan.unplanned.length > 0) : undefined,
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
