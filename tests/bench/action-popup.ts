// The popup as a rep opens it: Chrome's own action popup (chrome.action.openPopup, what a click on the
// toolbar icon does), not the popup's page loaded in a tab. Playwright does not attach to action
// popups (their target starts as type "other"), so this speaks the DevTools protocol itself over the
// browser's own WebSocket: it auto-attaches to each new target with the target paused
// (waitForDebuggerOnStart), installs the timing script before the popup's document exists, and
// resumes it. Measured 2026-11-26 on this machine: the same build's popup usable in 50–65 ms as an
// action popup, 64–105 ms in a tab (a tab's navigation carries work an action popup does not).
import type { Page, Worker } from '@playwright/test';
import WebSocket from 'ws';
import { POPUP_USABLE } from './browser-metrics.js';

/**
 * Runs in the popup's page before its own scripts: when its form is usable, keeps the time since the
 * popup began loading in window.__popupUsable.
 */
const TIMING_SCRIPT = `(() => {
  const check = () => (${POPUP_USABLE}) ? (window.__popupUsable = performance.now()) : requestAnimationFrame(check);
  document.addEventListener('DOMContentLoaded', check);
})();`;

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; sessionId?: string };

/** A DevTools connection to the whole browser, with flat sessions (one socket for every target). */
async function devTools(endpoint: string) {
  const socket = new WebSocket(endpoint, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let lastId = 0;
  const answers = new Map<number, (message: Message) => void>();
  const events: ((message: Message) => void)[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Message;
    const answer = message.id === undefined ? undefined : answers.get(message.id);
    if (answer && message.id !== undefined) {
      answers.delete(message.id);
      answer(message);
    } else for (const listener of events) listener(message);
  });
  return {
    send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Message> {
      const id = ++lastId;
      socket.send(JSON.stringify({ id, method, params, sessionId }));
      return new Promise((resolve) => answers.set(id, resolve));
    },
    on(listener: (message: Message) => void) {
      events.push(listener);
    },
    close() {
      socket.close();
    },
  };
}

/**
 * Opens the action popup `rounds` times for each of `pages` (extension paths, set in turn with
 * chrome.action.setPopup, alternating round by round), and answers each page's times: popup began
 * loading → form usable, ms. With `warmUp`, one more round comes first and is left out (a browser's
 * first popup pays for what a browser start leaves cold). Leaves the manifest's popup set.
 */
export async function actionPopupTimes(
  endpoint: string,
  worker: Worker,
  /** A page of the extension's window, brought to the front first: openPopup needs an active window. */
  front: Page,
  pages: readonly string[],
  rounds: number,
  warmUp = true,
): Promise<number[][]> {
  const browser = await devTools(endpoint);
  let popup: string | undefined;
  browser.on(async (message) => {
    if (message.method !== 'Target.attachedToTarget' || !message.params) return;
    const { sessionId, targetInfo } = message.params as { sessionId: string; targetInfo: { type: string } };
    // An action popup starts as "other" with no URL yet; pages and workers the bench opens meanwhile
    // are let go unchanged.
    if (targetInfo.type === 'other') {
      await browser.send('Page.enable', {}, sessionId);
      await browser.send('Page.addScriptToEvaluateOnNewDocument', { source: TIMING_SCRIPT }, sessionId);
      popup = sessionId;
    }
    await browser.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
  });
  await browser.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  const evaluate = async (sessionId: string, expression: string) => {
    const answer = await browser.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
    return (answer.result as { result?: { value?: unknown } } | undefined)?.result?.value;
  };
  const times = pages.map(() => [] as number[]);
  try {
    for (let i = warmUp ? -1 : 0; i < rounds; i++) {
      for (const [p, path] of pages.entries()) {
        popup = undefined;
        await front.bringToFront();
        await worker.evaluate((path) => chrome.action.setPopup({ popup: path }), path);
        await worker.evaluate(() => chrome.action.openPopup());
        let usable: unknown;
        for (let wait = 0; wait < 500 && typeof usable !== 'number'; wait++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          if (popup) usable = await evaluate(popup, 'window.__popupUsable');
        }
        if (typeof usable !== 'number' || !popup) throw new Error(`the action popup ${path} did not become usable`);
        await evaluate(popup, 'window.close()');
        // Chrome opens one action popup at a time: the next waits until this one is gone.
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (i >= 0) times[p]?.push(usable);
      }
    }
  } finally {
    const manifestPopup = await worker.evaluate(() => chrome.runtime.getManifest().action?.default_popup ?? '');
    await worker.evaluate((path) => chrome.action.setPopup({ popup: path }), manifestPopup);
    browser.close();
  }
  return times;
}
