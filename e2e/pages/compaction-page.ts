import type { Locator, Page } from '@playwright/test';

/** /clusters/<id>/compaction: running compactions with progress, pending tasks, tables and history, each saying why when it cannot. */
export class CompactionPage {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}/compaction`);
    await this.page.getByTestId('compaction-view').waitFor();
  }

  runningError(): Locator {
    return this.page.getByTestId('compaction-running-error');
  }

  pendingError(): Locator {
    return this.page.getByTestId('compaction-pending-error');
  }

  tablesError(): Locator {
    return this.page.getByTestId('compaction-tables-error');
  }

  historyError(): Locator {
    return this.page.getByTestId('compaction-history-error');
  }

  tables(): Locator {
    return this.page.getByTestId('compaction-tables');
  }

  history(): Locator {
    return this.page.getByTestId('compaction-history');
  }

  progressOf(table: string): Locator {
    return this.page.getByTestId(`compaction-${table}`).getByTestId('compaction-progress');
  }

  async percentOf(table: string): Promise<number> {
    return Number(await this.progressOf(table).getAttribute('value'));
  }

  historyOf(table: string): Locator {
    return this.page.getByTestId(`history-${table}`);
  }
}
