// Where the session key goes (issue 10, item 1): the Event carries the join link and key while the
// session runs and loses the key when it ends; a fixed key is never written; the Chatter post links
// to the Event, holds no key and is for internal users only.
import { beforeEach, describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { endSession } from '../../src/background/session/service.js';
import { eventOf, type Harness, harness, start } from '../support/background-harness.js';

const everything = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('the session key in Salesforce', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  it('is on the Event while the session runs and gone from it once the session ended', async () => {
    await h.connect();
    const session = await start(h, 'Case', h.seeded('Case').Id);
    await runOutbox(h.ports);
    const running = eventOf(h, session.sessionId);
    expect(running.Location).toBe(`https://acme.glance.net/?key=${session.key}`);
    expect(String(running.Description)).toContain(`Session key: ${session.key}`);

    expect((await endSession(session.sessionId, h.ports)).ok).toBe(true);
    await runOutbox(h.ports);
    const ended = eventOf(h, session.sessionId);
    expect(everything(ended)).not.toContain(`key=${session.key}`);
    expect(String(ended.Description)).not.toMatch(new RegExp(`Session key: ${session.key}`));
    expect(String(ended.Description)).toContain('Session key: removed when the session ended');
    // Ended, Location holds what reports group by (issue 27); the address stays in the description.
    expect(ended.Location).toBe('Glance · Screen share · 0 guests');
    expect(String(ended.Description)).toContain('Glance address: acme.glance.net');
  });

  it('is never written when it is the rep’s fixed key', async () => {
    await h.connect({ keyBehavior: 'fixed', fixedKey: '4321', chatterOnStart: true });
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    expect(session.key).toBe('4321');
    await runOutbox(h.ports);
    const running = eventOf(h, session.sessionId);
    expect(everything(running)).not.toContain('4321');
    expect(String(running.Description)).toContain('Session key: the rep’s fixed key (not recorded)');
    expect(running.Location).toBe('https://acme.glance.net/');
    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    expect(everything(eventOf(h, session.sessionId))).not.toContain('4321');
    expect(
      h
        .records('FeedItem')
        .map((p) => everything(p.fields))
        .join(),
    ).not.toContain('4321');
  });

  it('is not in the Chatter post, which links to the Event and is for internal users only', async () => {
    await h.connect({ chatterOnStart: true });
    const record = h.seeded('Case');
    const session = await start(h, 'Case', record.Id);
    await runOutbox(h.ports);
    const posts = h.records('FeedItem');
    expect(posts).toHaveLength(1);
    const post = posts[0]?.fields ?? {};
    const event = h.records('Event').find((e) => String(e.fields.Subject).includes(session.sessionId));
    // The toolbar had not learned who the rep is: the post falls back to the record's feed.
    expect(post.ParentId).toBe(record.Id);
    expect(post.Visibility).toBe('InternalUsers');
    expect(post.LinkUrl).toBe(`https://acme.lightning.force.com/lightning/r/Event/${event?.Id}/view`);
    expect(everything(post)).not.toContain(session.key);
    expect(everything(post)).not.toContain('?key=');
  });

  it('without Experience Cloud (no Visibility field) the post is sent again without it, in one more call', async () => {
    h.sandbox.state.salesforce.setup.experienceCloud = false;
    await h.connect({ chatterOnStart: true });
    const session = await start(h, 'Case', h.seeded('Case').Id);
    const before = h.salesforceCalls().length;
    await runOutbox(h.ports);
    expect(h.salesforceCalls().length - before).toBe(2);
    const posts = h.records('FeedItem');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.fields.Visibility).toBeUndefined();
    expect(everything(posts[0]?.fields ?? {})).not.toContain(session.key);
  });
});
