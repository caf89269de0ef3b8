import type { Locator, Page } from '@playwright/test';

/** The health tiles at the top of /clusters/<id>. */
export class OverviewTiles {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}`);
    await this.tiles().waitFor();
  }

  tiles(): Locator {
    return this.page.getByTestId('overview-tiles');
  }

  tile(id: string): Locator {
    return this.page.getByTestId(`tile-${id}`);
  }

  value(id: string): Locator {
    return this.tile(id).getByTestId('tile-value');
  }

  detail(id: string): Locator {
    return this.tile(id).getByTestId('tile-detail');
  }

  dc(dc: string): Locator {
    return this.page.getByTestId(`overview-dc-${dc}`);
  }
}
