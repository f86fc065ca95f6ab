import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onInterrupt } from '../interrupt.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import { reportTo } from '../config/inputs/report.js';
import { loginOf } from '../config/inputs/credentials.js';
import { readUploadInputs, type UploadInputs } from '../config/readers/upload.js';
import { withAuthFile } from '../engines/auth-file.js';
import type { BuildSpec } from '../engines/build-spec.js';
import type { ContainerEngine } from '../engines/engine.js';
import { ExecError } from '../exec.js';
import type { Logger } from '../logger.js';
import { detectChange, readEvent, type ChangeInfo } from '../platform/change.js';
import { untrustedReason } from '../platform/trust.js';
import type { Manifest } from '../registry/client.js';
import { verifyTags } from '../registry/verify.js';
import { withRetry } from '../registry/retry.js';
import type { RegistrySession } from '../registry/session.js';
import { buildImages, type BuiltImageReport } from './build.js';
import { certDirPlan, writeEngineFiles } from './build-access.js';
import type { ImageBuildPlan } from './build-plan.js';
import { mergeUploads } from './merge.js';
import { openRunSession } from './run-session.js';
import { uploadReport, type UploadedImageReport } from './upload-report.js';

export type { Artifact, UploadedImageReport } from './upload-report.js';
import { dryRun } from './dry-run.js';
import { recordChange } from './record-change.js';
import { detectRunner } from '../platform/runner.js';
import { withSourceDateEpoch } from './source-date.js';
import { enginePushSpec, planUploads, pushEngine, uploadMode, type PushTarget } from './upload-plan.js';
import type { CommandContext, CommandResult } from './types.js';
import { refName } from '../registry/reference.js';

export async function upload(given: CommandContext): Promise<CommandResult> {
  const inputs = readUploadInputs(given.read, given.env, reportTo(given.logger));
  const change = detectChange(given.env, readEvent(given.env), inputs.change);
  refuseUntrusted(inputs, change);
  const mode = uploadMode(inputs);
  const context = mode === 'release' ? await withSourceDateEpoch(given, inputs.workDir) : given;
  const { env, logger } = context;
  if (inputs.merge) return mergeUploads(context, inputs, change, mode);
  const targets = planUploads(inputs.images, mode, change.prefix, {
    intermediate: inputs.intermediate,
    credentials: inputs.credentials,
    platform: inputs.platform,
  });
  logger.info(describe(mode, change, targets));
  if (inputs.dryRun) {
    const insecureRegistries = inputs.transport.insecureRegistries ?? [];
    return dryRun(context, inputs, change, { targets, insecureRegistries, title: `${mode} upload` });
  }

  const { built, plans } = await buildImages(context, inputs, change);
  if (inputs.platform) checkPlatforms(inputs.platform, plans, built);
  const engine = pushEngine(context, inputs);
  const { session, close } = openRunSession({
    credentials: inputs.credentials,
    registries: [...targets.map((t) => t.registry), ...(inputs.changes ? [inputs.changes.registry] : [])],
    env,
    exec: context.exec,
    logger,
    transport: inputs.transport,
  });
  const scratch = await mkdtemp(join(tmpdir(), 'cia-push-'));
  const unregister = onInterrupt(() => rmSync(scratch, { recursive: true, force: true }));
  const uploaded: UploadedImageReport[] = [];
  const { certDir, files } = certDirPlan(engine.capabilities, scratch, inputs.ca);
  await writeEngineFiles(files);
  const push: PushRun = { engine, session, insecureRegistries: inputs.transport.insecureRegistries ?? [], logger, certDir };
  try {
    for (const [i, target] of targets.entries()) {
      const result = await logger.group(`Push ${refName(target)} (${engine.name})`, () =>
        pushImage(push, target, built[i], join(scratch, `digest-${i}`), plans[i].spec),
      );
      uploaded.push({ ...built[i], ...result });
    }
    if (mode !== 'release' && !inputs.platform) await recordChange({ session, logger, env }, inputs.changes, change, targets, uploaded);
  } finally {
    close();
    await rm(scratch, { recursive: true, force: true });
    unregister();
  }
  if (removesLocal(inputs.removeLocal, env)) {
    const removed = await engine.removeLocal([...new Set(plans.flatMap((plan) => plan.spec.tags))]);
    logger.info(
      `remove-local-images: ${removed.length} local tag(s) removed once pushed${removed.length ? `: ${removed.join(', ')}` : ''}`,
    );
  }
  return uploadReport(mode, change, targets, uploaded, inputs.platform);
}

