// The promote command called in-process with a recording logger (its outputs parsed, its failure
// and what it logged), and what a promotion test starts from: the image the gate pushed under
// its change's temporary tags, an image list, the event of the merged pull request.
import { promote, type PromotedTag } from '../../src/commands/promote.js';
import type { InputName } from '../../src/config/inputs/table.js';
import type { RegistrySession } from '../../src/registry/session.js';
import { exec } from './exec.js';
import { pushSynthetic, type SyntheticImage } from './images.js';
import { eventEnv, recordingLogger } from './testbed.js';

export interface PromoteOutcome {
  readonly promoted: PromotedTag[];
  readonly deleted: string[];
  readonly leftBehind: { ref: string; reason: string }[];
  readonly failure?: string;
  readonly lines: string[];
  /** The job summary's rows: reference, digest, from, status. */
  readonly summary: readonly (readonly string[])[];
}

export async function runPromote(inputs: Partial<Record<InputName, string>>, env: Record<string, string>): Promise<PromoteOutcome> {
  const logger = recordingLogger();
  const result = await promote({ env: { ...process.env, ...env }, logger, read: (name) => inputs[name] ?? '', exec });
  const json = <T>(name: 'promoted' | 'deleted' | 'left-behind') => JSON.parse(result.outputs[name] ?? 'null') as T;
  return {
    promoted: json('promoted'),
    deleted: json('deleted'),
    leftBehind: json('left-behind'),
    failure: result.failure,
    lines: logger.lines,
    summary: result.summary?.rows ?? [],
  };
}

/** A run that must succeed: its failure is thrown (to match with assert.rejects), what it logged attached. */
export async function promoteOrThrow(inputs: Partial<Record<InputName, string>>, env: Record<string, string>): Promise<PromoteOutcome> {
  const outcome = await runPromote(inputs, env);
  if (outcome.failure !== undefined) throw Object.assign(new Error(outcome.failure), { lines: outcome.lines });
  return outcome;
}

/** The environment of a `pull_request` event closing pull request `number` merged. */
export function merged(number: number, options: { headSha?: string; env?: Record<string, string> } = {}): Record<string, string> {
  const pullRequest = { number, merged: true, head: { sha: options.headSha ?? 'a'.repeat(40) } };
  return eventEnv('pull_request', { action: 'closed', number, pull_request: pullRequest }, options.env);
}

/** The `images` input: each repository promoted to `latest` and `1.0`. */
export const listOf = (...repositories: string[]): string =>
  JSON.stringify(repositories.map((repository) => ({ context: '.', repository, tags: ['latest', '1.0'] })));

export interface GatedOptions {
  /** Where the promotion reaches the registry: the registry itself or a proxy in front of it. */
  readonly via: string;
  readonly layers: readonly number[];
  readonly platforms?: readonly string[];
  readonly extraTags?: readonly string[];
  /** Whether the config carries Zuul's change label (default: it does). */
  readonly labelled?: boolean;
  /** Config `created` time (default: the epoch). */
  readonly created?: string;
}

export interface GatedImage {
  readonly path: string;
  readonly image: SyntheticImage;
  /** `via` and `path`: the repository the images input names. */
  readonly repository: string;
}

/** The image the gate built for `change`, pushed to `registry` under the change's temporary tags. */
export async function pushGated(
  seed: RegistrySession,
  registry: string,
  path: string,
  change: number,
  options: GatedOptions,
): Promise<GatedImage> {
  const image = await pushSynthetic(seed, registry, path, {
    layers: options.layers,
    platforms: options.platforms,
    tags: [`change_${change}_latest`, `change_${change}_1.0`, ...(options.extraTags ?? [])],
    ...(options.labelled !== false && { labels: { 'org.zuul-ci.change': String(change) } }),
    created: options.created,
  });
  return { path, image, repository: `${options.via}/${path}` };
}
