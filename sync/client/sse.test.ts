import { describe, expect, it } from 'vitest';
import { createSseParser, openSse } from './sse.ts';

describe('SSE parser', () => {
  it('parses events split across chunks, multi-line data, comments and CRLF', () => {
    const parse = createSseParser();
    expect(parse(': keep-alive\n\nevent: change\ndata: {"a":')).toEqual([]);
    expect(parse('1}\n\ndata: RESYNC\r\n\r\ndata: x\ndata: y\nid: 7\n\n')).toEqual([
      { event: 'change', data: '{"a":1}', id: null },
      { event: 'message', data: 'RESYNC', id: null },
      { event: 'message', data: 'x\ny', id: '7' },
    ]);
  });

  it('ignores a block without data and keeps an unfinished event for the next chunk', () => {
    const parse = createSseParser();
    expect(parse('event: ping\n\ndata: par')).toEqual([]);
    expect(parse('tial\n\n')).toEqual([{ event: 'message', data: 'partial', id: null }]);
  });
});

describe('SSE reconnection', () => {
  it('retryNow cuts a backoff short, resets it, and does nothing while connecting or closed', async () => {
    const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
    let attempts = 0;
    const sse = openSse(
      {
        url: 'http://127.0.0.1:9/api/sync/stream',
        fetch: (async () => {
          attempts += 1;
          throw new TypeError('Failed to fetch');
        }) as unknown as typeof fetch,
        setTimeout: (fn, ms) => {
          const timer = { fn, ms, cleared: false };
          timers.push(timer);
          return timer;
        },
        clearTimeout: (handle) => void ((handle as { cleared: boolean }).cleared = true),
      },
      { onOpen: () => {}, onMessage: () => {}, onHttpError: () => {}, onDisconnect: () => {} },
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    // Offline: 1 s, then 2 s, then 4 s between attempts.
    timers.at(-1)!.fn();
    await settle();
    timers.at(-1)!.fn();
    await settle();
    expect(attempts).toBe(3);
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000, 4000]);

    // The network is back: connect now, not in 4 s, and start the backoff over.
    sse.retryNow();
    expect(timers.at(-1)!.cleared).toBe(true);
    await settle();
    expect(attempts).toBe(4);
    expect(timers.at(-1)!.ms).toBe(1000);

    sse.close();
    sse.retryNow();
    await settle();
    expect(attempts).toBe(4);
  });
});
