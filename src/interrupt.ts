import { rmSync } from 'node:fs';

/**
 * What must not outlive an interrupted run: auth files to remove, child processes to stop. The
 * entry point calls `interrupted()` on SIGTERM or SIGINT, before it exits; each holder registers
 * a synchronous undo while it holds the resource and unregisters it when done.
 */
const undos = new Set<() => void>();

/** Registers `undo` until the returned function is called. */
export function onInterrupt(undo: () => void): () => void {
  undos.add(undo);
  return () => undos.delete(undo);
}

/** Removes `path` (a temporary file or directory, with what it holds) if the run is interrupted first. */
export function removeOnInterrupt(path: string): () => void {
  return onInterrupt(() => rmSync(path, { recursive: true, force: true }));
}

/** Runs every registered undo once; one failing does not stop the others. */
export function interrupted(): void {
  for (const undo of [...undos]) {
    undos.delete(undo);
    try {
      undo();
    } catch {
      // Best effort: the process is exiting.
    }
  }
}
