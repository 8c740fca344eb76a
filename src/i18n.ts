/**
 * Translation helpers. Every string the panel shows goes through @grafana/i18n: `t()` with a key
 * and the English default, the words of en-US and ko-KR in src/locales (Grafana 12.1+ loads them
 * from plugin.json's `languages`; other locales fall back to English).
 */
import { t } from '@grafana/i18n';

/** plugin.json's id: the namespace of the plugin's translations. */
export const PLUGIN_ID = 'kafkalens-brokerhealth-panel';

/**
 * t() for text carrying untrusted values (broker, topic and cluster names). i18next escapes
 * interpolated values for HTML by default; React already escapes what it renders, so escaping
 * twice would show "&lt;" where a name has "<".
 */
export function tx(id: string, defaultMessage: string, values: Record<string, string | number>): string {
  return t(id, defaultMessage, { ...values, interpolation: { escapeValue: false } });
}
