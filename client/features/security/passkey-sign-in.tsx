import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  WebAuthnAbortService,
} from '@simplewebauthn/browser';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { signInWithPasskey, type SecurityFailure } from './security-api.ts';
import styles from './security.module.css';

/**
 * Passkey sign-in on `/entrar`, without typing an e-mail (discoverable credentials):
 * - where the browser offers it, passkeys appear among the e-mail field's suggestions (conditional UI; the
 *   field has `autocomplete="username webauthn"`), started once when the page opens;
 * - "Entrar com passkey" opens the browser's passkey dialog (it cancels the waiting suggestion first — the
 *   library aborts a pending ceremony before starting another).
 * A cancelled dialog says nothing; a passkey the server refuses after the button says so (the suggestion path stays
 * silent: see below).
 */
export function PasskeySignIn() {
  const { t } = useTranslation('security');
  const { fetch: fetchFn } = useDependencies();
  const { signInWith } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SecurityFailure | null>(null);
  const supported = browserSupportsWebAuthn();
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    let started = false;
    void browserSupportsWebAuthnAutofill().then((autofill) => {
      if (!autofill || !mounted.current) return;
      started = true;
      // The waiting autofill ceremony fails on its own, before anyone picks a passkey, wherever the page's origin
      // is not the RP ID (http://127.0.0.1 beside PUBLIC_ORIGIN's host): showing that as "this passkey was not
      // accepted" sat above every password error. Its failures stay silent; the button reports its own.
      void signInWith(() => signInWithPasskey(fetchFn, { autofill: true }));
    });
    return () => {
      mounted.current = false;
      // Leaving the page (signed in with the password form, or elsewhere): stop waiting for a passkey.
      if (started) WebAuthnAbortService.cancelCeremony();
    };
  }, [fetchFn, signInWith]);

  if (!supported) return null;

  const onClick = async () => {
    setBusy(true);
    setFailure(null);
    const result = await signInWith(() => signInWithPasskey(fetchFn, { autofill: false }));
    if (!mounted.current) return;
    setBusy(false);
    if (!result.ok) {
      if (result.error.kind !== 'cancelled') setFailure(result.error);
    }
  };

  return (
    <>
      <p className={styles.divider}>{t('signIn.or')}</p>
      {failure ? (
        <Notice tone="error" role="alert">
          <p>
            {failure.kind === 'offline'
              ? t('errors.offline')
              : failure.kind === 'rejected'
                ? t('signIn.rejected')
                : t('errors.server')}
          </p>
        </Notice>
      ) : null}
      <Button variant="secondary" block onClick={() => void onClick()} disabled={busy} aria-busy={busy}>
        {busy ? t('signIn.waiting') : t('signIn.withPasskey')}
      </Button>
    </>
  );
}
