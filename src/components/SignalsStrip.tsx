import React from 'react';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';
import type { CheckId, HealthReport } from '../analysis';
import type { Formatters } from '../hooks/useFormatters';
import { SEVERITY_LOOK } from './status';
import { getSignalsStripStyles } from './SignalsStrip.styles';
import { t } from '../i18n';

interface Item {
  label: string;
  value: number | undefined;
  check: CheckId;
}

/** Replication and controller state under the verdict, when the panel has those queries. */
export function SignalsStrip({ report, format }: { report: HealthReport; format: Formatters }) {
  const styles = useStyles2(getSignalsStripStyles);
  const theme = useTheme2();
  const { signals } = report;
  const items: Item[] = [
    {
      label: t('panel.signals.under-replicated', 'Under-replicated partitions'),
      value: signals.underReplicated,
      check: 'under-replicated' as const,
    },
    {
      label: t('panel.signals.under-min-isr', 'Under min ISR'),
      value: signals.underMinIsr,
      check: 'under-min-isr' as const,
    },
    {
      label: t('panel.signals.isr-shrinks', 'ISR shrinks'),
      value: signals.isrShrinks,
      check: 'isr-churn' as const,
    },
    {
      label: t('panel.signals.offline-log-dirs', 'Offline log dirs'),
      value: signals.offlineLogDirs,
      check: 'offline-log-dirs' as const,
    },
    {
      label: t('panel.signals.offline', 'Offline partitions'),
      value: signals.offlinePartitions,
      check: 'offline-partitions' as const,
    },
    {
      label: t('panel.signals.unclean-elections', 'Unclean elections'),
      value: signals.uncleanElections,
      check: 'unclean-election' as const,
    },
    {
      label: t('panel.signals.preferred-imbalance', 'Not on preferred leader'),
      value: signals.preferredReplicaImbalance,
      check: 'preferred-leader-imbalance' as const,
    },
    {
      label: t('panel.signals.controllers', 'Active controllers'),
      value: signals.activeControllers,
      check: 'active-controllers' as const,
    },
  ].filter((i) => i.value !== undefined);
  if (items.length === 0) {
    return null;
  }
  return (
    <dl className={styles.strip} aria-label={t('panel.signals.label', 'Replication and controller')}>
      {items.map((i) => {
        const worst = report.findings.find((f) => f.check === i.check);
        const look = worst ? SEVERITY_LOOK[worst.severity] : undefined;
        return (
          <div key={i.check} className={styles.item}>
            <dt className={styles.label}>{i.label}</dt>
            <dd className={styles.value} style={look ? { color: look.color(theme) } : undefined}>
              {look && <Icon name={look.icon} size="sm" aria-label={look.text()} />} {format.count(i.value)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
