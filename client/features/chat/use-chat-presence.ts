import { useEffect, useState } from 'react';
import { chatPresenceResponseSchema, type ChatPresenceResponse } from '../../../shared/chat-api.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useOnline } from '../../platform/use-online.ts';

export type PresenceState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'offline' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'ok'; readonly data: ChatPresenceResponse };

/** How often an open card asks again (presence changes as the account manager comes and goes). */
const REFRESH_MS = 60_000;

/**
 * `GET /api/chat/presence` for the signed-in client (online only: presence is what the server sees now). Asked
 * when the card opens, every minute while it stays open, and again when the connection returns.
 */
export function useChatPresence(): PresenceState {
  const { fetch } = useDependencies();
  const online = useOnline();
  const [state, setState] = useState<PresenceState>({ kind: 'loading' });
  useEffect(() => {
    if (!online) {
      setState({ kind: 'offline' });
      return;
    }
    let cancelled = false;
    const load = async () => {
      try {
        const res = await fetch('/api/chat/presence', {
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        });
        const parsed = res.ok ? chatPresenceResponseSchema.safeParse(await res.json()) : null;
        if (!cancelled) setState(parsed?.success ? { kind: 'ok', data: parsed.data } : { kind: 'failed' });
      } catch {
        if (!cancelled) setState({ kind: 'offline' });
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [fetch, online]);
  return state;
}
