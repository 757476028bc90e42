import { describe, expect, it } from 'vitest';
import { isOnScreen, type VisibleWindowLike } from './on-screen.ts';

const ORIGIN = 'https://app.arco.example';
const chat = '/inicio/chat';

interface FakeWindow extends VisibleWindowLike {
  /** What the page answers (its in-app path), or null when it does not answer. */
  readonly shows: string | null;
}
const win = (shows: string | null, focused = true, visibilityState: DocumentVisibilityState = 'visible') =>
  // The address the window loaded: in-app routing has moved on since, only the page knows where.
  ({ url: `${ORIGIN}/entrar`, shows, focused, visibilityState }) satisfies FakeWindow;

function check(windows: FakeWindow[], path = chat) {
  const asked: string[] = [];
  const result = isOnScreen(windows, ORIGIN, path, async (w) => {
    asked.push(w.shows ?? '(silent)');
    return w.shows;
  });
  return { result, asked };
}

describe('isOnScreen (a push whose screen the user is looking at is not shown)', () => {
  it.each([
    ['the focused, visible window shows the chat', [win('/inicio/chat')], true],
    ['… with a query, a hash or a trailing slash', [win('/inicio/chat/?a=1#end')], true],
    ['one of several windows shows it', [win('/inicio', false), win('/inicio/chat')], true],
    ['the chat is open but the window is not focused', [win('/inicio/chat', false)], false],
    ['the chat is open in a hidden window (locked phone)', [win('/inicio/chat', true, 'hidden')], false],
    ['another screen is in front', [win('/inicio')], false],
    ['a deeper screen under the same prefix', [win('/inicio/chat/arquivo')], false],
    ['the page does not answer', [win(null)], false],
    ['no window at all', [], false],
  ])('%s → %s', async (_, windows, expected) => {
    expect(await check(windows).result).toBe(expected);
  });

  it('asks only focused, visible windows of our origin; a failing question counts as another screen', async () => {
    const foreign = { ...win('/inicio/chat'), url: 'https://evil.example/inicio/chat' };
    const { result, asked } = check([win('/a', false), win('/b', true, 'hidden'), foreign, win('/inicio')]);
    expect(await result).toBe(false);
    expect(asked).toEqual(['/inicio']);
    const failing = await isOnScreen([win('/inicio/chat')], ORIGIN, chat, () =>
      Promise.reject(new Error('gone')),
    );
    expect(failing).toBe(false);
  });

  it('compares the target without its query: a staff chat path with an id', async () => {
    const path = '/atendimento/chats/t%201?from=push';
    expect(await check([win('/atendimento/chats/t%201')], path).result).toBe(true);
    expect(await check([win('/atendimento/chats/t%202')], path).result).toBe(false);
  });
});
