// A token server for distribution's `auth: token` (docs/registries.md, "Authentication"): RS256 JWTs whose x5c names a
// self-signed certificate the registry trusts, granting per user only the actions its policy
// allows (the registry then answers 401 insufficient_scope for the rest).
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createSign, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './registry-process.js';

export interface TokenUser {
  readonly password: string;
  /** Actions granted per repository name pattern (anchored). */
  readonly grants: readonly { repository: RegExp; actions: readonly string[] }[];
}

export interface TokenRequestRecord {
  readonly method: string;
  readonly user?: string;
  readonly scopes: string[];
  readonly granted: { name: string; actions: string[] }[];
}

export interface TokenServer {
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  readonly certFile: string;
  readonly requests: TokenRequestRecord[];
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export async function startTokenServer(
  users: Record<string, TokenUser>,
  anonymous: TokenUser['grants'] = [],
  options: { expiresIn?: number } = {},
): Promise<TokenServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cia-token-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=cia-token-server'],
    { stdio: 'ignore' },
  );
  const key = createPrivateKey(readFileSync(keyFile));
  const certDer = new X509Certificate(readFileSync(certFile)).raw;
  const port = await freePort();
  const service = 'cia-test-registry';
  const issuer = 'cia-test-issuer';
  const requests: TokenRequestRecord[] = [];

  const sign = (subject: string, access: { type: string; name: string; actions: string[] }[]) => {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [certDer.toString('base64')] }));
    const claims = b64url(
      JSON.stringify({
        iss: issuer,
        sub: subject,
        aud: service,
        exp: now + (options.expiresIn ?? 300),
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key);
    return `${header}.${claims}.${b64url(signature)}`;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      let scopes = url.searchParams
        .getAll('scope')
        .flatMap((s) => s.split(' '))
        .filter(Boolean);
      let user: string | undefined;
      let grants = anonymous;
      const auth = req.headers.authorization;
      if (req.method === 'POST') {
        // OAuth2 refresh-token grant: the refresh token is "<user>:<password>" in this test server.
        const form = new URLSearchParams(body);
        scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
        const [name, password] = (form.get('refresh_token') ?? '').split(':');
        if (!users[name] || users[name].password !== password)
          return reply(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad refresh token' }] });
        user = name;
        grants = users[name].grants;
      } else if (auth?.startsWith('Basic ')) {
        const [name, ...rest] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
        if (!users[name] || users[name].password !== rest.join(':'))
          return reply(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] });
        user = name;
        grants = users[name].grants;
      }
      const access = scopes.flatMap((scope) => {
        const first = scope.indexOf(':');
        const last = scope.lastIndexOf(':');
        const type = scope.slice(0, first);
        const name = scope.slice(first + 1, last);
        const wanted = scope.slice(last + 1).split(',');
        const allowed = new Set(grants.filter((g) => g.repository.test(name)).flatMap((g) => g.actions));
        const actions = wanted.filter((a) => allowed.has(a) || allowed.has('*'));
        return actions.length ? [{ type, name, actions }] : [];
      });
      requests.push({ method: req.method ?? 'GET', user, scopes, granted: access.map((a) => ({ name: a.name, actions: a.actions })) });
      const token = sign(user ?? '', access);
      reply(
        200,
        req.method === 'POST'
          ? { access_token: token, expires_in: options.expiresIn ?? 300 }
          : { token, expires_in: options.expiresIn ?? 300 },
      );
    });
    function reply(status: number, payload: unknown) {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certFile,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
