/** `Link: <url>; rel="next"` (tag list pagination); the URL may be relative. */
export function parseNextLink(header: string | undefined, base: URL): URL | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel="?next"?/i.test(m[2])) return new URL(m[1], base);
  }
  return undefined;
}

/** `Retry-After`: seconds or an HTTP date; milliseconds to wait, capped, or undefined. */
export function parseRetryAfter(header: string | undefined, now = Date.now(), capMs = 60_000): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, capMs);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), capMs);
}
