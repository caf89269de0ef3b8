import type { Locator, Page } from '@playwright/test';

/** /login, and the signed-in header every page carries. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByTestId('login-email').fill(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  error(): Locator {
    return this.page.getByTestId('login-error');
  }

  currentUser(): Locator {
    return this.page.getByTestId('current-user');
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
    await this.page.waitForURL('**/login');
  }
}
