import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Trans } from '@grafana/i18n';
import { Alert, ClipboardButton, useStyles2 } from '@grafana/ui';
import { HealthReport, recommendedQuery } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import { t } from '../i18n';

const DIAGNOSED = new Set<string>(['no-data', 'all-zero', 'raw-counter', 'analysis-error']);

/** Findings the diagnostics box says (with the query that fixes them): not repeated in the findings list. */
export const isDiagnosed = (f: { check: string }) => DIAGNOSED.has(f.check);

const getStyles = (theme: GrafanaTheme2) => ({
  query: css({
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  }),
  code: css({
    flex: 1,
    margin: 0,
    padding: theme.spacing(0.5, 1),
    background: theme.colors.background.canvas,
    borderRadius: theme.shape.radius.default,
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  }),
  causes: css({ margin: 0 }),
});

/** What is wrong with the data and the query that fixes it, adjusted to the labels found. */
export function Diagnostics({ report, format }: { report: HealthReport; format: Formatters }) {
  const styles = useStyles2(getStyles);
  const problems = report.findings.filter(isDiagnosed);
  if (problems.length === 0) {
    return null;
  }
  const query = recommendedQuery({ brokerLabel: report.data.brokerLabel, topicLabel: report.data.topicLabel });
  // NO DATA is a grey verdict: its explanation is information, not a red alarm beside it.
  const severity = report.verdict === 'nodata' ? 'info' : 'warning';
  return (
    <Alert
      severity={severity}
      title={
        problems[0].check === 'no-data'
          ? t('panel.diagnostics.no-data', 'No usable data')
          : t('panel.diagnostics.attention', 'The query needs attention')
      }
      bottomSpacing={0}
    >
      {problems.map((p) => (
        <p key={p.check} className={styles.causes}>
          {format.finding(p).message}
        </p>
      ))}
      <div className={styles.query}>
        <pre className={styles.code} aria-label={t('panel.diagnostics.query', 'Recommended query')}>
          {query}
        </pre>
        <ClipboardButton icon="copy" size="sm" variant="secondary" getText={() => query}>
          <Trans i18nKey="panel.diagnostics.copy">Copy</Trans>
        </ClipboardButton>
      </div>
    </Alert>
  );
}
