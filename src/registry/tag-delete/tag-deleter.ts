import { randomBytes } from 'node:crypto';
import { registryKind, type RegistryKind } from '../kinds.js';
import { KeyedMutex } from '../limiter.js';
import { withRetry } from '../retry.js';
import type { RegistrySession } from '../session.js';
import type { RepositoryRef } from '../copy.js';
import { putDummy } from './dummy.js';
import { VendorNotConfigured } from './vendor-http.js';
import { VENDOR_DELETES, type VendorCredential } from './vendors.js';

export interface TagDeletion {
  readonly registry: string;
  readonly repository: string;
  readonly tag: string;
  /** `left-behind`: the tag is still there; `detail` says why and what it points at. */
  readonly status: 'deleted' | 'absent' | 'left-behind';
  readonly method?: string;
  readonly detail?: string;
}

export interface TagDeleterOptions {
  readonly session: RegistrySession;
  /** Vendor API credentials and the declared registry kind, per registry. */
  readonly vendorCredential?: (registry: string) => (VendorCredential & { type?: RegistryKind }) | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Removes one tag without touching the image or any other tag (REFERENCE §3): a vendor API where
 * the registry kind has one, else OCI tag DELETE, else a unique dummy manifest put on the tag and
 * deleted by digest — but only on registries proven, once, to delete by digest, so a real tag is
 * never left on a dummy. Deletes are serialized per repository.
 */
export class TagDeleter {
  readonly #session: RegistrySession;
  readonly #options: TagDeleterOptions;
  readonly #mutex = new KeyedMutex();
  /** Registries that answered a tag DELETE with "unsupported". */
  readonly #noTagDelete = new Set<string>();
  readonly #digestDeletes = new Map<string, Promise<boolean>>();
  /** Repositories that hold the dummy's blobs already. */
  readonly #dummyBlobs = new Set<string>();
  /** Probe tags a registry would not let us remove; reported once. */
  readonly leftoverProbes: string[] = [];

  constructor(options: TagDeleterOptions) {
    this.#session = options.session;
    this.#options = options;
  }

  deleteTag(ref: RepositoryRef, tag: string): Promise<TagDeletion> {
    return this.#mutex.run(`${ref.registry}/${ref.repository}`, () => withRetry(`delete ${ref.registry}/${ref.repository}:${tag}`, () => this.#delete(ref, tag), this.#session.retry, this.#session.logger));
  }

  async #delete(ref: RepositoryRef, tag: string): Promise<TagDeletion> {
    const client = this.#session.client(ref.registry);
    const result = (status: TagDeletion['status'], method?: string, detail?: string): TagDeletion => ({ registry: ref.registry, repository: ref.repository, tag, status, method, detail });
    const before = await client.headManifest(ref.repository, tag);
    if (!before) return result('absent');

    const credential = this.#options.vendorCredential?.(ref.registry);
    const kind = registryKind(ref.registry, credential?.type);
    const vendor = VENDOR_DELETES[kind];
    if (vendor && credential) {
      try {
        const outcome = await vendor.run({ ...ref, tag, credential, transport: this.#session.transport, client, env: this.#options.env ?? process.env, mask: (s) => this.#session.logger.mask(s) });
        return (await this.#gone(ref, tag)) ? result(outcome, vendor.name) : result('left-behind', vendor.name, `the ${vendor.name} answered ${outcome} but ${tag} still resolves`);
      } catch (error) {
        if (!(error instanceof VendorNotConfigured)) throw error;
        this.#session.logger.debug(`${error.message}; trying the registry API`);
      }
    }

    if (!this.#noTagDelete.has(ref.registry)) {
      const status = await client.deleteManifest(ref.repository, tag);
      if (status === 202 || status === 200 || status === 204) {
        if (await this.#gone(ref, tag)) return result('deleted', 'oci-tag-delete');
      } else if ([400, 404, 405, 501].includes(status)) {
        // distribution 2.8 answers 400 (and 405 with deletes disabled): it cannot untag.
        this.#noTagDelete.add(ref.registry);
      } else {
        return result('left-behind', 'oci-tag-delete', `tag DELETE answered HTTP ${status}`);
      }
    }

    if (!(await this.#canDeleteByDigest(ref))) {
      return result('left-behind', 'dummy-manifest', `${ref.registry} deletes neither tags nor manifests by digest; ${tag} still points at ${before.digest}`);
    }
    // Another process may be removing (or re-pushing) the same tag at once: a tag still there
    // after our dummy went gets another round rather than a report.
    let dummy = '';
    for (let round = 0; round < 3; round++) {
      dummy = await this.#putDummy(ref, tag);
      const status = await client.deleteManifest(ref.repository, dummy);
      if (status !== 202 && status !== 200 && status !== 404) {
        return result('left-behind', 'dummy-manifest', `${tag} now points at the dummy ${dummy}, whose DELETE answered HTTP ${status}`);
      }
      if (await this.#gone(ref, tag)) return result('deleted', 'dummy-manifest');
    }
    return result('left-behind', 'dummy-manifest', `${tag} still resolves after deleting its dummy ${dummy} three times`);
  }

  async #putDummy(ref: RepositoryRef, tag: string): Promise<string> {
    const key = `${ref.registry}/${ref.repository}`;
    const digest = await putDummy(this.#session.client(ref.registry), ref.repository, tag, this.#dummyBlobs.has(key));
    this.#dummyBlobs.add(key);
    return digest;
  }

  async #gone(ref: RepositoryRef, tag: string): Promise<boolean> {
    return (await this.#session.client(ref.registry).headManifest(ref.repository, tag)) === undefined;
  }

  /** Probes once per registry, on a throw-away tag, whether a dummy can be deleted by digest. */
  #canDeleteByDigest(ref: RepositoryRef): Promise<boolean> {
    let probe = this.#digestDeletes.get(ref.registry);
    if (!probe) {
      probe = (async () => {
        const client = this.#session.client(ref.registry);
        const probeTag = `cia-delete-probe-${randomBytes(6).toString('hex')}`;
        const digest = await withRetry(`probe ${ref.registry}`, () => this.#putDummy(ref, probeTag), this.#session.retry, this.#session.logger);
        // Other processes working in the repository make distribution answer 500 now and then:
        // retried here, so a passing 500 is not taken for "deletes refused" (which would leave the probe).
        const status = await withRetry(`probe ${ref.registry}`, () => client.deleteManifest(ref.repository, digest), this.#session.retry, this.#session.logger);
        if (status === 202 || status === 200) return true;
        this.leftoverProbes.push(`${ref.registry}/${ref.repository}:${probeTag}`);
        this.#session.logger.warning(`${ref.registry} refuses manifest deletes (HTTP ${status}): left the probe tag ${ref.repository}:${probeTag} behind; real tags stay untouched`);
        return false;
      })();
      probe.catch(() => this.#digestDeletes.delete(ref.registry));
      this.#digestDeletes.set(ref.registry, probe);
    }
    return probe;
  }
}
