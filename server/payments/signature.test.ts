import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature.ts';
import { createHmac } from 'node:crypto';

const SECRET = 's'.repeat(40);
const NOW = new Date('2026-02-20T15:00:00.000Z');
const BODY = '{"eventId":"evt_1","type":"charge.paid"}';

describe('webhook signatures', () => {
  it('signs `t.<raw body>` with HMAC-SHA256 (recomputed here independently)', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    const t = String(NOW.getTime() / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex')}`);
  });

  const check = (header: string | undefined, over: { body?: string; secret?: string; now?: Date } = {}) =>
    verifyWebhookSignature({
      secret: over.secret ?? SECRET,
      rawBody: over.body ?? BODY,
      header,
      now: over.now ?? NOW,
    });
  const good = signWebhook(SECRET, BODY, NOW);

  it.each([
    ['the signature as sent', good, {}, 'ok'],
    ['4 minutes later (within the tolerance)', good, { now: new Date(NOW.getTime() + 240_000) }, 'ok'],
    ['no header', undefined, {}, 'missing'],
    ['an empty header', ' ', {}, 'missing'],
    ['no timestamp', good.replace(/^t=\d+,/, ''), {}, 'malformed'],
    ['a short digest', good.slice(0, -2), {}, 'malformed'],
    ['one changed body byte', good, { body: BODY.replace('paid', 'pald') }, 'mismatch'],
    ['whitespace added to the body (not re-serialised JSON)', good, { body: ` ${BODY}` }, 'mismatch'],
    ['another secret', good, { secret: 'x'.repeat(40) }, 'mismatch'],
    [
      'a timestamp moved forward',
      good.replace(/t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`),
      {},
      'mismatch',
    ],
    ['replayed an hour later', good, { now: new Date(NOW.getTime() + 3_600_000) }, 'stale'],
    ['from the future', signWebhook(SECRET, BODY, new Date(NOW.getTime() + 3_600_000)), {}, 'stale'],
  ] as const)('%s → %s', (_, header, over, expected) => {
    expect(check(header, over)).toBe(expected);
  });
});
