import type { EngineName } from './build-spec.js';

/** What an engine can do and needs, as commands ask it: no command compares an engine's name. */
export interface EngineCapabilities {
  /** Builds several platforms into one image (docker: with buildx; podman and buildah: with qemu). */
  readonly multiPlatform: boolean;
  /** Makes BuildKit's attestations (docker buildx). */
  readonly attestations: boolean;
  /** Keeps a multi-platform image in its local store; docker pushes one by running its buildx build again with --push. */
  readonly storesMultiPlatform: boolean;
  /** Trusts a private CA from a directory of `*.crt` files (--cert-dir); docker trusts its daemon's. */
  readonly certDir: boolean;
  /** Reads which registries are plain HTTP from a registries.conf; docker's daemon decides that alone. */
  readonly registriesConf: boolean;
  /** Pulls and pushes through a daemon whose own insecure-registries must list a plain-HTTP registry. */
  readonly daemonInsecureRegistries: boolean;
}

const OCI: EngineCapabilities = {
  multiPlatform: true,
  attestations: false,
  storesMultiPlatform: true,
  certDir: true,
  registriesConf: true,
  daemonInsecureRegistries: false,
};

const CAPABILITIES: Record<EngineName, EngineCapabilities> = {
  docker: {
    multiPlatform: true,
    attestations: true,
    storesMultiPlatform: false,
    certDir: false,
    registriesConf: false,
    daemonInsecureRegistries: true,
  },
  podman: OCI,
  buildah: OCI,
};

/** The capabilities of an engine by name, for the inputs that are checked before any engine is made. */
export function engineCapabilities(name: EngineName): EngineCapabilities {
  return CAPABILITIES[name];
}
