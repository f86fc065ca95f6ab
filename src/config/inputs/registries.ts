import { isValidPath, isValidRegistry } from '../../registry/reference.js';
import { ConfigErrors } from '../errors.js';

/** A registry to examine, and the namespace where doctor may write (and remove) throw-away manifests. */
export interface DoctorTarget {
  /** As the user wrote it: `host[:port]/namespace`. */
  readonly name: string;
  readonly registry: string;
  readonly namespace: string;
}

/** The `registries` input: one `host[:port]/namespace` per line; every bad line is named. */
export function parseTargets(text: string): DoctorTarget[] {
  const problems: string[] = [];
  const targets: DoctorTarget[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const where = `registries (line ${index + 1}) "${line}"`;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(line)) {
      problems.push(`${where}: give host[:port]/namespace without a scheme (plain HTTP goes by insecure-registries or loopback)`);
      continue;
    }
    const slash = line.indexOf('/');
    const registry = slash < 0 ? line : line.slice(0, slash);
    const namespace = slash < 0 ? '' : line.slice(slash + 1).replace(/\/+$/, '');
    if (!isValidRegistry(registry)) problems.push(`${where}: "${registry}" is not a registry host[:port]`);
    else if (namespace && !isValidPath(namespace))
      problems.push(
        `${where}: namespace "${namespace}" is not a repository path ([a-z0-9] components separated by ".", "_", "__", "-" and "/")`,
      );
    else targets.push({ name: line, registry, namespace });
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  if (targets.length === 0) throw new ConfigErrors(['registries: empty; give one host[:port]/namespace per line']);
  return targets;
}
