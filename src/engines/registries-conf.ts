import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * podman and buildah reach every registry over HTTPS unless a registries.conf marks it insecure;
 * docker treats loopback registries as insecure on its own. Runners ship no such file, so a
 * build whose base is on a loopback registry failed with "server gave HTTP response to HTTPS
 * client". The engines get the user's own registries.conf with entries for exactly the registries
 * that must be plain HTTP appended: no other registry loses TLS. (docs/runners.md, "Plain-HTTP
 * registries and the engines")
 */

/** Loopback registries a build may pull from, as written before a `/`: `127.0.0.1:5000/base`, `localhost/x`. */
const LOOPBACK_REFERENCE = /(?<![\w.-])((?:127(?:\.\d{1,3}){3}|localhost|\[::1\])(?::\d{1,5})?)(?=\/)/g;

/** Loopback registries named in these texts (container files, build arguments, image names). */
export function loopbackRegistriesIn(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(LOOPBACK_REFERENCE)) found.add(match[1]);
  return [...found].sort();
}

/** The registries.conf podman and buildah would read: $CONTAINERS_REGISTRIES_CONF, the user's, else the system's. */
export function userRegistriesConf(env: NodeJS.ProcessEnv): string | undefined {
  const candidates = [
    env.CONTAINERS_REGISTRIES_CONF,
    env.HOME ? join(env.XDG_CONFIG_HOME || join(env.HOME, '.config'), 'containers', 'registries.conf') : undefined,
    '/etc/containers/registries.conf',
  ];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The user's file with an `insecure = true` entry for each registry it does not already
 * configure. A file in the old v1 format (`[registries.insecure]`) cannot be mixed with v2
 * entries: the v1 list is extended instead.
 */
export function layeredRegistriesConf(base: string, insecure: readonly string[]): string {
  const missing = insecure.filter((registry) => !new RegExp(`^\\s*(?:location|prefix)\\s*=\\s*"${escape(registry)}"`, 'm').test(base));
  if (missing.length === 0) return base;
  const v1 = /^\s*\[registries\.insecure\]\s*$/m;
  if (v1.test(base) || /^\s*\[registries\.(?:search|block)\]\s*$/m.test(base)) {
    const list = missing.map((r) => JSON.stringify(r)).join(', ');
    if (v1.test(base)) return base.replace(/(\[registries\.insecure\][^[]*?registries\s*=\s*\[)/, `$1${list}, `);
    return `${base}\n[registries.insecure]\nregistries = [${list}]\n`;
  }
  const entries = missing.map((registry) => `\n[[registry]]\nlocation = ${JSON.stringify(registry)}\ninsecure = true\n`).join('');
  return `${base.replace(/\s*$/, '\n')}${entries}`;
}

/** The text of the registries.conf podman and buildah would read; '' when there is none. */
export function userRegistriesConfText(env: NodeJS.ProcessEnv): string {
  const path = userRegistriesConf(env);
  return path ? readFileSync(path, 'utf8') : '';
}

/** The layered file's text for this run, or undefined when no registry needs plain HTTP. */
export function registriesConfFor(env: NodeJS.ProcessEnv, insecure: readonly string[]): string | undefined {
  if (insecure.length === 0) return undefined;
  return layeredRegistriesConf(userRegistriesConfText(env), insecure);
}
