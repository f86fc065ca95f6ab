import { parseCredentials, type CredentialsMap } from '../inputs/credentials.js';
import { parseChangeInput } from '../inputs/change.js';
import { readIntermediate, readPromoteMethod, type IntermediateRegistry, type PromoteMethod } from '../inputs/promotion.js';
import type { InputReport } from '../inputs/report.js';
import { Input, type InputReader } from '../inputs/table.js';
import { readTransportOptions } from '../inputs/transport.js';
import { readWorkDir } from '../inputs/work-dir.js';
import { readImages } from '../images/read.js';
import type { ImageSpec } from '../images/list.js';
import type { TransportOptions } from '../../registry/transport.js';
import { readChangesRegistry } from '../inputs/changes-registry.js';

export interface UseInputs {
  readonly workDir: string;
  /** This change's own images (the list its gate uploaded); empty: only its record and its dependencies. */
  readonly images: readonly ImageSpec[];
  readonly credentials: CredentialsMap;
  readonly change?: number;
  readonly method: PromoteMethod;
  readonly intermediate?: IntermediateRegistry;
  /** Where change records are; defaults to the intermediate registry. */
  readonly changes?: IntermediateRegistry;
  readonly token?: string;
  /** Given Depends-On lines (`Depends-On: <url>` each), read instead of the change's description; '' for none. */
  readonly dependsOn?: string;
  readonly transport: Pick<TransportOptions, 'insecureRegistries' | 'ca'>;
}

export function readUseInputs(read: InputReader, env: NodeJS.ProcessEnv, report: InputReport): UseInputs {
  const credentials = parseCredentials(read(Input.RegistryCredentials), report.secret);
  const token = read(Input.Token) || env.GITHUB_TOKEN || undefined;
  if (token) report.secret(token);
  const workDir = readWorkDir(read, env);
  const method = readPromoteMethod(read);
  const intermediate = readIntermediate(read, method, true);
  const listed = read(Input.Images) !== '' || read(Input.ImagesFile) !== '';
  return {
    workDir,
    images: listed ? readImages(read, workDir, {}, report) : [],
    credentials,
    change: parseChangeInput(read(Input.Change)),
    method,
    intermediate,
    changes: readChangesRegistry(read) ?? intermediate,
    token,
    dependsOn: readDependsOn(read(Input.DependsOn)),
    transport: readTransportOptions(read, workDir),
  };
}

/** `depends-on`: URLs or `Depends-On:` lines, `none` for none; undefined when empty (the description is read). */
function readDependsOn(value: string): string | undefined {
  const lines = value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return undefined;
  if (lines.length === 1 && lines[0].toLowerCase() === 'none') return '';
  return lines.map((line) => (/^depends-on\s*:/i.test(line) ? line : `Depends-On: ${line}`)).join('\n');
}
