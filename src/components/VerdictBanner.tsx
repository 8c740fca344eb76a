import React from 'react';
import { cx } from '@emotion/css';
import { Icon, useStyles2 } from '@grafana/ui';
import type { HealthReport } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import { t, tx } from '../i18n';
import { VERDICT_LOOK } from './status';
import { isDiagnosed } from './Diagnostics';
import { getVerdictBannerStyles } from './VerdictBanner.styles';

interface Props {
  report: HealthReport;
  format: Formatters;
  /** The whole panel is this banner (a small grid cell). */
  tiny?: boolean;
  /** One cluster's banner, when the data holds several: its name leads. */
  cluster?: string;
}

/**
 * The banner's reason: the first warning or critical finding (or the NO DATA one). Under a full
 * panel the diagnostics box explains a query problem with the query to use: the banner points
 * there; a small cell has only the banner, which keeps the whole reason.
 */
function reasonOf(report: HealthReport, format: Formatters, tiny: boolean): string {
  // Incidents come worst first: the first one's cause is the reason, not one of its effects.
  const first = report.incidents.find((i) => i.severity !== 'info')?.cause;
  const top = first ?? (report.verdict === 'nodata' ? report.findings[0] : undefined);
  if (!tiny && report.verdict === 'nodata') {
    return t(
      'panel.verdict.nodata-reason',
      'Nothing the panel can judge: what the queries returned, and the query to use, are below.'
    );
  }
  if (!tiny && top && isDiagnosed(top)) {
    return t(
      'panel.verdict.see-diagnostics',
      'The query needs attention: what is wrong, and the query to use, are below.'
    );
  }
  if (top) {
    return format.finding(top).message;
  }
  return report.verdict === 'ok'
    ? tx('panel.verdict.no-problems', '{{count}} brokers, no problems found', { count: report.cluster.brokerCount })
    : '';
}

/** The verdict with icon, word and top reason. The first warning or critical finding is the reason. */
export function VerdictBanner({ report, format, tiny, cluster }: Props) {
  const styles = useStyles2(getVerdictBannerStyles, report.verdict);
  const look = VERDICT_LOOK[report.verdict];
  const reason = reasonOf(report, format, !!tiny);
  const word = look.text();
  return (
    <div
      className={cx(styles.banner, tiny && styles.tiny)}
      role="status"
      aria-label={
        cluster
          ? tx('panel.verdict.cluster-label', 'Cluster {{cluster}} health: {{verdict}}', { cluster, verdict: word })
          : tx('panel.verdict.label', 'Cluster health: {{verdict}}', { verdict: word })
      }
      data-testid={cluster ? 'cluster-verdict' : 'verdict'}
    >
      {cluster && <span className={styles.cluster}>{cluster}</span>}
      <Icon
        name={look.icon}
        size={tiny ? 'xxl' : 'lg'}
        className={cx(styles.icon, tiny && styles.tinyIcon)}
        aria-hidden
      />
      <span className={cx(styles.word, tiny && styles.tinyWord)}>{word}</span>
      {reason && (
        <span className={cx(styles.reason, tiny && styles.tinyReason)} title={reason}>
          {reason}
        </span>
      )}
    </div>
  );
}
