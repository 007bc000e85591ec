// A stand-in for the Glance Client, the desktop app that really shares the rep's screen. Headless
// Chromium never hands a `glance://` URL to the operating system (docs/architecture.md, measured), so this
// listens in the browser: every `glance://startssn…` navigation Chromium makes shows as a request,
// and one Chromium refused ("Not allowed to launch '…' because a user gesture is required.", logged
// to the launching page's console) is dropped, as the real client would never see it. What is left
// is handed to the Glance emulator, which opens the session the client would (control: client/launch).
import type { BrowserContext } from '@playwright/test';

export interface ClientLaunch {
  url: string;
  /** Chromium refused it (no user gesture): the client never saw it. */
  refused: boolean;
  /** What the emulated client did: the session it opened, or why it did not. */
  outcome?: { sessionId: string; key: string } | { error: string };
}

/** How long a refusal may take to reach the console after the request shows (measured: same task). */
const REFUSAL_WINDOW_MS = 250;
const REFUSAL = /^Not allowed to launch '(.+)' because a user gesture is required\.$/;

export class GlanceClientStandIn {
  readonly launches: ClientLaunch[] = [];
  private readonly refusedUrls: string[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    context: BrowserContext,
    private readonly controlUrl: string,
  ) {
    context.on('console', (message) => {
      const refused = REFUSAL.exec(message.text())?.[1];
      if (refused) this.refusedUrls.push(refused);
    });
    context.on('request', (request) => {
      if (request.url().startsWith('glance:')) this.track(this.receive(request.url()));
    });
  }

  /** Every launch seen so far, once the emulator has answered each. */
  async settled(): Promise<ClientLaunch[]> {
    while (this.pending.size) await Promise.all(this.pending);
    return this.launches;
  }

  /** The launches the client really received (not refused). */
  async received(): Promise<ClientLaunch[]> {
    return (await this.settled()).filter((launch) => !launch.refused);
  }

  forget(): void {
    this.launches.length = 0;
    this.refusedUrls.length = 0;
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async receive(url: string): Promise<void> {
    const launch: ClientLaunch = { url, refused: false };
    this.launches.push(launch);
    await new Promise((resolve) => setTimeout(resolve, REFUSAL_WINDOW_MS));
    const at = this.refusedUrls.indexOf(url);
    if (at >= 0) {
      this.refusedUrls.splice(at, 1);
      launch.refused = true;
      return;
    }
    const response = await fetch(`${this.controlUrl}/glance/client/launch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    launch.outcome = (await response.json()) as ClientLaunch['outcome'];
  }
}
