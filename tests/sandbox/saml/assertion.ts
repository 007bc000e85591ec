// The SAML 2.0 messages between Glance (the service provider) and a company's identity provider, as
// far as the sandbox needs them. Real SAML signs the Assertion with XML-DSig under the IdP's X.509
// key, and Glance checks it against the key its provisioning screen holds (help.glance.cx
// /portal/sso_configure/: "X.509 Public Key … prevents Assertions from being forged"). The stand-in
// keeps that trust relation and nothing more: an HMAC under a key the IdP and the Glance group share,
// so an assertion made by anyone else (a page, a test, another org) is refused.
// Bindings as SAML 2.0 specifies them (saml-bindings-2.0-os): HTTP-Redirect carries the AuthnRequest
// DEFLATE-compressed and base64-encoded in `SAMLRequest`; HTTP-POST carries the Response base64-encoded
// in the `SAMLResponse` form field; `RelayState` travels with both, unchanged.
import { createHmac, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export interface AuthnRequest {
  id: string;
  /** Who asks (Glance's entity id, "glance.net/sp/1" by default: help.glance.net/integrations/saml/saml_setup/). */
  issuer: string;
  /** Where the IdP posts the answer (Glance's ACS URL). */
  acsUrl: string;
}

export interface Assertion {
  issuer: string;
  /** Who signed in: Glance matches it to a user's e-mail address or Partner UID (saml_authorization). */
  nameId: string;
  inResponseTo: string;
  signature: string;
}

const attr = (xml: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1] ?? '';
const element = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
const xmlEscape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const xmlUnescape = (text: string) => text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

export function encodeAuthnRequest(request: Omit<AuthnRequest, 'id'>): string {
  const id = `_${randomBytes(12).toString('hex')}`;
  const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${id}" Version="2.0" AssertionConsumerServiceURL="${xmlEscape(request.acsUrl)}"><saml:Issuer>${xmlEscape(request.issuer)}</saml:Issuer></samlp:AuthnRequest>`;
  return deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');
}

export function decodeAuthnRequest(encoded: string): AuthnRequest | undefined {
  try {
    const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
    const id = attr(xml, 'ID');
    const acsUrl = xmlUnescape(attr(xml, 'AssertionConsumerServiceURL'));
    const issuer = xmlUnescape(element(xml, 'saml:Issuer'));
    return id && acsUrl && issuer ? { id, acsUrl, issuer } : undefined;
  } catch {
    return undefined;
  }
}

const sign = (key: string, fields: Omit<Assertion, 'signature'>) =>
  createHmac('sha256', key).update(`${fields.issuer}\n${fields.nameId}\n${fields.inResponseTo}`).digest('base64');

export function encodeResponse(fields: Omit<Assertion, 'signature'>, signingKey: string): string {
  const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" InResponseTo="${xmlEscape(fields.inResponseTo)}"><saml:Issuer>${xmlEscape(fields.issuer)}</saml:Issuer><saml:Assertion><saml:NameID>${xmlEscape(fields.nameId)}</saml:NameID><ds:SignatureValue>${sign(signingKey, fields)}</ds:SignatureValue></saml:Assertion></samlp:Response>`;
  return Buffer.from(xml, 'utf8').toString('base64');
}

/** The Response's assertion when `signingKey` signed it; undefined for anything else. */
export function verifyResponse(encoded: string, signingKey: string): Assertion | undefined {
  const xml = Buffer.from(encoded, 'base64').toString('utf8');
  const fields = {
    issuer: xmlUnescape(element(xml, 'saml:Issuer')),
    nameId: xmlUnescape(element(xml, 'saml:NameID')),
    inResponseTo: xmlUnescape(attr(xml, 'InResponseTo')),
  };
  const signature = element(xml, 'ds:SignatureValue');
  if (!fields.issuer || !fields.nameId || signature !== sign(signingKey, fields)) return undefined;
  return { ...fields, signature };
}

/** The key an org's identity provider signs with (one per org, known to the Glance group that trusts it). */
export const idpSigningKey = (orgId: string) => createHmac('sha256', 'sandbox-idp').update(orgId).digest('hex');
