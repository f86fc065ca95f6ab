import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { layeredRegistriesConf, loopbackRegistriesIn } from '../../src/engines/registries-conf.js';

describe('the registries.conf layered for podman and buildah', () => {
  test('loopback registries named in container files, build arguments and images', () => {
    assert.deepEqual(
      loopbackRegistriesIn([
        'ARG BASE=127.0.0.1:5510/ci/busybox\nFROM ${BASE}\nCOPY --from=localhost/tools/x /x /x\nFROM [::1]:5000/a/b',
        'FROM_IMAGE=127.0.0.77/team/app:1',
        'quay.io/acme/app',
        'not-a-host127.0.0.1:1/x',
      ]),
      ['127.0.0.1:5510', '127.0.0.77', '[::1]:5000', 'localhost'],
    );
  });

  test("appended to the user's v2 file; a registry the user configured is left as the user wrote it", () => {
    const user = 'unqualified-search-registries = ["docker.io"]\n\n[[registry]]\nlocation = "127.0.0.1:6000"\ninsecure = false\n';
    const layered = layeredRegistriesConf(user, ['127.0.0.1:5510', '127.0.0.1:6000']);
    assert.ok(layered.startsWith(user));
    assert.ok(layered.endsWith('\n[[registry]]\nlocation = "127.0.0.1:5510"\ninsecure = true\n'));
    assert.equal(layered.match(/127\.0\.0\.1:6000/g)?.length, 1);
    assert.equal(layeredRegistriesConf(user, ['127.0.0.1:6000']), user);
    assert.equal(layeredRegistriesConf('', ['localhost']), '\n\n[[registry]]\nlocation = "localhost"\ninsecure = true\n');
  });

  test('a v1 file gets its insecure list extended (v1 and v2 cannot be mixed)', () => {
    assert.equal(
      layeredRegistriesConf('[registries.search]\nregistries = ["docker.io"]\n[registries.insecure]\nregistries = ["a.example"]\n', [
        '127.0.0.1:5510',
      ]),
      '[registries.search]\nregistries = ["docker.io"]\n[registries.insecure]\nregistries = ["127.0.0.1:5510", "a.example"]\n',
    );
    assert.equal(
      layeredRegistriesConf('[registries.search]\nregistries = ["docker.io"]\n', ['127.0.0.1:5510']),
      '[registries.search]\nregistries = ["docker.io"]\n\n[registries.insecure]\nregistries = ["127.0.0.1:5510"]\n',
    );
  });
});
