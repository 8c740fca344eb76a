import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const getSignalsStripStyles = (theme: GrafanaTheme2) => ({
  strip: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    padding: theme.spacing(0.5, 1),
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  item: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), minWidth: 0 }),
  label: css({ color: theme.colors.text.secondary, margin: 0 }),
  value: css({ margin: 0, fontWeight: theme.typography.fontWeightMedium, fontVariantNumeric: 'tabular-nums' }),
});
