import type { GrafanaTheme2, IconName } from '@grafana/data';
import type { BrokerStatus, Severity, Verdict } from '../analysis';

export interface StatusLook {
  icon: IconName;
  text: string;
  color: (theme: GrafanaTheme2) => string;
}

/** Never colour alone: every state also has an icon and a word. */
export const VERDICT_LOOK: Record<Verdict, StatusLook> = {
  ok: { icon: 'check-circle', text: 'OK', color: (t) => t.colors.success.text },
  warning: { icon: 'exclamation-triangle', text: 'WARNING', color: (t) => t.colors.warning.text },
  critical: { icon: 'times-circle', text: 'CRITICAL', color: (t) => t.colors.error.text },
  nodata: { icon: 'question-circle', text: 'NO DATA', color: (t) => t.colors.text.secondary },
};

export const SEVERITY_LOOK: Record<Severity, StatusLook> = {
  critical: VERDICT_LOOK.critical,
  warning: VERDICT_LOOK.warning,
  info: { icon: 'info-circle', text: 'INFO', color: (t) => t.colors.info.text },
};

export const BROKER_STATUS_LOOK: Record<BrokerStatus, StatusLook> = {
  missing: { icon: 'times-circle', text: 'Missing', color: (t) => t.colors.error.text },
  stalled: { icon: 'pause', text: 'Stalled', color: (t) => t.colors.error.text },
  overloaded: { icon: 'exclamation-triangle', text: 'Overloaded', color: (t) => t.colors.warning.text },
  hot: { icon: 'fire', text: 'Hot', color: (t) => t.colors.warning.text },
  idle: { icon: 'arrow-down', text: 'Idle', color: (t) => t.colors.warning.text },
  ok: { icon: 'check', text: 'OK', color: (t) => t.colors.success.text },
};

/** Worst first: the order of the default broker sort. */
export const BROKER_STATUS_RANK: Record<BrokerStatus, number> = {
  missing: 0,
  stalled: 1,
  overloaded: 2,
  hot: 3,
  idle: 4,
  ok: 5,
};
