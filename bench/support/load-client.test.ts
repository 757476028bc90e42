import { describe, expect, it } from 'vitest';
import { countPageDocuments } from './load-client.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('countPageDocuments', () => {
  it('counts the documents of a stored (compact) page and of a page built by SQL (json_build_object spacing)', () => {
    const compact =
      '{"documents":[{"id":"a","contacts":[{"id":"c1"}],"_deleted":false},{"id":"b","_deleted":true}],"checkpoint":{"seq":2}}';
    const built =
      '{"documents":[{"id" : "a", "contacts" : [{"id" : "c1"}], "_deleted" : false}, {"id" : "b", "_deleted" : false}],"checkpoint":{"seq":2}}';
    expect(countPageDocuments(bytes(compact))).toBe(2);
    expect(countPageDocuments(bytes(built))).toBe(2);
    expect(countPageDocuments(bytes('{"documents":[],"checkpoint":{"seq":0}}'))).toBe(0);
  });

  it('does not count "_deleted" inside a string value or as a value', () => {
    const body = JSON.stringify({
      documents: [
        { id: 'a', notes: 'copied: ,"_deleted":true and "_deleted" : x', _deleted: false },
        { id: 'b', notes: '_deleted', tag: '\\', _deleted: false },
      ],
      checkpoint: { seq: 2 },
    });
    expect(countPageDocuments(bytes(body))).toBe(2);
  });

  it('refuses what is not a pull answer', () => {
    expect(countPageDocuments(bytes('{"error":"x","_deleted":false}'))).toBe(-1);
  });
});
