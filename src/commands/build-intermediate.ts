import { parseChangeInput } from '../config/inputs/change.js';
import { Input, type InputReader } from '../config/inputs/table.js';
import { detectChange, readEvent } from '../platform/change.js';
import { untrustedReason } from '../platform/trust.js';
import type { Command, CommandContext, CommandResult } from './types.js';

/**
 * Zuul's check in intermediate-registry mode: `build` with an intermediate registry uploads what
 * it built there under the change's tags and records the change, so that changes which say
 * `Depends-On:` it use its images before it is gated. A pull request from a fork (no secrets, and
 * code that must not run next to them) builds only, and says so. (docs/speculative.md)
 */
export async function buildToIntermediate(context: CommandContext, buildOnly: Command): Promise<CommandResult> {
  const change = detectChange(context.env, readEvent(context.env), parseChangeInput(context.read(Input.Change)));
  const why =
    untrustedReason(change) ??
    (change.change === undefined ? `this ${change.pipeline} run is for no change (a check uploads for a pull request)` : undefined) ??
    (context.read(Input.Platform)
      ? `platform: ${context.read(Input.Platform)} builds one platform of a split build, which upload's merge job assembles`
      : undefined);
  if (why) {
    context.logger.info(`intermediate-registry: built only, nothing uploaded, no change record: ${why}`);
    return buildOnly({ ...context, read: (name) => (name === Input.IntermediateRegistry ? '' : context.read(name)) });
  }
  const read: InputReader = (name) => {
    if (name === Input.PromoteMethod) return 'intermediate-registry';
    if (name === Input.Promote) return 'true';
    return context.read(name);
  };
  const { upload } = await import('./upload.js');
  return upload({ ...context, read });
}
