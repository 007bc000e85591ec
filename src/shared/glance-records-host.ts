// The one host the records sync calls (src/background/sync/crr.ts), as an optional host permission:
// only the administrator who sets up the sync grants it, so no rep's install asks for it.
export const CRR_HOST_PERMISSION = 'https://cloud.glance.net/*';
