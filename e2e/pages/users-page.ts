import type { Locator, Page } from '@playwright/test';
import type { Grant } from '@/lib/roles';

/** /admin/users: the add form with its once-shown password, the users table and its row actions. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin/users');
  }

  /** What a user who is not a console administrator sees instead of the page. */
  adminRequired(): Locator {
    return this.page.getByTestId('admin-required');
  }

  table(): Locator {
    return this.page.getByTestId('user-table');
  }

  row(email: string): Locator {
    return this.page.getByTestId(`user-row-${email}`);
  }

  grantsOf(email: string): Locator {
    return this.row(email).getByTestId('user-grants');
  }

  stateOf(email: string): Locator {
    return this.row(email).getByTestId('user-state');
  }

  /** The id the audit log names the user by in the parameters of a change made to them. */
  async userIdOf(email: string): Promise<string> {
    return (await this.row(email).getByTestId('user-id').textContent())?.trim() ?? '';
  }

  notice(): Locator {
    return this.page.getByTestId('users-notice');
  }

  /** Adds the user and returns the generated password, read before the page forgets it. */
  async addUser(email: string, name: string, grants: Grant[]): Promise<string> {
    await this.page.getByTestId('add-user-email').fill(email);
    await this.page.getByTestId('add-user-name').fill(name);
    await this.fillGrants(this.page.getByTestId('add-user-grants'), grants);
    await this.page.getByTestId('add-user-submit').click();
    const password = (await this.page.getByTestId('one-time-password-value').textContent())?.trim() ?? '';
    await this.page.getByTestId('one-time-password-done').click();
    return password;
  }

  /** Opens the grants panel, replaces the grants, saves and confirms; resolves once the panel has closed. */
  async changeGrants(email: string, grants: Grant[]): Promise<void> {
    await this.row(email).getByTestId('user-edit-grants').click();
    const panel = this.page.getByTestId('grants-panel');
    await this.fillGrants(panel.getByTestId('edit-grants'), grants);
    await panel.getByTestId('grants-save').click();
    await this.confirm();
    await panel.waitFor({ state: 'detached' });
  }

  async disable(email: string): Promise<void> {
    await this.row(email).getByTestId('user-disable').click();
    await this.confirm();
  }

  private async confirm(): Promise<void> {
    const dialog = this.page.getByTestId('confirm-dialog');
    await dialog.getByTestId('confirm-yes').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Removes every grant row, then adds one row per grant. */
  private async fillGrants(editor: Locator, grants: Grant[]): Promise<void> {
    for (let rows = await editor.locator('[data-testid^="grant-remove-"]').count(); rows > 0; rows--)
      await editor.getByTestId('grant-remove-0').click();
    for (const [index, grant] of grants.entries()) {
      await editor.getByTestId('grant-add').click();
      await editor.getByTestId(`grant-cluster-${index}`).selectOption(grant.cluster);
      await editor.getByTestId(`grant-role-${index}`).selectOption(grant.role);
    }
  }
}
