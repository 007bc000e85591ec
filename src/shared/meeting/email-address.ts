// Whether text is an e-mail address we may put into an ORGANIZER/ATTENDEE or a mailto: URL.

// RFC 5322 dot-atom addr-spec (section 3.4.1) with a DNS host name as its domain. Quoted local parts
// and address literals are valid mail but refused here: they are the forms that carry quotes,
// spaces and brackets, which no rep types for an invitee and which only add risk to .ics and URLs.
// ASCII only: an internationalized address (RFC 6531) needs SMTPUTF8 all the way, which a mailto:
// handler or a calendar cannot promise.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const LOCAL_PART = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ADDRESS = new RegExp(`^${LOCAL_PART}@${LABEL}(?:\\.${LABEL})+$`);

/** Lengths from RFC 5321 section 4.5.3.1: local part 64 octets, a forward path 256 (254 usable). */
export function isEmailAddress(text: string): boolean {
  const at = text.lastIndexOf('@');
  return text.length <= 254 && at > 0 && at <= 64 && ADDRESS.test(text);
}

/**
 * The address as a mailto: URI's addr-spec (RFC 6068 section 2): characters such as "%", "?", "#",
 * "&" and "/" that atext allows would otherwise start an escape, the headers or a fragment.
 */
export function mailtoAddress(email: string): string {
  return encodeURIComponent(email).replace(/%40/g, '@');
}
