import type { Locator, Page } from '@playwright/test';

/** /clusters/<id>/activity: start an operation, then follow its job (state, per-node progress, log). */
export class ActivityPage {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}/activity`);
    await this.page.getByTestId('activity-view').waitFor();
  }

  /** Fills the start form and confirms; returns the new job's id as the page reports it. */
  async start(options: {
    kind: 'flush' | 'compact' | 'cleanup' | 'snapshot';
    keyspace: string;
    tables?: string;
    node?: string;
    dc?: string;
    cluster?: boolean;
    settleSeconds?: number;
  }): Promise<string> {
    const form = this.page.getByTestId('start-operation');
    await form.getByTestId('op-kind').selectOption(options.kind);
    await form.getByTestId('op-keyspace').selectOption(options.keyspace);
    if (options.tables) await form.getByTestId('op-tables').fill(options.tables);
    if (options.dc) {
      await form.getByTestId('op-scope').selectOption('dc');
      await form.getByTestId('op-dc').selectOption(options.dc);
    } else if (options.cluster) {
      await form.getByTestId('op-scope').selectOption('cluster');
    } else {
      await form.getByTestId('op-scope').selectOption('node');
      if (options.node) await form.getByTestId('op-node').selectOption(options.node);
    }
    if (options.settleSeconds !== undefined) await form.getByTestId('op-settle').fill(String(options.settleSeconds));
    await form.getByTestId('op-start').click();
    await this.page.getByTestId('confirm-yes').click();
    const started = this.page.getByTestId('op-started');
    await started.waitFor();
    const id = /Started job (\S+)\./.exec((await started.textContent()) ?? '')?.[1];
    if (!id) throw new Error(`the page did not name the job: ${await started.textContent()}`);
    return id;
  }

  /** Starts a repair run of the keyspace from the page, after its preview; returns the run's id. */
  async startRepair(keyspace: string, segmentsPerNode: number): Promise<string> {
    const form = this.page.getByTestId('start-repair');
    await form.getByTestId('repair-keyspace').selectOption(keyspace);
    await form.getByLabel('segments per node').fill(String(segmentsPerNode));
    await form.getByTestId('repair-start').click();
    const dialog = this.page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('confirm-yes').click();
    const started = this.page.getByTestId('repair-started');
    await started.waitFor();
    const id = /Started repair run (\S+)\./.exec((await started.textContent()) ?? '')?.[1];
    if (!id) throw new Error(`the page did not name the run: ${await started.textContent()}`);
    return id;
  }

  /** Fills the schedule form and sends it (the answer shows as schedule-added or schedule-error); the first start as a datetime-local value. */
  async addSchedule(
    keyspace: string,
    options: { everyDays: number; firstStart: string; tables?: string },
  ): Promise<void> {
    const form = this.page.getByTestId('schedule-form');
    await form.getByTestId('schedule-keyspace').selectOption(keyspace);
    if (options.tables) await form.getByTestId('schedule-tables').fill(options.tables);
    await form.getByTestId('schedule-every').fill(String(options.everyDays));
    await form.getByTestId('schedule-first-start').fill(options.firstStart);
    await form.getByTestId('schedule-add').click();
  }

  /** The schedule's row in the list. */
  schedule(keyspace: string): Locator {
    return this.page.getByTestId(`schedule-${keyspace}`);
  }

  /** Deletes the keyspace's schedule, if there is one, accepting the confirmation. */
  async deleteSchedule(keyspace: string): Promise<void> {
    const row = this.schedule(keyspace);
    if ((await row.count()) === 0) return;
    this.page.once('dialog', (dialog) => void dialog.accept());
    await row.getByTestId('schedule-delete').click();
    await row.waitFor({ state: 'detached' });
  }

  async pause(id: string): Promise<void> {
    await this.job(id).getByTestId('job-pause').click();
  }

  async cancel(id: string): Promise<void> {
    await this.job(id).getByTestId('job-cancel').click();
  }

  stepsIn(id: string, state: string): Locator {
    return this.job(id).locator(`li[data-state="${state}"]`);
  }

  job(id: string): Locator {
    return this.page.getByTestId(`job-${id}`);
  }

  /** A repair run's line of figures: done of total, failed, pace, time left. */
  repairFigures(id: string): Locator {
    return this.job(id).getByTestId('repair-figures');
  }

  jobState(id: string): Locator {
    return this.job(id).getByTestId('job-state');
  }

  stepProgress(id: string, node: string): Locator {
    return this.job(id).getByTestId(`step-${node}`).getByTestId('step-progress');
  }

  async log(id: string): Promise<string> {
    await this.job(id).getByTestId('job-show-log').click();
    const log = this.job(id).getByTestId('job-log');
    await log.waitFor();
    return (await log.textContent()) ?? '';
  }

  navEntry(): Locator {
    return this.page.getByTestId('nav-activity');
  }
}
