import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { parseTargets } from '../../src/config/inputs/registries.js';
import { ConfigErrors } from '../../src/config/errors.js';
import { promoteWould } from '../../src/doctor/report.js';
import { NOT_WRITTEN, type WriteFacts } from '../../src/doctor/write-probes.js';

describe('the registries input', () => {
  test('host[:port]/namespace per line; blank lines and comments skipped; a trailing slash dropped', () => {
    assert.deepEqual(parseTargets('ghcr.io/acme\n\n# a comment\n127.0.0.1:5000/ci/sub/\nregistry.internal:5000'), [
      { name: 'ghcr.io/acme', registry: 'ghcr.io', namespace: 'acme' },
      { name: '127.0.0.1:5000/ci/sub/', registry: '127.0.0.1:5000', namespace: 'ci/sub' },
      { name: 'registry.internal:5000', registry: 'registry.internal:5000', namespace: '' },
    ]);
  });
  test('every bad line is named with its number and value', () => {
    let error: unknown;
    try {
      parseTargets('https://ghcr.io/acme\nquay.io/Acme\nok.example.org/x\nbad host/x');
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof ConfigErrors);
    assert.deepEqual(error.problems, [
      'registries (line 1) "https://ghcr.io/acme": give host[:port]/namespace without a scheme (plain HTTP goes by insecure-registries or loopback)',
      'registries (line 2) "quay.io/Acme": namespace "Acme" is not a repository path ([a-z0-9] components separated by ".", "_", "__", "-" and "/")',
      'registries (line 4) "bad host/x": "bad host" is not a registry host[:port]',
    ]);
  });
  test('an empty list is an error', () => assert.throws(() => parseTargets(' \n'), /registries: empty/));
});

describe('what promote would do, from what doctor measured', () => {
  const facts = (f: Partial<WriteFacts>): WriteFacts => ({ ...NOT_WRITTEN, writable: true, ...f });
  test('a safe tag DELETE is used, except where the registry is declared distribution', () => {
    assert.equal(promoteWould('generic', false, facts({ tagDelete: 'safe', digestDelete: true })), 'OCI tag DELETE');
    assert.equal(
      promoteWould('distribution', false, facts({ tagDelete: 'safe', digestDelete: true })),
      'dummy manifest on the tag, deleted by digest',
    );
  });
  test('nothing works: the tag is left behind, reported', () =>
    assert.equal(promoteWould('generic', false, facts({})), 'nothing: the temporary tag is left behind (reported)'));
  test('ECR without its credentials: nothing, whatever the registry API showed (it cannot remove one tag there)', () =>
    assert.equal(
      promoteWould('ecr', false, facts({ digestDelete: true })),
      "ecr-api (the vendor's API) when its credentials are found, else nothing: the temporary tag is left behind (reported)",
    ));
  test("a vendor's API with its credentials; without them, the fallback and what would open the API", () => {
    assert.equal(promoteWould('quay', true, facts({})), "quay-api (the vendor's API)");
    assert.equal(
      promoteWould('docker', false, facts({ digestDelete: true })),
      'dummy manifest on the tag, deleted by digest; with api credentials in registry-credentials: docker-hub-api',
    );
  });
});
