import { describe, expect, it } from 'vitest';
import { DEFAULT_PUSH_ALLOWED_HOSTS } from '../config.ts';
import { isAllowedPushEndpoint } from './allow-list.ts';

describe('isAllowedPushEndpoint (default list: the browsers’ push services)', () => {
  it.each([
    ['https://fcm.googleapis.com/fcm/send/abc:APA91b', true],
    ['https://updates.push.services.mozilla.com/wpush/v2/gAAAA', true],
    ['https://db5p.notify.windows.com/w/?token=BQYAAA', true],
    ['https://web.push.apple.com/QGuQyavX', true],
    ['https://FCM.googleapis.com./fcm/send/x', true],
    ['http://fcm.googleapis.com/fcm/send/x', false], // https only
    ['https://notify.windows.com/w', false], // a wildcard never matches the bare domain
    ['https://evilnotify.windows.com/w', false],
    ['https://fcm.googleapis.com.evil.example/x', false],
    ['https://user:pw@fcm.googleapis.com/x', false],
    ['https://169.254.169.254/latest/meta-data', false],
    ['https://127.0.0.1:8443/push', false],
    ['https://localhost/push', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (endpoint, allowed) => {
    expect(isAllowedPushEndpoint(endpoint, DEFAULT_PUSH_ALLOWED_HOSTS)).toBe(allowed);
  });

  it('allows exactly what PUSH_ALLOWED_HOSTS lists (the test stand-in on loopback)', () => {
    expect(isAllowedPushEndpoint('https://127.0.0.1:8443/push/1', ['127.0.0.1'])).toBe(true);
    expect(isAllowedPushEndpoint('https://127.0.0.2:8443/push/1', ['127.0.0.1'])).toBe(false);
    expect(isAllowedPushEndpoint('https://fcm.googleapis.com/x', ['127.0.0.1'])).toBe(false);
  });
});
