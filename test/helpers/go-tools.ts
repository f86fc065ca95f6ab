// The Go-module peers of the test bed (act, BuildKit, buildx, crane, regclient, cosign, oras,
// distribution v3), built by scripts/go-tools.sh: a suite asks for a binary and fails with the
// script's own reason (not installed, or not available on these machines) when it is not there.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'go-tools.sh');

/** The path of `binary` of go-tools.sh's tool `name`; throws the script's reason when missing. */
export function goTool(name: string, binary = name): string {
  const result = spawnSync('bash', [script, 'path', name, binary], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`go tool ${name}: ${result.stderr.trim() || `exit ${result.status}`}`);
  return result.stdout.trim();
}
