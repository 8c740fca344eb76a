import { useMemo } from 'react';
import { DataFrame, DataLink, Field, FieldType, getLinksSupplier, InterpolateFunction, LinkModel } from '@grafana/data';

export type NameLinks = (name: string) => LinkModel[];

/**
 * Data links of the panel's field config, resolved for one broker or topic name. Each name gets a
 * one-row frame whose field carries the name as value and as label, so links written with
 * `${__value.text}`, `${__field.labels.instance}` or `${__field.labels.topic}` all work.
 */
export function useNameLinks(
  links: DataLink[] | undefined,
  labelName: string | undefined,
  fallbackLabel: string,
  replaceVariables: InterpolateFunction
): NameLinks | undefined {
  return useMemo(() => {
    if (!links || links.length === 0) {
      return undefined;
    }
    const label = labelName || fallbackLabel;
    return (name: string) => {
      const field: Field = {
        name: label,
        type: FieldType.string,
        config: { links },
        values: [name],
        labels: { [label]: name },
        display: (v: unknown) => ({ text: String(v), numeric: NaN }),
      };
      const frame: DataFrame = { name: label, fields: [field], length: 1 };
      return getLinksSupplier(frame, field, {}, replaceVariables)({ valueRowIndex: 0 });
    };
  }, [links, labelName, fallbackLabel, replaceVariables]);
}
