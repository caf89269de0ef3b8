/**
 * `npm run bench -- <name>`: runs bench/<name>.ts. Every benchmark prints its figures and ends with
 * one line of JSON, {"bench":"<name>", …}.
 */
import { readdirSync } from 'node:fs';

const available = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (available: ${available.join(', ')})`);
  process.exit(2);
}
const bench = (await import(`./${name}.ts`)) as { run: (args: string[]) => Promise<Record<string, unknown>> };
const result = await bench.run(process.argv.slice(3));
console.log(JSON.stringify({ bench: name, ...result }));
