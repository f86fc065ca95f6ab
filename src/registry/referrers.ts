import { MAX_TAGS_READ, type Manifest, type ReferrerDescriptor } from './client.js';
import { copyImage } from './copy.js';
import { mapLimited } from './limiter.js';
import { isIndex, parseJson, type IndexJson } from './manifest.js';
import { MediaType } from './media-types.js';
import { refName, type RepositoryRef } from './reference.js';
import type { RegistrySession } from './session.js';

/**
 * Tags that hold an image's supply-chain artifacts rather than an image: the OCI 1.1 fallback
 * index (`sha256-<hex>`) and cosign's signature, attestation and SBOM tags. (docs/registries.md,
 * "Referrers: signatures, SBOMs and attestations")
 */
export const REFERRER_TAG = /^sha256-[a-f0-9]{64}(?:\.(?:sig|att|sbom))?$/;
const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'] as const;
/**
 * Referrers of referrers are followed this deep (a signature on an SBOM is 2; real chains stop
 * at 3 or 4); deeper ones are reported as not copied, with a warning.
 */
export const MAX_REFERRER_DEPTH = 16;
const IMAGE_CONFIGS = new Set<string>([MediaType.OciConfig, MediaType.DockerConfig, 'application/vnd.oci.empty.v1+json']);

export const fallbackTag = (digest: string) => `sha256-${digest.slice(digest.indexOf(':') + 1)}`;

export type ReferrerSource = 'referrers-api' | 'fallback-tag' | 'cosign-tag';

/** One referrer and what happened to it. */
export interface ReferrerCopy {
  /** The manifest it refers to. */
  readonly subject: string;
  readonly digest: string;
  readonly artifactType: string;
  readonly via: ReferrerSource;
  /** cosign's tag, for those found by it. */
  readonly tag?: string;
  /** `skipped`: deeper than MAX_REFERRER_DEPTH, not copied. */
  readonly status: 'copied' | 'unchanged' | 'planned' | 'skipped';
}

export interface ReferrerOptions {
  /** Artifact types to copy; empty: all. */
  readonly types: readonly string[];
  /** Find and report, write nothing. */
  readonly dryRun?: boolean;
}

interface Found extends ReferrerDescriptor {
  readonly via: ReferrerSource;
  readonly tag?: string;
}

/** One referrer handled, and whether the destination indexed it by its subject. */
interface Handled {
  readonly copy: ReferrerCopy;
  /** Copied now by subject, and the PUT came back without `OCI-Subject`. */
  readonly unindexed: boolean;
}

/**
 * Copies the referrers of images between repositories: found through the source's referrers API
 * where it has one, else its fallback index tag, plus cosign's tags; each copied by digest (bytes
 * unchanged), referrers of referrers too; on a destination without the API, the fallback index is
 * written, merged with the entries already there; likewise on one with the API that did not
 * index a pushed referrer (no `OCI-Subject`). Unchanged ones cost a HEAD each; the referrers of
 * a subject, and the subjects of a level, are handled with the run's concurrency.
 */
export class ReferrerMirror {
  readonly #tags = new Map<string, Promise<Set<string>>>();
  /** Per registry: whether it has the referrers API, learnt from its first referrers request (one at a time). */
  readonly #api = new Map<string, Promise<boolean>>();
  readonly #done = new Map<string, Promise<ReferrerCopy[]>>();
  readonly #lists = new Map<string, Promise<ReferrerDescriptor[] | undefined>>();
  /** Registries with the referrers API that answered a referrer's PUT without `OCI-Subject`. */
  readonly #unindexing = new Set<string>();

  constructor(
    readonly session: RegistrySession,
    readonly options: ReferrerOptions,
  ) {}

  /**
   * The referrers of an image and, for an index, of each child. `subset`: the destination holds a
   * new, smaller index, which has no referrers of its own.
   */
  copyFor(from: RepositoryRef, to: RepositoryRef, digest: string, subset = false): Promise<ReferrerCopy[]> {
    const key = `${refName(from)}|${refName(to)}|${digest}|${subset}`;
    let done = this.#done.get(key);
    if (!done) {
      done = this.#copyFor(from, to, digest, subset);
      this.#done.set(key, done);
    }
    return done;
  }

