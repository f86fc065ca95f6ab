import { parseReference, type Reference } from '../registry/reference.js';
import { readInputFile } from './input-file.js';
import { ConfigError, ConfigErrors } from './errors.js';
import { IMAGE_KEYS, imageListSchema, qualify, type ImageEntry } from './image-schema.js';
import { resolveInside } from './paths.js';
import { formatIssues } from './schema-errors.js';
import { parseYamlInput } from './yaml.js';

/** One image of the list, validated and normalised. */
export interface ImageSpec {
  /** Position in the list, for messages. */
  readonly index: number;
  readonly entry: ImageEntry;
  /** The repository with its registry, as used for local tags: `quay.io/org/app`. */
  readonly repository: string;
  readonly reference: Reference;
  readonly tags: readonly string[];
  readonly platforms: readonly string[];
}

export interface ImageListSource {
  /** The `images` input (inline YAML or JSON). */
  inline: string;
  /** The `images-file` input. */
  file: string;
  workDir: string;
}

/** Zuul vars files hold the list under this key. */
const ZUUL_KEY = 'container_images';

export function loadImageList(source: ImageListSource): ImageSpec[] {
  const { inline, file } = source;
  if (inline && file) throw new ConfigError('give either images or images-file, not both');
  if (!inline && !file) throw new ConfigError('no images: give the images input (a YAML list) or images-file (a file holding one)');

  let raw: unknown;
  let origin = '';
  if (inline) {
    raw = parseYamlInput(inline, 'images');
  } else {
    const path = resolveInside(source.workDir, source.workDir, file, 'images-file');
    raw = parseYamlInput(readInputFile(path, 'images-file', file), `images-file "${file}"`);
    origin = `${file}: `;
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    if (!(ZUUL_KEY in raw)) {
      throw new ConfigError(
        `${origin}images: expected a list of images or a mapping with a "${ZUUL_KEY}" key, got a mapping with keys ` +
          `${Object.keys(raw).join(', ')}`,
      );
    }
    raw = (raw as Record<string, unknown>)[ZUUL_KEY];
  }
  return validateImageList(raw, origin);
}

export function validateImageList(raw: unknown, origin = ''): ImageSpec[] {
  const parsed = imageListSchema.safeParse(raw);
  if (!parsed.success) {
    const knownKeys = () => IMAGE_KEYS;
    throw new ConfigErrors(formatIssues('images', parsed.error.issues, knownKeys).map((line) => origin + line));
  }
  const specs = parsed.data.map((entry, index) => toSpec(entry, index));
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const spec of specs) {
    const previous = seen.get(spec.repository);
    if (previous !== undefined)
      problems.push(`${origin}images[${spec.index}].repository: "${spec.repository}" is already built by images[${previous}]`);
    seen.set(spec.repository, spec.index);
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  return specs;
}

function toSpec(entry: ImageEntry, index: number): ImageSpec {
  const repository = qualify(entry.repository, entry.registry);
  return {
    index,
    entry,
    repository,
    reference: parseReference(repository),
    tags: entry.tags,
    platforms: entry.arch ?? [],
  };
}
