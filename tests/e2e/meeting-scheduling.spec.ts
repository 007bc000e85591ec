// Scheduling a Glance meeting from a record, as the rep does it (issue 11): the dialog (lazily
// injected, keyboard-usable, only a person's clicks count), the Event and Chatter post in the
// emulated org, the invitation (copied text, .ics parsed back with ical.js, mailto link),
// reschedule and cancel from the toolbar's upcoming meeting, and starting the meeting at its time.
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import type { SandboxControl } from '../support/control.js';
import {
  CLASSIC,
  choose,
  connectGlance,
  expect,
  focusByKeyboard,
  LIGHTNING,
  type Page,
  type Row,
  sessionPanel,
  test,
  toolbar,
  typeDate,
  typeTime,
  useSettings,
} from './fixtures.js';
import { openPopup } from './pages/extension-pages.js';

const MINUTE = 60_000;
const CONFERENCE = { phoneNumbers: '+1 555 0100\n+44 20 7946 0000', accessCode: '424242#', notes: 'Press 1, then 2' };
const dialog = (page: Page) => page.getByRole('dialog');

async function recordId(control: SandboxControl, type: string): Promise<string> {
  const record = (await control.records<Row>(type))[0];
  if (!record) throw new Error(`no seeded ${type}`);
  return record.Id;
}

/** What the dialog should prefill for a seeded record (content:meeting-defaults, background/meeting/defaults.ts). */
async function expectedDefaults(
  control: SandboxControl,
  type: string,
  id: string,
): Promise<{ name: string; email: string }> {
  const record = (await control.records<Row>(type)).find((r) => r.Id === id) as Row;
  const contacts = await control.records<Row>('Contact');
  const emailOf = (contactId: unknown) => String(contacts.find((c) => c.Id === contactId)?.Email ?? '');
  switch (type) {
    case 'Lead':
    case 'Contact':
      return { name: String(record.Name), email: String(record.Email ?? '') };
    case 'Case':
      return { name: String(record.Subject || record.CaseNumber), email: emailOf(record.ContactId) };
    case 'Opportunity': {
      const roles = (await control.records<Row>('OpportunityContactRole')).filter((r) => r.OpportunityId === id);
      const role = roles.find((r) => r.IsPrimary) ?? roles[0];
      return { name: String(record.Name), email: emailOf(role?.ContactId ?? record.ContactId) };
    }
    default:
      return { name: String(record.Name), email: '' };
  }
}

function recordUrl(ui: 'lightning' | 'classic', type: string, id: string): string {
  return ui === 'lightning' ? `${LIGHTNING}/lightning/r/${type}/${id}/view` : `${CLASSIC}/${id.slice(0, 15)}`;
}

