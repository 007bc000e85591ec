// Where the extension's own pages live in the build (the manifest's action.default_popup and
// options_ui.page): one place for the specs to build their addresses.
import type { BrowserContext, Page } from '@playwright/test';

export const POPUP_PAGE = 'src/pages/popup/index.html';
export const OPTIONS_PAGE = 'src/pages/options/index.html';

/** The popup, opened on one of its views (`#settings`, `#sessions`) or its first (''). */
export const popupUrl = (extensionId: string, view = '') => `chrome-extension://${extensionId}/${POPUP_PAGE}${view}`;

/** The options page, opened on one of its tabs (`#company`, …) or its first (''). */
export const optionsUrl = (extensionId: string, tab = '') => `chrome-extension://${extensionId}/${OPTIONS_PAGE}${tab}`;

/** Opens the popup in a tab of its own, as the specs look at it. */
export async function openPopup(context: BrowserContext, extensionId: string, view = ''): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(popupUrl(extensionId, view));
  return popup;
}

/** Opens the options page in a tab of its own. */
export async function openOptions(context: BrowserContext, extensionId: string, tab = ''): Promise<Page> {
  const options = await context.newPage();
  await options.goto(optionsUrl(extensionId, tab));
  return options;
}
