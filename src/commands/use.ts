import { reportTo } from '../config/inputs/report.js';
import { readUseInputs } from '../config/readers/use.js';
import { detectChange, readEvent, type ChangeInfo } from '../platform/change.js';
import { dependencies, type RootChange } from '../platform/change-graph.js';
import type { ChangeRef } from '../platform/depends-on.js';
import { fetchChange, type ChangeFacts } from '../platform/forge-changes.js';
import { detectRunner } from '../platform/runner.js';
import { openRunSession } from './run-session.js';
import type { CommandContext, CommandResult } from './types.js';
import { localStores, tagLocally } from './use-engines.js';
import { serveMirrors } from './use-mirrors.js';
import { dependencyImages, merge, ownImages, type Resolution } from './use-resolve.js';

type Env = NodeJS.ProcessEnv;

/**
 * `use`: in a job after the gate's (or check's) upload, this change's final references and those
 * of the open changes it depends on resolve to their speculative images in the job's later steps
 * (docs/speculative.md). Nothing is written to any registry.
 */
export async function use(context: CommandContext): Promise<CommandResult> {
  const { env, logger } = context;
  const inputs = readUseInputs(context.read, env, reportTo(logger));
  const event = readEvent(env);
  const change = detectChange(env, event, inputs.change);
  const forgeRepository = env.GITHUB_REPOSITORY ?? '';
  const asked = new Map<string, Promise<ChangeFacts>>();
  const lookup = (ref: ChangeRef) => {
    if (!asked.has(ref.url)) asked.set(ref.url, fetchChange(ref, env, inputs.token));
    return asked.get(ref.url)!;
  };
  const root = await rootChange(env, inputs.dependsOn ?? event.pull_request?.body, change, lookup, inputs.dependsOn !== undefined);
  const found = await dependencies(root, lookup);
  for (const merged of found.merged) logger.info(`${merged.ref.url} has merged: its released images are used`);
  const registries = [
    ...inputs.images.map((image) => image.reference.registry),
    ...[inputs.intermediate, inputs.changes].flatMap((r) => (r ? [r.registry] : [])),
  ];
  const { session, close } = openRunSession({
    credentials: inputs.credentials,
    registries,
    env,
    exec: context.exec,
    logger,
    transport: inputs.transport,
  });
  let resolutions: Resolution[];
  try {
    const own = await ownImages(session, inputs, change, forgeRepository);
    resolutions = merge(own, await dependencyImages(session, inputs, found.open));
  } finally {
    close();
  }
  if (resolutions.length === 0) {
    logger.info(`nothing to resolve: ${describe(root, inputs)}`);
    return { outputs: { images: '[]' } };
  }
  const stores = await localStores(context);
  if (stores.length === 0) logger.warning('neither a docker daemon nor podman answers here: no local store was given the images');
  const access = {
    credentials: inputs.credentials,
    insecureRegistries: inputs.transport.insecureRegistries ?? [],
    ca: inputs.transport.ca,
  };
  await tagLocally(context, stores, resolutions, access);
  const mirrors = await serveMirrors(env, logger, resolutions, access);
  return {
    outputs: { images: JSON.stringify(resolutions), 'registries-conf': mirrors.registriesConf },
    environment: mirrors.environment,
    summary: {
      title: `Speculative images for ${root.name}`,
      headers: ['reference', 'resolves to', 'digest', 'change'],
      rows: resolutions.map((r) => [r.reference, r.speculative, r.digest, r.change]),
    },
  };
}

/** The job's change and its description: the depends-on input, the event's pull request, else asked of the forge; no change, no description. */
async function rootChange(
  env: Env,
  eventBody: string | null | undefined,
  change: ChangeInfo,
  lookup: (ref: ChangeRef) => Promise<ChangeFacts>,
  given = false,
): Promise<RootChange> {
  const repository = env.GITHUB_REPOSITORY;
  if (change.change === undefined || !repository) return { name: `the ${change.pipeline} run`, body: given ? (eventBody ?? '') : '' };
  const server = new URL(env.GITHUB_SERVER_URL || 'https://github.com').origin;
  const style = ['gitea', 'forgejo'].includes(detectRunner(env)) ? 'pulls' : 'pull';
  const ref: ChangeRef = {
    server,
    repository,
    number: change.change,
    style,
    url: change.changeUrl ?? `${server}/${repository}/${style}/${change.change}`,
  };
  if (typeof eventBody === 'string' && (given || change.pipeline.startsWith('pull_request')))
    return { ref, name: ref.url, body: eventBody };
  return { ref, name: ref.url, body: (await lookup(ref)).body };
}

function describe(root: RootChange, inputs: { images: readonly unknown[] }): string {
  const own = inputs.images.length === 0 ? 'no image list was given for its own images' : 'its own images were not found';
  return `${root.name} depends on no open change, and ${own}`;
}
