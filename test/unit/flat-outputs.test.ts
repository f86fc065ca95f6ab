import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { flatOutputs } from '../../src/commands/flat-outputs.js';
import { finalTags } from '../../src/commands/promote-flat.js';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

describe('flat outputs', () => {
  test('one repository, two entries with different digests: a key per reference, no single digest', () => {
    const out = flatOutputs(
      [
        { repository: 'quay.io/o/app', digest: A, refs: ['quay.io/o/app:1.0'] },
        { repository: 'quay.io/o/app', digest: B, refs: ['quay.io/o/app:2.0', 'quay.io/o/app:latest'] },
      ],
      2,
    );
    assert.deepEqual(JSON.parse(out.digests!), { 'quay.io/o/app:1.0': A, 'quay.io/o/app:2.0': B, 'quay.io/o/app:latest': B });
    assert.equal(out.digest, '');
    assert.equal(out.tags, 'quay.io/o/app:1.0\nquay.io/o/app:2.0\nquay.io/o/app:latest');
  });

  test('promote: referrers and skipped referrers stay out; a tag superseded by a newer build counts with what it holds', () => {
    const images = finalTags([
      { repository: 'r/app', tag: 'latest', digest: A, from: 'x', status: 'moved' },
      { repository: 'r/app', tag: '1.0', digest: B, from: 'x', status: 'superseded', ownDigest: A },
      {
        repository: 'r/app',
        tag: 'sha256-a.sig',
        digest: B,
        from: 'x',
        status: 'moved',
        referrer: { subject: A, artifact_type: 's', via: 'tag' },
      },
    ]);
    const out = flatOutputs(images, 1);
    assert.equal(out.digest, '', 'one image whose tags hold two digests has no single digest');
    assert.deepEqual(JSON.parse(out.digests!), { 'r/app:latest': A, 'r/app:1.0': B });
    assert.equal(out.tags, 'r/app:latest\nr/app:1.0');
  });
});
