import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import type { InputName } from '../../src/config/inputs/table.js';
import { readReferrerInputs } from '../../src/config/inputs/referrers.js';
import { artifactTypeOf, fallbackTag, REFERRER_TAG } from '../../src/registry/referrers.js';

const read = (inputs: Partial<Record<InputName, string>>) => (name: InputName) => inputs[name] ?? '';
const manifest = (json: object) => ({ bytes: Buffer.from(JSON.stringify(json)), mediaType: 'application/vnd.oci.image.manifest.v1+json' });
const hex = 'a'.repeat(64);

describe('referrers: inputs, tags and artifact types', () => {
  test('on by default, every type; a list of types; bad values named', () => {
    assert.deepEqual(readReferrerInputs(read({})), { enabled: true, types: [] });
    assert.deepEqual(readReferrerInputs(read({ 'referrer-types': 'application/spdx+json,\napplication/vnd.in-toto+json' })).types, [
      'application/spdx+json',
      'application/vnd.in-toto+json',
    ]);
    assert.throws(() => readReferrerInputs(read({ 'referrer-types': 'spdx' })), /referrer-types: "spdx" is not an artifact \(media\) type/);
    assert.throws(
      () => readReferrerInputs(read({ referrers: 'false', 'referrer-types': 'application/spdx+json' })),
      /only goes with referrers: true/,
    );
    assert.throws(() => readReferrerInputs(read({ referrers: 'maybe' })), /referrers/);
  });

  test('the fallback tag and cosign tags are referrer tags; a look-alike is not', () => {
    assert.equal(fallbackTag(`sha256:${hex}`), `sha256-${hex}`);
    for (const tag of [`sha256-${hex}`, `sha256-${hex}.sig`, `sha256-${hex}.att`, `sha256-${hex}.sbom`])
      assert.ok(REFERRER_TAG.test(tag), tag);
    for (const tag of [`sha256-${hex}.bak`, 'sha256-abc.sig', `change_1_sha256-${hex}`, 'latest']) assert.ok(!REFERRER_TAG.test(tag), tag);
  });

  test("an artifact's type: artifactType, else a non-image config's type, else its first layer's", () => {
    assert.equal(
      artifactTypeOf(manifest({ artifactType: 'application/spdx+json', config: { mediaType: 'application/vnd.oci.empty.v1+json' } })),
      'application/spdx+json',
    );
    assert.equal(
      artifactTypeOf(manifest({ config: { mediaType: 'application/vnd.cncf.notary.signature' }, layers: [] })),
      'application/vnd.cncf.notary.signature',
    );
    assert.equal(
      artifactTypeOf(
        manifest({
          config: { mediaType: 'application/vnd.oci.image.config.v1+json' },
          layers: [{ mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json' }],
        }),
      ),
      'application/vnd.dev.cosign.simplesigning.v1+json',
    );
  });
});
