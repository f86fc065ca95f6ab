import { formatPath } from './schema-errors.js';

const TEMPLATE = /\{\{|\{%/;

/** Whether a value holds a Jinja template (`{{ … }}`, `{% … %}`), which Zuul renders and nothing here does. */
export const isTemplate = (value: string): boolean => TEMPLATE.test(value);

/** What to write instead of a template in an image list. */
const IMAGE_ADVICE =
  'write a plain value, use workflow expressions (${{ … }}) in the inline images input, and metadata-tags ' +
  '(docker/metadata-action) for zuul.tag-style tags';

/** What to write instead of a template in a mirror list. */
export const MIRROR_ADVICE = 'write a plain value, or use workflow expressions (${{ … }}) in the inline mirror input';

/**
 * Every string of a list holding a Jinja template (`{{ zuul.tag }}`, `{% if %}`). Zuul renders
 * them before its roles run; nothing on a runner does, so the engine would get them verbatim.
 * (docs/zuul.md, "Jinja")
 */
export function findTemplates(raw: unknown, root: string, path: PropertyKey[] = []): string[] {
  return templatesIn(raw, root, path, IMAGE_ADVICE);
}

/** findTemplates for another list, with what to write there instead. */
export function findTemplatesWith(raw: unknown, root: string, advice: string): string[] {
  return templatesIn(raw, root, [], advice);
}

function templatesIn(raw: unknown, root: string, path: PropertyKey[], advice: string): string[] {
  if (typeof raw === 'string') {
    if (!isTemplate(raw)) return [];
    return [
      `${formatPath(root, path)}: holds a Jinja template ("${raw.length > 60 ? `${raw.slice(0, 57)}...` : raw}"), and templates are not ` +
        `evaluated here: ${advice}`,
    ];
  }
  if (Array.isArray(raw)) return raw.flatMap((item, i) => templatesIn(item, root, [...path, i], advice));
  if (raw !== null && typeof raw === 'object')
    return Object.entries(raw).flatMap(([key, value]) => [
      ...(isTemplate(key)
        ? [`${formatPath(root, path)}: the key "${key}" holds a Jinja template, and templates are not evaluated here`]
        : []),
      ...templatesIn(value, root, [...path, key], advice),
    ]);
  return [];
}
