// The real parts started by scripts/testbed.sh (scripts/test.mjs starts it before the
// integration suite; a single file run by hand loads the same env file).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../src/logger.js';

const TESTBED_DIR = process.env.TESTBED_DIR || '/tmp/cia-testbed';

function loadEnv(): void {
  if (process.env.CIA_REGISTRY) return;
  const file = join(TESTBED_DIR, 'env');
  if (!existsSync(file)) throw new Error(`the test bed is not running: start it with bash scripts/testbed.sh start (no ${file})`);
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) process.env[line.slice(0, eq)] = line.slice(eq + 1);
  }
}

export interface Testbed {
  readonly registry: string;
  readonly registryB: string;
  readonly registryAuth: string;
  readonly authUser: string;
  readonly authPassword: string;
  readonly baseImage: string;
}

export function testbed(): Testbed {
  loadEnv();
  const env = process.env as Record<string, string>;
  return {
    registry: env.CIA_REGISTRY,
    registryB: env.CIA_REGISTRY_B,
    registryAuth: env.CIA_REGISTRY_AUTH,
    authUser: env.CIA_REGISTRY_AUTH_USER,
    authPassword: env.CIA_REGISTRY_AUTH_PASSWORD,
    baseImage: env.CIA_BASE_IMAGE,
  };
}

/** The image list of one two-platform image (amd64 + arm64) built from test/fixtures/project/multiarch, tagged latest. */
export function multiarchList(repository: string): string {
  return JSON.stringify([
    {
      context: 'multiarch',
      repository,
      build_args: [`BASE_IMAGE=${testbed().baseImage}`],
      arch: ['linux/amd64', 'linux/arm64'],
      tags: ['latest'],
    },
  ]);
}

/** A fresh copy of test/fixtures/project to build in (builds write `.zuul-siblings` into it). */
export function fixtureProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cia-project-'));
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'project'), dir, { recursive: true });
  return dir;
}

export const uniqueName = (prefix: string) =>
  `${prefix}-${process.pid.toString(36)}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** Runs a command and returns its trimmed stdout (for assertions on engines' own views). */
export function sh(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A logger that keeps every line, for asserting what a run said. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`);
      return fn();
    },
    mask: () => {},
  };
}

/** The engine settings of the test bed (runc, ulimits, plain-HTTP loopback registries) for a child's env. */
export function engineEnv(): Record<string, string | undefined> {
  testbed();
  return {
    CONTAINERS_CONF: process.env.CONTAINERS_CONF,
    CONTAINERS_REGISTRIES_CONF: process.env.CONTAINERS_REGISTRIES_CONF,
    BUILDAH_ISOLATION: process.env.BUILDAH_ISOLATION,
  };
}

/** A runner's event variables for `name`, with the payload written to a file as runners do. */
export function eventEnv(name: string, payload: unknown, extra: Record<string, string> = {}): Record<string, string> {
  const file = join(mkdtempSync(join(tmpdir(), 'cia-event-')), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file, GITHUB_REPOSITORY: 'acme/widgets', GITHUB_SHA: '9'.repeat(40), ...extra };
}
