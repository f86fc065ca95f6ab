// Mirror as users run it: whole `node dist/index.js mirror` processes against the peers as whole
// processes: `skopeo sync --all`, regclient's `regsync once`, and `crane copy` per image; each
// cold (a fresh destination registry per side and rep), then re-run with nothing changed; reps
// interleaved, medians printed; the requests of a re-run counted per side through counting
// proxies (a separate run, so the timings carry no proxy).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFaultProxy, type ProxyLogEntry } from '../test/helpers/fault-proxy.js';
import { startRegistry, type RegistryProcess } from '../test/helpers/registry-process.js';
import { bulk, skopeoSync, small, type DataSet } from './mirror.js';
import { BUNDLE, loopback, type Link } from './link.js';
import { craneCopyEach, REGSYNC_PARALLEL, regsyncOnce } from './peers.js';

const run = promisify(execFile);
const REPS = Number(process.env.CIA_BENCH_REPS || 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One whole mirror process; fails on a non-zero exit. */
async function ours(set: DataSet, from: string, to: string, extra: Record<string, string> = {}): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'cia-bench-mirror-process-'));
  writeFileSync(join(work, 'output'), '');
  const list = set.images.map((image) => ({ src_repository: `${from}/${image}`, src_tag: 'v1', dest_repository: `${to}/${image}` }));
  const start = performance.now();
  await run(process.execPath, [BUNDLE, 'mirror'], {
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

interface Peer {
  readonly name: string;
  /** One whole run into `to`; `state` is a directory the peer may keep between its cold run and its re-run. */
  readonly run: (set: DataSet, from: string, to: string, state: string) => Promise<number>;
}

const PEERS: readonly Peer[] = [
  { name: 'skopeo sync --all', run: (set, from, to, state) => skopeoSync(set, from, to, state) },
  { name: `regsync once (parallel ${REGSYNC_PARALLEL})`, run: (set, from, to) => regsyncOnce(set, from, to) },
  { name: 'crane copy per image', run: (set, from, to) => craneCopyEach(set, from, to) },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** `link`: how every tool reaches the registries (the data set is seeded directly). */
export async function mirrorProcessBench(link: Link = loopback): Promise<void> {
  const source = await startRegistry();
  const started: RegistryProcess[] = [source];
  const bare: number[] = [];
  try {
    const from = await link.via(source.registry);
    for (const make of [bulk, small]) {
      const set = await make(source.registry);
      const names = ['ours', ...PEERS.map((p) => p.name)];
      const cold = new Map<string, number[]>(names.map((n) => [n, []]));
      const rerun = new Map<string, number[]>(names.map((n) => [n, []]));
      const last = new Map<string, string>();
      for (let rep = 0; rep < REPS; rep++) {
        const sides = [{ name: 'ours', run: (_set: DataSet, from: string, to: string) => ours(set, from, to) }, ...PEERS];
        const registries = await Promise.all(sides.map(() => startRegistry()));
        started.push(...registries);
        const targets = await Promise.all(registries.map(async (r) => ({ registry: await link.via(r.registry) })));
        const state = mkdtempSync(join(tmpdir(), 'cia-bench-state-'));
        // Interleaved: the order turns from rep to rep; each side's re-run follows the cold runs.
        const order = sides.map((_, i) => (i + rep) % sides.length);
        for (const i of order) cold.get(sides[i].name)!.push(await sides[i].run(set, from, targets[i].registry, state));
        for (const i of order) rerun.get(sides[i].name)!.push(await sides[i].run(set, from, targets[i].registry, state));
        sides.forEach((side, i) => last.set(side.name, targets[i].registry));
        const start = performance.now();
        await run(process.execPath, ['-e', '0']);
        bare.push(performance.now() - start);
        rmSync(state, { recursive: true, force: true });
      }
      // Requests of a re-run, per side, through counting proxies (each destination already holds the set).
      const count = async (destination: string, rerunOnce: (from: string, to: string) => Promise<unknown>) => {
        const [src, dst] = await Promise.all([startFaultProxy(from), startFaultProxy(destination)]);
        try {
          await rerunOnce(src.registry, dst.registry);
          return `source ${describe(src.log)}, destination ${describe(dst.log)}`;
        } finally {
          await Promise.all([src.close(), dst.close()]);
        }
      };
      const state = mkdtempSync(join(tmpdir(), 'cia-bench-state-'));
      const requests = new Map<string, string>();
      requests.set('ours', await count(last.get('ours')!, (from, to) => ours(set, from, to)));
      for (const peer of PEERS) requests.set(peer.name, await count(last.get(peer.name)!, (from, to) => peer.run(set, from, to, state)));
      rmSync(state, { recursive: true, force: true });
      const oc = median(cold.get('ours')!);
      const orr = median(rerun.get('ours')!);
      console.log(`\n${set.name}, whole processes over ${link.name}, medians of ${REPS}:`);
      console.log(`  ours: cold ${seconds(oc)}, re-run ${seconds(orr)}; re-run requests ${requests.get('ours')}`);
      for (const peer of PEERS) {
        const [pc, pr] = [median(cold.get(peer.name)!), median(rerun.get(peer.name)!)];
        console.log(
          `  ${peer.name}: cold ${seconds(pc)} -> ours ${(pc / oc).toFixed(2)}x faster; re-run ${seconds(pr)} -> ${(pr / orr).toFixed(2)}x; ` +
            `re-run requests ${requests.get(peer.name)}`,
        );
      }
    }
    console.log(`\nbare node -e 0: ${median(bare).toFixed(0)} ms (median)`);
  } finally {
    await Promise.all(started.map((r) => r.stop()));
  }
}
