// Scheduling a Glance meeting from a record, as the rep does it (issue 11): the dialog (lazily
// injected, keyboard-usable, only a person's clicks count), the Event and Chatter post in the
// emulated org, the invitation (copied text, .ics parsed back with ical.js, mailto link),
// reschedule and cancel from the toolbar's upcoming meeting, and starting the meeting at its time.
import ICAL from 'ical.js';
import type { SandboxControl } from '../support/control.js';
import {
  CLASSIC,
  connectGlance,
  expect,
  LIGHTNING,
  type Page,
  type Row,
  sessionPanel,
  test,
  toolbar,
  useSettings,
} from './fixtures.js';

const MINUTE = 60_000;
const CONFERENCE = { phoneNumbers: '+1 555 0100\n+44 20 7946 0000', accessCode: '424242#', notes: 'Press 1, then 2' };
const dialog = (page: Page) => page.getByRole('dialog');

async function recordId(control: SandboxControl, type: string): Promise<string> {
  const record = (await control.records<Row>(type))[0];
  if (!record) throw new Error(`no seeded ${type}`);
  return record.Id;
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
  await dialog(page).getByLabel('Date').fill(date);
  await dialog(page).getByLabel('Time', { exact: true }).fill(time);
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
      await expect(dialog(page).getByLabel('Subject')).toHaveValue(`Glance meeting: ${type}`);
      const subject = `Demo ${ui} ${type}`;
      const start = minuteFromNow(hour++ * 60 * MINUTE);
      await fillWhen(page, start);
      await dialog(page).getByLabel('Duration').selectOption('45');
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