/** The browser's wall clock at an instant, as the dialog's date and time inputs take it. */
function localFields(page: Page, instant: number): Promise<{ date: string; time: string }> {
  return page.evaluate((at) => {
    const parts: Record<string, string> = {};
    const format = new Intl.DateTimeFormat('en-US', {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (const part of format.formatToParts(at)) parts[part.type] = part.value;
    return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
  }, instant);
}

/** A whole minute at least `ahead` ms from now. */
const minuteFromNow = (ahead: number) => Math.ceil((Date.now() + ahead) / MINUTE) * MINUTE;

async function fillWhen(page: Page, instant: number): Promise<void> {
  const { date, time } = await localFields(page, instant);
  await typeDate(page, dialog(page).getByLabel('Date'), date);
  await typeTime(page, dialog(page).getByLabel('Time', { exact: true }), time);
}

/** The Event of the meeting whose subject starts with `subject`. */
async function meetingEvent(control: SandboxControl, subject: string): Promise<Row> {
  let found: Row | undefined;
  await expect
    .poll(async () => {
      found = (await control.records<Row>('Event')).find((e) => String(e.Subject).includes(subject));
      return found !== undefined;
    })
    .toBe(true);
  return found as Row;
}

async function downloadIcs(page: Page, name: string | RegExp): Promise<string> {
  const download = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { calendar, event, value: (name: string) => event.getFirstPropertyValue(name) };
}

const at = (value: unknown) => Date.parse(String(value));
const icsTime = (value: unknown) => (value as ICAL.Time).toJSDate().getTime();

test.beforeEach(async ({ context, extensionId, serviceWorker }) => {
  await useSettings(serviceWorker, { conference: CONFERENCE, chatterOnSchedule: true });
  await connectGlance(context, extensionId);
});

test('schedules from each of the five record types, in Lightning and Classic: one request, the Event, the post', async ({
  salesforcePage: page,
  control,
}) => {
  test.setTimeout(90_000);
  let hour = 24;
  for (const ui of ['lightning', 'classic'] as const) {
    for (const type of ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case']) {
      const id = await recordId(control, type);
      await page.goto(recordUrl(ui, type, id));
      await toolbar(page).getByRole('button', { name: 'Schedule Glance meeting' }).click();
      await expect(dialog(page)).toHaveAccessibleName('Schedule Glance meeting');
      // Prefilled from Salesforce in one query: the record's name, and its (or its contact's) email.
      const expected = await expectedDefaults(control, type, id);
      await expect(dialog(page).getByLabel('Subject')).toHaveValue(`Glance meeting: ${expected.name}`);
      await expect(dialog(page).getByLabel('Invitee email')).toHaveValue(expected.email);
      const subject = `Demo ${ui} ${type}`;
      const start = minuteFromNow(hour++ * 60 * MINUTE);
      await fillWhen(page, start);
      await choose(page, dialog(page).getByLabel('Duration'), '45');
      await dialog(page).getByLabel('Subject').fill(subject);
      await dialog(page).getByLabel('Invitee email').fill('pat@customer.example');
      const since = (await control.apiCalls()).length;
      await dialog(page).getByRole('button', { name: 'Schedule', exact: true }).click();
      await expect(dialog(page).getByText('Meeting scheduled')).toBeVisible();
      const key = (
        (await dialog(page)
          .getByText(/^Session key: /)
          .textContent()) ?? ''
      ).replace('Session key: ', '');
      expect(key, `${ui} ${type}`).toMatch(/^\d{4,}$/);

      const event = await meetingEvent(control, subject);
      expect(at(event.StartDateTime), `${ui} ${type}`).toBe(start);
      expect(at(event.EndDateTime)).toBe(start + 45 * MINUTE);
      expect(event.IsReminderSet).toBe(true);
      expect(event[type === 'Lead' || type === 'Contact' ? 'WhoId' : 'WhatId'], `${ui} ${type}`).toBe(id);
      expect(String(event.Location)).toContain(key);
      const description = String(event.Description);
      for (const line of [`Session key: ${key}`, '+1 555 0100', '+44 20 7946 0000', '424242#', 'Press 1, then 2'])
        expect(description, `${ui} ${type}`).toContain(line);
      // Event and post in one composite request.
      expect((await control.apiCalls()).slice(since), `${ui} ${type}`).toHaveLength(1);
      const posts = (await control.records<Row>('FeedItem')).filter((f) => String(f.LinkUrl).includes(event.Id));
      expect(posts, `${ui} ${type}`).toHaveLength(1);
      expect(`${posts[0]?.Title} ${posts[0]?.Body}`).not.toContain(key);
      await dialog(page).getByRole('button', { name: 'Close' }).click();
      await expect(dialog(page)).toHaveCount(0);
      await expect(toolbar(page).getByRole('group', { name: /^Meeting / })).toBeVisible();
    }
  }
});

/** Opens the dialog on the seeded Lead (Lightning) once the toolbar knows the rep. */
async function openOnLead(page: Page, control: SandboxControl): Promise<string> {
  const id = await recordId(control, 'Lead');
  await page.goto(recordUrl('lightning', 'Lead', id));
  await expect(toolbar(page).getByRole('status')).toContainText('Sessions are logged to Salesforce as');
  await toolbar(page).getByRole('button', { name: 'Schedule Glance meeting' }).click();
  await expect(dialog(page)).toBeVisible();
  return id;
}

async function scheduleOnLead(page: Page, control: SandboxControl, subject: string, start: number, minutes = '30') {
  await openOnLead(page, control);
  await fillWhen(page, start);
  await choose(page, dialog(page).getByLabel('Duration'), minutes);
  await dialog(page).getByLabel('Subject').fill(subject);
  await dialog(page).getByLabel('Invitee email').fill('pat@customer.example');
  await dialog(page).getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog(page).getByText('Meeting scheduled')).toBeVisible();
  return (
    (await dialog(page)
      .getByText(/^Session key: /)
      .textContent()) ?? ''
  ).replace('Session key: ', '');
}

test('the invitation: copied text, .ics parsed back field by field (escaping, folding), the mail link', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: LIGHTNING });
  // Escaped characters (, ; \ "), non-ASCII that must not be split when folding, and notes that try
  // to add calendar lines of their own.
  const subject = `Q3 review, "pricing"; options \\ next steps — Ünïcödé 😀 ${'long '.repeat(12)}end`;
  const notes = 'Bring the numbers.\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:forged';
  const start = minuteFromNow(48 * 60 * MINUTE);
  await openOnLead(page, control);
  await fillWhen(page, start);
  await dialog(page).getByLabel('Subject').fill(subject);
  await dialog(page).getByLabel('Invitee email').fill('pat@customer.example');
  await dialog(page).getByLabel('Notes').fill(notes);
  await dialog(page).getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog(page).getByText('Meeting scheduled')).toBeVisible();
  const key = (
    (await dialog(page)
      .getByText(/^Session key: /)
      .textContent()) ?? ''
  ).replace('Session key: ', '');
  const event = await meetingEvent(control, 'Q3 review');

  await dialog(page).getByRole('button', { name: 'Copy invitation' }).click();
  await expect(dialog(page).getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.split('\n');
  expect(lines[0]).toBe(`Glance meeting: ${subject}`);
  expect(lines).toContain(`Join: ${event.Location}`);
  expect(lines).toContain(`Session key: ${key}`);
  for (const line of ['  +1 555 0100', '  +44 20 7946 0000', '  Press 1, then 2', '  END:VEVENT', '  SUMMARY:forged'])
    expect(lines).toContain(line);
  // No line of the notes stands on its own, unindented.
  expect(lines).not.toContain('BEGIN:VEVENT');

  const raw = await downloadIcs(page, 'Download .ics');
  // Every physical line ends in CRLF and is at most 75 octets; folded lines go on with one space.
  expect(raw.endsWith('\r\n')).toBe(true);
  const physical = raw.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  expect(physical.some((line) => line.startsWith(' '))).toBe(true);
  expect(raw).toContain('SUMMARY:Q3 review\\, "pricing"\\; options \\\\ next steps');
  const ics = parseIcs(raw);
  expect(ics.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
  expect(ics.calendar.getAllSubcomponents('vevent')).toHaveLength(1);
  expect(ics.value('summary')).toBe(subject);
  expect(icsTime(ics.value('dtstart'))).toBe(start);
  expect(icsTime(ics.value('dtend'))).toBe(start + 30 * MINUTE);
  expect(ics.value('dtstamp')).toBeTruthy();
  expect(ics.value('uid')).toMatch(/@/);
  expect(ics.value('sequence')).toBe(0);
  expect(ics.value('location')).toBe(event.Location);
  // The same invitation, each line trimmed (the .ics writer keeps lines as single-line text).
  expect(ics.value('description')).toBe(
    copied
      .split('\n')
      .map((line) => line.trim())
      .join('\n'),
  );
  expect(ics.value('attendee')).toBe('mailto:pat@customer.example');
  const users = await control.records<Row>('User');
  expect(users.map((user) => `mailto:${user.Email}`)).toContain(ics.value('organizer'));

  // The mail link is built at the rep's click from the meeting itself (the visible link's href is the
  // page's to rewrite): what Chromium is asked to open is what counts.
  const opened = page.context().waitForEvent('request', { predicate: (r) => r.url().startsWith('mailto:') });
  await dialog(page).getByRole('link', { name: 'Email invitation' }).click();
  const href = (await opened).url();
  expect(href.startsWith('mailto:pat@customer.example?subject=')).toBe(true);
  const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
  expect([...query.keys()]).toEqual(['subject', 'body']);
  expect(query.get('subject')).toBe(subject);
  expect(query.get('body')).toBe(copied.replace(/\n/g, '\r\n'));
});

