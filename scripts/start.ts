// `npm start`: builds the extension, starts the sandbox, and opens Chromium with the extension on a
// logged-in Salesforce Lead. Without a display (or with --tour) it runs the scripted tour headless,
// saves its screenshots to docs/screenshots/ (committed: the README and docs show them) and the stores'
// copies to screenshots/store/ (git-ignored, uploaded by hand), and exits non-zero if any step fails:
// `npm test` runs it too.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { startSandbox } from '../tests/sandbox/server.js';
import { launchWithExtension } from '../tests/support/chromium.js';
import { SandboxControl } from '../tests/support/control.js';
import { GlanceClientStandIn } from '../tests/support/glance-client.js';
import { pngSize } from './packaging/png.js';
import { STORE_SHOTS, STORE_SIZE } from './store-shots.js';

const tour = process.argv.includes('--tour') || !process.env.DISPLAY;
// `npm test` passes --shots-dir=screenshots/tour (git-ignored): a test run must not leave the committed
// shots changed in the working tree; `npm run tour` refreshes them.
const shotsDir = process.argv.find((arg) => arg.startsWith('--shots-dir='))?.slice('--shots-dir='.length);
const shots = resolve(shotsDir || 'docs/screenshots');
const storeShots = resolve('screenshots/store');
const CLASSIC = 'https://acme.my.salesforce.com';
const LIGHTNING = 'https://acme.lightning.force.com';

// `npm test` builds once for all its steps and says so with --no-build.
if (!process.argv.includes('--no-build')) {
  console.log('Building the extension into dist/ …');
  await build({ logLevel: 'warn' });
}
const sandbox = await startSandbox({ quiet: true, port: tour ? 0 : Number(process.env.SANDBOX_PORT ?? 8443) });
const control = new SandboxControl(sandbox.controlUrl);
console.log(`Sandbox on 127.0.0.1:${sandbox.port}, control API ${sandbox.controlUrl}`);
const browser = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules, headless: tour });
const { context, extensionId } = browser;
// The sandbox's stand-in for the Glance Client: the glance:// launches of Start open the session the
// real client would, so guests can join at https://acme.glance.net with the key.
const glanceClient = new GlanceClientStandIn(context, sandbox.controlUrl);

async function shutdown(code: number): Promise<never> {
  await browser.close().catch(() => {});
  await sandbox.close();
  process.exit(code);
}

