import type { Locator, Page } from '@playwright/test';

/** The health tiles at the top of /clusters/<id>, and the recent events below them. */
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

  /** When the newest recent event of this kind naming this text happened (ms), or 0 if none is listed. */
  async latestEvent(kind: string, text: string): Promise<number> {
    const times = await this.page
      .getByTestId('overview-event')
      .and(this.page.locator(`[data-kind="${kind}"]`))
      .filter({ hasText: text })
      .locator('time')
      .evaluateAll((elements) => elements.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
    return Math.max(0, ...times.filter((t) => !Number.isNaN(t)));
  }
}
