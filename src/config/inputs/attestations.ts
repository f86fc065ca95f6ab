import type { EngineName } from '../../engines/build-spec.js';
import { engineCapabilities } from '../../engines/capabilities.js';
import { ConfigError, ConfigErrors } from '../errors.js';
import type { ImageSpec } from '../images/list.js';
import { Input } from './table.js';

const CHOICES = ['provenance', 'provenance=min', 'provenance=max', 'sbom', 'none'] as const;

/**
 * The attestations BuildKit makes for a docker buildx push, as buildx flags: `provenance`
 * (mode=min), `provenance=max`, `sbom`, or `none` for neither (buildx otherwise adds min
 * provenance by itself). Empty: buildx's own default. They are made as OCI artifacts whose
 * `subject` is the platform's image, so registries and the mirror see them as its referrers.
 */
export function parseAttestations(
  value: string,
  engine: EngineName,
  images: readonly Pick<ImageSpec, 'index' | 'platforms'>[],
  platform: string | undefined,
): readonly string[] | undefined {
  const tokens = value.split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0) return undefined;
  const unknown = tokens.filter((t) => !(CHOICES as readonly string[]).includes(t));
  if (unknown.length) throw new ConfigError(`${Input.Attestations}: "${unknown[0]}" is not one of ${CHOICES.join(', ')}`);
  if (tokens.includes('none') && tokens.length > 1) throw new ConfigError(`${Input.Attestations}: none goes alone`);
  if (!engineCapabilities(engine).attestations)
    throw new ConfigError(`${Input.Attestations}: BuildKit makes attestations: use container-command: docker with buildx, not ${engine}`);
  if (platform !== undefined)
    throw new ConfigError(`${Input.Attestations}: a platform job's image goes through docker's store, which drops attestations`);
  const single = images.filter((image) => image.platforms.length === 0);
  if (single.length)
    throw new ConfigErrors(
      single.map((image) => `images[${image.index}].arch: required with attestations (buildx pushes such images itself, with them)`),
    );
  if (tokens.includes('none')) return ['--provenance=false', '--sbom=false'];
  const provenance = tokens.filter((t) => t.startsWith('provenance')).pop();
  return [
    ...(provenance ? [`--provenance=mode=${provenance === 'provenance=max' ? 'max' : 'min'}`] : ['--provenance=false']),
    `--sbom=${tokens.includes('sbom')}`,
  ];
}
