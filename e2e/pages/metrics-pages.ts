import type { Locator, Page } from '@playwright/test';

/** /clusters/<id>/metrics: charts per metric and the range picker. */
export class MetricsPage {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}/metrics`);
    await this.page.getByTestId('metrics-dashboard').waitFor();
  }

  chart(metric: string): Locator {
    return this.page.getByTestId(`chart-${metric}`);
  }

  async pointsIn(metric: string): Promise<number> {
    return Number(await this.chart(metric).getAttribute('data-points'));
  }

  async chooseRange(range: '15m' | '1h' | '6h' | '24h' | '7d' | '30d'): Promise<void> {
    await this.page.getByTestId(`range-${range}`).click();
  }
}
