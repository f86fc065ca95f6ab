import { ConfigError } from '../config/errors.js';

/** A change another change depends on: a pull request of GitHub, Gitea or Forgejo. */
export interface ChangeRef {
  /** `https://host[:port]`, as the URL gave it. */
  readonly server: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly number: number;
  /** `pull` (GitHub) or `pulls` (Gitea, Forgejo). */
  readonly style: 'pull' | 'pulls';
  readonly url: string;
}

/** `Depends-On: <url>`, the key in any case, at the start of a line (Zuul's footer). */
const DEPENDS_ON = /^[ \t]*depends-on[ \t]*:[ \t]*(\S*)[ \t]*$/gim;
const PULL_PATH = /^\/([^/\s]+)\/([^/\s]+)\/(pull|pulls)\/([1-9][0-9]{0,9})\/?$/;

/** Every `Depends-On:` line of a change's description, each URL parsed; a line that is not a change URL is an error naming it. */
export function dependsOn(description: string | null | undefined, where: string): ChangeRef[] {
  const found: ChangeRef[] = [];
  const problems: string[] = [];
  for (const match of (description ?? '').replace(/\r\n?/g, '\n').matchAll(DEPENDS_ON)) {
    try {
      found.push(parseChangeUrl(match[1]));
    } catch (error) {
      problems.push(`${where}: "Depends-On: ${match[1]}": ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new ConfigError(problems.join('\n'));
  const seen = new Set<string>();
  return found.filter((ref) => !seen.has(changeKey(ref)) && seen.add(changeKey(ref)));
}

/** A pull request URL: GitHub's `/<owner>/<name>/pull/<N>`, Gitea's and Forgejo's `/<owner>/<name>/pulls/<N>`. */
export function parseChangeUrl(text: string): ChangeRef {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError('not a URL: give the pull request URL of the change');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`a ${url.protocol} URL is no change of a forge`);
  const match = PULL_PATH.exec(url.pathname);
  if (!match || url.search || url.hash)
    throw new ConfigError(
      'not a pull request URL of GitHub (/<owner>/<name>/pull/<N>), Gitea or Forgejo (/<owner>/<name>/pulls/<N>); other forges are not supported',
    );
  const [, owner, name, style, number] = match;
  return { server: url.origin, repository: `${owner}/${name}`, number: Number(number), style: style as 'pull' | 'pulls', url: url.href };
}

/** One change's identity across URL spellings: server, repository (case-insensitive, as forges treat it) and number. */
export const changeKey = (ref: Pick<ChangeRef, 'server' | 'repository' | 'number'>): string =>
  `${ref.server.toLowerCase()}/${ref.repository.toLowerCase()}#${ref.number}`;
