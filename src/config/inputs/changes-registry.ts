import { parseRegistryNamespace, type IntermediateRegistry } from './promotion.js';
import { Input, type InputReader } from './table.js';

/** `changes-registry`: `host[:port][/namespace]` shared by an organisation's repositories for change records; undefined when empty. */
export function readChangesRegistry(read: InputReader): IntermediateRegistry | undefined {
  const value = read(Input.ChangesRegistry);
  return value ? parseRegistryNamespace(value, Input.ChangesRegistry) : undefined;
}
