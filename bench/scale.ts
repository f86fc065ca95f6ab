// Scale: 2,000 tags in 200 repositories (ten small images each), mirrored whole-repository (every
// tag) by `node dist/index.js mirror` and by `regsync once` (type repository), over the given
// link. Each side is copied cold once into its own registry, then re-run with nothing changed,
// reps interleaved; printed: re-run medians, and our peak resident memory over the re-runs.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { RegistrySession } from '../src/registry/session.js';
import { pushSynthetic } from '../test/helpers/images.js';
import { peakRss } from '../test/helpers/process-memory.js';
import { startRegistry, type RegistryProcess } from '../test/helpers/registry-process.js';
import { goTool } from '../test/helpers/go-tools.js';
import { BUNDLE, loopback, type Link } from './link.js';
import { REGSYNC_PARALLEL } from './peers.js';

const run = promisify(execFile);
const REPS = Number(process.env.CIA_BENCH_REPS || 3);
const REPOSITORIES = 200;
const TAGS_EACH = 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function seed(registry: string): Promise<string[]> {
  const session = new RegistrySession({ maxInFlight: 16 });
  const base = [gzipSync(Buffer.alloc(4096, 7))];
  const names = Array.from({ length: REPOSITORIES }, (_, i) => `scale/r${i}`);
  for (let start = 0; start < names.length; start += 16) {
    await Promise.all(
      names.slice(start, start + 16).map(async (name) => {
        for (let t = 0; t < TAGS_EACH; t++) await pushSynthetic(session, registry, name, { shared: base, layers: [512], tags: [`t${t}`] });
      }),
    );
  }
  session.close();
  return names;
}

/** One whole mirror process of every tag of every repository; with `memory`, its peak RSS too. */
async function ours(names: readonly string[], from: string, to: string): Promise<{ ms: number; rss: number }> {
  const work = mkdtempSync(join(tmpdir(), 'cia-bench-scale-'));
  writeFileSync(join(work, 'output'), '');
  const list = names.map((name) => ({ src_repository: `${from}/${name}`, all_tags: true, dest_repository: `${to}/${name}` }));
  const start = performance.now();
  const child = spawn(process.execPath, [BUNDLE, 'mirror'], {
    env: {
      ...process.env,
      INPUT_MIRROR: JSON.stringify(list),
      INPUT_WORK_DIR: work,
      RUNNER_TEMP: work,
      GITHUB_OUTPUT: join(work, 'output'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const [rss, code] = await Promise.all([peakRss(child.pid!, exited), exited]);
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`mirror exited ${code}: ${stderr}`);
  const mirrored = /^mirrored<<(\S+)\n([\s\S]*?)\n\1$/m.exec(readFileSync(join(work, 'output'), 'utf8'))?.[2] ?? '[]';
  const tags = (JSON.parse(mirrored) as { referrer?: unknown }[]).filter((m) => !m.referrer).length;
  if (tags !== names.length * TAGS_EACH) throw new Error(`mirror listed ${tags} tags, not ${names.length * TAGS_EACH}`);
  rmSync(work, { recursive: true, force: true });
  return { ms, rss };
}

async function regsync(names: readonly string[], from: string, to: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cia-bench-regsync-'));
  const file = join(dir, 'regsync.yml');
  const sync = names.map((name) => `  - source: ${from}/${name}\n    target: ${to}/${name}\n    type: repository\n`).join('');
  writeFileSync(
    file,
    `version: 1\ncreds:\n  - registry: ${from}\n    tls: disabled\n  - registry: ${to}\n    tls: disabled\n` +
      `defaults:\n  parallel: ${REGSYNC_PARALLEL}\nsync:\n${sync}`,
  );
  const start = performance.now();
  await run(goTool('regclient', 'regsync'), ['once', '-c', file, '-v', 'warn'], {
    env: { ...process.env, HOME: dir },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

export async function scaleBench(link: Link = loopback): Promise<void> {
  const started: RegistryProcess[] = [];
  try {
    const [source, mine, theirs] = await Promise.all([startRegistry(), startRegistry(), startRegistry()]);
    started.push(source, mine, theirs);
    const names = await seed(source.registry);
    const [from, ourTarget, theirTarget] = await Promise.all([source, mine, theirs].map((r) => link.via(r.registry)));
    // CIA_BENCH_SCALE_PEER=false: ours alone (regsync's cold copy alone takes minutes over the link).
    const peer = process.env.CIA_BENCH_SCALE_PEER !== 'false';
    const cold = { ours: (await ours(names, from, ourTarget)).ms, regsync: peer ? await regsync(names, from, theirTarget) : NaN };
    const rerun = { ours: [] as number[], regsync: [] as number[] };
    let rss = 0;
    for (let rep = 0; rep < REPS; rep++) {
      const sides = [
        async () => {
          const result = await ours(names, from, ourTarget);
          rerun.ours.push(result.ms);
          rss = Math.max(rss, result.rss);
        },
        async () => void (peer && rerun.regsync.push(await regsync(names, from, theirTarget))),
      ];
      for (let i = 0; i < sides.length; i++) await sides[(i + rep) % sides.length]();
    }
    const [o, r] = [median(rerun.ours), median(rerun.regsync)];
    console.log(
      `\n${REPOSITORIES * TAGS_EACH} tags in ${REPOSITORIES} repositories over ${link.name}, whole processes, medians of ${REPS}:`,
    );
    console.log(
      `  cold (once): ours ${(cold.ours / 1000).toFixed(2)} s, regsync once (parallel ${REGSYNC_PARALLEL}) ${(cold.regsync / 1000).toFixed(2)} s`,
    );
    console.log(`  re-run: ours ${(o / 1000).toFixed(2)} s (goal < 3 s), regsync ${(r / 1000).toFixed(2)} s -> ${(r / o).toFixed(2)}x`);
    console.log(`  our peak RSS over the re-runs: ${rss.toFixed(0)} MiB (goal < 256 MiB)`);
  } finally {
    await Promise.all(started.map((r) => r.stop()));
  }
}