test('the dialog by keyboard only: focus moves in, Tab stays inside, Escape closes and returns focus', async ({
  salesforcePage: page,
  control,
}) => {
  const id = await recordId(control, 'Lead');
  await page.goto(recordUrl('lightning', 'Lead', id));
  const schedule = toolbar(page).getByRole('button', { name: 'Schedule Glance meeting' });
  await focusByKeyboard(page, schedule);
  await page.keyboard.press('Enter');
  const shown = dialog(page);
  await expect(shown).toHaveAttribute('aria-modal', 'true');
  await expect(shown.getByLabel('Date')).toBeFocused();
  const order = [
    shown.getByLabel('Time', { exact: true }),
    shown.getByLabel('Duration'),
    shown.getByLabel('Subject'),
    shown.getByLabel('Invitee email'),
    shown.getByLabel('Notes'),
    shown.getByRole('button', { name: 'Cancel' }),
    shown.getByRole('button', { name: 'Schedule', exact: true }),
    shown.getByLabel('Date'),
  ];
  // Date and time inputs take a few Tabs each (month, day, year; hour, minute, AM/PM).
  for (const next of order) {
    for (let press = 0; press < 4; press++) {
      await page.keyboard.press('Tab');
      if (await next.evaluate((node) => (node.getRootNode() as ShadowRoot).activeElement === node)) break;
    }
    await expect(next).toBeFocused();
  }
  await page.keyboard.press('Shift+Tab');
  await expect(shown.getByRole('button', { name: 'Schedule', exact: true })).toBeFocused();
  // Back through the date's own fields (month, day, year) with Shift+Tab, then around to the end.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(shown.getByLabel('Date')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(shown.getByRole('button', { name: 'Schedule', exact: true })).toBeFocused();

  // A time in the past and a bad address: each said beside its field, nothing sent.
  await typeDate(page, shown.getByLabel('Date'), '2020-01-01');
  await shown.getByLabel('Invitee email').fill('not an address');
  const since = (await control.apiCalls()).length;
  await shown.getByLabel('Invitee email').press('Enter');
  await expect(shown.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await expect(shown.getByLabel('Date')).toHaveAccessibleDescription(
    'This time has passed. Choose a time in the future.',
  );
  await expect(shown.getByLabel('Invitee email')).toHaveAttribute('aria-invalid', 'true');
  await expect(shown.getByLabel('Date')).toBeFocused();

  // A page script's clicks and submits do nothing, even with a valid form.
  await fillWhen(page, minuteFromNow(24 * 60 * MINUTE));
  await shown.getByLabel('Invitee email').fill('pat@customer.example');
  await page.evaluate(() => {
    const root = document.querySelector('[data-glance-sfx="meeting-dialog"]')?.shadowRoot;
    const form = root?.querySelector('form');
    for (const button of root?.querySelectorAll('button') ?? []) if (button.type === 'submit') button.click();
    form?.requestSubmit();
    form?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  });
  await page.waitForTimeout(300);
  await expect(shown.getByRole('button', { name: 'Schedule', exact: true })).toBeVisible();
  expect((await control.records<Row>('Event')).filter((e) => String(e.Subject).includes('Glance meeting'))).toEqual([]);
  expect((await control.apiCalls()).slice(since)).toEqual([]);

  // A press on the backdrop does not take focus out of the dialog.
  await shown.getByLabel('Notes').focus();
  await page.mouse.click(3, 3);
  await expect(shown.getByLabel('Notes')).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(shown).toHaveCount(0);
  await expect(schedule).toBeFocused();
});

test('reschedule and cancel the upcoming meeting: the same Event, the same UID with a higher SEQUENCE, METHOD:CANCEL', async ({
  salesforcePage: page,
  control,
}) => {
  const start = minuteFromNow(24 * 60 * MINUTE);
  await scheduleOnLead(page, control, 'Plan review', start);
  const first = parseIcs(await downloadIcs(page, 'Download .ics'));
  const event = await meetingEvent(control, 'Plan review');
  await dialog(page).getByRole('button', { name: 'Close' }).click();

  const meeting = toolbar(page).getByRole('group', { name: /^Meeting / });
  await meeting.getByRole('button', { name: 'Reschedule' }).click();
  await expect(dialog(page)).toHaveAccessibleName('Reschedule Glance meeting');
  await expect(dialog(page).getByLabel('Subject')).toHaveAttribute('readonly', '');
  const later = start + 90 * MINUTE;
  await fillWhen(page, later);
  await choose(page, dialog(page).getByLabel('Duration'), '60');
  await dialog(page).getByRole('button', { name: 'Reschedule' }).click();
  await expect(dialog(page).getByText(/^Meeting rescheduled/)).toBeVisible();
  await expect.poll(async () => at((await meetingEvent(control, 'Plan review')).StartDateTime)).toBe(later);
  const moved = await meetingEvent(control, 'Plan review');
  expect(moved.Id).toBe(event.Id);
  expect(at(moved.EndDateTime)).toBe(later + 60 * MINUTE);
  const second = parseIcs(await downloadIcs(page, 'Download .ics'));
  expect(second.value('uid')).toBe(first.value('uid'));
  expect(second.value('sequence')).toBeGreaterThan(first.value('sequence') as unknown as number);
  expect(icsTime(second.value('dtstart'))).toBe(later);
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(meeting.getByRole('button', { name: 'Reschedule' })).toBeFocused();

  await meeting.getByRole('button', { name: 'Cancel meeting' }).click();
  await expect(dialog(page)).toHaveAccessibleName('Cancel Glance meeting');
  await expect(dialog(page).getByRole('button', { name: 'Keep meeting' })).toBeFocused();
  await dialog(page).getByRole('button', { name: 'Cancel meeting' }).click();
  await expect(dialog(page).getByText(/^Meeting cancelled/)).toBeVisible();
  await expect.poll(async () => String((await meetingEvent(control, 'Plan review')).Subject)).toMatch(/^Cancelled: /);
  const cancelled = parseIcs(await downloadIcs(page, 'Download cancellation .ics'));
  expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
  expect(cancelled.value('uid')).toBe(first.value('uid'));
  expect(cancelled.value('sequence')).toBeGreaterThan(second.value('sequence') as unknown as number);
  expect(cancelled.value('status')).toBe('CANCELLED');
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(meeting).toBeHidden();
  expect((await control.records<Row>('Event')).filter((e) => String(e.Subject).includes('Plan review'))).toHaveLength(
    1,
  );
});

test('at its time the toolbar offers Start scheduled meeting: the session uses its key and completes the same Event', async ({
  salesforcePage: page,
  control,
}) => {
  // Inside the window that opens 15 minutes before the start.
  const start = minuteFromNow(6 * MINUTE);
  const key = await scheduleOnLead(page, control, 'Kick-off call', start, '15');
  const event = await meetingEvent(control, 'Kick-off call');
  await dialog(page).getByRole('button', { name: 'Close' }).click();

  const begun = Date.now();
  await toolbar(page).getByRole('button', { name: 'Start scheduled meeting' }).click();
  const panel = sessionPanel(page);
  await expect(panel.getByRole('group', { name: 'Session key' })).toHaveText(key);
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect(toolbar(page)).toBeVisible();

  await expect.poll(async () => at((await meetingEvent(control, 'Kick-off call')).StartDateTime)).toBeLessThan(start);
  // The start's update and the end's are two queued writes: wait for the end's too.
  await expect
    .poll(async () => at((await meetingEvent(control, 'Kick-off call')).EndDateTime))
    .toBeLessThanOrEqual(Date.now() + MINUTE);
  const events = (await control.records<Row>('Event')).filter((e) => String(e.Subject).includes('Kick-off call'));
  expect(events.map((e) => e.Id)).toEqual([event.Id]);
  const done = events[0] as Row;
  expect(at(done.StartDateTime)).toBeGreaterThanOrEqual(begun - 2 * MINUTE);
  expect(at(done.EndDateTime)).toBeGreaterThanOrEqual(at(done.StartDateTime));
  expect(at(done.EndDateTime)).toBeLessThanOrEqual(Date.now() + MINUTE);
});

test("a page script cannot press the invitation's buttons or the toolbar's meeting buttons", async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: LIGHTNING });
  const start = minuteFromNow(8 * MINUTE);
  await scheduleOnLead(page, control, 'Forged presses', start, '15');
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  const downloads: unknown[] = [];
  page.on('download', (download) => downloads.push(download));
  // A followed mailto: link shows as a request Chromium makes (the page's URL would not change).
  const mailLinks: string[] = [];
  context.on('request', (request) => {
    if (request.url().startsWith('mailto:')) mailLinks.push(request.url());
  });
  const forge = (host: string, selector: string) =>
    page.evaluate(
      ([h, s]) => {
        const root = document.querySelector(`[data-glance-sfx="${h}"]`)?.shadowRoot;
        const found = [...(root?.querySelectorAll<HTMLElement>(s as string) ?? [])];
        // A link's default action (mailto:) is what matters: it must have been prevented.
        const links: boolean[] = [];
        const seen = (event: Event) => {
          if ((event.composedPath()[0] as Element).tagName === 'A') links.push(event.defaultPrevented);
        };
        document.addEventListener('click', seen);
        for (const node of found) node.click();
        document.removeEventListener('click', seen);
        return { count: found.length, linksFollowed: links.filter((prevented) => !prevented).length };
      },
      [host, selector],
    );
  expect(await forge('meeting-dialog', '[data-action]')).toEqual({ count: 3, linksFollowed: 0 });
  await page.waitForTimeout(500);
  expect(downloads).toEqual([]);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
  expect(mailLinks).toEqual([]);
  await expect(dialog(page).locator('p[role=status]')).toHaveText('');

  await dialog(page).getByRole('button', { name: 'Close' }).click();
  const meeting = toolbar(page).getByRole('group', { name: /^Meeting / });
  await expect(meeting.getByRole('button', { name: 'Start scheduled meeting' })).toBeVisible();
  expect(await forge('toolbar', '.meeting button')).toEqual({ count: 3, linksFollowed: 0 });
  await page.waitForTimeout(500);
  await expect(dialog(page)).toHaveCount(0);
  await expect(sessionPanel(page)).toHaveCount(0);
  const event = await meetingEvent(control, 'Forged presses');
  expect(at(event.StartDateTime)).toBe(start);
  expect(String(event.Subject)).not.toMatch(/^Cancelled/);
});

