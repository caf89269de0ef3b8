import type { Locator, Page } from '@playwright/test';

/** /clusters/<id>: live status, node table with ownership, and the ring. */
export class ClusterPage {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}`);
    await this.page.getByTestId('live-indicator').filter({ hasText: 'live' }).waitFor();
  }

  /** The ring legend's mark on a node with a firing alert or no CQL answer. */
  ringAlert(address: string): Locator {
    return this.page.getByTestId(`ring-alert-${address}`);
  }

  nodeRow(address: string): Locator {
    return this.page.getByTestId(`node-row-${address}`);
  }

  nodeRows(): Locator {
    return this.page.locator('[data-testid^="node-row-"]');
  }

  /** The header row of a DC's group in the node table (its text: the DC and how many of its nodes are up). */
  dcTable(dc: string): Locator {
    return this.page.getByTestId(`dc-${dc}`);
  }

  /** A node's row if it is listed under DC `dc` (rows follow their DC's header; each carries its DC). */
  nodeRowInDc(dc: string, address: string): Locator {
    return this.page.locator(`[data-testid="node-row-${address}"][data-dc="${dc}"]`);
  }

  status(address: string): Locator {
    return this.nodeRow(address).getByTestId('node-status');
  }

  state(address: string): Locator {
    return this.nodeRow(address).getByTestId('node-state');
  }

  problem(address: string): Locator {
    return this.nodeRow(address).getByTestId('node-problem');
  }

  clusterError(): Locator {
    return this.page.getByTestId('cluster-error');
  }

  owns(address: string): Locator {
    return this.nodeRow(address).getByTestId('node-owns');
  }

  clusterDown(): Locator {
    return this.page.getByTestId('cluster-down');
  }

  async chooseKeyspace(name: string): Promise<void> {
    await this.page.getByTestId('keyspace-picker').selectOption(name);
  }

  ringSurface(): Locator {
    return this.page.getByTestId('ring-surface');
  }

  ringDetail(which: 'range' | 'owner' | 'replicas'): Locator {
    return this.page.getByTestId(`ring-${which}`);
  }

  /** Hovers the ring band at a fraction of a turn, clockwise from 12 o'clock. */
  async hoverRingAt(turn: number): Promise<void> {
    // The mouse moves within the viewport only: the ring sits below the tiles and the node table.
    await this.ringSurface().scrollIntoViewIfNeeded();
    const box = await this.ringSurface().boundingBox();
    if (!box) throw new Error('the ring is not on screen');
    const radius = box.width / 2 - 12;
    const angle = turn * 2 * Math.PI;
    await this.page.mouse.move(
      box.x + box.width / 2 + Math.sin(angle) * radius,
      box.y + box.height / 2 - Math.cos(angle) * radius,
    );
  }
}
