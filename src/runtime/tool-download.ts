import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpClient } from '@actions/http-client';
import * as tc from '@actions/tool-cache';
import { ConfigError } from '../config/errors.js';
import { removeOnInterrupt } from '../interrupt.js';
import { redactUrl } from '../registry/errors.js';

/** The largest tool accepted: a static skopeo is ~40 MiB; anything past this is not the tool. */
export const MAX_TOOL_BYTES = 256 * 1024 * 1024;

const MIB = 1024 * 1024;
const ATTEMPTS = 3;

export interface PinnedToolOptions {
  readonly maxBytes?: number;
}

/**
 * Downloads a pinned binary once per runner and returns the path to run. The sha256 is checked
 * as the bytes arrive (never more than `maxBytes` of them, never all in memory) and again on the
 * cached copy at every call: a cache entry changed after the first run is removed, never run.
 */
export async function pinnedTool(name: string, url: string, sha256: string, options: PinnedToolOptions = {}): Promise<string> {
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new ConfigError(`${name}-sha256: "${sha256}" is not a sha256 hex digest`);
  // tool-cache keys its cache by semver: the pinned digest becomes a pre-release label.
  const version = `0.0.0-sha${sha256.slice(0, 16)}`;
  const cached = tc.find(name, version);
  if (cached) return verifiedCacheEntry(name, cached, sha256);
  const temp = process.env.RUNNER_TEMP || tmpdir();
  await mkdir(temp, { recursive: true });
  const dir = await mkdtemp(join(temp, `cia-${name}-`));
  // A cancelled job must not leave a partial download in the runner's temp folder.
  const unregister = removeOnInterrupt(dir);
  try {
    const file = join(dir, name);
    const actual = await download(name, url, file, options.maxBytes ?? MAX_TOOL_BYTES);
    if (actual !== sha256)
      throw new ConfigError(`${name}-url: the file at ${redactUrl(url)} has sha256 ${actual}, not the pinned ${sha256}; nothing was run`);
    await chmod(file, 0o755);
    return join(await tc.cacheFile(file, name, name, version), name);
  } finally {
    await rm(dir, { recursive: true, force: true });
    unregister();
  }
}

/** The cached binary, hashed again: whoever can write the tool cache must not get to run code here. */
async function verifiedCacheEntry(name: string, entry: string, sha256: string): Promise<string> {
  const path = join(entry, name);
  const actual = await hashFile(path).catch(() => 'unreadable');
  if (actual === sha256) return path;
  // tool-cache trusts an entry whose `<dir>.complete` marker exists: both go, so the next run downloads afresh.
  await rm(entry, { recursive: true, force: true });
  await rm(`${entry}.complete`, { force: true });
  const cache = process.env.RUNNER_TOOL_CACHE ?? 'RUNNER_TOOL_CACHE';
  throw new ConfigError(
    `${name}-url: the cached ${name} at ${path} has sha256 ${actual}, not the pinned ${sha256}: it was changed after it was ` +
      `verified, so it was removed and not run. Find out what else writes to the tool cache (${cache}), then rerun to download it again`,
  );
}

function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  return pipeline(createReadStream(path), hash).then(() => hash.digest('hex'));
}

/** Streams `url` into `file`, hashing as it goes; retries what a network may fix, not what the server said. */
async function download(name: string, url: string, file: string, maxBytes: number): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await downloadOnce(name, url, file, maxBytes);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      if (attempt >= ATTEMPTS)
        throw new ConfigError(`${name}-url: downloading ${redactUrl(url)} failed: ${(error as Error).message}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

async function downloadOnce(name: string, url: string, file: string, maxBytes: number): Promise<string> {
  // http-client follows redirects (release assets live on another host) and honours the runner's proxy variables.
  const client = new HttpClient('container-image-actions', [], { allowRetries: false, socketTimeout: 60_000 });
  const tooLarge = () =>
    new ConfigError(
      `${name}-url: the file at ${redactUrl(url)} is larger than ${maxBytes / MIB} MiB, too large for ${name}; nothing was kept or run`,
    );
  try {
    const response = (await client.get(url)).message;
    const status = response.statusCode ?? 0;
    if (status !== 200) {
      response.resume();
      // A server error may pass; a 404 or 403 will not.
      if (status >= 500 || status === 429) throw new Error(`HTTP ${status}`);
      throw new ConfigError(`${name}-url: GET ${redactUrl(url)} answered HTTP ${status}`);
    }
    if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    return await saveHashed(response, file, maxBytes, tooLarge);
  } finally {
    client.dispose();
  }
}

/** Writes `body` to `file` and returns its sha256, failing with `tooLarge()` past `maxBytes`. */
async function saveHashed(body: Readable, file: string, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(body, meter, createWriteStream(file, { mode: 0o600 }));
  return hash.digest('hex');
}
