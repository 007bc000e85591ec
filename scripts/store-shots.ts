// The tour's screenshots that also go to the stores, saved at the Chrome Web Store's size (1280x800)
// into screenshots/store/ by scripts/start.ts; store/listing/<locale>.json captions them.
export const STORE_SIZE = { width: 1280, height: 800 };
export const STORE_SHOTS = [
  '01-lightning-lead.png',
  '06-session-started.png',
  '08-guest-in-panel.png',
  '09-session-ended.png',
];
