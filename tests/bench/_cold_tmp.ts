import { launchWithExtension } from '../support/chromium.js';
for (let i = 0; i < 3; i++) {
  const t0 = Date.now();
  const b = await launchWithExtension({ hostResolverRules: 'MAP nothing 127.0.0.1' });
  const launched = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 1000));
  const w = b.context.serviceWorkers()[0]!;
  const ms = await w.evaluate(async () => { const s = performance.now(); await chrome.storage.managed.get(); return performance.now() - s; });
  const ms2 = await w.evaluate(async () => { const s = performance.now(); await chrome.storage.managed.get(); return performance.now() - s; });
  console.log({ launched, first: ms, second: ms2 });
  await b.close();
}
