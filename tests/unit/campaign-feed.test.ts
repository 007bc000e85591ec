// Campaign has no feed out of the box (Setup › Feed Tracking leaves it off), so a session's post
// cannot go to a Campaign's own feed there: it goes to the rep's own feed instead, linking the
// Campaign, and the rep is told why. Against the emulator, which refuses such a post as Salesforce does.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { readQueue } from '../../src/background/outbox/store.js';
import { eventOf, harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';
import { currentSession } from '../support/session.js';

describe("a session's post from a Campaign", () => {
  it("goes to the rep's own feed, linking the Campaign and the Event, when Campaigns have no feed", async () => {
    const h = harness();
    await h.connect({ chatterOnStart: true });
    const campaign = h.seeded('Campaign');
    // The toolbar had not learned who the rep is: the post is first meant for the Campaign's feed.
    const session = await start(h, 'Campaign', campaign.Id);
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    const event = eventOf(h, session.sessionId);
    expect(event.WhatId).toBe(campaign.Id);
    const posts = h.records('FeedItem');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.fields).toMatchObject({
      ParentId: h.sandbox.state.salesforce.defaultUserId,
      Visibility: 'InternalUsers',
      LinkUrl: expect.stringContaining(`/lightning/r/Event/`),
    });
    expect(String(posts[0]?.fields.Body)).toContain(`${LIGHTNING}/lightning/r/Campaign/${campaign.Id}/view`);
    const log = (await readQueue(h.ports)).logs[session.sessionId];
    expect(log).toMatchObject({ state: 'logged', chatterDone: true });
    expect(log?.chatterError).toBeUndefined();
    // The rep is told where the post went, and Salesforce's words for why.
    expect(log?.chatterMoved).toBe(`Parent ID: id value of incorrect type: ${campaign.Id}`);
    expect((await currentSession(h.ports))?.chatterMoved).toBe(log?.chatterMoved);
  });

  it("goes to the Campaign's feed, in the one call, once the admin tracks Campaigns", async () => {
    const h = harness();
    h.sandbox.state.salesforce.setup.feedTracked.add('Campaign');
    await h.connect({ chatterOnStart: true });
    const campaign = h.seeded('Campaign');
    const session = await start(h, 'Campaign', campaign.Id);
    const before = h.salesforceCalls().length;
    await runOutbox(h.ports);
    expect(h.salesforceCalls().length - before).toBe(1);
    expect(h.records('FeedItem').map((p) => p.fields.ParentId)).toEqual([campaign.Id]);
    expect((await readQueue(h.ports)).logs[session.sessionId]?.chatterMoved).toBeUndefined();
  });
});
