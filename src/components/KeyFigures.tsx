import React from 'react';
import { useStyles2 } from '@grafana/ui';
import type { HealthReport } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import { getKeyFiguresStyles } from './KeyFigures.styles';

interface Props {
  report: HealthReport;
  format: Formatters;
}

/** Cluster figures as a description list: each label names its value for screen readers. */
export function KeyFigures({ report, format }: Props) {
  const styles = useStyles2(getKeyFiguresStyles);
  const c = report.cluster;
  const figures: Array<{ label: string; value: string; detail?: string }> = [
    { label: 'Cluster total', value: format.rate(c.totalRate) },
    { label: 'Avg per broker', value: format.rate(c.avgPerBroker) },
    { label: 'Min broker', value: format.rate(c.minRate), detail: c.minBroker },
    { label: 'Max broker', value: format.rate(c.maxRate), detail: c.maxBroker },
    {
      label: 'Imbalance',
      value: c.brokerCount >= 2 ? format.percent(c.imbalance) : '–',
      detail: c.brokerCount >= 2 ? 'max off the mean' : 'needs 2 brokers',
    },
    {
      label: 'Brokers',
      value: String(c.brokerCount),
      detail: c.brokersSeen > c.brokerCount ? `${c.brokersSeen - c.brokerCount} not reporting` : undefined,
    },
    { label: 'Topics', value: String(c.topicCount) },
  ];
  return (
    <dl className={styles.grid} aria-label="Key figures">
      {figures.map((f) => (
        <div key={f.label} className={styles.tile}>
          <dt className={styles.label}>{f.label}</dt>
          <dd className={styles.value} title={f.value}>
            {f.value}
          </dd>
          {f.detail && (
            <dd className={styles.detail} title={f.detail}>
              {f.detail}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
