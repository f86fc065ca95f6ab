import type { Pattern } from '../pattern.js';
import type { Reference } from '../../registry/reference.js';

export type TagSelector =
  { kind: 'tags'; tags: readonly string[] } | { kind: 'regex'; regex: Pattern } | { kind: 'semver'; range: string } | { kind: 'all' };

/** One mirror item, validated: which source tags go to which destination. */
export interface MirrorItem {
  readonly label: string;
  readonly source: Reference;
  readonly destination: Reference;
  /** The key of the destination's credentials (Zuul's dest_registry). */
  readonly credentialsKey: string;
  readonly selector: TagSelector;
  /** Destination tag per source tag, where it is renamed. */
  readonly rename: Readonly<Record<string, string>>;
  readonly platforms?: readonly string[];
}

export interface MirrorSourceCredential {
  readonly registry: string;
  readonly username: string;
  readonly password: string;
}

export interface MirrorList {
  readonly items: readonly MirrorItem[];
  /** Source credentials a skopeo-sync file carries. */
  readonly sourceCredentials: readonly MirrorSourceCredential[];
  /** Source registries a skopeo-sync file marks `tls-verify: false`. */
  readonly insecureSources: readonly string[];
  /** Source registries a skopeo-sync file gives a `cert-dir`. */
  readonly certDirs: Readonly<Record<string, CertDir>>;
}

/** A registry's certs.d-style directory: its `*.crt` files are CAs trusted for that registry alone. */
export interface CertDir {
  readonly dir: string;
  readonly ca: string;
}

export interface MirrorSource {
  readonly inline: string;
  readonly file: string;
  readonly format: string;
  readonly destination: string;
  readonly scoped?: boolean;
  readonly workDir: string;
}
