import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

/** The look every table of the panel shares: compact rows, weak borders, secondary headers. */
export const tableBase = (theme: GrafanaTheme2) =>
  css({
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.5, 1),
      textAlign: 'left',
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      overflow: 'hidden',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium, whiteSpace: 'nowrap' },
  });

export const numericCell = css({
  textAlign: 'right !important' as 'right',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
});
