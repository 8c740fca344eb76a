import React, { useId, useState } from 'react';
import { StandardEditorProps } from '@grafana/data';
import { Field, Input } from '@grafana/ui';
import { numberError } from '../validate';

type Props = StandardEditorProps<number, { unit?: string; step?: number; positive?: boolean }>;

const parse = (text: string) => (text.trim() === '' ? NaN : Number(text));

/** A non-negative number; anything else shows an inline error and is not applied. */
export function NumberEditor({ value, onChange, item }: Props) {
  const id = useId();
  // What the user typed, kept while it belongs to the saved value it was typed over; a change
  // from outside (reset, migration, another editor) shows the saved value again.
  const [draft, setDraft] = useState<{ text: string; over: number | undefined }>();
  const text = draft && draft.over === value ? draft.text : String(value ?? '');
  const positive = item.settings?.positive ?? false;
  const error = numberError(parse(text), positive);
  return (
    <Field invalid={!!error} error={error} htmlFor={id} noMargin>
      <Input
        id={id}
        type="number"
        min={0}
        step={item.settings?.step}
        value={text}
        invalid={!!error}
        suffix={item.settings?.unit}
        onChange={(e) => {
          const next = e.currentTarget.value;
          const n = parse(next);
          const valid = !numberError(n, positive);
          setDraft({ text: next, over: valid ? n : value });
          if (valid) {
            onChange(n);
          }
        }}
      />
    </Field>
  );
}
