import { randomBytes } from 'node:crypto';
import { registryKind, type RegistryKind } from '../kinds.js';
import { KeyedMutex } from '../limiter.js';
import type { RegistrySession } from '../session.js';
import type { Manifest, RegistryClient } from '../client.js';
import type { RepositoryRef } from '../copy.js';
import { RegistryError } from '../errors.js';
import { isRetryable, withRetry } from '../retry.js';
import { dummyTime, putDummy } from './dummy.js';
import { VendorNotConfigured } from './vendor-http.js';
import { VENDOR_DELETES, type VendorCredential } from './vendors.js';
import { refName } from '../reference.js';

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

/** Tags that must survive a deletion, and the manifest to put back on them if one does not. */
export interface DeletionGuard {
  readonly tags: readonly string[];
  readonly manifest: Pick<Manifest, 'bytes' | 'mediaType' | 'digest'>;
}

/** What a registry was seen to do, once per run, on throw-away probe tags. */
interface Capabilities {
  /** `safe`: removes the one tag; `destructive`: removes the manifest with every tag on it; `no`: refused. */
  readonly tagDelete: 'safe' | 'destructive' | 'no';
  readonly digestDelete: boolean;
}

export const PROBE_TAG = /^cia-delete-probe-[0-9a-f]{12}(?:-b)?$/;
/** A probe this old was left by a run that was interrupted, not by one still probing. */
const PROBE_ABANDONED_MS = 10 * 60_000;

/**
 * How long a registry may take to act on a tag DELETE it answered 202: some remove the manifest,
 * with every tag on it, 0.3–2 s later (docs/registries.md, "Deleting one tag"). Watched over this
 * long, with margin, once per registry for the probe and once per promotion for the guards.
 */
export const DELETE_SETTLE_MS = 3_000;
const SETTLE_POLL_MS = 250;

/** Whole deletions started over after a transient failure (each request has its own retries too). */
const DELETION_ATTEMPTS = 3;

/** A DELETE the registry took (done, or accepted to be done). */
export const deleteAccepted = (status: number) => status === 200 || status === 202 || status === 204;
const ok = deleteAccepted;

/**
 * Whether a tag still resolves DELETE_SETTLE_MS after a tag DELETE of its sibling: a registry
 * that deletes the manifest late (202, then the manifest gone within two seconds) shows it here.
 */
