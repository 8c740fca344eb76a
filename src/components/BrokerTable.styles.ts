import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { numericCell, tableBase } from './table.styles';

/** Row heights when the rows are windowed (each row must be exactly this tall). */
export const BROKER_ROW_HEIGHT = 32;
export const COMPACT_BROKER_ROW_HEIGHT = 24;

export const getBrokerTableStyles = (theme: GrafanaTheme2) => ({
  scroller: css({ overflowY: 'auto', position: 'relative' }),
  // Windowed rows keep one line each and the header stays in view while they scroll.
  windowed: css({
    thead: { position: 'sticky', top: 0, zIndex: 1 },
    // Sticky table headers paint their cells, not the row: each cell gets the panel's background.
    'thead th': { background: theme.colors.background.primary, boxShadow: `0 1px 0 ${theme.colors.border.weak}` },
    'tbody th, tbody td': { whiteSpace: 'nowrap', textOverflow: 'ellipsis', paddingTop: 0, paddingBottom: 0 },
  }),
  spacer: css({ td: { padding: 0, border: 'none' } }),
  table: tableBase(theme),
  alarm: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightMedium }),
  alarmCritical: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  compact: css({ 'th, td': { padding: theme.spacing(0.25, 0.5) } }),
  numeric: numericCell,
  sortButton: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  row: css({
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: -2 },
  }),
  // On the selected background secondary text loses its contrast: the row reads in primary text.
  highlighted: css({
    background: theme.colors.action.selected,
    '& th, & td, & span, & [role=cell], & [role=rowheader]': { color: theme.colors.text.primary },
  }),
  bar: css({
    position: 'relative',
    height: 8,
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
  }),
  barFill: css({
    position: 'absolute',
    left: 0,
    top: 0,
    bottom: 0,
    background: theme.colors.primary.main,
    borderRadius: theme.shape.radius.default,
  }),
  meanMarker: css({ position: 'absolute', top: -2, bottom: -2, width: 2, background: theme.colors.text.primary }),
  shareText: css({ color: theme.colors.text.secondary }),
  downSince: css({
    color: theme.colors.error.text,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
  status: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5), whiteSpace: 'nowrap' }),
});