test("the background's refusal is said in the dialog, and the form stays to fix it", async ({
  salesforcePage: page,
  control,
  serviceWorker,
}) => {
  // Glance disconnected after the dialog opened: the background refuses, nothing is written.
  await openOnLead(page, control);
  await fillWhen(page, minuteFromNow(24 * 60 * MINUTE));
  await serviceWorker.evaluate(() => chrome.storage.local.remove('glanceAccount'));
  const since = (await control.apiCalls()).length;
  await dialog(page).getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog(page).getByRole('alert')).toHaveText(
    'Connect Glance in the settings first: the meeting needs your Glance address.',
  );
  await expect(dialog(page).getByRole('button', { name: 'Schedule', exact: true })).toBeEnabled();
  expect((await control.apiCalls()).slice(since)).toEqual([]);
});

test("daylight saving in the rep's zone: a time that does not exist is refused, a time that happens twice is asked", async ({
  salesforcePage: page,
  context,
  control,
}) => {
  // The rep's zone as the browser reports it (Chrome DevTools Protocol, Emulation.setTimezoneOverride).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'America/New_York' });
  await openOnLead(page, control);
  const shown = dialog(page);
  await expect(shown.getByText(/^Times are in /)).toContainText('America/New_York');
  await shown.getByLabel('Subject').fill('Fall back');
  const since = (await control.apiCalls()).length;

  // 14 March 2027, 02:30: clocks jump from 02:00 to 03:00.
  await typeDate(page, shown.getByLabel('Date'), '2027-03-14');
  await typeTime(page, shown.getByLabel('Time', { exact: true }), '02:30');
  await shown.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(shown.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await expect(shown.getByLabel('Date')).toHaveAccessibleDescription(/America\/New_York/);
  expect((await control.apiCalls()).slice(since)).toEqual([]);

  // 7 November 2027, 01:30 happens twice (EDT, then EST): the rep picks, then it is sent.
  await typeDate(page, shown.getByLabel('Date'), '2027-11-07');
  await typeTime(page, shown.getByLabel('Time', { exact: true }), '01:30');
  await shown.getByRole('button', { name: 'Schedule', exact: true }).click();
  const which = shown.getByLabel('Which one');
  await expect(which).toBeVisible();
  expect((await control.apiCalls()).slice(since)).toEqual([]);
  await choose(page, which, 'later');
  await shown.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(shown.getByText('Meeting scheduled')).toBeVisible();
  const event = await meetingEvent(control, 'Fall back');
  expect(new Date(at(event.StartDateTime)).toISOString()).toBe('2027-11-07T06:30:00.000Z');
});

test('the dialog, its problems, its result and the toolbar meeting pass an accessibility scan', async ({
  salesforcePage: page,
  control,
}) => {
  const scan = async (selector: string) =>
    (await new AxeBuilder({ page }).include(selector).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
  await openOnLead(page, control);
  expect(await scan('[data-glance-sfx="meeting-dialog"]')).toEqual([]);
  await dialog(page).getByLabel('Invitee email').fill('nope');
  await dialog(page).getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog(page).getByLabel('Invitee email')).toHaveAttribute('aria-invalid', 'true');
  expect(await scan('[data-glance-sfx="meeting-dialog"]')).toEqual([]);
  await dialog(page).getByLabel('Invitee email').fill('pat@customer.example');
  await dialog(page).getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog(page).getByText('Meeting scheduled')).toBeVisible();
  expect(await scan('[data-glance-sfx="meeting-dialog"]')).toEqual([]);
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(toolbar(page).getByRole('group', { name: /^Meeting / })).toBeVisible();
  expect(await scan('[data-glance-sfx="toolbar"]')).toEqual([]);
});

