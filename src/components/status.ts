import type { GrafanaTheme2, IconName } from '@grafana/data';
import { STATUS_RANK, type BrokerStatus, type Severity, type Verdict } from '../analysis';
import { t } from '../i18n';

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
    text: () => t('panel.broker-status.missing', 'Down'),
    color: (th) => th.colors.error.text,
  },
  stalled: {
    icon: 'pause',
    text: () => t('panel.broker-status.stalled', 'Stalled'),
    color: (th) => th.colors.error.text,
  },
  slow: {
    icon: 'clock-nine',
    text: () => t('panel.broker-status.slow', 'Slow'),
    color: (th) => th.colors.warning.text,
  },
  'disk-full': {
    icon: 'database',
    text: () => t('panel.broker-status.disk-full', 'Disk full'),
    color: (th) => th.colors.error.text,
  },
  'log-dir-offline': {
    icon: 'database',
    text: () => t('panel.broker-status.log-dir-offline', 'Log dir offline'),
    color: (th) => th.colors.error.text,
  },
  overloaded: {
    icon: 'exclamation-triangle',
    text: () => t('panel.broker-status.overloaded', 'Overloaded'),
    color: (th) => th.colors.warning.text,
  },
  saturated: {
    icon: 'tachometer-fast',
    text: () => t('panel.broker-status.saturated', 'Saturated'),
    color: (th) => th.colors.warning.text,
  },
  'under-replicated': {
    icon: 'layers-slash',
    text: () => t('panel.broker-status.under-replicated', 'Under-replicated'),
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

/** Worst first: the order of the default broker sort (the core's order of statuses). */
export const BROKER_STATUS_RANK: Readonly<Record<BrokerStatus, number>> = STATUS_RANK;
