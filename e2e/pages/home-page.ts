import type { Locator, Page } from '@playwright/test';

/** The home page: one compact card per cluster, all fed by one live subscription. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByTestId('live-indicator').filter({ hasText: 'live' }).waitFor();
  }

  card(clusterId: string): Locator {
    return this.page.getByTestId(`cluster-card-${clusterId}`);
  }

  /** Kept for specs that only check a cluster is listed. */
  cluster(clusterId: string): Locator {
    return this.card(clusterId);
  }

  cards(): Locator {
    return this.page.locator('[data-testid^="cluster-card-"]');
  }

  /** "<up>/<total> up" */
  nodes(clusterId: string): Locator {
    return this.card(clusterId).getByTestId('card-nodes');
  }

  /** One DC's count; `data-up` and `data-total` hold the numbers. */
  dc(clusterId: string, dc: string): Locator {
    return this.card(clusterId).getByTestId(`card-dc-${dc}`);
  }

  dcs(clusterId: string): Locator {
    return this.card(clusterId).locator('[data-testid^="card-dc-"]');
  }

  verdict(clusterId: string): Locator {
    return this.card(clusterId).getByTestId('card-verdict');
  }

  error(clusterId: string): Locator {
    return this.card(clusterId).getByTestId('card-error');
  }

  down(clusterId: string): Locator {
    return this.card(clusterId).getByTestId('card-down');
  }

  agents(clusterId: string): Locator {
    return this.card(clusterId).getByTestId('card-agents');
  }

  schema(clusterId: string): Locator {
    return this.card(clusterId).getByTestId('card-schema');
  }

  alerts(clusterId: string): Locator {
    return this.card(clusterId).getByTestId('card-alerts');
  }

  load(clusterId: string): Locator {
    return this.card(clusterId).getByTestId('card-load');
  }

  sparkline(clusterId: string, which: 'rate' | 'p99'): Locator {
    return this.card(clusterId).getByTestId(`card-spark-${which}`);
  }
}
