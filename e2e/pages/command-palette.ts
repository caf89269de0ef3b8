import type { Locator, Page } from '@playwright/test';

/** The command palette in the shell's header: Ctrl-K, a query, the ranked items, Enter. */
export class CommandPalette {
  constructor(private readonly page: Page) {}

  openButton(): Locator {
    return this.page.getByTestId('palette-open');
  }

  input(): Locator {
    return this.page.getByTestId('palette-input');
  }

  items(): Locator {
    return this.page.getByTestId('palette-item');
  }

  /** The item the keyboard is on: what Enter opens. */
  selected(): Locator {
    return this.page.locator('[data-testid="palette-item"][data-selected="true"]');
  }

  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+k');
    await this.input().waitFor();
  }

  /** Types the query and waits until the index has loaded and something matches. */
  async search(query: string): Promise<void> {
    await this.input().fill(query);
    await this.items().first().waitFor();
  }

  async enter(): Promise<void> {
    await this.input().press('Enter');
  }
}