/** auto: on where the runner keeps its disk between jobs (self-hosted; the Gitea and Forgejo runners), off on GitHub-hosted ones and act. */
function removesLocal(setting: boolean | 'auto', env: NodeJS.ProcessEnv): boolean {
  if (setting !== 'auto') return setting;
  const runner = detectRunner(env);
  return env.RUNNER_ENVIRONMENT === 'self-hosted' || runner === 'gitea' || runner === 'forgejo';
}

/** A platform job whose engine built another platform (no qemu, a wrong runner) must not push it as this one. */
function checkPlatforms(platform: string, plans: readonly ImageBuildPlan[], built: readonly BuiltImageReport[]): void {
  const [os, architecture, variant] = platform.split('/');
  const wrong = built.flatMap((image, i) => {
    const [got] = image.platforms;
    const [gotOs, gotArch, gotVariant] = (got ?? '').split('/');
    const same = gotOs === os && gotArch === architecture && (variant === undefined || gotVariant === variant);
    return same ? [] : [`images[${plans[i].image.index}] ${image.repository}: built for ${got ?? 'an unknown platform'}, not ${platform}`];
  });
  if (wrong.length) throw new ConfigErrors(wrong.map((w) => `${w}; nothing was pushed (does this runner build ${platform}?)`));
}

/** A pull request from elsewhere builds code we do not control next to the credentials: refused unless allowed. */
function refuseUntrusted(inputs: UploadInputs, change: ChangeInfo): void {
  const untrusted = untrustedReason(change);
  if (!untrusted || inputs.allowUntrusted) return;
  throw new ConfigError(
    `refusing to build and push: ${untrusted}. Its Containerfile and build steps run where the registry credentials are, ` +
      `and could send them anywhere. ` +
      'Build such pull requests with the build action on pull_request (no secrets), and upload from merge_group or an ' +
      'approved, trusted event; set allow-untrusted-builds: true only for code you have reviewed.',
  );
}

function describe(mode: string, change: ChangeInfo, targets: readonly PushTarget[]): string {
  const what = targets.map((t) => `${refName(t)}:{${t.tags.join(',')}}`).join(' ');
  return `${mode} upload${change.change !== undefined ? ` of change ${change.change}` : ''}: ${what}`;
}

/** What every push of a run shares. */
interface PushRun {
  readonly engine: ContainerEngine;
  readonly session: RegistrySession;
  readonly insecureRegistries: readonly string[];
  readonly logger: Logger;
  /** ca-file for podman's and buildah's pushes. */
  readonly certDir?: string;
}

/**
 * Pushes with the engine to the first tag (blobs, then the manifest: never a tag on a partial
 * image), puts the other tags through the registry API, then checks every tag resolves to the
 * digest pushed.
 */
async function pushImage(run: PushRun, target: PushTarget, image: BuiltImageReport, digestFile: string, build: BuildSpec) {
  const { session, logger } = run;
  const repositoryRef = `${refName(target)}`;
  const digest = await enginePush(run, target, image, digestFile, build);
  const client = session.client(target.registry);
  const skipped: string[] = [];
  let manifest: Manifest | undefined;
  for (const tag of target.tags.slice(1)) {
    if ((await client.headManifest(target.repository, tag))?.digest === digest) {
      skipped.push(tag);
      continue;
    }
    const bytes = (manifest ??= await client.getManifest(target.repository, digest));
    await client.putManifest(target.repository, tag, bytes);
  }
  await verifyTags(client, target.repository, target.tags, digest, 'after the push');
  const already = skipped.length ? `; already there: ${skipped.join(', ')}` : '';
  logger.info(`pushed ${digest} as ${target.tags.map((t) => `${repositoryRef}:${t}`).join(', ')}${already}`);
  return { digest, refs: target.tags.map((t) => `${repositoryRef}:${t}`), skipped };
}

/** The engine's push to the first tag, with a 0600 auth file for its login; what the engine marks transient is retried. */
async function enginePush(
  run: PushRun,
  target: PushTarget,
  image: BuiltImageReport,
  digestFile: string,
  build: BuildSpec,
): Promise<string> {
  const first = `${refName(target, target.tags[0])}`;
  const login = loginOf(target.credential);
  const credential =
    login?.username && login.password !== undefined
      ? [{ registry: target.registry, username: login.username, password: login.password }]
      : [];
  const attempt = (authFile: string | undefined) =>
    run.engine.push(
      enginePushSpec(
        target,
        image.tags[0],
        { insecureRegistries: run.insecureRegistries, digestFile, authFile, certDir: run.certDir },
        build,
      ),
    );
  try {
    return await withAuthFile(credential, (authFile) => withRetry(`push ${first}`, () => attempt(authFile), run.session.retry, run.logger));
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    throw new ExecError(
      error.tool,
      error.code,
      error.lastLines,
      `pushing ${target.image.repository} to ${target.registry} failed: ${error.message}`,
    );
  }
}
