import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../sync/protocol.ts';
import type { HttpSession } from './http-session.ts';

/** One `change` event of `GET /api/sync/stream` (docs/sync-protocol.md "Stream"). */
export interface StreamEvent {
  readonly collection: string;
  readonly documents: readonly Record<string, unknown>[];
}

export interface OpenStream {
  /** Resolves with the first event matching `match` that arrives after this call; rejects after `timeoutMs`. */
  waitFor(match: (event: StreamEvent) => boolean, timeoutMs: number): Promise<StreamEvent>;
  close(): void;
}

/**
 * A device's sync stream as the app opens it, read with fetch: resolves once the server has answered (the
 * subscription exists from then on — the server subscribes before it sends the first RESYNC).
 */
export async function openStream(session: HttpSession): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await session.fetch(`${session.origin}/api/sync/stream`, {
    headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`stream: ${res.status}`);
  const waiters = new Set<{ match: (e: StreamEvent) => boolean; resolve: (e: StreamEvent) => void }>();
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  let buffer = '';
  let firstEvent!: () => void;
  const opened = new Promise<void>((resolve) => (firstEvent = resolve));

  const dispatch = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) return;
    firstEvent();
    if (event !== 'change') return;
    const change = JSON.parse(data.join('\n')) as StreamEvent;
    for (const w of [...waiters])
      if (w.match(change)) {
        waiters.delete(w);
        w.resolve(change);
      }
  };
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  await opened; // the RESYNC that opens every stream

  return {
    waitFor(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (e: StreamEvent) => {
            clearTimeout(timer);
            resolve(e);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`stream: no matching event in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => abort.abort(),
  };
}
