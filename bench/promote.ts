// Promote: 30 images x 3 tags on a local registry. Native (plan, server-side re-tag, safe tag
// deletion) against the Zuul way (`skopeo copy --all` per tag, then removal of the temporary
// tags), each on its own registry seeded the same way; plus the HTTP requests per promoted tag.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { moveTags, verifyFinalTags } from '../src/commands/promote.js';
import { planTagPromotion } from '../src/commands/promote-plan.js';
import { validateImageList } from '../src/config/images/list.js';
import { silentLogger } from '../src/logger.js';
import { RegistrySession } from '../src/registry/session.js';
import { TagDeleter } from '../src/registry/tag-delete/tag-deleter.js';
import { pushSynthetic } from '../test/helpers/images.js';
import { startRegistry } from '../test/helpers/registry-process.js';

const run = promisify(execFile);
export const IMAGES = 30;
export const TAGS = ['latest', '1', '1.2'];

export async function seed(registry: string): Promise<{ names: string[]; digests: Map<string, string> }> {
  const session = new RegistrySession();
  const names: string[] = [];
  const digests = new Map<string, string>();
  for (let i = 0; i < IMAGES; i++) {
    const name = `promote/img${i}`;
    const { digest } = await pushSynthetic(session, registry, name, {
      layers: [64 * 1024, 4096],
      platforms: i % 5 === 0 ? ['linux/amd64', 'linux/arm64'] : ['linux/amd64'],
      tags: TAGS.map((t) => `change_1_${t}`),
      labels: { 'org.zuul-ci.change': '1' },
    });
    names.push(name);
    digests.set(name, digest);
  }
  session.close();
  return { names, digests };
}

export async function promoteBench(): Promise<void> {
  const [native, zuul] = await Promise.all([startRegistry(), startRegistry()]);
  try {
    const [{ names, digests: nativeDigests }, { digests: zuulDigests }] = await Promise.all([seed(native.registry), seed(zuul.registry)]);
    console.log(`data set: ${IMAGES} images x ${TAGS.length} tags (change_1_<tag> -> <tag>), ${IMAGES / 5} of them two-platform`);

    // The Zuul way: one skopeo process per tag, then the temporary tags removed (safely: skopeo
    // delete would take the final tags with them).
    const xdg = mkdtempSync(join(tmpdir(), 'cia-bench-xdg-'));
    const t0 = performance.now();
    for (const name of names) {
      for (const tag of TAGS) {
        await run(
          'skopeo',
          [
            'copy',
            '--all',
            '--preserve-digests',
            '--src-tls-verify=false',
            '--dest-tls-verify=false',
            `docker://${zuul.registry}/${name}:change_1_${tag}`,
            `docker://${zuul.registry}/${name}:${tag}`,
          ],
          { env: { ...process.env, XDG_DATA_HOME: xdg } },
        );
      }
    }
    const skopeoCopyMs = performance.now() - t0;
    const zuulSession = new RegistrySession();
    const zuulDeleter = new TagDeleter({ session: zuulSession });
    for (const name of names)
      for (const tag of TAGS) await zuulDeleter.deleteTag({ registry: zuul.registry, repository: name }, `change_1_${tag}`);
    const skopeoMs = performance.now() - t0;
    zuulSession.close();
    rmSync(xdg, { recursive: true, force: true });

    // Native: count the requests of each phase.
    let requests = 0;
    const session = new RegistrySession({ transport: { onRequest: () => requests++ } });
    const images = validateImageList(names.map((name) => ({ context: '.', repository: `${native.registry}/${name}`, tags: TAGS })));
    const t1 = performance.now();
    const plans = (await Promise.all(images.map((image) => planTagPromotion(session, image, 'change_1', 1)))).map((plan) => {
      if (plan.kind === 'problem') throw new Error(plan.problem);
      return plan;
    });
    for (const plan of plans) await moveTags(session, plan, 'change_1', silentLogger);
    const moveMs = performance.now() - t1;
    const moveRequests = requests;
    const deleter = new TagDeleter({ session });
    // As the promote command does: images side by side, deletions serialized per repository.
    await Promise.all(
      plans.map(async (plan) => {
        for (const tag of plan.temporary) await deleter.deleteTag({ registry: plan.registry, repository: plan.repository }, tag);
        await verifyFinalTags(session, plan, 1, silentLogger);
      }),
    );
    const nativeMs = performance.now() - t1;
    session.close();

    const check = new RegistrySession();
    for (const name of names) {
      for (const tag of TAGS) {
        const [a, b] = await Promise.all([
          check.client(native.registry).headManifest(name, tag),
          check.client(zuul.registry).headManifest(name, tag),
        ]);
        if (a?.digest !== nativeDigests.get(name) || b?.digest !== zuulDigests.get(name))
          throw new Error(`${name}:${tag} is not on the promoted image`);
      }
    }
    check.close();
    const promotedTags = IMAGES * TAGS.length;
    console.log(
      `re-tag only:   skopeo copy --all per tag ${(skopeoCopyMs / 1000).toFixed(2)} s, native ${(moveMs / 1000).toFixed(2)} s: ${(skopeoCopyMs / moveMs).toFixed(1)}x`,
    );
    console.log(
      `with deletion: Zuul way ${(skopeoMs / 1000).toFixed(2)} s, native ${(nativeMs / 1000).toFixed(2)} s: ${(skopeoMs / nativeMs).toFixed(1)}x faster (target >= 3x)`,
    );
    console.log(
      `requests per promoted tag, excluding deletion: ${(moveRequests / promotedTags).toFixed(2)} (target <= 3; ${moveRequests} for ${promotedTags} tags, the registry ping included)`,
    );
    console.log(
      `requests per promoted tag, all in: ${(requests / promotedTags).toFixed(2)}; every final tag checked on its promoted digest, on both registries`,
    );
  } finally {
    await Promise.all([native.stop(), zuul.stop()]);
  }
}
