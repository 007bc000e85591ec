// The check the browser tests run after every test (tests/e2e/secrets.ts), on made-up evidence: it
// lets the password through only in ValidateUser's password field and the credential only in
// storage.local and requests to www.glance.net, and names every other place it finds them.
import { describe, expect, it } from 'vitest';
import { type Evidence, findLeaks } from '../e2e/secrets.js';
import type { RequestLogEntry } from '../sandbox/state.js';

const PASSWORD = 'correct-horse';
const CREDENTIAL = '0123456789abcdef0123456789abcdef';

function request(entry: Partial<RequestLogEntry>): RequestLogEntry {
  return {
    seq: 1,
    at: '2026-11-26T12:00:00Z',
    service: 'glance',
    method: 'POST',
    host: 'www.glance.net',
    path: '/services/ProvisioningService.asmx/ValidateUser',
    query: '',
    status: 200,
    body: '',
    authorized: false,
    headers: {},
    ...entry,
  };
}

/** What a clean Connect and start leave behind. */
function clean(): Evidence {
  return {
    storage: { local: { glanceAccount: { credentials: CREDENTIAL } }, sync: {}, session: {}, managed: {} },
    passwords: [PASSWORD],
    credentials: [CREDENTIAL],
    log: [
      request({ body: `username=acme.glance.net&password=${PASSWORD}` }),
      request({ path: '/services/SessionService.asmx/StartSession', body: `adminCredentials=${CREDENTIAL}` }),
      request({ service: 'salesforce', host: 'acme.my.salesforce.com', path: '/services/data/v62.0/composite' }),
    ],
    console: [{ where: 'console of the popup', text: 'connected' }],
  };
}

describe('secret leak check', () => {
  it('finds nothing where the secrets belong', () => {
    expect(findLeaks(clean())).toEqual([]);
  });

  it('names every other place: storage areas, console, other hosts, headers, other fields', () => {
    const evidence = clean();
    evidence.storage.sync = { settings: { note: CREDENTIAL } };
    evidence.storage.session = { cache: PASSWORD };
    evidence.console.push({ where: 'console of chrome-extension://id/service-worker-loader.js', text: PASSWORD });
    evidence.log.push(
      request({ body: `username=${PASSWORD}&password=x` }),
      request({
        service: 'salesforce',
        host: 'acme.my.salesforce.com',
        path: '/services/data/v62.0/sobjects/Event',
        headers: { 'x-note': CREDENTIAL },
        body: JSON.stringify({ Description: CREDENTIAL }),
      }),
      request({ service: 'glance', host: 'acme.glance.net', path: '/', query: `?c=${CREDENTIAL}` }),
    );
    expect(findLeaks(evidence)).toEqual([
      'Glance password correc… in storage.session "cache"',
      `Glance password correc… in console of chrome-extension://id/service-worker-loader.js: ${PASSWORD}`,
      'Glance password correc… in request POST www.glance.net/services/ProvisioningService.asmx/ValidateUser (body)',
      'Glance credential 012345… in storage.sync "settings"',
      'Glance credential 012345… in request POST acme.my.salesforce.com/services/data/v62.0/sobjects/Event (header x-note, body)',
      'Glance credential 012345… in request POST acme.glance.net/ (query)',
    ]);
  });

  it('lets an SSO login key through only in storage.local and to www.glance.net, and a company API key nowhere', () => {
    const LOGIN_KEY = '$1$1796641200$YsT2Kj8rOp6FaJOG69o3QOj-GUacRiOo7Gw6l1EPVB8';
    const API_KEY = 'f00dfeedf00dfeedf00dfeedf00dfeed';
    const evidence: Evidence = {
      ...clean(),
      storage: { local: { glanceAccount: { sso: { loginKey: LOGIN_KEY } } }, sync: {}, session: {}, managed: {} },
      loginKeys: [LOGIN_KEY],
      apiKeys: [API_KEY],
      log: [
        request({
          path: '/services/AuthorizationService.svc/rest/Authorize',
          body: JSON.stringify({ loginkey: LOGIN_KEY }),
        }),
        request({
          method: 'GET',
          path: '/agentjoin/AgentView.aspx',
          query: `?loginkey=${encodeURIComponent(LOGIN_KEY)}`,
        }),
      ],
    };
    expect(findLeaks(evidence)).toEqual([]);
    evidence.storage.sync = { settings: { note: LOGIN_KEY } };
    evidence.log.push(
      request({
        service: 'salesforce',
        host: 'acme.my.salesforce.com',
        path: '/services/data/v62.0/composite',
        body: LOGIN_KEY,
      }),
      request({ path: '/services/AuthorizationService.svc/rest/Authorize', body: API_KEY }),
    );
    evidence.console.push({ where: 'console of the popup', text: `key ${API_KEY}` });
    expect(findLeaks(evidence)).toEqual([
      'Glance login key $1$179… in storage.sync "settings"',
      'Glance login key $1$179… in request POST acme.my.salesforce.com/services/data/v62.0/composite (body)',
      `Company Glance API key f00dfe… in console of the popup: key ${API_KEY}`,
      'Company Glance API key f00dfe… in request POST www.glance.net/services/AuthorizationService.svc/rest/Authorize (body)',
    ]);
  });

  it('lets a Salesforce session id through only in requests to Salesforce', () => {
    const SID = '00D5g00000ACMEA!AQ4AQLxsecretsecretsecret';
    const evidence: Evidence = {
      ...clean(),
      sids: [SID],
      log: [
        request({ service: 'salesforce', host: 'acme.my.salesforce.com', headers: { authorization: `Bearer ${SID}` } }),
      ],
    };
    expect(findLeaks(evidence)).toEqual([]);
    evidence.storage.local = { cache: SID };
    evidence.log.push(request({ path: '/services/AuthorizationService.svc/rest/Authorize', body: SID }));
    evidence.console.push({ where: 'console of the popup', text: SID });
    expect(findLeaks(evidence)).toEqual([
      'Salesforce session id 00D5g0… in storage.local "cache"',
      `Salesforce session id 00D5g0… in console of the popup: ${SID}`,
      'Salesforce session id 00D5g0… in request POST www.glance.net/services/AuthorizationService.svc/rest/Authorize (body)',
    ]);
  });
});
