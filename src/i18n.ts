/**
 * Translation helpers. Every string the panel shows goes through @grafana/i18n: `t()` with a key
 * and the English default, the words of en-US and ko-KR in src/locales (Grafana 12.1+ loads them
 * from plugin.json's `languages`; other locales fall back to English).
 */
import { t } from '@grafana/i18n';

/** plugin.json's id: the namespace of the plugin's translations. */
export const PLUGIN_ID = 'kafkalens-brokerhealth-panel';

/** `{{name}}` in a translation: every placeholder in the locale files has this simple form. */
const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * t() for text carrying untrusted values (broker, topic and cluster names), filled in without
 * HTML escaping: React already escapes what it renders, so escaping twice would show "&lt;" where
 * a name has "<".
 *
 * The values are filled in here rather than by i18next: turning its escaping off takes an
 * `interpolation` option, and i18next rebuilds its interpolator's regular expressions on every
 * call that passes one — hundreds of calls per render (each segment of a topic's spread bar has a
 * title) made that a third of a render. `count` still goes to t(), which picks the plural form by
 * it. One pass over the words: a value that itself looks like a placeholder stays as it is.
 */
export function tx(id: string, defaultMessage: string, values: Record<string, string | number>): string {
  const words =
    typeof values.count === 'number' ? t(id, defaultMessage, { count: values.count }) : t(id, defaultMessage);
  return fill(words, values);
}

/**
 * Fills the placeholders of words already translated. For text repeated many times in one render
 * (a title per segment of every topic's spread bar): translate once with t(), fill per use.
 */
export function fill(words: string, values: Record<string, string | number>): string {
  return words.replace(PLACEHOLDER, (whole: string, name: string) =>
    hasOwn.call(values, name) ? String(values[name]) : whole
  );
}
