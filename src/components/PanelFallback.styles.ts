import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const getPanelFallbackStyles = (theme: GrafanaTheme2) => ({
  root: css({ height: '100%', overflow: 'auto', padding: theme.spacing(1) }),
  verdict: css({ fontWeight: theme.typography.fontWeightMedium, margin: theme.spacing(0, 0, 0.5) }),
  findings: css({ margin: 0, paddingLeft: theme.spacing(2), color: theme.colors.text.secondary }),
});
