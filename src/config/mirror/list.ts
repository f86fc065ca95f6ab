import semver from 'semver';
import { ConfigError, ConfigErrors } from '../errors.js';
import { readInputFile } from '../input-file.js';
import { resolveInside } from '../paths.js';
import { findTemplatesWith, MIRROR_ADVICE } from '../jinja.js';
import { parseYamlInput } from '../yaml.js';
import { fromSkopeoSync } from './skopeo-sync.js';
import type { MirrorList, MirrorSource } from './types.js';
import { fromZuul, zuulList } from './zuul-format.js';

export function loadMirrorList(source: MirrorSource, onSecret: (secret: string) => void): MirrorList {
  if (source.inline && source.file) throw new ConfigError('give either mirror or mirror-file, not both');
  if (!source.inline && !source.file) throw new ConfigError('nothing to mirror: give the mirror input (a YAML list) or mirror-file');
  if (source.format !== 'zuul' && source.format !== 'skopeo-sync')
    throw new ConfigError(`mirror-format: "${source.format}" is not a format; one of zuul, skopeo-sync`);
  let raw: unknown;
  let origin = '';
  if (source.inline) raw = parseYamlInput(source.inline, 'mirror');
  else {
    const path = resolveInside(source.workDir, source.workDir, source.file, 'mirror-file');
    raw = parseYamlInput(readInputFile(path, 'mirror-file', source.file), `mirror-file "${source.file}"`);
    origin = `${source.file}: `;
  }
  if (source.format !== 'skopeo-sync') {
    if (source.scoped) throw new ConfigError('mirror-scoped: only goes with mirror-format: skopeo-sync');
    // Zuul renders Jinja before its roles run: a template would otherwise be reported as a bad reference, field by field.
    const templates = findTemplatesWith(zuulList(raw, origin), 'mirror', MIRROR_ADVICE);
    if (templates.length) throw new ConfigErrors(templates.map((line) => origin + line));
    return fromZuul(raw, origin);
  }
  return fromSkopeoSync(raw, origin, source, onSecret);
}

/** Whether a tag satisfies a semver range: `v1.2.3`, `1.2` and `1` count as versions, as in skopeo. */
export function tagInRange(tag: string, range: string): boolean {
  if (!/^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?$/.test(tag)) return false;
  const version = semver.coerce(tag, { includePrerelease: true });
  return version !== null && semver.satisfies(version, range, { loose: true, includePrerelease: false });
}
