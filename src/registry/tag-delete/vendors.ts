import { RegistryError } from '../errors.js';
import type { RegistryKind } from '../kinds.js';
import { hostOf } from '../reference.js';
import { acr, ecr, gar } from './cloud-vendors.js';
import { putDummy } from './dummy.js';
import type { VendorDelete } from './vendor-context.js';
import { requireSecret, VendorHttp } from './vendor-http.js';

export type { VendorContext, VendorCredential, VendorDelete, VendorOutcome } from './vendor-context.js';

/** `ns/name` as vendor APIs want it; a one-segment name is Docker Hub's `library/`. */
export function splitNamespace(repository: string): { namespace: string; name: string } {
  const slash = repository.indexOf('/');
  if (slash < 0) return { namespace: 'library', name: repository };
  return { namespace: repository.slice(0, slash), name: repository.slice(slash + 1) };
}

/** Docker Hub: log in for a JWT, then DELETE the tag through hub.docker.com's API. */
const dockerHub: VendorDelete = async ({ repository, tag, credential, transport, mask }) => {
  const base = credential.apiUrl ?? 'https://hub.docker.com';
  const username = requireSecret(credential.username, 'Docker Hub tag deletion');
  const password = requireSecret(credential.apiToken ?? credential.password, 'Docker Hub tag deletion');
  const login = await new VendorHttp(transport, base, {}).json<{ token?: string }>('POST', '/v2/users/login/', { username, password });
  const token = login.data?.token;
  if (login.status !== 200 || !token)
    throw new RegistryError('POST', `${base}/v2/users/login/`, login.status, [], 'Docker Hub login gave no token');
  mask(token);
  const { namespace, name } = splitNamespace(repository);
  return new VendorHttp(transport, base, { authorization: `JWT ${token}` }).delete(
    `/v2/repositories/${namespace}/${name}/tags/${encodeURIComponent(tag)}/`,
  );
};

/** Quay: DELETE /api/v1/repository/<ns>/<repo>/tag/<tag> with an application token. */
const quay: VendorDelete = async ({ registry, repository, tag, credential, transport }) => {
  const base = credential.apiUrl ?? `https://${registry}`;
  const token = requireSecret(credential.apiToken, 'Quay tag deletion (api_token)');
  return new VendorHttp(transport, base, { authorization: `Bearer ${token}` }).delete(
    `/api/v1/repository/${repository}/tag/${encodeURIComponent(tag)}`,
  );
};

/** Package versions read at most (100 a page): where a package has more, the tag's is looked for among these. */
const MAX_VERSION_PAGES = 1000;

interface GhcrVersion {
  id: number;
  name: string;
  metadata?: { container?: { tags?: string[] } };
}

/**
 * GHCR has no untag API: a package version is a manifest. A version holding only this tag is
 * deleted; one shared with other tags keeps them: the tag is moved to a unique dummy first,
 * and the dummy's version is deleted.
 */
