import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const ROW_HEIGHT = 32;
export const COMPACT_ROW_HEIGHT = 24;

export const getTopicListStyles = (theme: GrafanaTheme2) => ({
  table: css({ fontSize: theme.typography.bodySmall.fontSize, width: '100%' }),
  row: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(80px, 2fr) 100px 60px minmax(80px, 3fr) 90px',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0, 1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    boxSizing: 'border-box',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: -2 },
  }),
  narrowRow: css({ gridTemplateColumns: 'minmax(60px, 1fr) 90px 70px' }),
  /** With the average message size column (bytes-in query per topic). */
  sizedRow: css({ gridTemplateColumns: 'minmax(80px, 2fr) 100px 60px 70px minmax(80px, 3fr) 90px' }),
  header: css({
    color: theme.colors.text.secondary,
    fontWeight: theme.typography.fontWeightMedium,
    height: ROW_HEIGHT,
  }),
  // On the selected background secondary text loses its contrast: the row reads in primary text.
  highlighted: css({
    background: theme.colors.action.selected,
    '& th, & td, & span, & [role=cell], & [role=rowheader]': { color: theme.colors.text.primary },
  }),
  numeric: css({ textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }),
  spread: css({ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }),
  spreadBar: css({
    display: 'flex',
    height: 6,
    borderRadius: theme.shape.radius.default,
    overflow: 'hidden',
    background: theme.colors.background.secondary,
  }),
  spreadText: css({
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
  skew: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.colors.warning.text,
    whiteSpace: 'nowrap',
  }),
  even: css({ color: theme.colors.text.secondary }),
  more: css({ color: theme.colors.text.secondary, padding: theme.spacing(0.5, 1) }),
});
