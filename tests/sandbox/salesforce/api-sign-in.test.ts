// The emulated org signs tools in only as a new org does (issue 26, item 9): the OAuth
// username-password flow and SOAP login() are refused; the device flow of an External Client App works.
import { describe, expect, it } from 'vitest';
import type { SandboxRequest } from '../http.js';
import { salesforceApiHandler } from './api.js';
import { SalesforceOrg } from './org.js';

const DEVICE_APP = '3MVG9OrgCheckDeviceFlowConsumerKey';

function sandbox() {
  const org = new SalesforceOrg();
  const handler = salesforceApiHandler(org);
  async function post(host: string, path: string, body: string, contentType: string) {
    const url = new URL(`https://${host}${path}`);
    const request: SandboxRequest = {
      method: 'POST',
      url,
      host,
      headers: { 'content-type': contentType },
      body,
      cookies: {},
    };
    const answer = await handler(request);
    if (!answer) throw new Error(`no answer for POST ${host}${path}`);
    return { status: answer.status, text: String(answer.body ?? '') };
  }
  const token = async (host: string, form: Record<string, string>) => {
    const answer = await post(
      host,
      '/services/oauth2/token',
      new URLSearchParams(form).toString(),
      'application/x-www-form-urlencoded',
    );
    return { status: answer.status, json: JSON.parse(answer.text) as Record<string, unknown> };
  };
  const soapLogin = (host: string, version: string) =>
    post(
      host,
      `/services/Soap/u/${version}`,
      '<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
        'xmlns:urn="urn:partner.soap.sforce.com"><soapenv:Body><urn:login><urn:username>rep@acme.com</urn:username>' +
        '<urn:password>pw</urn:password></urn:login></soapenv:Body></soapenv:Envelope>',
      'text/xml; charset=utf-8',
    );
  return { org, token, soapLogin };
}

describe('signing tools in to a new org', () => {
  it('refuses the OAuth username-password flow as a new org does, on the login host and the My Domain', async () => {
    const { token } = sandbox();
    for (const host of ['login.salesforce.com', 'acme.my.salesforce.com']) {
      const answer = await token(host, {
        grant_type: 'password',
        client_id: 'cid',
        client_secret: 'secret',
        username: 'rep@acme.com',
        password: 'pw',
      });
      expect(answer).toEqual({
        status: 400,
        json: { error: 'invalid_grant', error_description: 'authentication failure' },
      });
    }
  });

  it('answers a grant type it does not know as Salesforce does', async () => {
    const { token } = sandbox();
    expect(await token('acme.my.salesforce.com', { grant_type: 'magic', client_id: 'cid' })).toEqual({
      status: 400,
      json: { error: 'unsupported_grant_type', error_description: 'grant type not supported' },
    });
  });

  it('refuses SOAP login(): gone from API 65.0, and off by default in a new org before it', async () => {
    const { soapLogin } = sandbox();
    const gone = await soapLogin('login.salesforce.com', '66.0');
    expect(gone.status).toBe(500);
    expect(gone.text).toContain('<faultcode>INVALID_OPERATION</faultcode>');
    expect(gone.text).toContain(
      'The SOAP Login operation is not available in the API version specified (66.0). Refer to the documentation for supported versions.',
    );
    const off = await soapLogin('acme.my.salesforce.com', '64.0');
    expect(off.status).toBe(500);
    expect(off.text).toContain(
      'INVALID_OPERATION: SOAP API login() is disabled by default in this org. Contact the org administrator to enable SOAP API login().',
    );
    expect(off.text).not.toContain('sessionId');
  });

  it('signs a user in through the device flow of an External Client App that has it on', async () => {
    const { org, token } = sandbox();
    org.setup.deviceFlowApps.add(DEVICE_APP);
    const start = await token('acme.my.salesforce.com', { response_type: 'device_code', client_id: DEVICE_APP });
    expect(start.status).toBe(200);
    expect(start.json).toEqual({
      device_code: expect.any(String),
      user_code: expect.stringMatching(/^[A-Z0-9]{8}$/),
      verification_uri: 'https://acme.my.salesforce.com/setup/connect',
      interval: 5,
    });
    const poll = () =>
      token('acme.my.salesforce.com', {
        grant_type: 'device',
        client_id: DEVICE_APP,
        code: String(start.json.device_code),
      });
    expect(await poll()).toMatchObject({ status: 400, json: { error: 'authorization_pending' } });

    org.devices.approve(String(start.json.user_code), org.defaultUserId);
    const granted = await poll();
    expect(granted.status).toBe(200);
    expect(granted.json).toMatchObject({
      access_token: expect.stringMatching(new RegExp(`^${org.orgId}!`)),
      instance_url: 'https://acme.my.salesforce.com',
      id: `https://login.salesforce.com/id/${org.orgId18}/${org.defaultUserId}`,
      token_type: 'Bearer',
    });
    // The token is a session the REST API takes, for the user who approved.
    expect(org.validSession(String(granted.json.access_token))?.userId).toBe(org.defaultUserId);
    // A device code is good for one token.
    expect(await poll()).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('refuses the device flow to an app the org does not have it on for', async () => {
    const { token } = sandbox();
    expect(await token('acme.my.salesforce.com', { response_type: 'device_code', client_id: DEVICE_APP })).toEqual({
      status: 400,
      json: { error: 'invalid_client_id', error_description: 'client identifier invalid' },
    });
  });

  it('says access_denied once the user denies the app', async () => {
    const { org, token } = sandbox();
    org.setup.deviceFlowApps.add(DEVICE_APP);
    const start = await token('login.salesforce.com', { response_type: 'device_code', client_id: DEVICE_APP });
    org.devices.deny(String(start.json.user_code));
    expect(
      await token('login.salesforce.com', {
        grant_type: 'device',
        client_id: DEVICE_APP,
        code: String(start.json.device_code),
      }),
    ).toMatchObject({ status: 400, json: { error: 'access_denied' } });
  });
});
