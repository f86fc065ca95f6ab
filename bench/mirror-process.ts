// Mirror as users run it: whole `node dist/index.js mirror` processes against whole `skopeo sync
// --all` processes, both cold (a fresh destination registry each rep), then re-run with nothing
// changed; reps interleaved, medians printed; the requests of a re-run counted on both sides
// through counting proxies (a separate run, so the timings carry no proxy).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFaultProxy, type ProxyLogEntry } from '../test/helpers/fault-proxy.js';
import { startRegistry, type RegistryProcess } from '../test/helpers/registry-process.js';
import { bulk, skopeoSync, small, type DataSet } from './mirror.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const REPS = Number(process.env.CIA_BENCH_REPS || 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One whole mirror process; fails on a non-zero exit. */
async function ours(set: DataSet, from: string, to: string, extra: Record<string, string> = {}): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'cia-bench-mirror-process-'));
  writeFileSync(join(work, 'output'), '');
  const list = set.images.map((image) => ({ src_repository: `${from}/${image}`, src_tag: 'v1', dest_repository: `${to}/${image}` }));
  const start = performance.now();
  await run(process.execPath, [join(root, 'dist', 'index.js'), 'mirror'], {
    env: {
      ...process.env,
      INPUT_MIRROR: JSON.stringify(list),
      INPUT_WORK_DIR: work,
      RUNNER_TEMP: work,
      GITHUB_OUTPUT: join(work, 'output'),
      // CIA_BENCH_REFERRERS=false measures the copy without the referrers' probe and tag listings.
      ...(process.env.CIA_BENCH_REFERRERS === 'false' && { INPUT_REFERRERS: 'false' }),
      ...extra,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (!readFileSync(join(work, 'output'), 'utf8').includes('mirrored')) throw new Error('mirror wrote no output');
  rmSync(work, { recursive: true, force: true });
  return ms;
}

const describe = (log: readonly ProxyLogEntry[]) => {
  const counts = new Map<string, number>();
  for (const e of log) counts.set(e.method, (counts.get(e.method) ?? 0) + 1);
  return `${log.length} (${[...counts].map(([m, n]) => `${n} ${m}`).join(', ')})`;
};

export async function mirrorProcessBench(): Promise<void> {
  const source = await startRegistry();
  const started: RegistryProcess[] = [source];
  const bare: number[] = [];
  try {
    for (const make of [bulk, small]) {
      const set = await make(source.registry);
      const cold = { ours: [] as number[], skopeo: [] as number[] };
      const rerun = { ours: [] as number[], skopeo: [] as number[] };
      for (let rep = 0; rep < REPS; rep++) {
        const [mine, theirs] = await Promise.all([startRegistry(), startRegistry()]);
        started.push(mine, theirs);
        const xdg = mkdtempSync(join(tmpdir(), 'cia-bench-xdg-'));
        // Interleaved, and the first side alternates from rep to rep.
        const sides = [
          async () => cold.skopeo.push(await skopeoSync(set, source.registry, theirs.registry, xdg)),
          async () => cold.ours.push(await ours(set, source.registry, mine.registry)),
        ];
        for (const side of rep % 2 ? sides.reverse() : sides) await side();
        rerun.skopeo.push(await skopeoSync(set, source.registry, theirs.registry, xdg));
        rerun.ours.push(await ours(set, source.registry, mine.registry));
        const start = performance.now();
        await run(process.execPath, ['-e', '0']);
        bare.push(performance.now() - start);
        rmSync(xdg, { recursive: true, force: true });
      }
      // Requests of a re-run, per side, through counting proxies (each destination already holds the set).
      const [mine, theirs] = started.slice(-2);
      const count = async (destination: string, rerunOnce: (from: string, to: string) => Promise<unknown>) => {
        const [src, dst] = await Promise.all([startFaultProxy(source.registry), startFaultProxy(destination)]);
        try {
          await rerunOnce(src.registry, dst.registry);
          return `source ${describe(src.log)}, destination ${describe(dst.log)}`;
        } finally {
          await Promise.all([src.close(), dst.close()]);
        }
      };
      const oursRequests = await count(mine.registry, (from, to) => ours(set, from, to));
      const xdg = mkdtempSync(join(tmpdir(), 'cia-bench-xdg-'));
      const skopeoRequests = await count(theirs.registry, (from, to) => skopeoSync(set, from, to, xdg));
      rmSync(xdg, { recursive: true, force: true });
      const [oc, sc, orr, sr] = [median(cold.ours), median(cold.skopeo), median(rerun.ours), median(rerun.skopeo)];
      console.log(`\n${set.name}, whole processes, medians of ${REPS}:`);
      console.log(`  cold:   ours ${(oc / 1000).toFixed(2)} s | skopeo sync --all ${(sc / 1000).toFixed(2)} s -> ${(sc / oc).toFixed(2)}x`);
      console.log(
        `  re-run: ours ${(orr / 1000).toFixed(2)} s | skopeo sync --all ${(sr / 1000).toFixed(2)} s -> ${(sr / orr).toFixed(2)}x`,
      );
      console.log(`  re-run requests: ours: ${oursRequests} | skopeo: ${skopeoRequests}`);
    }
    console.log(`\nbare node -e 0: ${median(bare).toFixed(0)} ms (median)`);
  } finally {
    await Promise.all(started.map((r) => r.stop()));
  }
}
