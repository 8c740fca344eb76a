import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { numericCell, tableBase } from './table.styles';

export const getBrokerTableStyles = (theme: GrafanaTheme2) => ({
  table: tableBase(theme),
  alarm: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightMedium }),
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
  highlighted: css({ background: theme.colors.action.selected }),
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
  status: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5), whiteSpace: 'nowrap' }),
});
