/**
 * Zuul's names around the image list: the variables that hold it, the older build-docker-image
 * spelling of its keys, and the role variables that are action inputs here.
 * (docs/zuul.md, "Variables")
 */

/** Variables holding an image list: the container roles' and build-docker-image's. */
export const LIST_VARIABLES = ['container_images', 'docker_images'] as const;

/** build-docker-image's entry keys that the container roles spell otherwise. */
export const KEY_ALIASES: Readonly<Record<string, string>> = { dockerfile: 'container_filename' };

/** Role variables (not list keys) and the input that does their work here. */
export const ROLE_VARIABLES: Readonly<Record<string, string>> = {
  container_command: 'the container-command input',
  container_filename: 'the container-filename input',
  docker_dockerfile: 'the container-filename input',
  container_build_extra_env: 'the build-extra-env input',
  zuul_work_dir: 'the work-dir input',
  container_registry_credentials: 'the registry-credentials input (from a secret)',
  docker_credentials: 'the registry-credentials input (from a secret), keyed by registry',
  upload_container_image_promote: 'the promote input',
  promote_container_image_method: 'the promote-method input',
  promote_container_method: 'the promote-method input',
  buildset_registry: 'nothing: jobs hand images on through intermediate-registry and promote',
  docker_use_buildset_registry: 'nothing: jobs hand images on through intermediate-registry and promote',
  container_images: 'the images or images-file input (a list inside a list entry?)',
  docker_images: 'the images or images-file input (a list inside a list entry?)',
};

/**
 * One entry with build-docker-image's names turned into the container roles' ones, and role
 * variables written into it reported: Zuul would ignore them there, which is never what was meant.
 */
export function normaliseEntry(entry: Record<string, unknown>, field: string, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...entry };
  for (const [alias, key] of Object.entries(KEY_ALIASES)) {
    if (!(alias in out)) continue;
    // Lists written for both roles repeat the value under both names: only a disagreement is ambiguous.
    if (key in out && out[key] !== out[alias])
      problems.push(`${field}: give ${key} or ${alias} (build-docker-image's name for it), not both with different values`);
    else out[key] = out[alias];
    delete out[alias];
  }
  for (const [name, input] of Object.entries(ROLE_VARIABLES)) {
    // container_filename is both a role variable and an entry key: only the variable's other names count.
    if (!(name in out) || name === 'container_filename') continue;
    problems.push(`${field}.${name}: a Zuul role variable, not a key of an image; here it is ${input}`);
    delete out[name];
  }
  return out;
}
