import type { Locator, Page } from '@playwright/test';

/** /clusters/<id>/keyspaces: replication of every keyspace, and the replication editor. */
export class KeyspacesPage {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}/keyspaces`);
    await this.page.getByTestId('keyspace-list').waitFor();
  }

  row(keyspace: string): Locator {
    return this.page.getByTestId(`keyspace-row-${keyspace}`);
  }

  async openKeyspace(keyspace: string): Promise<void> {
    await this.row(keyspace).getByRole('link', { name: keyspace }).click();
  }

  async edit(keyspace: string): Promise<void> {
    await this.page.getByTestId(`edit-${keyspace}`).click();
  }

  async setFactor(dc: string, value: number): Promise<void> {
    await this.page.getByTestId(`factor-${dc}`).fill(String(value));
  }

  statement(): Locator {
    return this.page.getByTestId('alter-statement');
  }

  nextSteps(): Locator {
    return this.page.getByTestId('next-steps');
  }

  applyButton(): Locator {
    return this.page.getByTestId('alter-run');
  }

  confirmation(): Locator {
    return this.page.getByTestId('confirm-dialog');
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('confirm-yes').click();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('confirm-no').click();
  }

  done(): Locator {
    return this.page.getByTestId('alter-done');
  }
}

/** /clusters/<id>/keyspaces/<ks>/<table>: the table's schema and where a key lives. */
export class TablePage {
  constructor(private readonly page: Page) {}

  async openTable(table: string): Promise<void> {
    await this.page.getByTestId(`table-link-${table}`).click();
    await this.page.getByTestId('table-schema').waitFor();
  }

  primaryKey(): Locator {
    return this.page.getByTestId('primary-key');
  }

  columnRole(column: string): Locator {
    return this.page.getByTestId(`column-${column}`).getByTestId('column-role');
  }

  async locate(values: Record<string, string>): Promise<void> {
    for (const [column, value] of Object.entries(values)) await this.page.getByTestId(`key-${column}`).fill(value);
    await this.page.getByTestId('locate-submit').click();
  }

  replicas(): Locator {
    return this.page.getByTestId('locate-replicas');
  }

  token(): Locator {
    return this.page.getByTestId('locate-token');
  }

  locateError(): Locator {
    return this.page.getByTestId('locate-error');
  }

  needle(): Locator {
    return this.page.getByTestId('ring-needle');
  }

  ringReplicas(): Locator {
    return this.page.getByTestId('ring-replicas');
  }
}
