// Runs before `npm start` and `npm test`: installs what a fresh machine lacks, so the README's
// commands work on a new clone. Plain Node, no dependencies (node_modules may not exist yet).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });

// A dependency added since the last install (a pull that brought one) counts as missing too.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const missing = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
  (name) => !existsSync(`node_modules/${name}/package.json`),
);
if (!existsSync('node_modules/.package-lock.json') || missing.length > 0) {
  console.log(`Installing npm dependencies (npm ci)…${missing.length ? ` missing: ${missing.join(', ')}` : ''}`);
  run('npm ci --no-audit --no-fund');
}

const chromium = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(
  (path) => path && existsSync(path),
);
if (!chromium) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log("Installing Debian's chromium (apt-get)…");
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.log(
      'No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium), or run\n' +
        '  npx playwright install chromium\nor point CHROMIUM_PATH at a Chromium binary.',
    );
  }
}
