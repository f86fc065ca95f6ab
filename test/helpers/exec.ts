// The runtime's process runner, for tests that start engines, skopeo or credential helpers the
// way a run does (or record what a run starts by wrapping it).
import { silentLogger } from '../../src/logger.js';
import { createExec } from '../../src/runtime/exec.js';

export const exec = createExec(silentLogger);
