import type { Locator, Page } from '@playwright/test';

/** /clusters/<id>/gossip: the disagreement matrix and one node's gossip. */
export class GossipPage {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}/gossip`);
    await this.page.getByTestId('live-indicator').filter({ hasText: 'live' }).waitFor();
  }

  /** What `observer` believes about `peer`: UP or DOWN. */
  belief(observer: string, peer: string): Locator {
    return this.page.getByTestId(`matrix-${observer}-${peer}`).getByTestId('belief-status');
  }

  rowError(observer: string): Locator {
    return this.page.getByTestId(`matrix-row-${observer}`).getByTestId('matrix-error');
  }

  async chooseObserver(address: string): Promise<void> {
    await this.page.getByTestId('observer-picker').selectOption(address);
  }

  gossipEntry(address: string): Locator {
    return this.page.getByTestId(`gossip-entry-${address}`);
  }

  stateValue(address: string, state: string): Locator {
    return this.gossipEntry(address).getByTestId(`gossip-state-${state}`).locator('td').first();
  }
}
