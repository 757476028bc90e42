import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_DIMENSIONS } from '../../../shared/entities/csm.ts';
import type { DeviceHealthConfig } from '../../../shared/device-settings.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useDeviceData } from '../../db/device-data.tsx';
import { HEALTH_CONFIG_DOC, readHealthConfig } from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';
import { Button } from '../../ui/button.tsx';
import { useFormat } from '../../platform/use-format.ts';
import styles from './health-config.module.css';
import { HealthWeightsEditor } from './health-weights-editor.tsx';
import pageStyles from './settings-page.module.css';

/**
 * "Health Score" (staff only): the organization's weights and status ranges from the device (local document
 * `health-config`), so they read offline. An admin can change them online; everyone else reads them.
 */
export function HealthConfigSection() {
  const { user } = useSession();
  const health = readHealthConfig(useLocalValue(HEALTH_CONFIG_DOC));
  // Client users never see (nor store) the staff-only health configuration.
  if (!user || user.role === 'client') return null;
  return <HealthConfigView health={health} isAdmin={user.role === 'admin'} />;
}

function HealthConfigView({ health, isAdmin }: { health: DeviceHealthConfig | null; isAdmin: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useDeviceData().session?.settings ?? null;
  const titleId = useId();
  const descriptionId = useId();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    // Back to the button that opened the form once it closes (saved or cancelled), not on the first render.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const onSaved = () => {
    setSaved(true);
    setEditing(false);
  };

  return (
    <section className={pageStyles.section} aria-labelledby={titleId} aria-describedby={descriptionId}>
      <h2 id={titleId} className={pageStyles.sectionTitle}>
        {t('settings.health.title')}
      </h2>
      <p id={descriptionId} className={pageStyles.hint}>
        {t('settings.health.description')}
      </p>

      {health ? (
        <>
          <div className={styles.group}>
            <h3 className={styles.groupTitle}>{t('settings.health.weights')}</h3>
            <ul className={styles.weights}>
              {HEALTH_DIMENSIONS.map((d) => (
                <li key={d} className={styles.weight}>
                  <span className={styles.weightName}>{t(`settings.health.dimensions.${d}`)}</span>
                  <span className={styles.weightValue}>{format.percent(health.weights[d] / 100)}</span>
                  <span className={styles.bar} aria-hidden="true">
                    <span className={styles.barFill} style={{ width: `${health.weights[d]}%` }} />
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div className={styles.group}>
            <h3 className={styles.groupTitle}>{t('settings.health.thresholds')}</h3>
            <ul className={styles.thresholds}>
              <li data-status="healthy">
                {t('settings.health.healthyFrom', { value: health.thresholds.healthy })}
              </li>
              <li data-status="at_risk">
                {t('settings.health.atRiskRange', {
                  from: health.thresholds.atRisk,
                  to: health.thresholds.healthy - 1,
                })}
              </li>
              <li data-status="critical">
                {t('settings.health.criticalBelow', { value: health.thresholds.atRisk })}
              </li>
            </ul>
          </div>
          {health.updatedAt ? (
            <p className={pageStyles.hint}>
              {t('settings.health.updatedAt', { date: format.date(health.updatedAt) })}
            </p>
          ) : null}

          {isAdmin ? (
            editing ? (
              <HealthWeightsEditor
                health={health}
                settings={settings}
                onSaved={onSaved}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <div className={pageStyles.actions}>
                <Button
                  ref={editButton}
                  variant="secondary"
                  onClick={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  {t('settings.health.edit')}
                </Button>
              </div>
            )
          ) : (
            <p className={pageStyles.hint}>{t('settings.health.adminOnly')}</p>
          )}
        </>
      ) : (
        <p className={pageStyles.hint}>{t('settings.health.notYet')}</p>
      )}

      <p role="status" className={pageStyles.status}>
        {saved ? t('settings.health.result.saved') : null}
      </p>
    </section>
  );
}
