// `npm test`: every check the project has, in the order that fails fastest, over ONE production build.
// The steps that need the build (the built-manifest unit test, the store packages, the browser tests
// and the tour) are told it is fresh instead of each building again: four builds cost about a minute
// of a 2-core CI machine, and they would each test a build of their own rather than the one shipped.
import { spawnSync } from 'node:child_process';

interface Step {
  name: string;
  command: string;
}

const STEPS: Step[] = [
  { name: 'typecheck', command: 'tsc --noEmit' },
  { name: 'lint', command: 'biome check .' },
  { name: 'build', command: 'vite build --logLevel warn && tsx scripts/build-firefox.ts' },
  { name: 'unit', command: 'vitest run' },
  {
    name: 'packages',
    command:
      'tsx scripts/package.ts && web-ext lint --source-dir dist-firefox && vitest run --config tests/package/vitest.config.ts',
  },
  { name: 'browser', command: 'playwright test' },
  { name: 'tour', command: 'tsx scripts/start.ts --tour --no-build --shots-dir=screenshots/tour' },
];

// Read by tests/e2e/global-setup.ts and tests/unit/manifest-permissions.test.ts.
const env = { ...process.env, E2E_SKIP_BUILD: '1', GLANCE_DIST_FRESH: '1' };
const times: string[] = [];

for (const step of STEPS) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}: ${step.command}`);
  const { status } = spawnSync(step.command, { shell: true, stdio: 'inherit', env });
  times.push(`${step.name} ${Math.round((Date.now() - started) / 1000)} s`);
  if (status !== 0) {
    console.error(`\n✗ ${step.name} failed (exit ${status}). Times: ${times.join(', ')}`);
    process.exit(status ?? 1);
  }
}
console.log(`\n✓ all checks passed. Times: ${times.join(', ')}`);
