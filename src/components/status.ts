import type { GrafanaTheme2, IconName } from '@grafana/data';
import { t } from '@grafana/i18n';
import type { BrokerStatus, Severity, Verdict } from '../analysis';

/** Shown where there is no value. */
export const NONE = '–';

export interface StatusLook {
  icon: IconName;
  /** The word, in the user's language (read when drawn: translations load after the module). */
  text: () => string;
  color: (theme: GrafanaTheme2) => string;
}

/** Never colour alone: every state also has an icon and a word. */
export const VERDICT_LOOK: Record<Verdict, StatusLook> = {
  ok: { icon: 'check-circle', text: () => t('panel.verdict.ok', 'OK'), color: (th) => th.colors.success.text },
  warning: {
    icon: 'exclamation-triangle',
    text: () => t('panel.verdict.warning', 'WARNING'),
    color: (th) => th.colors.warning.text,
  },
  critical: {
    icon: 'times-circle',
    text: () => t('panel.verdict.critical', 'CRITICAL'),
    color: (th) => th.colors.error.text,
  },
  nodata: {
    icon: 'question-circle',
    text: () => t('panel.verdict.nodata', 'NO DATA'),
    color: (th) => th.colors.text.secondary,
  },
};

export const SEVERITY_LOOK: Record<Severity, StatusLook> = {
  critical: VERDICT_LOOK.critical,
  warning: VERDICT_LOOK.warning,
  info: { icon: 'info-circle', text: () => t('panel.severity.info', 'INFO'), color: (th) => th.colors.info.text },
};

export const BROKER_STATUS_LOOK: Record<BrokerStatus, StatusLook> = {
  missing: {
    icon: 'times-circle',
    text: () => t('panel.broker-status.missing', 'Missing'),
    color: (th) => th.colors.error.text,
  },
  stalled: {
    icon: 'pause',
    text: () => t('panel.broker-status.stalled', 'Stalled'),
    color: (th) => th.colors.error.text,
  },
  overloaded: {
    icon: 'exclamation-triangle',
    text: () => t('panel.broker-status.overloaded', 'Overloaded'),
    color: (th) => th.colors.warning.text,
  },
  hot: { icon: 'fire', text: () => t('panel.broker-status.hot', 'Hot'), color: (th) => th.colors.warning.text },
  idle: {
    icon: 'arrow-down',
    text: () => t('panel.broker-status.idle', 'Idle'),
    color: (th) => th.colors.warning.text,
  },
  ok: { icon: 'check', text: () => t('panel.broker-status.ok', 'OK'), color: (th) => th.colors.success.text },
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
