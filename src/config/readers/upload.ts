import type { TransportOptions } from '../../registry/transport.js';
import { parseBoolean } from '../inputs/booleans.js';
import { readBuildInputs, type BuildInputs } from './build.js';
import { type InputReader } from '../inputs/table.js';
import { type InputReport } from '../inputs/report.js';
import { ConfigError } from '../errors.js';
import { Input } from '../inputs/table.js';
import { readTransportOptions } from '../inputs/transport.js';
import { readChangesRegistry } from '../inputs/changes-registry.js';
import { readIntermediate, readPromoteMethod, type IntermediateRegistry, type PromoteMethod } from '../inputs/promotion.js';

export interface UploadInputs extends BuildInputs {
  readonly promote: boolean;
  readonly promoteMethod: PromoteMethod;
  readonly intermediate?: IntermediateRegistry;
  readonly allowUntrusted: boolean;
  /** Assemble the platform jobs' pushes into indexes; build nothing. */
  readonly merge: boolean;
  /** A release merge may take a platform no job pushed from the index already under the first tag. */
  readonly mergeReuseMissing: boolean;
  readonly transport: Pick<TransportOptions, 'insecureRegistries' | 'ca'>;
  /** Where the gate records the change (changes-registry; the intermediate registry by default). */
  readonly changes?: IntermediateRegistry;
  /** remove-local-images. */
  readonly removeLocal: boolean | 'auto';
}

/** Reuse in a release merge is opt-in: without it a missing platform would ship the last release's child. */
function readMergeReuseMissing(read: InputReader, merge: boolean): boolean {
  const reuse = parseBoolean(read(Input.MergeReuseMissing), Input.MergeReuseMissing, false);
  if (reuse && !merge) throw new ConfigError(`${Input.MergeReuseMissing}: only with ${Input.Merge}: true (it says what a merge may reuse)`);
  return reuse;
}

function readMerge(read: InputReader, platform: string | undefined): boolean {
  const merge = parseBoolean(read(Input.Merge), Input.Merge, false);
  if (merge && platform) throw new ConfigError(`${Input.Merge}: a merge job builds nothing: give it no platform (${platform})`);
  return merge;
}

export function readUploadInputs(read: InputReader, env: NodeJS.ProcessEnv, report: InputReport): UploadInputs {
  const promote = parseBoolean(read(Input.Promote), Input.Promote, true);
  const promoteMethod = readPromoteMethod(read);
  const engine = readBuildInputs(read, env, report, {
    upload_container_image_promote: { input: Input.Promote, value: String(promote) },
    promote_container_image_method: { input: Input.PromoteMethod, value: promoteMethod },
  });
  const merge = readMerge(read, engine.platform);
  return {
    ...engine,
    promote,
    promoteMethod,
    intermediate: readIntermediate(read, promoteMethod, promote),
    allowUntrusted: parseBoolean(read(Input.AllowUntrustedBuilds), Input.AllowUntrustedBuilds, false),
    merge,
    mergeReuseMissing: readMergeReuseMissing(read, merge),
    transport: readTransportOptions(read, engine.workDir),
    removeLocal: readRemoveLocal(read(Input.RemoveLocalImages)),
    changes:
      readChangesRegistry(read) ??
      (promote && promoteMethod === 'intermediate-registry' ? readIntermediate(read, promoteMethod, promote) : undefined),
  };
}

/** remove-local-images: true, false, or auto (the command decides by the runner). */
function readRemoveLocal(value: string): boolean | 'auto' {
  return value === '' || value === 'auto' ? 'auto' : parseBoolean(value, Input.RemoveLocalImages, false);
}
