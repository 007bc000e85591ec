import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Each worker runs its own sandbox and Chromium; two cores allow two.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'browser', testIgnore: [/policy\//, /chaos\.spec\.ts/] },
    // Managed policy applies to every Chromium on the machine: run it alone, after the rest.
    { name: 'policy', testMatch: /policy\/.*\.spec\.ts/, dependencies: ['browser'] },
    // The chaos run (its own sandbox and browser, under a minute), last, so that no policy file is
    // in place while it runs. Alone: npx playwright test --project chaos --no-deps
    { name: 'chaos', testMatch: /chaos\.spec\.ts/, dependencies: ['policy'] },
  ],
});
