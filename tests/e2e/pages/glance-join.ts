// Glance's join page (the sandbox's, tests/sandbox/glance): a guest opens the link the rep gave,
// types a name and an email, and joins.
import { expect, type Page } from '@playwright/test';

/** The join link for a key at a Glance address (the documented `https://<address>/?key=<key>`). */
export const joinLink = (key: string, address = 'acme.glance.net') => `https://${address}/?key=${key}`;

/** A guest joins in their own page, as a person does; the page shows the key the link carried. */
export async function guestJoins(
  guest: Page,
  joinUrl: string,
  { name, email = 'guest@example.com' }: { name: string; email?: string },
): Promise<void> {
  await guest.goto(joinUrl);
  const key = new URL(joinUrl).searchParams.get('key');
  if (key) await expect(guest.getByLabel('Key')).toHaveValue(key);
  await guest.getByLabel('Name').fill(name);
  await guest.getByLabel('Email').fill(email);
  await guest.getByRole('button', { name: 'Join session' }).click();
  await expect(guest.getByRole('heading', { name: /You have joined/ })).toBeVisible();
}
