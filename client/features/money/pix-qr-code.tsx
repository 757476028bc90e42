import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import card from '../../ui/card.module.css';
import styles from './money.module.css';

type Matrix = { size: number; dark: (row: number, col: number) => boolean };
type QrState = { kind: 'loading' } | { kind: 'ready'; path: string; size: number } | { kind: 'failed' };

/** Quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4). */
const QUIET = 4;

/** One SVG path of unit squares for the dark modules (crisp at any size, prints cleanly). */
export function modulesPath(matrix: Matrix): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row++)
    for (let col = 0; col < matrix.size; col++)
      if (matrix.dark(row, col)) parts.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
  return parts.join('');
}

/**
 * The Pix code as a QR code. The `qrcode` library (the encoder: versions, masks, error correction) is loaded
 * only when an invoice with a code is opened, so it stays out of the app's first download; drawing its module
 * matrix as an SVG path here keeps the output free of injected markup. Medium error correction, as banks'
 * own Pix QR codes use.
 */
export function PixQrCode({ code, label }: { code: string; label: string }) {
  const { t } = useTranslation('money');
  const [state, setState] = useState<QrState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qr) => {
        const { modules } = qr.create(code, { errorCorrectionLevel: 'M' });
        const matrix = { size: modules.size, dark: (r: number, c: number) => Boolean(modules.get(r, c)) };
        if (live) setState({ kind: 'ready', path: modulesPath(matrix), size: modules.size });
      })
      .catch(() => {
        if (live) setState({ kind: 'failed' });
      });
    return () => {
      live = false;
    };
  }, [code]);

  if (state.kind === 'failed') return <p className={card.muted}>{t('invoice.qrFailed')}</p>;
  if (state.kind === 'loading')
    return (
      <div className={`${styles.qr} ${styles.skeleton}`} role="status">
        <span className="visually-hidden">{t('invoice.qrLoading')}</span>
      </div>
    );
  const extent = state.size + 2 * QUIET;
  return (
    <svg
      className={styles.qr}
      viewBox={`0 0 ${extent} ${extent}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="pix-qr"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={state.path} fill="#000" />
    </svg>
  );
}
