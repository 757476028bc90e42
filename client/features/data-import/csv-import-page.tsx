import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { CsvLineError, ImportKind } from '../../../shared/domain/imports/csv-import.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { customerPath } from '../customer-360/paths.ts';
import { useDataImportText } from './i18n.ts';
import { sendCsv, type ImportAnswer } from './csv-import.ts';
import { effectName, fieldName, lineErrorText } from './line-text.ts';
import styles from './csv-import.module.css';

/**
 * `/clientes/:id/importar` — staff choose what the file holds and the file, see the preview (each line's effect
 * and every line's error, from the server, nothing written) and import it. Importing is offered only for a
 * preview without errors; the server checks again and refuses the whole file otherwise.
 */
export function CsvImportPage() {
  const { text: t, language } = useDataImportText();
  const { customerId = '' } = useParams();
  const deps = useDependencies();
  // The UI language's figures (shared/intl.ts), not the browser's locale: "R$ 1.480,00" in pt-BR.
  const format = useFormat();
  const [kind, setKind] = useState<ImportKind>('metrics');
  const [csv, setCsv] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<ImportAnswer | null>(null);
  const [imported, setImported] = useState<ImportAnswer | null>(null);

  const run = async (commit: boolean) => {
    if (csv === null) return;
    setBusy(true);
    const answer = await sendCsv(deps, { customerId, kind, csv }, commit);
    setBusy(false);
    if (commit) setImported(answer);
    else {
      setPreview(answer);
      setImported(null);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };
  const errorText = (e: CsvLineError) => lineErrorText(language, e);
  const result = preview?.kind === 'result' ? preview.result : null;
  const errors = preview?.kind === 'refused' ? preview.errors : (result?.errors ?? []);

  return (
    <Page title={t.title} description={t.description}>
      <p>
        <ButtonLink to={customerPath(customerId)}>{t.back}</ButtonLink>
      </p>
      <form className={styles.form} onSubmit={onSubmit}>
        <fieldset className={styles.fieldset}>
          <legend>{t.kind}</legend>
          {(['metrics', 'campaigns'] as const).map((k) => (
            <label key={k} className={styles.choice}>
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setPreview(null);
                  setImported(null);
                }}
              />
              {k === 'metrics' ? t.kindMetrics : t.kindCampaigns}
            </label>
          ))}
        </fieldset>
        <label className={styles.field}>
          <span>{t.file}</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby="csv-hint"
            onChange={(event) => {
              const file = event.target.files?.[0];
              setPreview(null);
              setImported(null);
              if (file) void file.text().then(setCsv);
              else setCsv(null);
            }}
          />
        </label>
        <p id="csv-hint" className={styles.hint}>
          {t.fileHint}
        </p>
        <div className={styles.actions}>
          <Button type="submit" disabled={csv === null || busy}>
            {t.preview}
          </Button>
          {result && result.errors.length === 0 && result.lines.length > 0 ? (
            <Button variant="secondary" disabled={busy} onClick={() => void run(true)}>
              {t.import}
            </Button>
          ) : null}
        </div>
      </form>

      {busy ? (
        <p role="status" aria-busy="true">
          {t.reading}
        </p>
      ) : null}
      {preview?.kind === 'offline' || imported?.kind === 'offline' ? (
        <Notice tone="warning" role="alert">
          {t.offline}
        </Notice>
      ) : null}
      {preview?.kind === 'failed' || imported?.kind === 'failed' ? (
        <Notice tone="error" role="alert">
          {t.failed(
            preview?.kind === 'failed'
              ? preview.message
              : imported?.kind === 'failed'
                ? imported.message
                : '',
          )}
        </Notice>
      ) : null}
      {imported?.kind === 'result' ? (
        <Notice tone="info" role="status">
          {imported.result.written === 0 ? t.importedNothing : t.imported(imported.result.written)}
        </Notice>
      ) : null}
      {imported?.kind === 'refused' || errors.length > 0 ? (
        <section aria-labelledby="csv-errors" className={styles.section}>
          <h2 id="csv-errors" className={styles.heading}>
            {t.errorsTitle((imported?.kind === 'refused' ? imported.errors : errors).length)}
          </h2>
          <ul className={styles.errors}>
            {(imported?.kind === 'refused' ? imported.errors : errors).map((e, i) => (
              <li key={`${e.line}-${e.field ?? ''}-${i}`}>{errorText(e)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {result && result.lines.length > 0 ? (
        <section aria-labelledby="csv-lines" className={styles.section}>
          <h2 id="csv-lines" className={styles.heading}>
            {t.summary(result.lines.length)}
          </h2>
          {/* Focusable so the keyboard can scroll the wide table sideways on a phone (axe: scrollable-region-focusable). */}
          <div className={styles.scroll} tabIndex={0} role="group" aria-labelledby="csv-lines">
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.date}</th>
                  {result.kind === 'campaigns' ? <th scope="col">{t.campaign}</th> : null}
                  {result.fields.map((f) => (
                    <th scope="col" key={f}>
                      {fieldName(language, f)}
                    </th>
                  ))}
                  <th scope="col">{t.effect}</th>
                </tr>
              </thead>
              <tbody>
                {result.lines.map((l) => (
                  <tr key={l.line}>
                    <td>{l.line}</td>
                    <td>{l.date.split('-').reverse().join('/')}</td>
                    {result.kind === 'campaigns' ? <td>{l.campaign}</td> : null}
                    {result.fields.map((f) => (
                      <td key={f} className={styles.number}>
                        {l.values[f] === undefined
                          ? '—'
                          : f.endsWith('Cents')
                            ? format.money(l.values[f])
                            : format.number(l.values[f])}
                      </td>
                    ))}
                    <td>{effectName(language, l.effect)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
