/** `npm run load -- [--rate 200] [--duration 60] [--reads 0.5]`: steady traffic against the local demo cluster. */
import { parseArgs } from 'node:util';
import { runLoad } from './load-generator';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    reads: { type: 'string', default: '0.5' },
    'contact-point': { type: 'string', default: '127.0.0.1' },
    dc: { type: 'string', default: 'dc1' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.duration);
const readRatio = Number(values.reads);
if (!(rate > 0) || !(seconds > 0) || !(readRatio >= 0 && readRatio <= 1)) {
  console.error('load: --rate and --duration must be positive, --reads between 0 and 1');
  process.exit(2);
}
console.log(
  `load: ${rate} operations/s for ${seconds} s, ${Math.round(readRatio * 100)} % reads, against ${values['contact-point']} (${values.dc})`,
);
const result = await runLoad({
  rate,
  durationMs: seconds * 1000,
  readRatio,
  contactPoints: [values['contact-point']],
  localDataCenter: values.dc,
  onProgress: (p) =>
    console.log(`  ${(p.elapsedMs / 1000).toFixed(0)} s: ${p.writes} writes, ${p.reads} reads, ${p.errors} errors`),
});
console.log(
  `load: ${result.writes} writes and ${result.reads} reads in ${(result.elapsedMs / 1000).toFixed(1)} s (${((result.writes + result.reads) / (result.elapsedMs / 1000)).toFixed(0)}/s), ${result.errors} errors`,
);
process.exit(result.errors > 0 ? 1 : 0);
