import type { TransportOptions } from '../../registry/transport.js';
import { parseCredentials, type CredentialsMap } from '../inputs/credentials.js';
import type { InputReport } from '../inputs/report.js';
import { Input, type InputReader } from '../inputs/table.js';
import { readTransportOptions } from '../inputs/transport.js';
import { readWorkDir } from '../inputs/work-dir.js';
import { parseTargets, type DoctorTarget } from '../inputs/registries.js';

export interface DoctorInputs {
  readonly targets: readonly DoctorTarget[];
  readonly credentials: CredentialsMap;
  readonly transport: Pick<TransportOptions, 'insecureRegistries' | 'ca'>;
}

export function readDoctorInputs(read: InputReader, env: NodeJS.ProcessEnv, report: InputReport): DoctorInputs {
  const credentials = parseCredentials(read(Input.RegistryCredentials), report.secret);
  return {
    targets: parseTargets(read(Input.Registries)),
    credentials,
    transport: readTransportOptions(read, readWorkDir(read, env)),
  };
}
