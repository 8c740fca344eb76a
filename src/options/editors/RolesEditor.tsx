import React, { useMemo } from 'react';
import { DataFrame, SelectableValue, StandardEditorProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Combobox, ComboboxOption, Field, Stack, Text } from '@grafana/ui';
import { tx } from '../../i18n';
import { METRIC_ROLES, MetricRole } from '../../analysis';

type Props = StandardEditorProps<Record<string, MetricRole>>;

/** Each role's name in the user's language (read when drawn: translations load after the module). */
export const ROLE_LABELS: Record<MetricRole, () => string> = {
  messagesIn: () => t('options.roles.messagesIn', 'Messages in'),
  bytesIn: () => t('options.roles.bytesIn', 'Bytes in'),
  bytesOut: () => t('options.roles.bytesOut', 'Bytes out'),
  requestHandlerIdle: () => t('options.roles.requestHandlerIdle', 'Request-handler idle'),
  underReplicated: () => t('options.roles.underReplicated', 'Under-replicated partitions'),
  networkProcessorIdle: () => t('options.roles.networkProcessorIdle', 'Network-processor idle'),
  underMinIsr: () => t('options.roles.underMinIsr', 'Under-min-ISR partitions'),
  offlineLogDirs: () => t('options.roles.offlineLogDirs', 'Offline log directories'),
  offlinePartitions: () => t('options.roles.offlinePartitions', 'Offline partitions'),
  activeControllers: () => t('options.roles.activeControllers', 'Active controllers'),
  uncleanElections: () => t('options.roles.uncleanElections', 'Unclean leader elections'),
  isrShrinks: () => t('options.roles.isrShrinks', 'ISR shrinks'),
  isrExpands: () => t('options.roles.isrExpands', 'ISR expands'),
  requestLatency: () => t('options.roles.requestLatency', 'Request latency (p99)'),
  logSize: () => t('options.roles.logSize', 'Log size per broker'),
  diskUsage: () => t('options.roles.diskUsage', 'Disk usage (0–1)'),
  leaderCount: () => t('options.roles.leaderCount', 'Leaders per broker'),
  partitionCount: () => t('options.roles.partitionCount', 'Partitions per broker'),
  preferredReplicaImbalance: () => t('options.roles.preferredReplicaImbalance', 'Preferred-replica imbalance'),
  partitionOffsets: () => t('options.roles.partitionOffsets', 'Partition offsets (produce rate)'),
  consumerLag: () => t('options.roles.consumerLag', 'Consumer lag'),
};

const AUTO = 'auto';

/** The queries (refIds) present in the data, in order. */
export function refIdsIn(frames: DataFrame[] | undefined): string[] {
  return Array.from(
    new Set((frames ?? []).map((f) => f?.refId).filter((r): r is string => typeof r === 'string' && r !== ''))
  ).sort();
}

/**
 * One row per query of the panel: Auto (recognised by metric name or query text) or a role.
 * After `sum(rate(...))` Prometheus drops the metric name; this is how such a query gets its role.
 */
export function RolesEditor({ value, onChange, context }: Props) {
  const refIds = useMemo(
    () => Array.from(new Set([...refIdsIn(context.data), ...Object.keys(value ?? {})])).sort(),
    [context.data, value]
  );
  const options = useMemo<Array<ComboboxOption<string>>>(
    () => [
      {
        value: AUTO,
        label: t('options.roles.auto', 'Auto'),
        description: t('options.roles.auto-description', 'From the metric name or the query text'),
      },
      ...METRIC_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r]() })),
    ],
    []
  );
  if (refIds.length === 0) {
    return <Text color="secondary">{t('options.roles.empty', 'Run the panel queries to map them to roles.')}</Text>;
  }
  return (
    <Stack direction="column" gap={1}>
      {refIds.map((refId) => (
        <Field key={refId} label={tx('options.roles.query', 'Query {{refId}}', { refId })} noMargin>
          <Combobox
            options={options}
            value={value?.[refId] ?? AUTO}
            onChange={(option: SelectableValue<string> | null) => {
              const next = { ...value };
              if (!option?.value || option.value === AUTO) {
                delete next[refId];
              } else {
                next[refId] = option.value as MetricRole;
              }
              onChange(next);
            }}
          />
        </Field>
      ))}
    </Stack>
  );
}
