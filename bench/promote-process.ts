// Promote as users run it: a whole `node dist/index.js promote` process (server-side re-tag,
// safe deletion of the temporary tags, the leak cleanup's tag listing) against the per-tag peers:
// `skopeo copy --all` + `skopeo delete` (Zuul's role) and `crane tag` + `crane delete`. Both peers
// delete by digest, which takes the final tags too: the time to beat, not correct peers. Every
// side gets its own freshly seeded registry per rep; reps interleaved, medians printed; our
// requests counted through a proxy in a separate run.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RegistrySession } from '../src/registry/session.js';
import { startFaultProxy } from '../test/helpers/fault-proxy.js';
import { startRegistry, type RegistryProcess } from '../test/helpers/registry-process.js';
import { BUNDLE, loopback, type Link } from './link.js';
import { craneTagDelete, skopeoCopyDelete } from './peers.js';
import { IMAGES, seed, TAGS } from './promote.js';

const run = promisify(execFile);
const REPS = Number(process.env.CIA_BENCH_REPS || 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function ours(registry: string, names: readonly string[]): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'cia-bench-promote-process-'));
  writeFileSync(join(work, 'output'), '');
  const images = names.map((name) => ({ context: '.', repository: `${registry}/${name}`, tags: TAGS }));
  const start = performance.now();
  await run(process.execPath, [BUNDLE, 'promote'], {
    env: {
      ...process.env,
      INPUT_IMAGES: JSON.stringify(images),
      INPUT_CHANGE: '1',
      INPUT_WORK_DIR: work,
      RUNNER_TEMP: work,
      GITHUB_OUTPUT: join(work, 'output'),
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (!readFileSync(join(work, 'output'), 'utf8').includes('promoted')) throw new Error('promote wrote no output');
  rmSync(work, { recursive: true, force: true });
  return ms;
}

/** Every final tag on its promoted digest and no temporary tag left: ours must be correct to count. */
async function checkPromoted(registry: string, digests: Map<string, string>): Promise<void> {
  const session = new RegistrySession();
  try {
    for (const [name, digest] of digests) {
      const client = session.client(registry);
      for (const tag of TAGS) {
        if ((await client.headManifest(name, tag))?.digest !== digest) throw new Error(`${name}:${tag} is not on the promoted image`);
        if (await client.headManifest(name, `change_1_${tag}`)) throw new Error(`${name}:change_1_${tag} is still there`);
      }
    }
  } finally {
    session.close();
  }
}

/** `link`: how every tool reaches the registry (it is seeded directly). */
export async function promoteProcessBench(link: Link = loopback): Promise<void> {
  const started: RegistryProcess[] = [];
  const fresh = async () => {
    const direct = await startRegistry();
    started.push(direct);
    const seeded = await seed(direct.registry);
    return { direct, registry: { registry: await link.via(direct.registry) }, ...seeded };
  };
  const times = { ours: [] as number[], skopeo: [] as number[], crane: [] as number[] };
  try {
    for (let rep = 0; rep < REPS; rep++) {
      const sides: (() => Promise<void>)[] = [
        async () => {
          const { direct, registry, names, digests } = await fresh();
          times.ours.push(await ours(registry.registry, names));
          await checkPromoted(direct.registry, digests);
        },
        async () => {
          const { registry, names } = await fresh();
          times.skopeo.push(await skopeoCopyDelete(registry.registry, names, TAGS, 'change_1'));
        },
        async () => {
          const { registry, names } = await fresh();
          times.crane.push(await craneTagDelete(registry.registry, names, TAGS, 'change_1'));
        },
      ];
      // Interleaved; the order turns from rep to rep.
      for (let i = 0; i < sides.length; i++) await sides[(i + rep) % sides.length]();
      await Promise.all(started.splice(0).map((r) => r.stop()));
    }
    // Our requests, through a counting proxy, on one more fresh registry.
    const { registry, names } = await fresh();
    const proxy = await startFaultProxy(registry.registry);
    await ours(proxy.registry, names);
    const byMethod = new Map<string, number>();
    for (const entry of proxy.log) byMethod.set(entry.method, (byMethod.get(entry.method) ?? 0) + 1);
    await proxy.close();

    const [o, s, c] = [median(times.ours), median(times.skopeo), median(times.crane)];
    const tags = IMAGES * TAGS.length;
    console.log(
      `data set: ${IMAGES} images x ${TAGS.length} tags (change_1_<tag> -> <tag>), whole processes over ${link.name}, medians of ${REPS}`,
    );
    console.log(`  ours (node dist/index.js promote) ${(o / 1000).toFixed(2)} s`);
    console.log(`  skopeo copy --all + skopeo delete, per tag ${(s / 1000).toFixed(2)} s -> ${(s / o).toFixed(2)}x (goal >= 3x)`);
    console.log(`  crane tag + crane delete, per tag ${(c / 1000).toFixed(2)} s -> ${(c / o).toFixed(2)}x`);
    console.log(
      `  our requests: ${proxy.log.length} for ${tags} tags (${[...byMethod].map(([m, n]) => `${n} ${m}`).join(', ')}); ` +
        `${(proxy.log.length / tags).toFixed(2)} per tag, deletion and cleanup included`,
    );
  } finally {
    await Promise.all(started.map((r) => r.stop()));
  }
}