  async #copyFor(from: RepositoryRef, to: RepositoryRef, digest: string, subset: boolean): Promise<ReferrerCopy[]> {
    const subjects = subset ? [] : [digest];
    if (await this.#mayReferToChildren(from, digest)) {
      const top = await this.session.client(from.registry).getManifest(from.repository, digest);
      // A loop, not a spread: an index of many thousand children would overflow the arguments.
      if (isIndex(top.mediaType, top.bytes))
        for (const child of parseJson<IndexJson>(top.bytes, 'index').manifests) subjects.push(child.digest);
    }
    const results: ReferrerCopy[] = [];
    const seen = new Set(subjects);
    let level = subjects;
    for (let depth = 0; depth < MAX_REFERRER_DEPTH && level.length > 0; depth++) {
      const next: string[] = [];
      for (const copies of await this.#parallel(from, level, (subject) => this.#copySubject(from, to, subject))) {
        for (const copy of copies) {
          results.push(copy);
          if (!seen.has(copy.digest)) next.push(copy.digest);
          seen.add(copy.digest);
        }
      }
      level = next;
    }
    for (const left of await this.#beyondDepth(from, level)) results.push(left);
    return results;
  }

  /** `task` for each item, as many at once as the run has requests in flight per registry. */
  #parallel<T, R>(ref: RepositoryRef, items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
    return mapLimited(items, this.session.limiter(ref.registry).max, task);
  }

  /**
   * The referrers of the deepest copied level, which the depth bound leaves behind: listed as
   * `skipped` and warned about (their own referrers are not looked for).
   */
  async #beyondDepth(from: RepositoryRef, subjects: readonly string[]): Promise<ReferrerCopy[]> {
    const left: ReferrerCopy[] = [];
    for (const found of await this.#parallel(from, subjects, (subject) => this.#findWanted(from, subject))) {
      for (const { subject, referrer } of found) {
        const { digest, via, tag, artifactType } = referrer;
        left.push({ subject, digest, artifactType: artifactType ?? '', via, ...(tag && { tag }), status: 'skipped' });
      }
    }
    if (left.length > 0)
      this.session.logger.warning(
        `${refName(from)}: referrer chains are followed ${MAX_REFERRER_DEPTH} levels deep; ${left.length} referrer(s) deeper ` +
          `were not copied, nor anything referring to them: ${left.map((l) => `${l.digest} (referring to ${l.subject})`).join(', ')}`,
      );
    return left;
  }

  /** The referrers of `subject` that `referrer-types` admits. */
  async #findWanted(from: RepositoryRef, subject: string): Promise<{ subject: string; referrer: Found }[]> {
    const { found } = await this.#find(from, subject);
    const wanted = await this.#parallel(from, found, (referrer) => this.#wanted(from, referrer));
    return found.filter((_, i) => wanted[i]).map((referrer) => ({ subject, referrer }));
  }

  /**
   * The referrers the API lists for `subject`, or undefined on a registry without it. The first
   * request to a registry settles whether it has one; the others wait for that answer rather than
   * each asking a registry without the API.
   */
  #listed(ref: RepositoryRef, subject: string): Promise<ReferrerDescriptor[] | undefined> {
    const key = `${refName(ref)}@${subject}`;
    let listed = this.#lists.get(key);
    if (!listed) {
      listed = this.#list(ref, subject);
      this.#lists.set(key, listed);
    }
    return listed;
  }

  async #list(ref: RepositoryRef, subject: string): Promise<ReferrerDescriptor[] | undefined> {
    const client = this.session.client(ref.registry);
    // One type asked for: the registry filters (artifactType=); several: filtered here.
    const [only] = this.options.types.length === 1 ? this.options.types : [];
    const known = this.#api.get(ref.registry);
    if (known === undefined) {
      const first = client.getReferrers(ref.repository, subject, only);
      this.#api.set(
        ref.registry,
        first.then(
          (listed) => listed !== undefined,
          () => true,
        ),
      );
      return first;
    }
    return (await known) ? client.getReferrers(ref.repository, subject, only) : undefined;
  }

  /** Children can only have referrers the source can tell of: its API, or referrer tags not of the top digest. */
  async #mayReferToChildren(from: RepositoryRef, digest: string): Promise<boolean> {
    if ((await this.#listed(from, digest)) !== undefined) return true;
    const own = fallbackTag(digest);
    return [...(await this.#tagsOf(from))].some((tag) => REFERRER_TAG.test(tag) && !tag.startsWith(own));
  }

  async #copySubject(from: RepositoryRef, to: RepositoryRef, subject: string): Promise<ReferrerCopy[]> {
    const { found, index } = await this.#find(from, subject);
    const wanted = await this.#parallel(from, found, (referrer) => this.#wanted(from, referrer));
    const kept = found.filter((_, i) => wanted[i]);
    const handled = await this.#parallel(to, kept, (referrer) => this.#copyOne(from, to, subject, referrer));
    const bySubject = kept.filter((r) => r.via !== 'cosign-tag');
    if (bySubject.length > 0 && !this.options.dryRun && (await this.#needsIndex(to, subject, handled))) {
      await this.#writeIndex(
        to,
        subject,
        bySubject,
        index && bySubject.length === found.filter((f) => f.via === 'fallback-tag').length ? index : undefined,
      );
    }
    return handled.map((h) => h.copy);
  }

  /**
   * Whether the destination learns `subject`'s referrers from the fallback index: it has no
   * referrers API, or it has one but did not index a referrer pushed to it (no `OCI-Subject` on
   * the PUT: the OCI distribution spec has the client write the fallback index then).
   */
  async #needsIndex(to: RepositoryRef, subject: string, handled: readonly Handled[]): Promise<boolean> {
    if (handled.some((h) => h.unindexed)) this.#unindexing.add(to.registry);
    if (this.#unindexing.has(to.registry)) return true;
    return !(await this.#hasApi(to, subject));
  }

  async #find(from: RepositoryRef, subject: string): Promise<{ found: Found[]; index?: Manifest }> {
    const client = this.session.client(from.registry);
    const found: Found[] = [];
    let index: Manifest | undefined;
    const listed = await this.#listed(from, subject);
    for (const descriptor of listed ?? []) found.push({ ...descriptor, via: 'referrers-api' });
    const tags = await this.#tagsOf(from);
    const fallback = fallbackTag(subject);
    // Read even where the API answered: a registry that did not index a push holds it there only.
    if (tags.has(fallback)) {
      index = await client.getManifest(from.repository, fallback);
      for (const descriptor of parseJson<{ manifests?: ReferrerDescriptor[] }>(index.bytes, `referrers index ${fallback}`).manifests ?? [])
        found.push({ ...descriptor, via: 'fallback-tag' });
    }
    for (const suffix of COSIGN_SUFFIXES) {
      const tag = `${fallback}.${suffix}`;
      if (!tags.has(tag)) continue;
      const head = await client.headManifest(from.repository, tag);
      if (head) found.push({ digest: head.digest, mediaType: head.mediaType, size: head.size, via: 'cosign-tag', tag });
    }
    // One manifest listed twice (by the API and a cosign tag) is copied once, with its tag.
    const unique = new Map<string, Found>();
    for (const referrer of found) if (!unique.has(referrer.digest) || referrer.tag) unique.set(referrer.digest, referrer);
    return { found: [...unique.values()], index };
  }

  /** A repository's tags, once per run; past MAX_TAGS_READ the list is cut, with a warning. */
  async #tagsOf(ref: RepositoryRef): Promise<Set<string>> {
    const key = refName(ref);
    let tags = this.#tags.get(key);
    if (!tags) {
      tags = this.session
        .client(ref.registry)
        .readTags(ref.repository)
        .then(({ tags: list, complete }) => {
          if (!complete)
            this.session.logger.warning(
              `${key}: more than ${MAX_TAGS_READ} tags; referrers found only by a tag past that (cosign's ` +
                'sha256-<hex>.sig/.att/.sbom, fallback indexes) may not have been copied',
            );
          return new Set(list);
        });
      this.#tags.set(key, tags);
    }
    return tags;
  }

  /** Whether `referrer-types` admits it; its type read from the manifest where no descriptor gives it. */
  async #wanted(from: RepositoryRef, referrer: Found): Promise<boolean> {
    if (this.options.types.length === 0) return true;
    return this.options.types.includes(referrer.artifactType ?? (await this.#artifactType(from, referrer.digest)));
  }

  async #artifactType(from: RepositoryRef, digest: string): Promise<string> {
    const manifest = await this.session.client(from.registry).getManifest(from.repository, digest);
    return artifactTypeOf(manifest);
  }

  async #copyOne(from: RepositoryRef, to: RepositoryRef, subject: string, referrer: Found): Promise<Handled> {
    const dst = this.session.client(to.registry);
    const base = { subject, digest: referrer.digest, via: referrer.via, ...(referrer.tag && { tag: referrer.tag }) };
    const artifactType = referrer.artifactType ?? '';
    const current = await dst.headManifest(to.repository, referrer.tag ?? referrer.digest);
    if (current?.digest === referrer.digest) return { copy: { ...base, artifactType, status: 'unchanged' }, unindexed: false };
    if (this.options.dryRun) return { copy: { ...base, artifactType, status: 'planned' }, unindexed: false };
    // By digest, bytes as they are: a signature covers the digest, so nothing may change.
    const copied = await copyImage(this.session, from, to, {
      source: referrer.digest,
      tags: referrer.tag ? [referrer.tag] : [],
      knownChanged: true,
    });
    return {
      copy: { ...base, artifactType: artifactType || (await this.#artifactType(from, referrer.digest)), status: 'copied' },
      unindexed: referrer.via !== 'cosign-tag' && copied.subject === undefined,
    };
  }

  /**
   * A destination that learns an image's referrers from its fallback index gets it:
   * written with the source's bytes where nothing was filtered out and none is there yet, else
   * merged with the entries already there (never overwriting them).
   */
  async #writeIndex(to: RepositoryRef, subject: string, referrers: readonly Found[], sourceIndex: Manifest | undefined): Promise<void> {
    const dst = this.session.client(to.registry);
    const tag = fallbackTag(subject);
    const head = await dst.headManifest(to.repository, tag);
    if (head && head.digest === sourceIndex?.digest) return;
    const wanted = referrers.map(({ via: _via, tag: _tag, ...descriptor }) => descriptor);
    if (!head) {
      const bytes =
        sourceIndex?.bytes ?? Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: wanted }));
      await dst.putManifest(to.repository, tag, { bytes, mediaType: MediaType.OciIndex });
      return;
    }
    const existing = await dst.getManifest(to.repository, tag);
    const json = parseJson<{ manifests?: ReferrerDescriptor[] } & Record<string, unknown>>(existing.bytes, `referrers index ${tag}`);
    const present = new Set((json.manifests ?? []).map((m) => m.digest));
    const added = wanted.filter((d) => !present.has(d.digest));
    if (added.length === 0) return;
    const bytes = Buffer.from(JSON.stringify({ ...json, manifests: [...(json.manifests ?? []), ...added] }));
    await dst.putManifest(to.repository, tag, { bytes, mediaType: MediaType.OciIndex });
  }

  async #hasApi(ref: RepositoryRef, subject: string): Promise<boolean> {
    const known = this.#api.get(ref.registry);
    return known ? known : (await this.#listed(ref, subject)) !== undefined;
  }
}

/** An artifact's type: its own `artifactType`, else a config that is not an image's, else its first layer's type. */
export function artifactTypeOf(manifest: Pick<Manifest, 'bytes' | 'mediaType'>): string {
  const json = parseJson<{ artifactType?: string; config?: { mediaType?: string }; layers?: { mediaType?: string }[] }>(
    manifest.bytes,
    'manifest',
  );
  if (json.artifactType) return json.artifactType;
  const config = json.config?.mediaType;
  if (config && !IMAGE_CONFIGS.has(config)) return config;
  return json.layers?.[0]?.mediaType ?? manifest.mediaType;
}
