// The project's own dummy manifests must be recognisable by any later run, and old enough to
// be judged by any tool reading ages: a tag an interrupted deletion left on one is finished.
import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { sha256 } from '../../src/registry/digest.js';
import { DUMMY_CONFIG_LABEL, DUMMY_LABEL, dummyManifest, dummyTime, isDummy } from '../../src/registry/tag-delete/dummy.js';

describe('dummy manifests', () => {
  const at = new Date('2031-05-06T07:08:09.123Z');
  const dummy = dummyManifest('change_90_latest', at);
  const manifest = JSON.parse(dummy.bytes.toString()) as {
    config: { digest: string };
    layers: { digest: string }[];
    annotations: Record<string, string>;
  };

  test('the config carries the label and a created time (the hour it was made in: one blob an hour)', () => {
    const config = dummy.blobs.find((b) => b.digest === manifest.config.digest);
    const parsed = JSON.parse(config!.bytes.toString()) as { created: string; config: { Labels: Record<string, string> } };
    assert.equal(parsed.created, '2031-05-06T07:00:00.000Z');
    assert.equal(parsed.config.Labels[DUMMY_CONFIG_LABEL], 'true');
    const sameHour = dummyManifest('change_91_latest', new Date('2031-05-06T07:59:00Z'));
    assert.equal(JSON.parse(sameHour.bytes.toString()).config.digest, manifest.config.digest);
    assert.equal(dummyTime(dummy), at.getTime());
  });

  test('recognised by its annotation and its one empty layer, whatever its config (older releases had none with created)', () => {
    assert.ok(isDummy(dummy));
    const legacy = { ...manifest, config: { ...manifest.config, digest: sha256(Buffer.from('{"os":"linux"}')) } };
    assert.ok(isDummy({ bytes: Buffer.from(JSON.stringify(legacy)) }));
    const withContent = { ...manifest, layers: [...manifest.layers, { digest: sha256(Buffer.from('real')) }] };
    assert.ok(!isDummy({ bytes: Buffer.from(JSON.stringify(withContent)) }), 'a manifest with content is never a dummy');
    const unannotated = { ...manifest, annotations: { other: 'x' } };
    assert.ok(!isDummy({ bytes: Buffer.from(JSON.stringify(unannotated)) }));
    assert.equal(manifest.annotations[DUMMY_LABEL], 'change_90_latest');
  });
});
