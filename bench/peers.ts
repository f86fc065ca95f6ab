// The peers users would pick instead of these actions, run as whole processes: crane
// (go-containerregistry) and regclient's regsync, built from their Go modules by
// scripts/go-tools.sh; skopeo comes from Debian. Each returns its wall time in ms.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { goTool } from '../test/helpers/go-tools.js';

const run = promisify(execFile);
/** regsync's default is one sync at a time; four is what a user tuning it for a list would set, like our default. */
export const REGSYNC_PARALLEL = 4;

export interface CopyList {
  readonly images: readonly string[];
}

async function timed(file: string, args: string[], env: NodeJS.ProcessEnv = process.env, allowFailure = false): Promise<number> {
  const start = performance.now();
  await run(file, args, { env, maxBuffer: 64 * 1024 * 1024 }).catch((error: unknown) => {
    if (!allowFailure) throw error;
  });
  return performance.now() - start;
}

/** `regsync once` on a config listing every image:v1 (every platform; tls disabled for both loopback registries). */
export async function regsyncOnce(set: CopyList, from: string, to: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cia-bench-regsync-'));
  const file = join(dir, 'regsync.yml');
  const sync = set.images.map((image) => `  - source: ${from}/${image}:v1\n    target: ${to}/${image}:v1\n    type: image\n`).join('');
  writeFileSync(
    file,
    `version: 1\ncreds:\n  - registry: ${from}\n    tls: disabled\n  - registry: ${to}\n    tls: disabled\n` +
      `defaults:\n  parallel: ${REGSYNC_PARALLEL}\nsync:\n${sync}`,
  );
  try {
    // HOME: no docker credentials or regclient config of the machine's own.
    return await timed(goTool('regclient', 'regsync'), ['once', '-c', file, '-v', 'warn'], { ...process.env, HOME: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `crane copy` per image (every platform, the index as it is), one process after the other, as a loop in a job would. */
export async function craneCopyEach(set: CopyList, from: string, to: string): Promise<number> {
  const crane = goTool('crane');
  const home = mkdtempSync(join(tmpdir(), 'cia-bench-crane-'));
  let ms = 0;
  for (const image of set.images)
    ms += await timed(crane, ['copy', '--insecure', `${from}/${image}:v1`, `${to}/${image}:v1`], { ...process.env, HOME: home });
  rmSync(home, { recursive: true, force: true });
  return ms;
}

/** Promote the skopeo way (Zuul's role), per tag: `skopeo copy --all`, then `skopeo delete` of the temporary tags (by digest, like crane's). */
export async function skopeoCopyDelete(
  registry: string,
  names: readonly string[],
  tags: readonly string[],
  prefix: string,
): Promise<number> {
  const xdg = mkdtempSync(join(tmpdir(), 'cia-bench-xdg-'));
  const env = { ...process.env, XDG_DATA_HOME: xdg };
  const tls = ['--src-tls-verify=false', '--dest-tls-verify=false'];
  let ms = 0;
  for (const name of names) {
    for (const tag of tags)
      ms += await timed(
        'skopeo',
        [
          'copy',
          '--all',
          '--preserve-digests',
          ...tls,
          `docker://${registry}/${name}:${prefix}_${tag}`,
          `docker://${registry}/${name}:${tag}`,
        ],
        env,
      );
    for (const tag of tags)
      ms += await timed('skopeo', ['delete', '--tls-verify=false', `docker://${registry}/${name}:${prefix}_${tag}`], env, true);
  }
  rmSync(xdg, { recursive: true, force: true });
  return ms;
}

/**
 * Promote the crane way, per tag: `crane tag` (a manifest PUT under the new tag, server-side),
 * then `crane delete` of the temporary tag, which deletes the manifest by digest and with it the
 * final tags (the registry keeps no tag of it): the time to beat, not a correct peer.
 */
export async function craneTagDelete(registry: string, names: readonly string[], tags: readonly string[], prefix: string): Promise<number> {
  const crane = goTool('crane');
  const home = mkdtempSync(join(tmpdir(), 'cia-bench-crane-'));
  const env = { ...process.env, HOME: home };
  let ms = 0;
  for (const name of names) {
    for (const tag of tags) ms += await timed(crane, ['tag', '--insecure', `${registry}/${name}:${prefix}_${tag}`, tag], env);
    // The second and third deletions find the manifest gone already, and fail: timed all the same.
    for (const tag of tags) ms += await timed(crane, ['delete', '--insecure', `${registry}/${name}:${prefix}_${tag}`], env, true);
  }
  rmSync(home, { recursive: true, force: true });
  return ms;
}