const ghcr: VendorDelete = async ({ repository, tag, credential, transport, client, env }) => {
  const base = credential.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com';
  const token = requireSecret(credential.apiToken ?? credential.password, 'GHCR tag deletion');
  const api = new VendorHttp(transport, base, { authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' });
  const { namespace: owner, name } = splitNamespace(repository);
  const pkg = encodeURIComponent(name);
  let scope: string | undefined;
  const versions = async (): Promise<GhcrVersion[]> => {
    for (const candidate of scope ? [scope] : [`orgs/${owner}`, `users/${owner}`]) {
      const all: GhcrVersion[] = [];
      for (let page = 1; ; page++) {
        const { status, data } = await api.json<GhcrVersion[]>(
          'GET',
          `/${candidate}/packages/container/${pkg}/versions?per_page=100&page=${page}`,
        );
        if (status === 404) break;
        scope = candidate;
        // One loop, not a spread: a page far larger than asked for would overflow the call stack.
        const listed = Array.isArray(data) ? data : [];
        for (const version of listed) all.push(version);
        // A page other than the 100 asked for is the last: an API ignoring per_page has no next one.
        if (listed.length !== 100 || page >= MAX_VERSION_PAGES) return all;
      }
    }
    return [];
  };
  const holder = (await versions()).find((v) => v.metadata?.container?.tags?.includes(tag));
  if (!holder) return 'absent';
  if ((holder.metadata?.container?.tags ?? []).length === 1) return api.delete(`/${scope}/packages/container/${pkg}/versions/${holder.id}`);
  const dummyDigest = await putDummy(client, repository, [tag]);
  const dummy = (await versions()).find((v) => v.name === dummyDigest);
  if (!dummy)
    throw new RegistryError(
      'GET',
      `${base}/${scope}/packages/container/${pkg}/versions`,
      200,
      [],
      `the dummy ${dummyDigest} now on ${tag} is not listed as a package version; ${tag} is left on it`,
    );
  return api.delete(`/${scope}/packages/container/${pkg}/versions/${dummy.id}`);
};

/** Harbor: DELETE .../artifacts/<tag>/tags/<tag>; nested repository names are encoded twice. */
const harbor: VendorDelete = async ({ registry, repository, tag, credential, transport }) => {
  const base = credential.apiUrl ?? `https://${registry}`;
  const username = requireSecret(credential.username, 'Harbor tag deletion');
  const password = requireSecret(credential.password, 'Harbor tag deletion');
  const api = new VendorHttp(transport, base, { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` });
  const { namespace: project, name } = splitNamespace(repository);
  const repo = encodeURIComponent(encodeURIComponent(name));
  const ref = encodeURIComponent(tag);
  return api.delete(`/api/v2.0/projects/${encodeURIComponent(project)}/repositories/${repo}/artifacts/${ref}/tags/${ref}`);
};

/** GitLab: find the project and its registry repository, then DELETE the tag by ids. */
const gitlab: VendorDelete = async ({ registry, repository, tag, credential, transport }) => {
  const base = credential.apiUrl ?? `https://${hostOf(registry).replace(/^registry\./, '')}`;
  const token = requireSecret(credential.apiToken ?? credential.password, 'GitLab tag deletion');
  const api = new VendorHttp(transport, base, { authorization: `Bearer ${token}` });
  const parts = repository.split('/');
  // The project is some prefix of the image path (group/subgroup/project[/image]).
  for (let length = parts.length; length >= 2; length--) {
    const project = parts.slice(0, length).join('/');
    const { status, data } = await api.json<{ id: number; path: string; project_id: number }[]>(
      'GET',
      `/api/v4/projects/${encodeURIComponent(project)}/registry/repositories?per_page=100`,
    );
    if (status === 404 || !data) continue;
    const repo = data.find((r) => r.path === repository);
    if (repo) return api.delete(`/api/v4/projects/${repo.project_id}/registry/repositories/${repo.id}/tags/${encodeURIComponent(tag)}`);
  }
  return 'absent';
};

/**
 * The vendor APIs by registry kind. `ambient`: tried without a registry-credentials entry, the
 * vendor finding its credentials itself (the environment, the registry's login) or throwing
 * VendorNotConfigured. `only`: the registry API cannot remove one tag there (ECR refuses manifest
 * DELETEs, Artifact Registry deletes no tagged digest), so without the vendor's credentials the
 * tag is reported left behind at once: a probe would only leave its own tags behind too.
 */
export const VENDOR_DELETES: Partial<Record<RegistryKind, { name: string; run: VendorDelete; ambient?: boolean; only?: boolean }>> = {
  docker: { name: 'docker-hub-api', run: dockerHub },
  quay: { name: 'quay-api', run: quay },
  ghcr: { name: 'ghcr-packages-api', run: ghcr },
  harbor: { name: 'harbor-api', run: harbor },
  gitlab: { name: 'gitlab-api', run: gitlab },
  ecr: { name: 'ecr-api', run: ecr, ambient: true, only: true },
  gar: { name: 'artifact-registry-api', run: gar, ambient: true, only: true },
  acr: { name: 'acr-api', run: acr, ambient: true },
};
