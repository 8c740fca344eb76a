import React, { useMemo } from 'react';
import { DataFrame, StandardEditorProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Combobox, ComboboxOption } from '@grafana/ui';

type Props = StandardEditorProps<string, { autoDescription: string; noneDescription?: string }>;

/**
 * Label names present on the series the panel received, for choosing the broker or topic label:
 * field labels (time series format) and string columns (table format).
 */
export function labelNamesIn(frames: DataFrame[] | undefined): string[] {
  const names = new Set<string>();
  for (const frame of frames ?? []) {
    for (const field of frame?.fields ?? []) {
      for (const key of Object.keys(field.labels ?? {})) {
        names.add(key);
      }
      if (field.type === 'string') {
        names.add(field.name);
      }
    }
  }
  names.delete('__name__');
  return Array.from(names).sort();
}

export function LabelEditor({ value, onChange, context, item }: Props) {
  const autoDescription = item.settings?.autoDescription;
  const noneDescription = item.settings?.noneDescription;
  const options = useMemo<Array<ComboboxOption<string>>>(
    () => [
      { value: 'auto', label: t('options.label-editor.auto', 'Auto'), description: autoDescription },
      // "None" where a label may be turned off (the cluster label: never split).
      ...(noneDescription
        ? [{ value: 'none', label: t('options.label-editor.none', 'None'), description: noneDescription }]
        : []),
      ...labelNamesIn(context.data).map((name) => ({ value: name, label: name })),
    ],
    [context.data, autoDescription, noneDescription]
  );
  return (
    <Combobox
      options={options}
      value={value || 'auto'}
      createCustomValue
      onChange={(option) => onChange(option?.value || 'auto')}
    />
  );
}
