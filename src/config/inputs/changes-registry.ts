import { isValidPath, isValidRegistry } from '../../registry/reference.js';
import { ConfigError } from '../errors.js';
import type { IntermediateRegistry } from './promotion.js';
import { Input, type InputReader } from './table.js';

/** `changes-registry`: `host[:port][/namespace]` shared by an organisation's repositories for change records; undefined when empty. */
export function readChangesRegistry(read: InputReader): IntermediateRegistry | undefined {
  const value = read(Input.ChangesRegistry);
  if (!value) return undefined;
  const [registry, ...rest] = value.replace(/\/+$/, '').split('/');
  const namespace = rest.join('/') || undefined;
  if (!isValidRegistry(registry) || (namespace !== undefined && !isValidPath(namespace)))
    throw new ConfigError(`changes-registry: "${value}" is not host[:port][/namespace]`);
  return { registry, namespace };
}
