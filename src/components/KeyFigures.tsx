import React from 'react';
import { useStyles2 } from '@grafana/ui';
import type { HealthReport } from '../analysis';
import { t, tx } from '../i18n';
import type { Formatters } from '../hooks/useFormatters';
import { getKeyFiguresStyles } from './KeyFigures.styles';
import { NONE } from './status';

interface Props {
  report: HealthReport;
  format: Formatters;
  /**
   * A narrow panel: the figures as one wrapped strip of label and value, without the minimum and
   * maximum broker (the broker table shows them), so the brokers stay in view.
   */
  compact?: boolean;
}

/** The figures a compact strip leaves out. */
const TILES_ONLY = new Set(['min', 'max']);

/** Cluster figures as a description list: each label names its value for screen readers. */
export function KeyFigures({ report, format, compact = false }: Props) {
  const styles = useStyles2(getKeyFiguresStyles);
  const c = report.cluster;
  const figures: Array<{ id: string; label: string; value: string; detail?: string }> = [
    { id: 'total', label: t('panel.figures.total', 'Cluster total'), value: format.rate(c.totalRate) },
    { id: 'average', label: t('panel.figures.average', 'Avg per broker'), value: format.rate(c.avgPerBroker) },
    {
      id: 'min',
      label: t('panel.figures.min', 'Min broker'),
      value: format.rate(c.minRate),
      detail: c.minBroker && format.name(c.minBroker),
    },
    {
      id: 'max',
      label: t('panel.figures.max', 'Max broker'),
      value: format.rate(c.maxRate),
      detail: c.maxBroker && format.name(c.maxBroker),
    },
    {
      id: 'imbalance',
      label: t('panel.figures.imbalance', 'Imbalance'),
      value: c.brokerCount >= 2 ? format.percent(c.imbalance) : NONE,
      detail:
        c.brokerCount >= 2
          ? t('panel.figures.imbalance-detail', 'max off the mean')
          : t('panel.figures.imbalance-needs', 'needs 2 brokers'),
    },
    {
      id: 'brokers',
      label: t('panel.figures.brokers', 'Brokers'),
      value: format.count(c.brokerCount),
      detail:
        c.brokersSeen > c.brokerCount
          ? tx('panel.figures.not-reporting', '{{count}} not reporting', { count: c.brokersSeen - c.brokerCount })
          : undefined,
    },
    { id: 'topics', label: t('panel.figures.topics', 'Topics'), value: format.count(c.topicCount) },
  ];
  if (compact) {
    return (
      <dl className={styles.strip} aria-label={t('panel.figures.label', 'Key figures')} data-testid="key-figures-strip">
        {figures
          .filter((f) => !TILES_ONLY.has(f.id))
          .map((f) => (
            <div key={f.id} className={styles.stripItem}>
              <dt className={styles.label}>{f.label}</dt>
              <dd className={styles.stripValue}>{f.value}</dd>
              {f.detail && f.id === 'brokers' && <dd className={styles.stripDetail}>({f.detail})</dd>}
            </div>
          ))}
      </dl>
    );
  }
  return (
    <dl className={styles.grid} aria-label={t('panel.figures.label', 'Key figures')}>
      {figures.map((f) => (
        <div key={f.id} className={styles.tile}>
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
