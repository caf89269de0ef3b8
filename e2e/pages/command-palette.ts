import { expect, type Locator, type Page } from '@playwright/test';

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

  /** Ctrl-K (Cmd-K on a Mac); pressed again only while the palette is still closed (a press before hydration is lost). */
  async openWithKeyboard(): Promise<void> {
    await expect(async () => {
      if (!(await this.input().isVisible())) await this.page.keyboard.press('ControlOrMeta+k');
      await expect(this.input()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }

  /** The header's "Search…" button, clicked again only while the palette is still closed. */
  async openWithButton(): Promise<void> {
    await expect(async () => {
      if (!(await this.input().isVisible())) await this.openButton().click();
      await expect(this.input()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
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
