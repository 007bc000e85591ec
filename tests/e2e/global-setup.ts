// Builds the production extension once for the whole run: tests load exactly what users install.
import { build } from 'vite';

export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  await build({ logLevel: 'warn' });
}
