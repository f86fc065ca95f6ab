import { cp, mkdir, rm } from 'node:fs/promises';
import type { ImageBuildPlan } from './build-plan.js';

/**
 * Copies sibling projects into `<context>/.zuul-siblings` for the build and always removes the
 * folder afterwards, so nothing of one build leaks into the next or into the checkout.
 */
export async function withSiblings<T>(plan: ImageBuildPlan, build: () => Promise<T>): Promise<T> {
  if (!plan.siblingsDir) return build();
  // Outside the try: a folder that appeared since planning is not ours to remove.
  await mkdir(plan.siblingsDir);
  try {
    for (const sibling of plan.siblings) {
      await cp(sibling.source, sibling.destination, { recursive: true, verbatimSymlinks: true, errorOnExist: true });
    }
    return await build();
  } finally {
    await rm(plan.siblingsDir, { recursive: true, force: true });
  }
}
