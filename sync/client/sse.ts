/**
 * A minimal Server-Sent Events reader over `fetch` (WHATWG streams), used instead of `EventSource` because we
 * need our protocol header, the HTTP status (401 → session expired, 426 → update the app), and Node 20 (tests)
 * has no EventSource. Reconnects with capped exponential backoff; timers are injected.
 */
export interface SseMessage {
  readonly event: string;
  readonly data: string;
  readonly id: string | null;
}

export interface SseHandlers {
  onOpen(): void;
  onMessage(message: SseMessage): void;
  /** HTTP failure: the reader stops reconnecting on 401/403/426 (the caller decides what to do). */
  onHttpError(status: number): void;
  onDisconnect(error: unknown): void;
}

export interface SseOptions {
  readonly url: string;
  readonly fetch: typeof fetch;
  readonly headers?: Record<string, string>;
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  readonly minRetryMs?: number;
  readonly maxRetryMs?: number;
}

const FATAL_STATUSES = new Set([401, 403, 426]);

/** Parses SSE text incrementally; returns the messages completed by this chunk and keeps the remainder. */
export function createSseParser(): (chunk: string) => SseMessage[] {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;
  return (chunk) => {
    buffer += chunk;
    const out: SseMessage[] = [];
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n'), id });
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue; // keep-alive comment
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    return out;
  };
}

/**
 * Opens the stream and keeps it open until the returned `close()` is called. `retryNow()` cuts a pending
 * backoff short (the device's network just came back: waiting out a backoff grown while offline would leave
 * the device unsynced for up to `maxRetryMs`); it does nothing while a connection is open or being opened.
 */
export function openSse(options: SseOptions, handlers: SseHandlers): { close(): void; retryNow(): void } {
  const minRetry = options.minRetryMs ?? 1000;
  const maxRetry = options.maxRetryMs ?? 30_000;
  let closed = false;
  let retryMs = minRetry;
  let timer: unknown = null;
  let controller: AbortController | null = null;

  const scheduleReconnect = () => {
    if (closed) return;
    timer = options.setTimeout(connect, retryMs);
    retryMs = Math.min(maxRetry, retryMs * 2);
  };

  async function connect(): Promise<void> {
    if (closed) return;
    timer = null;
    controller = new AbortController();
    try {
      const res = await options.fetch(options.url, {
        headers: { accept: 'text/event-stream', ...options.headers },
        signal: controller.signal,
        credentials: 'same-origin',
      });
      if (!res.ok || !res.body) {
        handlers.onHttpError(res.status);
        if (!FATAL_STATUSES.has(res.status)) scheduleReconnect();
        return;
      }
      retryMs = minRetry;
      handlers.onOpen();
      const parse = createSseParser();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const message of parse(value)) handlers.onMessage(message);
      }
      handlers.onDisconnect(null);
    } catch (error) {
      if (closed) return;
      handlers.onDisconnect(error);
    }
    scheduleReconnect();
  }

  void connect();
  return {
    retryNow() {
      if (closed || timer === null) return;
      options.clearTimeout(timer);
      retryMs = minRetry;
      void connect();
    },
    close() {
      closed = true;
      if (timer !== null) options.clearTimeout(timer);
      controller?.abort();
    },
  };
}
