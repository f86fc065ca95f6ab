// Memory of a child process, read from /proc: a bound on what the product holds, measured apart
// from the test process (whose own buffers and garbage collection would blur it).
import { readFileSync } from 'node:fs';

/** The highest peak resident set (VmHWM, in MiB) a process reached, sampled until it exits. */
export function peakRss(pid: number, exited: Promise<unknown>): Promise<number> {
  let peak = 0;
  let done = false;
  void exited.then(() => (done = true));
  return new Promise((resolve) => {
    const sample = () => {
      try {
        const kib = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kib / 1024);
      } catch {
        // Gone: the last sample stands.
      }
      if (done) resolve(peak);
      else setTimeout(sample, 50);
    };
    sample();
  });
}
