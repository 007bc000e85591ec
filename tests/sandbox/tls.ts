// A certificate made at start-up for every host the sandbox answers for. Chromium is started with
// --ignore-certificate-errors, so it need not be trusted; Node clients pass rejectUnauthorized:false.
import { generate } from 'selfsigned';

export interface TlsMaterial {
  key: string;
  cert: string;
}

export async function makeCertificate(): Promise<TlsMaterial> {
  const pems = await generate([{ name: 'commonName', value: 'sandbox.glance-sfx.test' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 2 * 24 * 3600 * 1000),
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: '*.my.salesforce.com' },
          { type: 2, value: '*.lightning.force.com' },
          { type: 2, value: '*.force.com' },
          { type: 2, value: '*.salesforce.com' },
          { type: 2, value: '*.glance.net' },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
