// The connected Glance account as it is stored (storage.local only) and read back: the Glance client
// (src/background/glance) answers in these shapes, and storage, below every client, declares them.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);
const number = (value: unknown, fallback = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** What we keep of a connected account (storage.local only). The password is never kept. */
export interface GlanceAccount {
  address: string;
  credentials: string;
  groupId: string;
  displayName: string;
  email: string;
  /** The assumed operations a probe found (absent until probed: none is used). */
  capabilities?: GlanceCapabilities;
  /**
   * Signed in with the company's single sign-on (glance/single-sign-on.ts): no credential (`credentials` is
   * empty), and the launches and the viewer carry this login key instead of the Glance address.
   */
  sso?: SingleSignOnLogin;
}

/** [glance/single-sign-on.ts] What a signed-in rep's launches and viewer carry instead of a password or credential. */
export interface SingleSignOnLogin {
  partnerId: string;
  partnerUserId: string;
  loginKey: string;
  /** When the login key stops working (epoch ms). */
  expiresAt: number;
}

/** Which assumed operations (assumptions.ts A6) a probe found (glance/capabilities.ts). */
export interface GlanceCapabilities {
  /** GetSessionStatus: live guests and the session's end, by key. */
  status: boolean;
  setType: boolean;
  end: boolean;
  conference: boolean;
  /** When the probe ran (epoch ms). */
  probedAt: number;
}

export interface GlanceGuest {
  name: string;
  email: string;
  phone: string;
  joinedAt: string;
  leftAt: string;
  /** Added by the rep in the panel, not reported by Glance. */
  byRep?: true;
}

export function readAccount(raw: unknown): GlanceAccount | undefined {
  if (!isObject(raw) || typeof raw.credentials !== 'string' || typeof raw.address !== 'string') return undefined;
  return {
    address: raw.address,
    credentials: raw.credentials,
    groupId: String(raw.groupId ?? ''),
    displayName: String(raw.displayName ?? ''),
    email: String(raw.email ?? ''),
    ...(isObject(raw.capabilities) ? { capabilities: readCapabilities(raw.capabilities) } : {}),
    ...(isObject(raw.sso) ? { sso: readSingleSignOn(raw.sso) } : {}),
  };
}

function readSingleSignOn(raw: Record<string, unknown>): SingleSignOnLogin {
  return {
    partnerId: text(raw.partnerId),
    partnerUserId: text(raw.partnerUserId),
    loginKey: text(raw.loginKey),
    // A key whose expiry cannot be read is treated as expired: the rep signs in again.
    expiresAt: number(raw.expiresAt),
  };
}

function readCapabilities(raw: unknown): GlanceCapabilities | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  return {
    status: r.status === true,
    setType: r.setType === true,
    end: r.end === true,
    conference: r.conference === true,
    probedAt: typeof r.probedAt === 'number' ? r.probedAt : 0,
  };
}
