import React, { useId, useState } from 'react';
import { t } from '@grafana/i18n';
import { StandardEditorProps } from '@grafana/data';
import { Field, FieldValidationMessage, Input, Stack } from '@grafana/ui';
import type { LevelThresholds } from '../../analysis';
import { LevelKind, levelsError } from '../validate';

export interface LevelsEditorSettings {
  kind: LevelKind;
  /** Suffix shown after the inputs, e.g. "msg/s" or "×". */
  unit?: string;
  step?: number;
}

type Props = StandardEditorProps<LevelThresholds, LevelsEditorSettings>;

const toText = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : String(v));

/**
 * Warning and critical levels of one check. A pair in the wrong order, or a negative level,
 * shows an inline error and is not applied: the last valid pair stays in force.
 */
export function LevelsEditor({ value, onChange, item }: Props) {
  const settings = item.settings ?? { kind: 'ceiling' };
  const id = useId();
  // The texts typed, kept while they belong to the saved pair they were typed over; a change
  // from outside (reset, migration) shows the saved pair again.
  const saved = `${value?.warning}|${value?.critical}`;
  const [draft, setDraft] = useState<{ warning: string; critical: string; over: string }>();
  const current =
    draft && draft.over === saved ? draft : { warning: toText(value?.warning), critical: toText(value?.critical) };
  const { warning, critical } = current;

  const candidate = {
    warning: warning.trim() === '' ? NaN : Number(warning),
    critical: critical.trim() === '' ? NaN : Number(critical),
  };
  const error = levelsError(candidate, settings.kind);

  const commit = (next: { warning: string; critical: string }) => {
    const parsed = { warning: Number(next.warning), critical: Number(next.critical) };
    const valid = next.warning.trim() !== '' && next.critical.trim() !== '' && !levelsError(parsed, settings.kind);
    setDraft({ ...next, over: valid ? `${parsed.warning}|${parsed.critical}` : saved });
    if (valid) {
      onChange(parsed);
    }
  };

  return (
    <div>
      <Stack direction="row" gap={1}>
        <Field label={t('options.levels.warning', 'Warning')} htmlFor={`${id}-warning`} noMargin>
          <Input
            id={`${id}-warning`}
            type="number"
            min={0}
            step={settings.step}
            value={warning}
            invalid={!!error}
            suffix={settings.unit}
            onChange={(e) => {
              commit({ warning: e.currentTarget.value, critical });
            }}
          />
        </Field>
        <Field label={t('options.levels.critical', 'Critical')} htmlFor={`${id}-critical`} noMargin>
          <Input
            id={`${id}-critical`}
            type="number"
            min={0}
            step={settings.step}
            value={critical}
            invalid={!!error}
            suffix={settings.unit}
            onChange={(e) => {
              commit({ warning, critical: e.currentTarget.value });
            }}
          />
        </Field>
      </Stack>
      {error && <FieldValidationMessage>{error}</FieldValidationMessage>}
    </div>
  );
}
