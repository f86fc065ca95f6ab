// Tag-list pages as a hostile registry may send them: a next page on another origin, a page of
// more tags than any real repository holds. The client's credentials stay at the registry, and
// its memory stays bounded.
import assert from 'node:assert/strict';
import { afterAll as after, describe, test } from '@jest/globals';
import { MAX_TAGS_READ } from '../../src/registry/client.js';
import { RegistrySession } from '../../src/registry/session.js';
import { standIn, type StandIn } from '../helpers/stand-in.js';

const USER = 'ci';
const PASSWORD = 'tag-pages-Secret-9';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

describe('tag-list pages', () => {
  const servers: StandIn[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  const loggedIn = (registry: string) =>
    new RegistrySession({ credentials: { explicit: new Map([[registry, { username: USER, password: PASSWORD }]]) } });

  /** A registry behind Basic auth whose first tag page names `next` as its next page. */
  async function pagingRegistry(next: (origin: string) => string) {
    const registry = await standIn((url, res) => {
      if (res.req.headers.authorization !== BASIC) return res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      res
        .writeHead(200, { 'content-type': 'application/json', link: `<${next(registry.origin)}>; rel="next"` })
        .end(JSON.stringify({ name: 'app', tags: ['v1'] }));
    });
    servers.push(registry);
    return registry;
  }

  test('a next page on another port or host gets no request, and the listing says why', async () => {
    const elsewhere = await standIn((_url, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"tags":["x"]}'));
    servers.push(elsewhere);
    for (const next of [
      () => `${elsewhere.origin}/v2/app/tags/list?last=v1`,
      () =>
        `http://localhost:${elsewhere.server.address() && (elsewhere.server.address() as { port: number }).port}/v2/app/tags/list?last=v1`,
    ]) {
      const registry = await pagingRegistry(next);
      const session = loggedIn(registry.host);
      await assert.rejects(
        session.client(registry.host).listTags('app'),
        /the tag list of app points its next page at another origin \(http:\/\/(127\.0\.0\.1|localhost):\d+\); refused/,
      );
      session.close();
      // The registry itself was asked with the login; nothing reached the other origin.
      assert.ok(registry.seen.some((r) => r.url.startsWith('/v2/app/tags/list') && r.headers.authorization === BASIC));
    }
    assert.equal(elsewhere.seen.length, 0);
  });

  test('a relative next page on the same registry is followed with the login', async () => {
    let pages = 0;
    const registry = await standIn((url, res) => {
      if (res.req.headers.authorization !== BASIC) return res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      pages++;
      const last = url.searchParams.get('last');
      res
        .writeHead(200, { 'content-type': 'application/json', ...(last ? {} : { link: '</v2/app/tags/list?n=1&last=v1>; rel="next"' }) })
        .end(JSON.stringify({ name: 'app', tags: [last ? 'v2' : 'v1'] }));
    });
    servers.push(registry);
    const session = loggedIn(registry.host);
    assert.deepEqual(await session.client(registry.host).listTags('app'), ['v1', 'v2']);
    assert.equal(pages, 2);
    session.close();
  });

  test('one page of 150k tags is read without a stack overflow and cut at the cap, which says so', async () => {
    const body = JSON.stringify({ name: 'app', tags: Array.from({ length: 150_000 }, (_, i) => `change_${i}_latest`) });
    const registry = await standIn((url, res) => {
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      // A next page that would never end: the cap, not the page count, stops the listing.
      res.writeHead(200, { 'content-type': 'application/json', link: `</v2/app/tags/list?last=${Math.random()}>; rel="next"` }).end(body);
    });
    servers.push(registry);
    const session = new RegistrySession();
    const listing = await session.client(registry.host).readTags('app');
    assert.equal(listing.complete, false);
    assert.equal(listing.tags.length, MAX_TAGS_READ);
    assert.equal(listing.tags[MAX_TAGS_READ - 1], `change_${MAX_TAGS_READ - 1}_latest`);
    assert.equal(registry.seen.filter((r) => r.url.startsWith('/v2/app/tags/list')).length, 1);
    await assert.rejects(session.client(registry.host).listTags('app'), /app has more than 100000 tags; stopped/);
    session.close();
  });
});
