import type { Locator, Page } from '@playwright/test';

/** The home page: one section per configured cluster, each with its node table or its error. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  cluster(clusterId: string): Locator {
    return this.page.getByTestId(`cluster-${clusterId}`);
  }

  nodeRow(clusterId: string, address: string): Locator {
    return this.cluster(clusterId).getByTestId(`node-row-${address}`);
  }

  nodeRows(clusterId: string): Locator {
    return this.cluster(clusterId).locator('[data-testid^="node-row-"]');
  }

  /** The DC a node is listed under: the table it sits in. */
  dcTable(clusterId: string, dc: string): Locator {
    return this.cluster(clusterId).getByTestId(`dc-${dc}`);
  }

  status(clusterId: string, address: string): Locator {
    return this.nodeRow(clusterId, address).getByTestId('node-status');
  }

  state(clusterId: string, address: string): Locator {
    return this.nodeRow(clusterId, address).getByTestId('node-state');
  }

  problem(clusterId: string, address: string): Locator {
    return this.nodeRow(clusterId, address).getByTestId('node-problem');
  }

  clusterError(clusterId: string): Locator {
    return this.cluster(clusterId).getByTestId('cluster-error');
  }
}
