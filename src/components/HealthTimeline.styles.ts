import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

/** Height of one row of the timeline (px). */
export const TIMELINE_ROW_HEIGHT = 18;

export const getHealthTimelineStyles = (theme: GrafanaTheme2) => ({
  rows: css({ display: 'flex', flexDirection: 'column', gap: 2, margin: 0, padding: 0, listStyle: 'none' }),
  row: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(56px, 110px) minmax(0, 1fr)',
    alignItems: 'center',
    columnGap: theme.spacing(1),
    height: TIMELINE_ROW_HEIGHT,
  }),
  name: css({
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  bar: css({
    position: 'relative',
    height: 12,
    width: '100%',
    padding: 0,
    border: 'none',
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    overflow: 'hidden',
    cursor: 'pointer',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 1 },
  }),
  staticBar: css({ cursor: 'default' }),
  segment: css({ position: 'absolute', top: 0, bottom: 0 }),
  axis: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(56px, 110px) minmax(0, 1fr)',
    columnGap: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
  axisTimes: css({ display: 'flex', justifyContent: 'space-between' }),
  legend: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
  swatch: css({
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: 2,
    marginRight: theme.spacing(0.5),
    verticalAlign: 'middle',
  }),
  more: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
});
