// The checks of the built packages (tests/package): `npm run test:package` runs them right after
// it builds dist/, packages/ and dist-firefox/, so the plain unit run never depends on a build.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
  },
});
