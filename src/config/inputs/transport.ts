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

/** How the run reaches registries: plain HTTP, private CAs, and the cap of requests in flight per registry. */
export interface RegistryAccess extends Pick<TransportOptions, 'insecureRegistries' | 'ca'> {
  readonly maxInFlight?: number;
}

export function readTransportOptions(read: InputReader, workDir: string): RegistryAccess {
  const insecureRegistries = readInsecureRegistries(read);
  return { insecureRegistries, ca: readCaFile(read, workDir), maxInFlight: readMaxConcurrency(read) };
}

/** Above this, the connections of one registry (64 per host) would be the cap instead. */
export const MAX_CONCURRENCY = 64;

/** `max-concurrency`: a whole number of requests in flight per registry, or empty for the default. */
export function readMaxConcurrency(read: InputReader): number | undefined {
  const text = read(Input.MaxConcurrency).trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY)
    throw new ConfigError(`max-concurrency: "${text}" is not a whole number from 1 to ${MAX_CONCURRENCY}`);
  return value;
}

/** `ca-file`: PEM certificates, read and checked. */
export function readCaFile(read: InputReader, workDir: string): string | undefined {
  const caFile = read(Input.CaFile);
  if (!caFile) return undefined;
  const ca = readInputFile(resolve(workDir, caFile), 'ca-file', caFile);
  if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError(`ca-file: "${caFile}" holds no PEM certificate`);
  return ca;
}
