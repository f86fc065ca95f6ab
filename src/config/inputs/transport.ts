import { readInputFile } from '../input-file.js';
import { resolve } from 'node:path';
import type { TransportOptions } from '../../registry/transport.js';
import { isValidRegistry } from '../../registry/reference.js';
import { ConfigError } from '../errors.js';
import type { InputReader } from './table.js';
import { Input } from './table.js';

/** How registries are reached: plain HTTP exceptions and private CAs. */
/** `insecure-registries`: host[:port] each, comma or newline separated. */
export function readInsecureRegistries(read: InputReader): string[] {
  const insecureRegistries = read(Input.InsecureRegistries)
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const registry of insecureRegistries) {
    if (!isValidRegistry(registry)) throw new ConfigError(`insecure-registries: "${registry}" is not a registry host[:port]`);
  }
  return insecureRegistries;
}

export function readTransportOptions(read: InputReader, workDir: string): Pick<TransportOptions, 'insecureRegistries' | 'ca'> {
  const insecureRegistries = readInsecureRegistries(read);
  return { insecureRegistries, ca: readCaFile(read, workDir) };
}

/** `ca-file`: PEM certificates, read and checked. */
export function readCaFile(read: InputReader, workDir: string): string | undefined {
  const caFile = read(Input.CaFile);
  if (!caFile) return undefined;
  const ca = readInputFile(resolve(workDir, caFile), 'ca-file', caFile);
  if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError(`ca-file: "${caFile}" holds no PEM certificate`);
  return ca;
}
