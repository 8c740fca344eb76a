import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import type { Verdict } from '../analysis';
import { VERDICT_LOOK } from './status';

export const getVerdictBannerStyles = (theme: GrafanaTheme2, verdict: Verdict) => {
  const color = VERDICT_LOOK[verdict].color(theme);
  return {
    banner: css({
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
      padding: theme.spacing(0.75, 1),
      borderLeft: `4px solid ${color}`,
      background: theme.colors.background.secondary,
      borderRadius: theme.shape.radius.default,
      minWidth: 0,
    }),
    icon: css({ color, flexShrink: 0 }),
    cluster: css({ fontWeight: theme.typography.fontWeightMedium, flexShrink: 0 }),
    word: css({ color, fontWeight: theme.typography.fontWeightBold, letterSpacing: '0.04em', flexShrink: 0 }),
    // Two lines before it is cut: the subject and the key fact of a reason come first, and fit.
    reason: css({
      color: theme.colors.text.primary,
      overflow: 'hidden',
      minWidth: 0,
      display: '-webkit-box',
      WebkitLineClamp: 2,
      WebkitBoxOrient: 'vertical',
      overflowWrap: 'anywhere',
    }),
    // A small grid cell: icon beside the word, the reason under it in at most two lines.
    tiny: css({
      display: 'grid',
      gridTemplateColumns: 'auto minmax(0, 1fr)',
      alignContent: 'center',
      alignItems: 'center',
      columnGap: theme.spacing(1),
      rowGap: theme.spacing(0.25),
      height: '100%',
    }),
    tinyIcon: css({ gridRow: 'span 2' }),
    tinyWord: css({ fontSize: theme.typography.h4.fontSize }),
    tinyReason: css({
      whiteSpace: 'normal',
      fontSize: theme.typography.bodySmall.fontSize,
      display: '-webkit-box',
      WebkitLineClamp: 2,
      WebkitBoxOrient: 'vertical',
    }),
  };
};
