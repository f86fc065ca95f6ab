import { parseBoolean } from '../inputs/booleans.js';
import { parseCredentials, type CredentialsMap } from '../inputs/credentials.js';
import { parseDuration } from '../inputs/duration.js';
import { readImages } from '../images/read.js';
import { readWorkDir } from '../inputs/work-dir.js';
import { type InputReader } from '../inputs/table.js';
import { type InputReport } from '../inputs/report.js';
import { ConfigError } from '../errors.js';
import { linearPattern, type Pattern } from '../pattern.js';
import type { ImageSpec } from '../images/list.js';
import { Input } from '../inputs/table.js';
import { readReferrerInputs, type ReferrerInputs } from '../inputs/referrers.js';
import { readTransportOptions } from '../inputs/transport.js';
import { readIntermediate, readPromoteMethod, type IntermediateRegistry, type PromoteMethod } from '../inputs/promotion.js';
import { parseYamlInput } from '../yaml.js';
import { show } from '../schema-errors.js';
import { parseChangeInput } from '../inputs/change.js';
import { readRelease, type ReleaseInputs } from '../inputs/release.js';
import { readChangesRegistry } from '../inputs/changes-registry.js';
import type { TransportOptions } from '../../registry/transport.js';

export interface ArtifactInput {
  readonly name: string;
  readonly url: string;
  readonly metadata?: { repository?: string; tag?: string; digest?: string; revision?: string | null };
}

export interface PromoteInputs {
  readonly workDir: string;
  readonly images: readonly ImageSpec[];
  readonly credentials: CredentialsMap;
  readonly change?: number;
  readonly method: PromoteMethod;
  readonly intermediate?: IntermediateRegistry;
  readonly artifacts?: readonly ArtifactInput[];
  readonly token?: string;
  readonly cleanup: boolean;
  /** Anchored; undefined: Zuul's default for the pipeline. */
  readonly cleanupPattern?: Pattern;
  readonly cleanupAgeMs: number;
  readonly dryRun: boolean;
  readonly referrers: ReferrerInputs;
  readonly strictCleanup: boolean;
  readonly transport: Pick<TransportOptions, 'insecureRegistries' | 'ca'>;
  /** Where change records are (changes-registry; the intermediate registry by default): cleanup deletes the records of finished changes. */
  readonly changes?: IntermediateRegistry;
  /** Keep the change's tags in the intermediate registry after promoting from it. */
  readonly keepIntermediate: boolean;
  /** Tag each promoted image sha-<merged commit> (revision-tag). */
  readonly revisionTag: boolean;
  /** Set for a release by promotion (release-from). */
  readonly release?: ReleaseInputs;
}

export function readPromoteInputs(read: InputReader, env: NodeJS.ProcessEnv, report: InputReport): PromoteInputs {
  const credentials = parseCredentials(read(Input.RegistryCredentials), report.secret);
  const token = read(Input.Token) || env.GITHUB_TOKEN || undefined;
  if (token) report.secret(token);
  const workDir = readWorkDir(read, env);
  const method = readPromoteMethod(read);
  const regex = read(Input.CleanupRegex);
  const cleanupPattern = regex ? linearPattern(regex, Input.CleanupRegex, true) : undefined;
  // A release finds its image under the list's own tags: metadata-tags name the release tags instead.
  const releasing = read(Input.ReleaseFrom) !== '';
  const readList: InputReader = (name) => (releasing && name === Input.MetadataTags ? '' : read(name));
  const images = readImages(readList, workDir, { promote_container_image_method: { input: Input.PromoteMethod, value: method } }, report);
  return {
    workDir,
    images,
    credentials,
    change: parseChangeInput(read(Input.Change)),
    method,
    intermediate: readIntermediate(read, method, false),
    changes: readChangesRegistry(read) ?? (method === 'intermediate-registry' ? readIntermediate(read, method, false) : undefined),
    artifacts: parseArtifacts(read(Input.Artifacts)),
    token,
    cleanup: parseBoolean(read(Input.Cleanup), Input.Cleanup, true),
    cleanupPattern,
    cleanupAgeMs: parseDuration(read(Input.CleanupAge) || '24h', Input.CleanupAge),
    dryRun: parseBoolean(read(Input.DryRun), Input.DryRun, false),
    referrers: readReferrerInputs(read),
    strictCleanup: parseBoolean(read(Input.StrictCleanup), Input.StrictCleanup, false),
    transport: readTransportOptions(read, workDir),
    revisionTag: parseBoolean(read(Input.RevisionTag), Input.RevisionTag, false),
    keepIntermediate: parseBoolean(read(Input.KeepIntermediate), Input.KeepIntermediate, false),
    release: readRelease(read, env, images),
  };
}

function parseArtifacts(text: string): ArtifactInput[] | undefined {
  if (!text.trim()) return undefined;
  const raw = parseYamlInput(text, 'artifacts');
  if (!Array.isArray(raw)) throw new ConfigError(`artifacts: expected the JSON list upload writes, got ${show(raw)}`);
  return raw.map((item, i) => {
    const a = item as Partial<ArtifactInput>;
    if (typeof a?.name !== 'string' || typeof a.url !== 'string' || !a.url.startsWith('docker://')) {
      throw new ConfigError(`artifacts[${i}]: expected {name, url: docker://…, metadata}, got ${show(item)}`);
    }
    return a as ArtifactInput;
  });
}