test('beside Salesforce’s own activity actions, in Lightning and Classic, a second Schedule button opens the same dialog', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  const lead = await recordId(control, 'Lead');
  const besideActivities = () => page.locator('[data-glance-sfx="activity-action"]');
  for (const ui of ['lightning', 'classic'] as const) {
    await page.goto(recordUrl(ui, 'Lead', lead));
    await expect(toolbar(page)).toBeVisible();
    // Right after Salesforce's own activity buttons (the Activity composer; Classic's Open Activities).
    const placed = await besideActivities().evaluate((host) => {
      const before = host.previousElementSibling;
      return before?.matches('runtime_sales_activities-activity-panel-composer') || !!before?.matches('.btn');
    });
    expect(placed, ui).toBe(true);
    await besideActivities().getByRole('button', { name: 'Schedule Glance meeting' }).click();
    await expect(dialog(page)).toHaveAccessibleName('Schedule Glance meeting');
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    // Focus goes back to the button that opened it.
    await expect(besideActivities().getByRole('button', { name: 'Schedule Glance meeting' })).toBeFocused();
  }
  // A record page without the Activity component: the toolbar alone offers scheduling.
  await context.addCookies([{ name: 'sandbox_ui', value: 'noactivity', url: `${LIGHTNING}/` }]);
  await page.goto(recordUrl('lightning', 'Lead', lead));
  await expect(toolbar(page).getByRole('button', { name: 'Schedule Glance meeting' })).toBeVisible();
  await expect(besideActivities()).toHaveCount(0);
});

