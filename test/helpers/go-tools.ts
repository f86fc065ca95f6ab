// The Go-module peers of the test bed (act, BuildKit, buildx, crane, regclient, cosign, oras, and
// the registry servers distribution 3.1 and Gitea), built by scripts/go-tools.sh on first use (minutes once, then cached): a suite
// asks for a binary and fails with the script's own reason (the build failed, or the tool is not
// available on these machines) when it is not there.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'go-tools.sh');

/** The path of `binary` of go-tools.sh's tool `name`, built when missing; throws the script's reason when it cannot be had. */
export function goTool(name: string, binary = name): string {
  // The test bed's start builds none of them (the demo runs none); `install` is a no-op once cached.
  // The env is passed on purpose: jest gives a test file its own process.env, which a child would not see otherwise.
  const options = { encoding: 'utf8', env: process.env } as const;
  const install = spawnSync('bash', [script, 'install', name], options);
  if (install.status !== 0) throw new Error(`go tool ${name}: ${lastLines(install.stderr) || `install exited ${install.status}`}`);
  const result = spawnSync('bash', [script, 'path', name, binary], options);
  if (result.status !== 0) throw new Error(`go tool ${name}: ${result.stderr.trim() || `exit ${result.status}`}`);
  return result.stdout.trim();
}

/** The end of the build's output: go's own error stands just above go-tools.sh's closing line. */
function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join('\n');
}
