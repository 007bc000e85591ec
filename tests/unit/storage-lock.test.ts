// The Glance credential is kept only where a content script cannot read it: storage.local locked to
// the extension's own contexts (setAccessLevel, Chrome 140+). A browser that cannot lock it gets no
// credential at all, and the rep is told why. The browser test storage-lock.spec.ts checks the lock
// itself in Chromium.
import { describe, expect, it } from 'vitest';
import english from '../../extension/_locales/en/messages.json' with { type: 'json' };
import { connectAccount } from '../../src/background/settings/account.js';
import { problemText } from '../../src/pages/components/problems.js';
import { useMessages } from '../../src/shared/i18n.js';
import { harness } from '../support/background-harness.js';

describe('Connect without the storage lock', () => {
  it('refuses: no password leaves, no credential is stored, the rep reads why', async () => {
    const h = harness();
    useMessages((key) => (english as Record<string, { message: string }>)[key]?.message ?? '');
    h.setStorageLockable(false);
    const result = await connectAccount('acme.glance.net', 'correct-horse', h.ports);
    expect(result).toEqual({ ok: false, problem: 'browser-too-old' });
    expect([...h.local.keys()]).toEqual([]);
    // Glance was not asked: no credential was issued that could be left behind anywhere.
    expect(h.sandbox.calls).toEqual([]);
    expect(problemText('browser-too-old')).toBe(
      'This browser is too old to keep your Glance credential safe. Update Chrome.',
    );
  });

  it('with the lock in place, Connect stores the credential as before', async () => {
    const h = harness();
    const result = await connectAccount('acme.glance.net', 'correct-horse', h.ports);
    expect(result.ok).toBe(true);
    expect(h.local.get('glanceAccount')).toMatchObject({ credentials: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });
});
