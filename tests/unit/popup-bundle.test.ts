// The popup's and the options page's own builds (scripts/popup-bundle.ts): left out of @crxjs's
// manifest and put back, and their stylesheets inlined in the page.
import { describe, expect, it } from 'vitest';
import sourceManifest from '../../manifest.json' with { type: 'json' };
import {
  inlineStylesheets,
  OPTIONS_PAGE,
  optionsBundle,
  POPUP_PAGE,
  popupBundle,
  withoutOptions,
  withoutPopup,
} from '../../scripts/popup-bundle.js';

type Bundle = Record<string, { type: 'asset' | 'chunk'; fileName: string; source?: string }>;

function inline(bundle: Bundle): Bundle {
  const hook = inlineStylesheets().generateBundle as unknown as (options: unknown, bundle: Bundle) => void;
  hook.call({}, {}, bundle);
  return bundle;
}

const asset = (fileName: string, source: string) => ({ type: 'asset' as const, fileName, source });

describe('the popup in the manifest', () => {
  it('is taken out for @crxjs, with the rest of the action kept', () => {
    const { action, ...rest } = withoutPopup(sourceManifest);
    expect(action).not.toHaveProperty('default_popup');
    expect(action).toEqual({
      default_title: sourceManifest.action.default_title,
      default_icon: sourceManifest.action.default_icon,
    });
    expect(rest).toEqual((({ action: _, ...others }) => others)(sourceManifest));
  });

  it('refuses a popup at another path, which the popup build would not write', () => {
    expect(() => withoutPopup({ action: { default_popup: 'popup.html' } })).toThrow(POPUP_PAGE);
  });

  it('is put back in the manifest @crxjs writes', () => {
    const plugin = popupBundle({ root: '.', target: 'chrome140' });
    const written = plugin.renderCrxManifest(withoutPopup(sourceManifest)) as typeof sourceManifest;
    expect(written.action).toEqual(sourceManifest.action);
  });
});

describe('the options page in the manifest', () => {
  it('is taken out for @crxjs, with nothing else of the manifest touched', () => {
    const rest = withoutOptions(sourceManifest);
    expect(rest).not.toHaveProperty('options_ui');
    expect(rest).toEqual((({ options_ui: _, ...others }) => others)(sourceManifest));
  });

  it('refuses an options page at another path, which the options build would not write', () => {
    expect(() => withoutOptions({ options_ui: { page: 'options.html' } })).toThrow(OPTIONS_PAGE);
  });

  it('is put back in the manifest @crxjs writes, as it was', () => {
    const plugin = optionsBundle({ root: '.', target: 'chrome140', optionsUi: sourceManifest.options_ui });
    const popup = popupBundle({ root: '.', target: 'chrome140' });
    const written = plugin.renderCrxManifest(
      popup.renderCrxManifest(withoutOptions(withoutPopup(sourceManifest))),
    ) as typeof sourceManifest;
    expect(written).toEqual(sourceManifest);
  });
});

describe('the stylesheet inlined in the popup page', () => {
  it('replaces the link with the stylesheet and drops the file', () => {
    const bundle = inline({
      'src/pages/popup/index.html': asset(
        'src/pages/popup/index.html',
        '<head><script type="module" src="/assets/popup-a.js"></script>\n<link rel="stylesheet" crossorigin href="/assets/popup-b.css"></head>',
      ),
      'assets/popup-b.css': asset('assets/popup-b.css', 'a::after{content:"$&"}'),
      'assets/popup-a.js': { type: 'chunk', fileName: 'assets/popup-a.js' },
    });
    expect(bundle['src/pages/popup/index.html']?.source).toBe(
      '<head><script type="module" src="/assets/popup-a.js"></script>\n<style>a::after{content:"$&"}</style></head>',
    );
    expect(Object.keys(bundle).sort()).toEqual(['assets/popup-a.js', 'src/pages/popup/index.html']);
  });

  it('fails the build when the page does not link a stylesheet of the bundle', () => {
    expect(() =>
      inline({
        'src/pages/popup/index.html': asset(
          'src/pages/popup/index.html',
          '<link rel="stylesheet" href="/assets/x.css">',
        ),
        'assets/popup-b.css': asset('assets/popup-b.css', 'a{}'),
      }),
    ).toThrow('does not link assets/popup-b.css');
  });
});
