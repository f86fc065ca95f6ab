import { parseJsonBody } from '../errors.js';
import { discard, errorFrom, readBody, type HttpResponse, type Transport } from '../transport.js';

/** JSON calls to a vendor's REST API (Hub, Quay, GitHub, Harbor, GitLab, Artifact Registry). */
export class VendorHttp {
  constructor(
    private readonly transport: Transport,
    readonly baseUrl: string,
    private readonly headers: Record<string, string>,
  ) {}

  url(path: string): URL {
    return new URL(path.replace(/^\//, ''), this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
  }

  async send(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return this.transport.send({
      method,
      url: this.url(path),
      headers: {
        accept: 'application/json',
        ...this.headers,
        ...extraHeaders,
        ...(payload && { 'content-type': 'application/json', 'content-length': payload.length }),
      },
      body: payload,
    });
  }

  async json<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<{ status: number; data: T | undefined; response: HttpResponse }> {
    const response = await this.send(method, path, body, extraHeaders);
    if (response.status >= 400 && response.status !== 404) throw await errorFrom(method, response);
    const text = (await readBody(response, 16 * 1024 * 1024)).toString('utf8');
    return { status: response.status, data: text ? parseJsonBody<T>(Buffer.from(text), method, response.url) : undefined, response };
  }

  /** A DELETE that succeeds on 2xx and counts 404 as "already gone". */
  async delete(path: string): Promise<'deleted' | 'absent'> {
    const response = await this.send('DELETE', path);
    if (response.status === 404) {
      await discard(response);
      return 'absent';
    }
    if (response.status < 200 || response.status >= 300) throw await errorFrom('DELETE', response);
    await discard(response);
    return 'deleted';
  }
}

/**
 * The vendor API cannot be used without credentials we do not have: try the next strategy.
 * `missing` says what would have been needed (never a secret's value).
 */
export class VendorNotConfigured extends Error {
  constructor(what: string, missing?: string) {
    super(`${what} needs credentials for its API${missing ? `: ${missing}` : ''}`);
    this.name = 'VendorNotConfigured';
  }
}

export function requireSecret(value: string | undefined, what: string): string {
  if (!value) throw new VendorNotConfigured(what);
  return value;
}
