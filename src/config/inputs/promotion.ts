import { isValidPath, isValidRegistry } from '../../registry/reference.js';
import { ConfigError } from '../errors.js';
import { Input, type InputReader } from './table.js';

/** How a gate's images reach their final tags: a temporary tag in the final repository, or an intermediate registry. */
export type PromoteMethod = 'tag' | 'intermediate-registry';
export const PROMOTE_METHODS: readonly PromoteMethod[] = ['tag', 'intermediate-registry'];

/** `host[:port][/namespace]`. */
export interface IntermediateRegistry {
  readonly registry: string;
  readonly namespace?: string;
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
  return parseRegistryNamespace(value, Input.IntermediateRegistry);
}

/** `host[:port][/namespace]`, the form of intermediate-registry and changes-registry. */
export function parseRegistryNamespace(value: string, input: string): IntermediateRegistry {
  const [registry, ...rest] = value.replace(/\/+$/, '').split('/');
  const namespace = rest.join('/') || undefined;
  if (!isValidRegistry(registry) || (namespace !== undefined && !isValidPath(namespace)))
    throw new ConfigError(`${input}: "${value}" is not host[:port][/namespace]`);
  return { registry, namespace };
}
