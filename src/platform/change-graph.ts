import { ConfigError } from '../config/errors.js';
import { changeKey, dependsOn, type ChangeRef } from './depends-on.js';
import type { ChangeFacts } from './forge-changes.js';

export interface Dependencies {
  /** Open changes the root depends on, directly or through another: their speculative images are used. */
  readonly open: readonly ChangeFacts[];
  /** Merged ones: their released images are used, as if the line were not there. */
  readonly merged: readonly ChangeFacts[];
}

/** The change the job runs for: its identity when known, and its description. */
export interface RootChange {
  readonly ref?: Pick<ChangeRef, 'server' | 'repository' | 'number'>;
  readonly name: string;
  readonly body: string;
}

/**
 * Follows `Depends-On:` lines from the root through each dependency's own description, each
 * change asked of its forge once. A cycle is an error naming it; a dependency closed without
 * merging is an error (what depends on it can never merge); a merged one ends its branch.
 */
export async function dependencies(root: RootChange, lookup: (ref: ChangeRef) => Promise<ChangeFacts>): Promise<Dependencies> {
  const open: ChangeFacts[] = [];
  const merged: ChangeFacts[] = [];
  const done = new Set<string>();
  const visit = async (ref: ChangeRef, path: readonly { key: string; name: string }[]): Promise<void> => {
    const key = changeKey(ref);
    const at = path.findIndex((p) => p.key === key);
    if (at >= 0) throw new ConfigError(`Depends-On cycle: ${[...path.slice(at).map((p) => p.name), ref.url].join(' -> ')}`);
    if (done.has(key)) return;
    done.add(key);
    const facts = await lookup(ref);
    if (facts.merged) return void merged.push(facts);
    if (facts.state === 'closed')
      throw new ConfigError(`${path[path.length - 1].name} depends on ${ref.url}, which was closed without merging`);
    open.push(facts);
    for (const next of dependsOn(facts.body, ref.url)) await visit(next, [...path, { key, name: ref.url }]);
  };
  const start = [{ key: root.ref ? changeKey(root.ref) : '', name: root.name }];
  for (const ref of dependsOn(root.body, root.name)) await visit(ref, start);
  return { open, merged };
}
