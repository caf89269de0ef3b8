import type { Locator, Page } from '@playwright/test';

/** /clusters/<id>/physical: DCs → racks → node tiles coloured by a measure. */
export class PhysicalPage {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  async open(measure?: string): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}/physical${measure ? `?measure=${measure}` : ''}`);
    await this.page.getByTestId('live-indicator').filter({ hasText: 'live' }).waitFor();
    await this.page.getByTestId('physical-view').waitFor();
  }

  tiles(): Locator {
    return this.page.locator('[data-testid^="tile-"][data-tile]');
  }

  tile(address: string): Locator {
    return this.page.getByTestId(`tile-${address}`);
  }

  tileValue(address: string): Locator {
    return this.tile(address).getByTestId('tile-value');
  }

  /** The tiles of one rack of one DC. */
  rackTiles(dc: string, rack: string): Locator {
    return this.page.getByTestId(`physical-rack-${dc}-${rack}`).locator('[data-tile]');
  }

  measure(): Locator {
    return this.page.getByTestId('physical-measure');
  }
}
