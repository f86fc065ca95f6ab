// Over a wide-area link: the mirror and promote benchmarks and the 2,000-tag scale set, every
// tool reaching the registries through Toxiproxy with CIA_BENCH_RTT_MS of round trip (default 50).
// There, round trips in sequence decide the time, not CPU.
import { startWanLink } from './link.js';
import { mirrorProcessBench } from './mirror-process.js';
import { promoteProcessBench } from './promote-process.js';
import { scaleBench } from './scale.js';

export async function wanBench(): Promise<void> {
  const roundTrip = Number(process.env.CIA_BENCH_RTT_MS || 50);
  const link = await startWanLink(roundTrip);
  try {
    const parts = (process.env.CIA_BENCH_WAN || 'mirror,promote,scale').split(',');
    if (parts.includes('mirror')) await mirrorProcessBench(link);
    if (parts.includes('promote')) await promoteProcessBench(link);
    if (parts.includes('scale')) await scaleBench(link);
  } finally {
    await link.close();
  }
}
