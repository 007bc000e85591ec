// The checks of the built packages (tests/package): `npm run test:package` runs them right after
// it builds dist/, packages/ and dist-firefox/, so the plain unit run never depends on a build.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The repository root, so paths read the same as from the main config.
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
  },
});
