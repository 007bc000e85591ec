// Glance's answers are read with a size cap and parsed with a depth cap: an answer too big or too
// deep to be Glance's is the same typed failure as garbage ('unavailable'), never a stack overflow,
// a hang or a worker out of memory.
import { describe, expect, it } from 'vitest';
import { connectGlance, GlanceClient, GlanceError } from '../../src/background/glance/client.js';
import { clientLaunchUrl } from '../../src/background/glance/documented.js';
import { parseXml, XmlSyntaxError } from '../../src/background/glance/xml.js';
import { MAX_ANSWER_BYTES } from '../../src/shared/answer-limits.js';
import { inProcessSandbox } from '../support/in-process-fetch.js';

const nested = (levels: number, inner = 'x') => `${'<a>'.repeat(levels)}${inner}${'</a>'.repeat(levels)}`;

/**
 * A connected client whose answers pass through `rewrite` (the real emulator answers first), asking
 * about a session the Glance Client started, through the assumed GetSessionStatus (A6, turned on).
 */
async function clientWith(rewrite: (body: string, response: Response) => Response) {
  const sandbox = inProcessSandbox();
  sandbox.state.glance.assumedOps = true;
  const account = await connectGlance(sandbox.fetch, 'acme.glance.net', 'correct-horse');
  const session = sandbox.state.glance.launchClient(clientLaunchUrl('6174', { username: account.address }));
  if (typeof session === 'string') throw new Error(session);
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await sandbox.fetch(input, init);
    return rewrite(await response.text(), response);
  }) as typeof fetch;
  return { client: new GlanceClient(account, fetcher, 2000), key: session.key };
}

async function failureOf(promise: Promise<unknown>): Promise<GlanceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GlanceError);
  return error as GlanceError;
}

describe('Glance answers: depth cap', () => {
  it('refuses 100,000 levels of nesting as a syntax error, not a stack overflow', () => {
    expect(() => parseXml(nested(100_000))).toThrow(XmlSyntaxError);
    expect(() => parseXml(nested(33))).toThrow(/nested deeper than 32/);
    expect(parseXml(nested(32)).name).toBe('a');
  });

  it('answers a deeply nested session as unreadable (unavailable), not a RangeError', async () => {
    // 35,000 levels stay under the size cap, so the depth cap is what refuses them.
    const { client, key } = await clientWith(
      (body, response) =>
        // First in the answer, so looking up any field walks down it.
        new Response(body.replace('<sessionId>', `${nested(35_000)}<sessionId>`), { status: response.status }),
    );
    const error = await failureOf(client.status(key));
    expect(error.failure).toBe('unavailable');
  });
});

describe('Glance answers: size cap', () => {
  it('answers a multi-MB session as unreadable (unavailable), though it parses', async () => {
    const { client, key } = await clientWith(
      (body, response) =>
        new Response(body.replace('</SessionInfo>', `<notes>${'x'.repeat(5 * 1024 * 1024)}</notes></SessionInfo>`), {
          status: response.status,
        }),
    );
    const error = await failureOf(client.status(key));
    expect(error).toMatchObject({ failure: 'unavailable', code: 'answer too large' });
  });

  it('stops reading an endless body at the cap instead of reading on', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const { client, key } = await clientWith(
      (_, response) =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              // 64 MB if read to the end: far more than any answer, never all read.
              pulled += chunk.byteLength;
              if (pulled > 64 * 1024 * 1024) controller.close();
              else controller.enqueue(chunk);
            },
          }),
          { status: response.status },
        ),
    );
    const error = await failureOf(client.status(key));
    expect(error).toMatchObject({ failure: 'unavailable', code: 'answer too large' });
    // The stream may pull a chunk or two ahead of the reader; never much past the cap.
    expect(pulled).toBeLessThanOrEqual(MAX_ANSWER_BYTES + 4 * chunk.byteLength);
  });

  it('refuses at once an answer whose Content-Length is over the cap', async () => {
    let pulled = 0;
    const { client, key } = await clientWith(
      (_, response) =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled++;
              controller.enqueue(new Uint8Array(1024));
            },
          }),
          { status: response.status, headers: { 'content-length': String(10 * 1024 * 1024) } },
        ),
    );
    const error = await failureOf(client.status(key));
    expect(error).toMatchObject({ failure: 'unavailable', code: 'answer too large' });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('still reads answers under the cap, multi-byte text included', async () => {
    const { client, key } = await clientWith(
      (body, response) =>
        new Response(
          new TextEncoder().encode(body.replace('<guests />', '<guests><guest><name>Zoë 𝔘</name></guest></guests>')),
          {
            status: response.status,
          },
        ),
    );
    const session = await client.status(key);
    expect(session.guests.map((g) => g.name)).toEqual(['Zoë 𝔘']);
  });
});
