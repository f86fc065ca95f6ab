import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { validateImageList } from '../../src/config/images/list.js';
import { applyMetadataTags } from '../../src/config/images/metadata-tags.js';

const images = validateImageList([
  { context: 'app', repository: 'ghcr.io/acme/app' },
  { context: 'worker', registry: 'docker.io', repository: 'acme/worker', tags: ['edge'] },
]);

describe('docker/metadata-action interop (its tags output, verbatim)', () => {
  test('a semver release: the image it names gets exactly those tags, the other keeps its own', () => {
    // What metadata-action prints for a v1.2.3 tag push with type=semver patterns and type=sha.
    const output = 'ghcr.io/acme/app:1.2.3\nghcr.io/acme/app:1.2\nghcr.io/acme/app:1\nghcr.io/acme/app:sha-860c190\n';
    const result = applyMetadataTags(images, output);
    assert.deepEqual(result[0].tags, ['1.2.3', '1.2', '1', 'sha-860c190']);
    assert.deepEqual(result[1].tags, ['edge']);
  });

  test('Docker Hub names in their short form match the list', () => {
    const result = applyMetadataTags(images, 'acme/worker:pr-42\nindex.docker.io/acme/worker:main');
    assert.deepEqual(result[1].tags, ['pr-42', 'main']);
  });

  test('comma-separated output (sep-tags: ",") works too; empty output changes nothing', () => {
    assert.deepEqual(applyMetadataTags(images, 'ghcr.io/acme/app:a,ghcr.io/acme/app:b')[0].tags, ['a', 'b']);
    assert.deepEqual(applyMetadataTags(images, '\n')[0].tags, ['latest']);
  });

  test('a reference naming no image, without a tag, or malformed: clear errors', () => {
    assert.throws(
      () => applyMetadataTags(images, 'ghcr.io/acme/other:1'),
      /metadata-tags: "ghcr.io\/acme\/other:1" names no image of the list \(ghcr.io\/acme\/app, docker.io\/acme\/worker\)/,
    );
    assert.throws(() => applyMetadataTags(images, 'ghcr.io/acme/app'), /metadata-tags: "ghcr.io\/acme\/app" has no tag/);
    assert.throws(
      () => applyMetadataTags(images, 'ghcr.io/Acme/app:1'),
      /metadata-tags: invalid image reference "ghcr.io\/Acme\/app:1": repository names must be lowercase/,
    );
  });
});
