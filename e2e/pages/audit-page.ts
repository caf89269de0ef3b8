import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

export interface AuditFilterFields {
  user?: string;
  action?: string;
  cluster?: string;
  outcome?: 'ok' | 'failed' | 'refused' | 'throttled';
}

/** /admin/audit: the filter, the entries newest first, "load older" and the CSV link. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin/audit');
    await this.page.getByTestId('audit-filter').waitFor();
  }

  /** What the page says this user reads. */
  scope(): Locator {
    return this.page.getByTestId('audit-scope');
  }

  /** Sets every filter field (those not given are emptied) and applies them. */
  async filter(fields: AuditFilterFields): Promise<void> {
    await this.page.getByTestId('audit-filter-user').fill(fields.user ?? '');
    await this.page.getByTestId('audit-filter-action').fill(fields.action ?? '');
    await this.page.getByTestId('audit-filter-cluster').fill(fields.cluster ?? '');
    await this.page.getByTestId('audit-filter-outcome').selectOption(fields.outcome ?? '');
    await this.page.getByTestId('audit-apply').click();
  }

  entries(): Locator {
    return this.page.locator('[data-testid^="audit-entry-"]');
  }

  /** Entries of exactly this action, and of this outcome, whose row contains `text` (an email, a user id in the parameters). */
  entry(action: string, { text, outcome }: { text?: string; outcome?: AuditFilterFields['outcome'] } = {}): Locator {
    let rows = this.entries().filter({
      has: this.page.getByTestId('audit-action').getByText(action, { exact: true }),
    });
    if (outcome)
      rows = rows.filter({ has: this.page.getByTestId('audit-outcome').getByText(outcome, { exact: true }) });
    return text === undefined ? rows : rows.filter({ hasText: text });
  }

  csvLink(): Locator {
    return this.page.getByTestId('audit-csv');
  }

  /** Clicks "Download CSV" and returns the saved file's text. */
  async downloadCsv(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.csvLink().click()]);
    return readFile(await download.path(), 'utf8');
  }
}
