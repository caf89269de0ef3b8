/**
 * One cqlsh statement run as the benchmarks compare against it: its own process group (so its peak
 * memory is sampled), its wall time, and what it printed.
 */
import { spawn } from 'node:child_process';
import { cqlshCommand } from '@/localcluster/cqlsh';
import { samplePeak } from './process-memory';

export interface CqlshRun {
  seconds: number;
  peakMb: number;
  output: string;
}

/** Runs `cqlsh 127.0.0.1 9042 -e <statement>`; throws, with the end of its output, when it fails. */
export async function timedCqlsh(statement: string, what: string): Promise<CqlshRun> {
  const started = performance.now();
  const child = spawn(cqlshCommand(), ['127.0.0.1', '9042', '--request-timeout', '60', '-e', statement], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = samplePeak(child.pid!);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  const peakMb = sampler.stop();
  if (code !== 0) throw new Error(`${what} failed (${code}): ${output.slice(-500)}`);
  console.log(
    output
      .trim()
      .split(/[\r\n]+/)
      .slice(-2)
      .join('\n'),
  );
  return { seconds, peakMb, output };
}
