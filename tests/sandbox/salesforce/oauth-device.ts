// The OAuth 2.0 device flow's pending authorizations in one org (Salesforce Help, "OAuth 2.0 Device
// Flow for IoT Integration", which names command-line apps and External Client Apps): the tool gets a
// device code and a user code, the user enters the user code at the verification URL and approves,
// and the tool's next poll gets the token. Tests approve or deny through approve()/deny() in place of
// the verification page.
import { randomBytes } from 'node:crypto';

interface DeviceAuthorization {
  clientId: string;
  userCode: string;
  /** Set once the user approved: who the token is for. */
  userId?: string;
  denied?: boolean;
}

export type DevicePoll =
  | { state: 'pending' }
  | { state: 'denied' }
  | { state: 'unknown' }
  | { state: 'approved'; userId: string; clientId: string };

/** Letters and digits people can read back without confusing them (no 0/O, 1/I). */
const USER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class DeviceAuthorizations {
  private readonly byDeviceCode = new Map<string, DeviceAuthorization>();

  start(clientId: string): { deviceCode: string; userCode: string } {
    const deviceCode = randomBytes(32).toString('base64url');
    const userCode = [...randomBytes(8)].map((b) => USER_CODE_ALPHABET[b % USER_CODE_ALPHABET.length]).join('');
    this.byDeviceCode.set(deviceCode, { clientId, userCode });
    return { deviceCode, userCode };
  }

  approve(userCode: string, userId: string): void {
    this.find(userCode).userId = userId;
  }

  deny(userCode: string): void {
    this.find(userCode).denied = true;
  }

  /** One poll by the tool; an approved code is spent by the poll that gets its token. */
  poll(clientId: string, deviceCode: string): DevicePoll {
    const found = this.byDeviceCode.get(deviceCode);
    if (!found || found.clientId !== clientId) return { state: 'unknown' };
    if (found.denied) return { state: 'denied' };
    if (!found.userId) return { state: 'pending' };
    this.byDeviceCode.delete(deviceCode);
    return { state: 'approved', userId: found.userId, clientId };
  }

  private find(userCode: string): DeviceAuthorization {
    for (const authorization of this.byDeviceCode.values()) {
      if (authorization.userCode === userCode) return authorization;
    }
    throw new Error(`no device authorization with user code ${userCode}`);
  }
}
