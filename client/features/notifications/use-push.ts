import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDependencies } from '../../platform/dependencies.tsx';
import {
  declinePush,
  disablePush,
  enablePush,
  pushDeclined,
  pushState,
  type EnableResult,
  type PushState,
} from './push-subscription.ts';

export type PushOutcome = EnableResult['status'] | 'disabled';

export interface PushControl {
  /** null until the browser answered. */
  readonly state: PushState | null;
  /** The user already said no on this device (the browser's block or the app's "not now"). */
  readonly declined: boolean;
  readonly busy: boolean;
  /** What the last tap did, for the message in place. */
  readonly outcome: PushOutcome | null;
  enable(): Promise<void>;
  disable(): Promise<void>;
  /** "Not now" / "Got it": remembered, the inbox stops offering. */
  decline(): void;
}

/** This device's push state and the taps that change it (push-subscription.ts), for the inbox and settings. */
export function usePushControl(): PushControl {
  const { push = null, fetch, store } = useDependencies();
  const deps = useMemo(() => ({ platform: push, fetch, baseUrl: '' }), [push, fetch]);
  const [state, setState] = useState<PushState | null>(null);
  const [declined, setDeclined] = useState(() => pushDeclined(store));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PushOutcome | null>(null);

  useEffect(() => {
    let cancelled = false;
    void pushState(push).then((s) => !cancelled && setState(s));
    return () => {
      cancelled = true;
    };
  }, [push]);

  const enable = useCallback(async () => {
    setBusy(true);
    setOutcome(null);
    const result = await enablePush(deps, store);
    setOutcome(result.status);
    setDeclined(pushDeclined(store));
    setState(await pushState(push));
    setBusy(false);
  }, [deps, push, store]);

  const disable = useCallback(async () => {
    setBusy(true);
    setOutcome(null);
    await disablePush(deps);
    setOutcome('disabled');
    setState(await pushState(push));
    setBusy(false);
  }, [deps, push]);

  const decline = useCallback(() => {
    declinePush(store);
    setDeclined(true);
    setOutcome(null);
  }, [store]);

  return { state, declined, busy, outcome, enable, disable, decline };
}