test('the conference phone settings reach the meeting: none set, none written; Glance’s free numbers, written', async ({
  salesforcePage: page,
  context,
  extensionId,
  serviceWorker,
  control,
}) => {
  // No conference phone in the settings: the Event has no phone details.
  await useSettings(serviceWorker, { chatterOnSchedule: true });
  await scheduleOnLead(page, control, 'Without a phone', minuteFromNow(26 * 60 * MINUTE));
  const without = await meetingEvent(control, 'Without a phone');
  expect(String(without.Description)).not.toContain('Access code');

  // "Get free Glance phone conferencing" in the popup fills them from Glance, where Glance offers the
  // (assumed) read of them: the next meeting has them.
  await control.glanceAssumedOps(true);
  const popup = await openPopup(context, extensionId, '#settings');
  await popup.getByText('Conference phone for meeting requests', { exact: true }).click();
  await popup.getByRole('button', { name: 'Get free Glance phone conferencing' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'filled in and saved' })).toBeVisible();
  await popup.close();
  await page.keyboard.press('Escape');
  await scheduleOnLead(page, control, 'With Glance phone', minuteFromNow(27 * 60 * MINUTE));
  const withPhone = String((await meetingEvent(control, 'With Glance phone')).Description);
  expect(withPhone).toContain('+1 866 555 0134 (US)');
  expect(withPhone).toContain('724310');
});
