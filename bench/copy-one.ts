// Copies one image in its own process and prints its time and peak RSS as JSON.
import { copyImage } from '../src/registry/copy.js';
import { RegistrySession } from '../src/registry/session.js';

const [fromRegistry, fromRepository, toRegistry, toRepository, tag] = process.argv.slice(2);
const session = new RegistrySession();
const start = performance.now();
const result = await copyImage(
  session,
  { registry: fromRegistry, repository: fromRepository },
  { registry: toRegistry, repository: toRepository },
  { source: tag, tags: [tag] },
);
const seconds = (performance.now() - start) / 1000;
session.close();
process.stdout.write(JSON.stringify({ seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, bytesMoved: result.bytesMoved }));
