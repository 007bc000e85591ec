// The reps' guide page (REPS_GUIDE_PAGE, built from docs/reps-guide.md) as Chromium shows it from the
// production build: it loads under the extension pages' CSP with its stylesheet and without a
// console error, reads as one titled document to axe, and its contents links move to their heading.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { guideTitle, REPS_GUIDE_SOURCE } from '../../scripts/docs/reps-guide-page.js';
import { REPS_GUIDE_PAGE } from '../../src/shared/help-links.js';
import { expect, test } from './fixtures.js';

test('the reps’ guide opens as an extension page, styled, accessible, without errors', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const answer = await page.goto(`chrome-extension://${extensionId}/${REPS_GUIDE_PAGE}`);
  expect(answer?.ok()).toBe(true);

  const title = guideTitle(readFileSync(resolve(import.meta.dirname, '../..', REPS_GUIDE_SOURCE), 'utf8'));
  await expect(page).toHaveTitle(title);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // help.css applied: the guide sits on a white card on the grey page, as Salesforce's pages do.
  const card = await page.locator('main').evaluate((main) => getComputedStyle(main).backgroundColor);
  expect(card).toBe('rgb(255, 255, 255)');

  // The contents' links take the rep to the section, by keyboard too.
  const section = page.getByRole('heading', { level: 2, name: 'When something goes wrong' });
  await expect(section).not.toBeInViewport();
  const link = page
    .getByRole('navigation', { name: 'Contents' })
    .getByRole('link', { name: 'When something goes wrong' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#when-something-goes-wrong$/);
  await expect(section).toBeInViewport();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join(', ')})`,
    ),
  ).toEqual([]);
  expect(problems).toEqual([]);
});
