import React, { useMemo } from 'react';
import { DataFrame, SelectableValue, StandardEditorProps } from '@grafana/data';
import { Combobox, ComboboxOption, Field, Stack, Text } from '@grafana/ui';
import { METRIC_ROLES, MetricRole } from '../../analysis';

type Props = StandardEditorProps<Record<string, MetricRole>>;

export const ROLE_LABELS: Record<MetricRole, string> = {
  messagesIn: 'Messages in',
  bytesIn: 'Bytes in',
  bytesOut: 'Bytes out',
  requestHandlerIdle: 'Request-handler idle',
  underReplicated: 'Under-replicated partitions',
  offlinePartitions: 'Offline partitions',
  activeControllers: 'Active controllers',
  consumerLag: 'Consumer lag',
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
      { value: AUTO, label: 'Auto', description: 'From the metric name or the query text' },
      ...METRIC_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    ],
    []
  );
  if (refIds.length === 0) {
    return <Text color="secondary">{'Run the panel queries to map them to roles.'}</Text>;
  }
  return (
    <Stack direction="column" gap={1}>
      {refIds.map((refId) => (
        <Field key={refId} label={`Query ${refId}`} noMargin>
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
