import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { RegistrySession } from '../../src/registry/session.js';
import { testbed } from '../helpers/testbed.js';

const root = join(import.meta.dirname, '..', '..');

describe('npm run demo', () => {
  test('runs check, gate, promote, mirror, intermediate promote and release; its table matches what the registries hold', async () => {
    const bed = testbed();
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'demo.ts')], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`demo exited ${code}:\n${text}`))));
    });
    for (const stage of [
      'check pipeline',
      'gate pipeline',
      'promote pipeline',
      'mirror pipeline',
      'intermediate-registry mode',
      'promote via the intermediate registry',
      'release (tag v1.1.0 pushed',
    ]) {
      assert.ok(output.includes(stage), `the demo ran its ${stage}`);
    }
    const table = output.slice(output.indexOf('What is where'));
    const rows = table
      .split('\n')
      .slice(3)
      .filter((line) => /^\S+:\S+\s+sha256:[0-9a-f]{64}\s+(image|index)$/.test(line))
      .map((line) => line.split(/\s+/));
    assert.ok(rows.length >= 10, `the table lists what is where:\n${table}`);
    const refs = rows.map(([ref]) => ref);
    for (const expected of [
      `${bed.registry}/demo/app:latest`,
      `${bed.registry}/demo/app:1.1.0`,
      `${bed.registryB}/mirror/demo/app:latest`,
    ]) {
      assert.ok(refs.includes(expected), `${expected} is in the table`);
    }
    // The release holds the image change 2's gate built (promoted from the intermediate registry), whose tags there went.
    const digestOf = (ref: string) => rows.find(([r]) => r === ref)?.[1];
    assert.equal(digestOf(`${bed.registry}/demo/app:1.1.0`), digestOf(`${bed.registry}/demo/app:latest`));
    assert.ok(!refs.includes(`${bed.registryB}/gate/demo/multiarch:change_2_latest`), 'the intermediate tags went after the promotion');
    const session = new RegistrySession();
    try {
      for (const [ref, digest, kind] of rows) {
        const slash = ref.indexOf('/');
        const colon = ref.lastIndexOf(':');
        const head = await session.client(ref.slice(0, slash)).headManifest(ref.slice(slash + 1, colon), ref.slice(colon + 1));
        assert.equal(head?.digest, digest, `${ref} in the registry`);
        assert.equal(head?.mediaType.includes('index') ? 'index' : 'image', kind);
      }
    } finally {
      session.close();
    }
  });
});
