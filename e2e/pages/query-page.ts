import type { Locator, Page } from '@playwright/test';

/** /clusters/<id>/query: the CQL editor, run options, results, export, trace and history. */
export class QueryPage {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}/query`);
    await this.editorContent().waitFor();
  }

  editorContent(): Locator {
    return this.page.getByTestId('cql-editor').locator('.cm-content');
  }

  /** Empties the editor and leaves the cursor in it. */
  async clearEditor(): Promise<void> {
    await this.editorContent().click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  completionOption(label: string): Locator {
    return this.page.locator('.cm-tooltip-autocomplete li').filter({ hasText: new RegExp(`^${label}`) });
  }

  /** Waits for the completion popup to offer `label`, selects it and accepts it with Enter. */
  async complete(label: string): Promise<void> {
    const option = this.completionOption(label).first();
    await option.waitFor();
    await option.click();
  }

  /** Ctrl-Enter in the editor (focused again first: a dialog or button may have taken the focus). */
  async runStatementUnderCursor(): Promise<void> {
    await this.editorContent().focus();
    await this.page.keyboard.press('Control+Enter');
  }

  async chooseKeyspace(name: string): Promise<void> {
    await this.page.getByTestId('keyspace-picker').selectOption(name);
  }

  async setPageSize(size: number): Promise<void> {
    await this.page.getByTestId('page-size').fill(String(size));
  }

  async setTracing(on: boolean): Promise<void> {
    await this.page.getByTestId('tracing').setChecked(on);
  }

  summary(): Locator {
    return this.page.getByTestId('result-summary');
  }

  row(index: number): Locator {
    return this.page.getByTestId(`result-row-${index}`);
  }

  cell(row: number, column: string): Locator {
    return this.row(row).locator(`[data-column="${column}"]`);
  }

  async nextPage(): Promise<void> {
    await this.page.getByTestId('page-forward').click();
  }

  exportCsvButton(): Locator {
    return this.page.getByTestId('export-csv');
  }

  async chooseExportDialect(dialect: 'rfc4180' | 'cqlsh' | 'jsonl'): Promise<void> {
    await this.page.getByTestId('export-dialect').selectOption(dialect);
  }

  exportDone(): Locator {
    return this.page.getByTestId('export-done');
  }

  traceTimeline(): Locator {
    return this.page.getByTestId('trace-timeline');
  }

  traceLanes(): Locator {
    return this.page.locator('[data-testid^="trace-lane-"]');
  }

  confirmDialog(): Locator {
    return this.page.getByTestId('confirm-dialog');
  }

  async answerConfirmation(yes: boolean): Promise<void> {
    await this.page.getByTestId(yes ? 'confirm-yes' : 'confirm-no').click();
  }

  statementError(): Locator {
    return this.page.getByTestId('statement-error');
  }

  statementDone(): Locator {
    return this.page.getByTestId('statement-done');
  }

  errorMark(): Locator {
    return this.page.locator('.cql-error-mark');
  }

  history(): Locator {
    return this.page.getByTestId('history');
  }

  historyPanel(): Locator {
    return this.page.getByTestId('history-panel');
  }

  /** The newest failed run in the history, with the reason it failed. */
  lastFailedRun(): Locator {
    return this.history().getByTestId('history-entry-error').first();
  }

  outlineError(): Locator {
    return this.page.getByTestId('outline-error');
  }

  /** Loads a file (a path, or a name and its content) into a table through the import dialog. */
  async loadFile(
    keyspace: string,
    table: string,
    file: string | { name: string; mimeType: string; buffer: Buffer },
  ): Promise<void> {
    if (!(await this.page.getByTestId('import-dialog').isVisible())) await this.page.getByTestId('import-open').click();
    await this.page.getByTestId('import-keyspace').selectOption(keyspace);
    await this.page.getByTestId('import-table').selectOption(table);
    await this.page.getByTestId('import-file').setInputFiles(file);
    await this.page.getByTestId('import-start').click();
  }

  importDone(): Locator {
    return this.page.getByTestId('import-done');
  }

  importRejects(): Locator {
    return this.page.getByTestId('import-reject');
  }
}
