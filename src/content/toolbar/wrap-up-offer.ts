// The rep's wrap-up waiting after a session ended (issue 27, item 5), as this tab shows it: the worker
// keeps it (session/wrap-up.ts) and tells the tabs of the session's org at every end it records, and
// when it is saved or skipped; a tab that loads meanwhile asks once. The card's code is the panel's
// lazily injected script (wrap-up-card.ts), fetched only when a wrap-up waits here. Closures, not a
// class: their names minify, a class's members do not (this script loads on every Salesforce page).
import type { WrapUpSummary } from '../../shared/protocol/index.js';
import { ask } from '../common/messaging.js';
import { loadLazyScript } from '../common/panel-loader.js';
import type { WrapUpCard, WrapUpHooks } from '../panel/wrap-up-card.js';

interface WrapUpOffer {
  /** The worker said a wrap-up waits here (`open`) or is over. */
  take(sessionId: string, open: boolean): void;
  /** A page that loaded with no session running asks whether a wrap-up waits for it (`idle`: still none). */
  askPending(idle: () => boolean): void;
  /** A session shows: the wrap-up of the one before is over here (what was saved is on its way). */
  close(): void;
  /** Docks the card after the toolbar wherever it is now (call after every placement). */
  follow(): void;
}

export function wrapUpOffer(hooks: WrapUpHooks): WrapUpOffer {
  let card: WrapUpCard | undefined;
  /** The session whose wrap-up this tab should show; undefined once over, or a session shows. */
  let wanted: string | undefined;
  const withCard = (use: (card: WrapUpCard) => void) =>
    loadLazyScript('panel').then(
      ({ WrapUpCard }) => {
        card ??= new WrapUpCard(hooks);
        use(card);
      },
      // The extension was updated under this tab, or the injection failed: nothing to offer.
      () => {},
    );
  const show = (sessionId: string, summary?: WrapUpSummary) => {
    wanted = sessionId;
    void withCard((loaded) => {
      // Over, or another session's, by the time the card's code came.
      if (wanted !== sessionId) return;
      if (summary) loaded.show(summary);
      else void loaded.open(sessionId);
    });
  };
  return {
    take(sessionId, open) {
      if (open) show(sessionId);
      else {
        if (wanted === sessionId) wanted = undefined;
        card?.withdraw(sessionId);
      }
    },
    askPending(idle) {
      void ask('content:pending-wrap-up', {}).then((summary) => {
        if (summary && !summary.saved && wanted === undefined && idle()) show(summary.sessionId, summary);
      });
    },
    close() {
      wanted = undefined;
      card?.close();
    },
    follow() {
      card?.follow();
    },
  };
}
