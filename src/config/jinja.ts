import { formatPath } from './schema-errors.js';

const TEMPLATE = /\{\{|\{%/;

/**
 * Every string of a list holding a Jinja template (`{{ zuul.tag }}`, `{% if %}`). Zuul renders
 * them before its roles run; nothing on a runner does, so the engine would get them verbatim.
 * (docs/zuul.md, "Jinja")
 */
export function findTemplates(raw: unknown, root: string, path: PropertyKey[] = []): string[] {
  if (typeof raw === 'string') {
    if (!TEMPLATE.test(raw)) return [];
    return [
      `${formatPath(root, path)}: holds a Jinja template ("${raw.length > 60 ? `${raw.slice(0, 57)}...` : raw}"), and templates are not ` +
        'evaluated here: write a plain value, use workflow expressions (${{ … }}) in the inline images input, and ' +
        'metadata-tags (docker/metadata-action) for zuul.tag-style tags',
    ];
  }
  if (Array.isArray(raw)) return raw.flatMap((item, i) => findTemplates(item, root, [...path, i]));
  if (raw !== null && typeof raw === 'object')
    return Object.entries(raw).flatMap(([key, value]) => [
      ...(TEMPLATE.test(key)
        ? [`${formatPath(root, path)}: the key "${key}" holds a Jinja template, and templates are not evaluated here`]
        : []),
      ...findTemplates(value, root, [...path, key]),
    ]);
  return [];
}
