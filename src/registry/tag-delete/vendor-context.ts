import type { Credential } from '../auth/credentials.js';
import type { RegistryClient } from '../client.js';
import type { Transport } from '../transport.js';

/** What a vendor API needs; `apiUrl` overrides the default endpoint (self-hosted, tests). */
export interface VendorCredential {
  readonly username?: string;
  readonly password?: string;
  readonly apiToken?: string;
  readonly apiUrl?: string;
}

export interface VendorContext {
  readonly registry: string;
  readonly repository: string;
  readonly tag: string;
  readonly credential: VendorCredential;
  readonly transport: Transport;
  readonly client: RegistryClient;
  readonly env: NodeJS.ProcessEnv;
  readonly mask: (secret: string) => void;
  /**
   * The login the session sends to the registry (its credentials store: the registry-credentials
   * entry, else the engines' auth files and credential helpers). Unset: the vendor reads it itself.
   */
  readonly login?: () => Promise<Credential | undefined>;
}

export type VendorOutcome = 'deleted' | 'absent';
export type VendorDelete = (context: VendorContext) => Promise<VendorOutcome>;