export async function holdsThroughSettle(client: RegistryClient, repository: string, tag: string): Promise<boolean> {
  const until = Date.now() + DELETE_SETTLE_MS;
  for (;;) {
    if (!(await client.headManifest(repository, tag))) return false;
    const wait = Math.min(SETTLE_POLL_MS, until - Date.now());
    if (wait <= 0) return true;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

const resultFor =
  (ref: RepositoryRef, tag: string) =>
  (status: TagDeletion['status'], method?: string, detail?: string): TagDeletion => ({ ...ref, tag, status, method, detail });

/**
 * Removes one tag without touching the image or any other tag (docs/registries.md, "Deleting one
 * tag"): a vendor API where the registry kind has one, else OCI tag DELETE where a probe showed
 * it removes the tag alone, else a unique dummy manifest put on the tag and deleted by digest —
 * only on registries proven to delete by digest, so a real tag is never left on a dummy. After a
 * tag DELETE or a vendor delete the guarded tags are checked and put back if they went too.
 * Deletes are serialized per repository.
 */
export class TagDeleter {
  readonly #session: RegistrySession;
  readonly #options: TagDeleterOptions;
  readonly #mutex = new KeyedMutex();
  readonly #capabilities = new Map<string, Promise<Capabilities>>();
  /** Registries whose tag DELETE (or vendor delete) took more than the tag: dummies from now on. */
  readonly #destructive = new Set<string>();
  /** The dummy blobs each repository is known to hold. */
  readonly #dummyBlobs = new Map<string, Set<string>>();
  /** Guards of tag and vendor deletions, watched until the registry can no longer act on them. */
  readonly #watched: { ref: RepositoryRef; guard: DeletionGuard; until: number }[] = [];
  /** Probe tags a registry would not let us remove; reported once. */
  readonly leftoverProbes: string[] = [];

  constructor(options: TagDeleterOptions) {
    this.#session = options.session;
    this.#options = options;
  }

  deleteTag(ref: RepositoryRef, tag: string, guard?: DeletionGuard): Promise<TagDeletion> {
    // Each request is retried by the client. A deletion is several requests deciding on each
    // other's answers, and distribution answers 500 to deletes racing another process's in one
    // repository: a deletion that still fails that way is started over, whole (as a blob transfer is).
    const policy = { ...this.#session.retry, attempts: DELETION_ATTEMPTS };
    return this.#mutex.run(`${refName(ref)}`, () =>
      withRetry(`delete ${refName(ref, tag)}`, () => this.#delete(ref, tag, guard), policy, this.#session.logger),
    );
  }

  async #delete(ref: RepositoryRef, tag: string, guard: DeletionGuard | undefined): Promise<TagDeletion> {
    const client = this.#session.client(ref.registry);
    const result = resultFor(ref, tag);
    const before = await client.headManifest(ref.repository, tag);
    if (!before) return result('absent');

    const { kind, vendorCredential } = this.#vendorOf(ref.registry);
    const byVendor =
      vendorCredential && !this.#destructive.has(ref.registry)
        ? await this.#vendorDelete(ref, tag, kind, vendorCredential, guard)
        : undefined;
    if (byVendor) return byVendor;

    const capabilities = await this.#probe(ref, kind);
    if (capabilities.tagDelete === 'safe' && !this.#destructive.has(ref.registry)) {
      const status = await client.deleteManifest(ref.repository, tag);
      // Accepted is enough to watch the guard: the registry may act on it later, and more widely.
      const restored = ok(status) ? await this.#guardNowAndLater(ref, guard) : undefined;
      if (ok(status) && (await this.#gone(ref, tag))) return result('deleted', 'oci-tag-delete', restored);
      if (!ok(status) && ![400, 404, 405, 501].includes(status))
        return result('left-behind', 'oci-tag-delete', `tag DELETE answered HTTP ${status}`);
    }
    if (!capabilities.digestDelete) {
      const why = `${ref.registry} deletes neither tags nor manifests by digest; ${tag} still points at ${before.digest}`;
      return result('left-behind', 'dummy-manifest', why);
    }
    return this.#dummyDelete(ref, tag);
  }

  /**
   * The vendor's API alone, where the registry's kind has one and its credentials are there:
   * undefined otherwise. For what must not start a probe of its own (doctor's clean-up).
   */
  async deleteByVendor(ref: RepositoryRef, tag: string): Promise<TagDeletion | undefined> {
    const { kind, vendorCredential } = this.#vendorOf(ref.registry);
    if (!vendorCredential) return undefined;
    return this.#mutex.run(`${refName(ref)}`, () => this.#vendorDelete(ref, tag, kind, vendorCredential, undefined));
  }

  /**
   * The registry's kind, and the credentials for its vendor's API: the registry-credentials entry,
   * or none needed where the vendor finds them itself (ECR, Artifact Registry, ACR: the
   * environment or the registry's own login).
   */
  #vendorOf(registry: string): { kind: RegistryKind; vendorCredential?: VendorCredential } {
    const credential = this.#options.vendorCredential?.(registry);
    const kind = registryKind(registry, credential?.type);
    return { kind, vendorCredential: credential ?? (VENDOR_DELETES[kind]?.ambient ? {} : undefined) };
  }

  /** The vendor's own tag API, where the registry kind has one; undefined to try the registry API instead. */
  async #vendorDelete(
    ref: RepositoryRef,
    tag: string,
    kind: RegistryKind,
    credential: VendorCredential,
    guard: DeletionGuard | undefined,
  ): Promise<TagDeletion | undefined> {
    const vendor = VENDOR_DELETES[kind];
    if (!vendor) return undefined;
    const result = resultFor(ref, tag);
    try {
      const outcome = await vendor.run({
        ...ref,
        tag,
        credential,
        transport: this.#session.transport,
        client: this.#session.client(ref.registry),
        env: this.#options.env ?? process.env,
        mask: (s) => this.#session.logger.mask(s),
        login: () => this.#session.credentials.get(ref.registry),
      });
      if (!(await this.#gone(ref, tag)))
        return result('left-behind', vendor.name, `the ${vendor.name} answered ${outcome} but ${tag} still resolves`);
      return result(outcome, vendor.name, await this.#guardNowAndLater(ref, guard));
    } catch (error) {
      if (!(error instanceof VendorNotConfigured)) throw error;
      if (vendor.only) return result('left-behind', vendor.name, `${error.message}: ${ref.registry} removes one tag through its API alone`);
      this.#session.logger.debug(`${error.message}; trying the registry API`);
      return undefined;
    }
  }

  /**
   * The tag pointed at a fresh dummy, the dummy deleted by digest. Another process may be
   * removing (or re-pushing) the same tag at once: a tag still there after our dummy went gets
   * another round rather than a report.
   */
  async #dummyDelete(ref: RepositoryRef, tag: string): Promise<TagDeletion> {
    const client = this.#session.client(ref.registry);
    const result = resultFor(ref, tag);
    let dummy = '';
    for (let round = 0; round < 3; round++) {
      dummy = await this.#putDummy(ref, [tag]);
      const status = await client.deleteManifest(ref.repository, dummy);
      if (!ok(status) && status !== 404) {
        return result('left-behind', 'dummy-manifest', `${tag} now points at the dummy ${dummy}, whose DELETE answered HTTP ${status}`);
      }
      if (await this.#gone(ref, tag)) return result('deleted', 'dummy-manifest');
    }
    return result('left-behind', 'dummy-manifest', `${tag} still resolves after deleting its dummy ${dummy} three times`);
  }

  /**
   * Some registries delete the manifest when asked to delete a tag, and every tag on it goes
   * too. The guarded tags are checked after such a deletion and put back at once from the bytes
   * held; the registry then gets dummies only.
   */
  async #restoreGuarded(ref: RepositoryRef, guard: DeletionGuard | undefined): Promise<string | undefined> {
    if (!guard || guard.tags.length === 0) return undefined;
    const client = this.#session.client(ref.registry);
    const heads = await Promise.all(guard.tags.map((tag) => client.headManifest(ref.repository, tag)));
    // A tag another promotion re-pointed meanwhile is not ours to put back: only the vanished ones.
    const lost = guard.tags.filter((_, i) => heads[i] === undefined);
    if (lost.length === 0) return undefined;
    this.#destructive.add(ref.registry);
    for (const tag of lost) await client.putManifest(ref.repository, tag, guard.manifest);
    const detail =
      `${ref.registry} deleted the image along with the tag: put ${lost.join(', ')} back on ` +
      `${guard.manifest.digest}; its tags are removed through dummy manifests from now on`;
    this.#session.logger.warning(`${refName(ref)}: ${detail}`);
    return detail;
  }

  /** The guarded tags checked now, and watched until the registry can no longer act on the deletion. */
  async #guardNowAndLater(ref: RepositoryRef, guard: DeletionGuard | undefined): Promise<string | undefined> {
    if (!guard || guard.tags.length === 0) return undefined;
    this.#watched.push({ ref, guard, until: Date.now() + DELETE_SETTLE_MS });
    return this.#restoreGuarded(ref, guard);
  }

  /**
   * Waits until every registry had time to act on the tag and vendor deletions of this run
   * (DELETE_SETTLE_MS after the last), checking the guarded tags as it waits and putting back
   * the held bytes on any that vanished: a registry that removed the manifest late gets dummies
   * from then on. Returns what was put back. Free when no such deletion happened.
   */
  async settle(): Promise<string[]> {
    const restored: string[] = [];
    while (this.#watched.length > 0) {
      const last = this.#watched.reduce((latest, w) => Math.max(latest, w.until), 0);
      const wait = Math.min(SETTLE_POLL_MS, last - Date.now());
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.#session.signal.throwIfAborted();
      const now = Date.now();
      // One check per guard, however many deletions it watches over.
      const guards = new Map(this.#watched.map((w) => [w.guard, w.ref]));
      for (const [guard, ref] of guards) {
        const detail = await this.#mutex.run(`${refName(ref)}`, () => this.#restoreGuarded(ref, guard));
        if (detail) restored.push(detail);
      }
      // Only what was watched long enough ends; a deletion added meanwhile keeps its own time.
      const still = this.#watched.filter((w) => w.until > now);
      this.#watched.splice(0, this.#watched.length, ...still);
    }
    return restored;
  }

  async #putDummy(ref: RepositoryRef, tags: readonly string[]): Promise<string> {
    const key = `${refName(ref)}`;
    const present = this.#dummyBlobs.get(key) ?? new Set<string>();
    this.#dummyBlobs.set(key, present);
    return putDummy(this.#session.client(ref.registry), ref.repository, tags, present);
  }

  async #gone(ref: RepositoryRef, tag: string): Promise<boolean> {
    return (await this.#session.client(ref.registry).headManifest(ref.repository, tag)) === undefined;
  }

  /**
   * Once per registry and run, on two throw-away tags of one dummy: does a tag DELETE remove that
   * tag alone, the manifest with both tags, or nothing; and does a DELETE by digest work. A real
   * tag is only ever deleted the way the probe showed safe. `distribution` is known to refuse tag
   * DELETE, so its probe skips that step. A tag DELETE accepted costs DELETE_SETTLE_MS once: the
   * sibling must still be there after it, not only at once.
   */
  #probe(ref: RepositoryRef, kind: RegistryKind): Promise<Capabilities> {
    let probe = this.#capabilities.get(ref.registry);
    if (!probe) {
      // A probe that failed for a passing reason (5xx, network) is not kept: the next deletion, or
      // its retry, probes again. A refusal (a push-only credential) stays for the run, so it leaves
      // one pair of probe tags, not one per tag. Until a probe succeeds, no tag is deleted blind.
      probe = this.#runProbe(ref, kind).catch((error: unknown) => {
        if (isRetryable(error)) this.#capabilities.delete(ref.registry);
        const wrapped = new Error(`probing how ${ref.registry} deletes failed: ${(error as Error).message}`, { cause: error });
        throw Object.assign(wrapped, { retryable: isRetryable(error) });
      });
      this.#capabilities.set(ref.registry, probe);
    }
    return probe;
  }

  async #runProbe(ref: RepositoryRef, kind: RegistryKind): Promise<Capabilities> {
    const client = this.#session.client(ref.registry);
    const first = `cia-delete-probe-${randomBytes(6).toString('hex')}`;
    const second = `${first}-b`;
    const testTagDelete = kind !== 'distribution';
    const tags = testTagDelete ? [first, second] : [first];
    const digest = await this.#putDummy(ref, tags);
    let tagDelete: Capabilities['tagDelete'] = 'no';
    let byDigest: 'works' | 'leaves the tags' | 'refused';
    try {
      if (testTagDelete) {
        const status = await client.deleteManifest(ref.repository, first);
        if (ok(status)) tagDelete = (await holdsThroughSettle(client, ref.repository, second)) ? 'safe' : 'destructive';
      }
      byDigest = await this.#probeDigestDelete(ref, digest, tags[tags.length - 1]);
      if (byDigest === 'leaves the tags' && tagDelete === 'safe') await client.deleteManifest(ref.repository, tags[tags.length - 1]);
    } catch (error) {
      // A credential that may push but not delete: the probe tags stay, for a later run to sweep.
      for (const t of tags) this.leftoverProbes.push(`${refName(ref, t)}`);
      throw error;
    }
    const digestDelete = byDigest === 'works';
    if (tagDelete === 'destructive') this.#destructive.add(ref.registry);
    if (!digestDelete) {
      for (const t of tags) if (await client.headManifest(ref.repository, t)) this.leftoverProbes.push(`${refName(ref, t)}`);
    }
    this.#session.logger.debug(`${ref.registry}: tag DELETE ${tagDelete}, DELETE by digest ${byDigest}`);
    return { tagDelete, digestDelete };
  }

  /**
   * The dummy deleted by digest: that works only if its last probe tag went with it. A 404 is a
   * retry after a DELETE that worked but answered 500 (distribution does that under concurrent
   * deletes); an accepted DELETE that leaves the tag is a registry keeping tags and digests apart
   * (go-containerregistry's), where a dummy would never take a tag away. Other processes working
   * in the repository make distribution answer 500 now and then: the client retries, so a passing
   * 500 is not taken for "deletes refused" (which would leave the probe).
   */
  async #probeDigestDelete(ref: RepositoryRef, digest: string, lastTag: string): Promise<'works' | 'leaves the tags' | 'refused'> {
    const client = this.#session.client(ref.registry);
    const status = await client.deleteManifest(ref.repository, digest);
    if (!ok(status) && status !== 404) {
      this.#session.logger.warning(`${ref.registry} refuses manifest deletes (HTTP ${status}): real tags stay untouched`);
      return 'refused';
    }
    return (await client.headManifest(ref.repository, lastTag)) ? 'leaves the tags' : 'works';
  }

  /**
   * Probe tags that an interrupted run left behind (older than ten minutes, so a run probing
   * right now keeps its own), removed by their dummy's digest. Returns the tags removed.
   */
  async sweepProbes(ref: RepositoryRef, tags: readonly string[], now = Date.now()): Promise<string[]> {
    const client = this.#session.client(ref.registry);
    const removed: string[] = [];
    for (const tag of tags.filter((t) => PROBE_TAG.test(t))) {
      await this.#mutex.run(`${refName(ref)}`, async () => {
        const manifest = await client.getManifest(ref.repository, tag).catch((error: unknown) => {
          if (error instanceof RegistryError && error.status === 404) return undefined;
          throw error;
        });
        const time = manifest && dummyTime(manifest);
        if (!manifest || time === undefined || now - time < PROBE_ABANDONED_MS) return;
        const status = await client.deleteManifest(ref.repository, manifest.digest);
        if (ok(status) || status === 404) removed.push(tag);
      });
    }
    return removed;
  }
}
