/**
 * Peak resident memory of a process group while something runs, sampled every 50 ms from `ps`:
 * a console's next-server, or cqlsh with the worker processes COPY starts.
 */
import { execFileSync } from 'node:child_process';

export function groupRssMb(pgid: number): number {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pgid)], { encoding: 'utf8' });
    return (
      out
        .split('\n')
        .filter(Boolean)
        .reduce((sum, kb) => sum + Number(kb), 0) / 1024
    );
  } catch {
    return 0;
  }
}

export function samplePeak(pgid: number): { stop: () => number } {
  let peak = groupRssMb(pgid);
  const timer = setInterval(() => (peak = Math.max(peak, groupRssMb(pgid))), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, groupRssMb(pgid));
    },
  };
}
