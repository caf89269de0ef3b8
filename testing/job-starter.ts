/**
 * Test support: a console process that starts one job and keeps running it — the console's start-up
 * (as instrumentation.ts runs it, job runner included) plus one startJob. Prints `job <id>` once the
 * job is stored. Tests kill it mid-job as a crash would, then start a console on the same store.
 *   npx tsx --conditions=react-server testing/job-starter.ts '<StartJob as JSON>'   (RINGSIDE_CONFIG names its config)
 */
import { checkStartup } from '@/server/startup';
import { startJob, type StartJob } from '@/server/jobs/jobs-service';

checkStartup();
const request = JSON.parse(process.argv[2] ?? '{}') as StartJob;
startJob(request).then(
  ({ id }) => console.log(`job ${id}`),
  (error: unknown) => {
    console.error(`cannot start the job: ${(error as Error).message}`);
    process.exit(1);
  },
);
setInterval(() => undefined, 60_000);
