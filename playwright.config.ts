import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.RINGSIDE_E2E_PORT ?? 3210);

// Layer 3: the production build in Debian's Chromium, against the real local cluster.
// `npm test` builds first; the web server here only starts what was built.
export default defineConfig({
  testDir: 'e2e',
  outputDir: '.test-output/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: '.test-output/e2e.json' }]]
    : [['list'], ['json', { outputFile: '.test-output/e2e.json' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Signed in as the admin of every cluster unless a spec says otherwise (e2e/auth-state.ts).
    storageState: '.test-output/e2e-auth/admin.json',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    // Warnings and errors only: the server's info lines would bury the test report.
    env: {
      RINGSIDE_CONFIG: 'e2e/ringside.test.config.json',
      RINGSIDE_BASE_URL: `http://127.0.0.1:${PORT}`,
      RINGSIDE_LOG_LEVEL: process.env.RINGSIDE_LOG_LEVEL ?? 'warn',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
