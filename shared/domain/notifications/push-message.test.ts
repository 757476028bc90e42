import { describe, expect, it } from 'vitest';
import {
  encodePushMessage,
  PUSH_MESSAGE_MAX_BYTES,
  pushMessageSchema,
  utf8Length,
  type PushMessage,
} from './push-message.ts';

const message: PushMessage = {
  notificationId: '0b8f5f6e-7a53-4d8e-9d3c-2a4f1b7e9c01',
  type: 'ticket_answered',
  title: 'Seu ticket #2847 foi respondido',
  body: 'Maria Santos: Já ajustamos a campanha.',
  path: '/inicio/tickets/0b8f5f6e-7a53-4d8e-9d3c-2a4f1b7e9c02',
  tag: 'ticket-0b8f5f6e',
};
/** UTF-8 size computed independently of utf8Length (well-formed text): percent-encoding writes %XX per byte. */
const bytes = (s: string) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, '_').length;

describe('utf8Length', () => {
  it.each(['abc', 'ção', '🎉', 'ü'.repeat(10), 'a"\\\n'])('counts %j like Node', (text) => {
    expect(utf8Length(text)).toBe(bytes(text));
  });
});

describe('encodePushMessage', () => {
  it('keeps a short message as it is', () => {
    expect(JSON.parse(encodePushMessage(message))).toEqual(message);
  });

  it.each([
    ['a long ASCII body', { body: 'a'.repeat(1000), title: 't'.repeat(200) }],
    ['multi-byte text', { body: 'ção 🎉'.repeat(166), title: 'ü'.repeat(200) }],
    ['characters JSON escapes', { body: '"\\\n\u0001'.repeat(250), title: '"'.repeat(200) }],
  ])('shortens %s to fit, keeping path, tag and id', (_name, change) => {
    const encoded = encodePushMessage({ ...message, ...change });
    expect(bytes(encoded)).toBeLessThanOrEqual(PUSH_MESSAGE_MAX_BYTES);
    const decoded = pushMessageSchema.parse(JSON.parse(encoded));
    expect(decoded.path).toBe(message.path);
    expect(decoded.tag).toBe(message.tag);
    expect(decoded.notificationId).toBe(message.notificationId);
    expect(decoded.title.length).toBeGreaterThan(0);
  });

  it('refuses a path that leaves the app', () => {
    expect(() => encodePushMessage({ ...message, path: '//evil.example/x' })).toThrow();
    expect(() => encodePushMessage({ ...message, path: 'https://evil.example/' })).toThrow();
  });
});
