import { COPIERS, type CopierName } from '../../copiers/copier.js';
import type { TransportOptions } from '../../registry/transport.js';
import { parseBoolean } from '../inputs/booleans.js';
import { parseCredentials, type CredentialsMap } from '../inputs/credentials.js';
import { readWorkDir } from '../inputs/work-dir.js';
import { type InputReader } from '../inputs/table.js';
import { ConfigError } from '../errors.js';
import { Input } from '../inputs/table.js';
import { loadMirrorList } from '../mirror/list.js';
import type { MirrorList } from '../mirror/types.js';
import { readReferrerInputs, type ReferrerInputs } from '../inputs/referrers.js';
import { readTransportOptions, type RegistryAccess } from '../inputs/transport.js';

/** Everything the mirror command reads, validated before any request. */
export interface MirrorInputs {
  readonly workDir: string;
  readonly credentials: CredentialsMap;
  readonly list: MirrorList;
  /** Images copied at once. */
  readonly parallel: number;
  /** Pulls of a source's quota to leave: no copy starts once the registry says no more are left. */
  readonly rateLimitFloor?: number;
  /**
   * What copies (src/copiers/): the registry core (`native`) or skopeo. The public input is named
   * `engine`; in the code an engine is docker, podman or buildah, never a copier.
   */
  readonly copier: CopierName;
  readonly keepGoing: boolean;
  readonly dryRun: boolean;
  readonly referrers: ReferrerInputs;
  readonly transport: RegistryAccess & Pick<TransportOptions, 'registryCa'>;
  /** A pinned skopeo download (the skopeo copier on a runner without one). */
  readonly skopeoDownload?: { readonly url: string; readonly sha256: string };
}

export function readMirrorInputs(read: InputReader, env: NodeJS.ProcessEnv, onSecret: (secret: string) => void): MirrorInputs {
  const workDir = readWorkDir(read, env);
  const credentials = parseCredentials(read(Input.RegistryCredentials), onSecret);
  const source = { inline: read(Input.Mirror), file: read(Input.MirrorFile), format: read(Input.MirrorFormat) || 'zuul' };
  const scoped = parseBoolean(read(Input.MirrorScoped), Input.MirrorScoped, false);
  const list = loadMirrorList({ ...source, destination: read(Input.MirrorDestination), scoped, workDir }, onSecret);
  const parallel = Number(read(Input.Parallel) || '4');
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 32) {
    throw new ConfigError(`parallel: "${read(Input.Parallel)}" is not a whole number from 1 to 32`);
  }
  const copier = readCopier(read);
  return {
    workDir,
    credentials,
    list,
    parallel,
    rateLimitFloor: readRateLimitFloor(read),
    copier,
    keepGoing: parseBoolean(read(Input.KeepGoing), Input.KeepGoing, false),
    dryRun: parseBoolean(read(Input.DryRun), Input.DryRun, false),
    referrers: readReferrerInputs(read),
    transport: {
      ...readTransportOptions(read, workDir),
      registryCa: Object.fromEntries(Object.entries(list.certDirs).map(([r, c]) => [r, c.ca])),
    },
    skopeoDownload: readSkopeoDownload(read, copier),
  };
}

/** The copier the `engine` input names. */
function readCopier(read: InputReader): CopierName {
  const copier = read(Input.Engine) || 'native';
  if (!(COPIERS as readonly string[]).includes(copier))
    throw new ConfigError(`${Input.Engine}: "${copier}" is not a copier; one of ${COPIERS.join(', ')}`);
  return copier as CopierName;
}

function readSkopeoDownload(read: InputReader, copier: CopierName): MirrorInputs['skopeoDownload'] {
  const url = read(Input.SkopeoUrl);
  const sha256 = read(Input.SkopeoSha256);
  if (!url && !sha256) return undefined;
  if (copier !== 'skopeo') throw new ConfigError(`${Input.SkopeoUrl}: only goes with ${Input.Engine}: skopeo`);
  if (!url || !sha256)
    throw new ConfigError(`${url ? Input.SkopeoSha256 : Input.SkopeoUrl}: required with ${url ? Input.SkopeoUrl : Input.SkopeoSha256}`);
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new ConfigError(`${Input.SkopeoSha256}: "${sha256}" is not a sha256 hex digest`);
  return { url, sha256 };
}

/** `rate-limit-floor`: a whole number of pulls, or empty for none. */
function readRateLimitFloor(read: InputReader): number | undefined {
  const text = read(Input.RateLimitFloor).trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`rate-limit-floor: "${text}" is not a whole number of pulls (0 or more)`);
  return value;
}