try {
  const [lead] = await control.records<{ Id: string; Name: string }>('Lead');
  const [kase] = await control.records<{ Id: string }>('Case');
  if (!lead || !kase) throw new Error('sandbox has no seeded Lead or Case');
  const page = context.pages()[0] ?? (await context.newPage());

  // Log in through the sandbox's Salesforce login page, as a rep would.
  await page.goto(`${CLASSIC}/?startURL=${encodeURIComponent(`/lightning/r/Lead/${lead.Id}/view`)}`);
  await page.getByLabel('Password').fill('any password works in the sandbox');
  await page.getByRole('button', { name: /log in/i }).click();
  await page.waitForURL(/lightning\.force\.com\/lightning\/r\/Lead\//);
  const toolbar = page.locator('[data-glance-sfx="toolbar"]');
  await toolbar.getByRole('button', { name: 'Start Glance session' }).waitFor();

  if (!tour) {
    console.log(
      `Chromium is open on ${lead.Name}'s Lead page (extension ${extensionId}).
  Connect Glance from the extension's toolbar button: address acme.glance.net, password correct-horse.
  Start launches the sandbox's stand-in for the Glance Client; guests join at https://acme.glance.net/
  with the key in any tab of this browser, and you add them in the panel (Glance tells no one who joined).
  The sandbox's Glance answers its assumed operations too after: curl -X POST ${sandbox.controlUrl}/glance/assumed -d '{"on":true}' -H 'content-type: application/json'
Close Chromium or press Ctrl-C to stop.`,
    );
    context.on('close', () => void shutdown(0));
    process.on('SIGINT', () => void shutdown(0));
  } else {
    mkdirSync(shots, { recursive: true });
    mkdirSync(storeShots, { recursive: true });
    // The Chrome Web Store's screenshot size, so the store's shots are the tour's own (store-shots.ts).
    await page.setViewportSize(STORE_SIZE);
    const step = async (name: string, action: () => Promise<void>) => {
      await action();
      const shot = await page.screenshot({ path: `${shots}/${name}.png` });
      if (STORE_SHOTS.includes(`${name}.png`)) {
        const size = pngSize(shot);
        if (size.width !== STORE_SIZE.width || size.height !== STORE_SIZE.height)
          throw new Error(`${name}: ${size.width}x${size.height}, the store takes 1280x800`);
        writeFileSync(`${storeShots}/${name}.png`, shot);
      }
      console.log(`  ✓ ${name}`);
    };
    console.log('Tour (headless):');
    await step('01-lightning-lead', async () => {
      await toolbar.getByRole('status').filter({ hasText: 'Riley Rep' }).waitFor();
    });
    await step('02-spa-navigation-to-case', async () => {
      await page.evaluate(
        (p) => (window as unknown as { __sandboxNavigate(p: string): void }).__sandboxNavigate(p),
        `/lightning/r/Case/${kase.Id}/view`,
      );
      await page.locator(`[data-glance-sfx="toolbar"][data-record-id="${kase.Id}"]`).waitFor();
    });
    await step('03-start-without-glance-account', async () => {
      await toolbar.getByRole('button', { name: 'Start Glance session' }).click();
      await toolbar.getByRole('button', { name: 'Open Glance settings' }).waitFor();
    });
    await step('04-classic-lead', async () => {
      await page.goto(`${CLASSIC}/${lead.Id.slice(0, 15)}`);
      await toolbar.getByRole('button', { name: 'Start Glance session' }).waitFor();
    });
    // Chrome shows an action popup at most 800 × 600 px; the popup fits that in every view.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 440, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html`);
    await popup.getByLabel('Glance address').fill('acme.glance.net');
    await popup.getByLabel('Glance password').fill('correct-horse');
    await popup.getByRole('button', { name: 'Connect' }).click();
    await popup.getByTestId('glance-connected').waitFor();
    await popup.getByRole('tab', { name: 'Settings', exact: true }).click();
    await popup.getByLabel('Create leads for session guests').selectOption('email');
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByText('Settings saved.').waitFor();
    await popup.getByRole('tab', { name: 'Overview', exact: true }).click();
    await popup.getByTestId('readiness').waitFor();
    await popup.screenshot({ path: `${shots}/05-popup-connected.png` });
    console.log('  ✓ 05-popup-connected');
    await popup.close();

    const panel = page.locator('[data-glance-sfx="session-panel"]');
    await step('06-session-started', async () => {
      await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead.Id}/view`);
      await toolbar.getByRole('button', { name: 'Start Glance session' }).click();
      await panel.getByText('Logged to Salesforce.').waitFor({ timeout: 15_000 });
    });
    const key = (await panel.getByLabel('Session key').textContent()) ?? '';
    // The rep's click launched the Glance Client (the stand-in), which opened the session with the key.
    if (!(await glanceClient.received()).some((launch) => launch.url.includes(`key=${key}`)))
      throw new Error(`the Glance Client got no launch with key ${key}`);
    const guest = await context.newPage();
    await guest.goto(`https://acme.glance.net/?key=${key}`);
    await guest.getByLabel('Name').fill('Wanda Guest');
    await guest.getByLabel('Email').fill('wanda@newco.example');
    await guest.getByRole('button', { name: 'Join session' }).click();
    await guest.screenshot({ path: `${shots}/07-guest-joined.png` });
    console.log('  ✓ 07-guest-joined');
    await guest.close();
    await step('08-guest-in-panel', async () => {
      // Glance documents no feed of a screen share's guests: the rep adds who joined.
      await page.bringToFront();
      await panel.getByLabel('Name', { exact: true }).fill('Wanda Guest');
      await panel.getByLabel('E-mail', { exact: true }).fill('wanda@newco.example');
      await panel.getByRole('button', { name: 'Add guest' }).click();
      await panel.getByText('Wanda Guest', { exact: true }).waitFor({ timeout: 15_000 });
    });
    await step('09-session-ended', async () => {
      await panel.getByRole('button', { name: 'End session' }).click();
      await toolbar.getByText('Glance session ended.').waitFor();
    });
    const events = await control.records<{ Subject: string; WhoId: string }>('Event');
    if (events.length !== 1 || events[0]?.WhoId !== lead.Id)
      throw new Error(`expected one Event on the Lead, got ${JSON.stringify(events)}`);
    console.log(`  ✓ Salesforce holds the Event "${events[0]?.Subject}" on ${lead.Name}`);
    // The popup after the session: the rep's Glance sessions of the last 30 days, read from Salesforce.
    const history = await context.newPage();
    await history.setViewportSize({ width: 440, height: 600 });
    await history.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html#sessions`);
    await history.getByTestId('salesforce-history').waitFor({ timeout: 15_000 });
    await history.screenshot({ path: `${shots}/10-popup-recent-sessions.png` });
    console.log('  ✓ 10-popup-recent-sessions');
    await history.close();
    // The administrators' Company Settings tab.
    const options = await context.newPage();
    await options.setViewportSize({ width: 1280, height: 800 });
    await options.goto(`chrome-extension://${extensionId}/src/pages/options/index.html#company`);
    await options.getByRole('tabpanel').filter({ visible: true }).getByRole('heading').first().waitFor();
    await options.screenshot({ path: `${shots}/11-company-settings.png` });
    console.log('  ✓ 11-company-settings');
    await options.close();
    const missing = STORE_SHOTS.filter((file) => !existsSync(`${storeShots}/${file}`));
    if (missing.length > 0) throw new Error(`no store screenshot ${missing.join(', ')}: a tour step was renamed?`);
    console.log(`Tour passed; screenshots in ${shots}, the stores' in ${storeShots}`);
    await shutdown(0);
  }
} catch (error) {
  console.error('Tour failed:', error);
  await shutdown(1);
}
