// What the content script draws (src/content/common/draw-decision.ts), for every combination of page,
// session and panel code. The toolbar and panel are stand-ins: the decision only passes them through.
import { describe, expect, it } from 'vitest';
import { decideDrawing, panelIsLive } from '../../src/content/common/draw-decision.js';
import type { SessionView } from '../../src/shared/protocol/index.js';
import { parseSalesforceUrl } from '../../src/shared/salesforce-url.js';

const TOOLBAR = 'toolbar';
const PANEL = 'panel';
const lead = parseSalesforceUrl('https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view');
const home = parseSalesforceUrl('https://acme.lightning.force.com/lightning/page/home');
const session = { sessionId: 's1' } as SessionView;

describe('what to draw', () => {
  it('checks its own fixtures: a record page and another page', () => {
    expect(lead?.kind).toBe('record');
    expect(home?.kind).toBe('other');
  });

  it('draws and removes nothing until the background first answered', () => {
    expect(decideDrawing(lead, undefined, TOOLBAR, undefined)).toBeUndefined();
    expect(decideDrawing(lead, undefined, TOOLBAR, PANEL)).toBeUndefined();
  });

  it('without a session: the toolbar, docked at the record and kept there, on a record only', () => {
    expect(decideDrawing(lead, null, TOOLBAR, PANEL)).toEqual({
      toolbar: lead,
      panel: undefined,
      docked: TOOLBAR,
      record: lead,
      observe: true,
    });
    for (const page of [home, undefined]) {
      expect(decideDrawing(page, null, TOOLBAR, PANEL)).toEqual({
        toolbar: undefined,
        panel: undefined,
        docked: undefined,
        record: undefined,
        observe: false,
      });
    }
  });

  it('with a session: the panel instead of the toolbar, docked at the record or floating elsewhere', () => {
    expect(decideDrawing(lead, session, TOOLBAR, PANEL)).toEqual({
      toolbar: undefined,
      panel: session,
      docked: PANEL,
      record: lead,
      observe: true,
    });
    for (const page of [home, undefined]) {
      expect(decideDrawing(page, session, TOOLBAR, PANEL)).toEqual({
        toolbar: undefined,
        panel: session,
        docked: PANEL,
        record: undefined,
        observe: false,
      });
    }
  });

  it('with a session whose panel code is not here yet: asks for it, docks and watches nothing meanwhile', () => {
    for (const page of [lead, home]) {
      const drawing = decideDrawing(page, session, TOOLBAR, undefined);
      expect(drawing).toMatchObject({ toolbar: undefined, panel: session, docked: undefined, observe: false });
    }
  });

  it('ticks only with a session, the panel on screen and the tab visible', () => {
    expect(panelIsLive(session, true, true)).toBe(true);
    expect(panelIsLive(session, false, true)).toBe(false);
    expect(panelIsLive(session, true, false)).toBe(false);
    expect(panelIsLive(null, true, true)).toBe(false);
    expect(panelIsLive(undefined, true, true)).toBe(false);
  });
});
