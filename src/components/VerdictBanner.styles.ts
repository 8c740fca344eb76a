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
    word: css({ color, fontWeight: theme.typography.fontWeightBold, letterSpacing: '0.04em', flexShrink: 0 }),
    reason: css({
      color: theme.colors.text.primary,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      minWidth: 0,
    }),
    tiny: css({
      flexDirection: 'column',
      justifyContent: 'center',
      height: '100%',
      textAlign: 'center',
      gap: theme.spacing(0.5),
    }),
    tinyReason: css({ whiteSpace: 'normal', fontSize: theme.typography.bodySmall.fontSize }),
  };
};
