// What a client reads of an answer (Glance's, Salesforce's). Glance's ASMX answers are a few kilobytes (a session
// with its guests, a conference list); anything far bigger is not Glance speaking, and reading it
// whole would let one answer fill the service worker's memory. The body is read as a stream and
// reading stops at the cap, so neither a lying Content-Length nor an endless body costs more.

/** 256 KiB: a hundred times the biggest answer the Glance assumptions describe (A7 with many guests). */
export const MAX_ANSWER_BYTES = 256 * 1024;
/**
 * 4 MiB: a query page holds at most 2,000 records (REST API Developer Guide, "Query": batch size
 * 200–2,000) and ours select a few short fields each, so a real page is well under 1 MiB.
 */
export const MAX_SALESFORCE_ANSWER_BYTES = 4 * 1024 * 1024;

export class AnswerTooLarge extends Error {
  override readonly name = 'AnswerTooLarge';
}

/** The body as UTF-8 text (as Response.text() decodes it), or AnswerTooLarge past `maxBytes`. */
export async function readCappedText(response: Response, maxBytes = MAX_ANSWER_BYTES): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new AnswerTooLarge(`Content-Length ${declared}`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLarge(`over ${maxBytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
