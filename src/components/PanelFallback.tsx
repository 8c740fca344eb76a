import React from 'react';
import { Trans } from '@grafana/i18n';
import { Alert, useStyles2 } from '@grafana/ui';
import { NONE, VERDICT_LOOK } from './status';
import type { HealthReport } from '../analysis';
import { getPanelFallbackStyles } from './PanelFallback.styles';
import { t } from '../i18n';

/** Findings of the last good report repeated in the fallback. */
const FINDINGS_SHOWN = 5;

interface Props {
  error: Error;
  /** The last report the panel drew, if any. */
  lastGood?: HealthReport;
}

/**
 * What the panel shows when drawing failed: the error, and the verdict and findings of the last
 * report it drew — plain text only, so the fallback cannot fail the way the panel did.
 */
export function PanelFallback({ error, lastGood }: Props) {
  const styles = useStyles2(getPanelFallbackStyles);
  const message = String(error?.message ?? error).slice(0, 300);
  return (
    <div className={styles.root} role="status">
      <Alert severity="error" title={t('panel.fallback.title', 'The panel could not be drawn')} bottomSpacing={1}>
        {message}
      </Alert>
      {lastGood ? (
        <div data-testid="last-good-report">
          <p className={styles.verdict}>
            {t('panel.fallback.last', 'Last verdict drawn:')} {VERDICT_LOOK[lastGood.verdict]?.text() ?? NONE}
          </p>
          <ul className={styles.findings}>
            {lastGood.findings.slice(0, FINDINGS_SHOWN).map((f, i) => (
              <li key={i}>{String(f.message)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className={styles.verdict}>
          <Trans i18nKey="panel.fallback.none">No report was drawn yet. Check the panel options and the query.</Trans>
        </p>
      )}
    </div>
  );
}
