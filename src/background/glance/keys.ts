// The keys the extension chooses: Glance's documented launch takes the key from the integration
// (documented.ts), so no Glance round trip stands between the rep's click and the key on screen.

/** Uniformly random digits from the browser's CSPRNG (rejection sampling: no digit is likelier). */
function randomDigits(count: number): string {
  const limit = 10 ** count;
  const ceiling = Math.floor(65536 / limit) * limit;
  const buffer = new Uint16Array(1);
  do crypto.getRandomValues(buffer);
  while ((buffer[0] ?? ceiling) >= ceiling);
  return String((buffer[0] ?? 0) % limit).padStart(count, '0');
}

/** A screen-share key: 4 digits (documented.ts SESSION_KEY_PATTERN). */
export const randomSessionKey = () => randomDigits(4);

/**
 * The extension's own id for a session (Glance gives none to an integration that launches its
 * client): 12 base-32 characters, 60 random bits, unique enough to find its Event by subject.
 */
export function newSessionId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((b) => alphabet[b % 32]).join('');
}
