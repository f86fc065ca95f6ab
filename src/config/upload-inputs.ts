import { isValidPath, isValidRegistry } from '../registry/reference.js';
import type { TransportOptions } from '../registry/transport.js';
import { parseBoolean } from './booleans.js';
import { readEngineInputs, type EngineInputs, type InputReader, type InputReport } from './engine-inputs.js';
import { ConfigError } from './errors.js';
import { Input } from './inputs.js';
import { readTransportOptions } from './registry-inputs.js';

export type PromoteMethod = 'tag' | 'intermediate-registry';
export const PROMOTE_METHODS: readonly PromoteMethod[] = ['tag', 'intermediate-registry'];

/** `host[:port][/namespace]`. */
export interface IntermediateRegistry {
  readonly registry: string;
  readonly namespace?: string;
}

export interface UploadInputs extends EngineInputs {
  readonly promote: boolean;
  readonly promoteMethod: PromoteMethod;
  readonly intermediate?: IntermediateRegistry;
  readonly allowUntrusted: boolean;
  /** Assemble the platform jobs' pushes into indexes; build nothing. */
  readonly merge: boolean;
  /** A release merge may take a platform no job pushed from the index already under the first tag. */
  readonly mergeReuseMissing: boolean;
  readonly transport: Pick<TransportOptions, 'insecureRegistries' | 'ca'>;
}

export function readPromoteMethod(read: InputReader): PromoteMethod {
  const method = read(Input.PromoteMethod) || 'tag';
  if (!(PROMOTE_METHODS as readonly string[]).includes(method)) {
    throw new ConfigError(`promote-method: "${method}" is not a method; one of ${PROMOTE_METHODS.join(', ')}`);
  }
  return method as PromoteMethod;
}

export function readIntermediate(read: InputReader, method: PromoteMethod, needed: boolean): IntermediateRegistry | undefined {
  const value = read(Input.IntermediateRegistry);
  if (!value) {
    if (method === 'intermediate-registry' && needed)
      throw new ConfigError('intermediate-registry: required with promote-method: intermediate-registry');
    return undefined;
  }
  const [registry, ...rest] = value.replace(/\/+$/, '').split('/');
  const namespace = rest.join('/') || undefined;
  if (!isValidRegistry(registry) || (namespace !== undefined && !isValidPath(namespace))) {
    throw new ConfigError(`intermediate-registry: "${value}" is not host[:port][/namespace]`);
  }
  return { registry, namespace };
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
  const engine = readEngineInputs(read, env, report, {
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
  };
}
