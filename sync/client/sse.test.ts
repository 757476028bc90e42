import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse.ts';

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
