/**
 * Translation helpers. Every string the panel shows goes through @grafana/i18n: `t()` with a key
 * and the English default, the words of en-US and ko-KR in src/locales (Grafana 12.1+ loads them
 * from plugin.json's `languages`; other locales fall back to English).
 */
import { t as translate } from '@grafana/i18n';

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
  if (typeof values.count !== 'number') {
    return fill(t(id, defaultMessage), values);
  }
  // The plural form depends on the count: remembered per count.
  const key = `${id}\u0000${values.count}`;
  let words = remembered.get(key);
  if (words === undefined) {
    words = translate(id, defaultMessage, { count: values.count });
    remember(key, words);
  }
  return fill(words, values);
}

/**
 * The words of each text, remembered while the language stays the same. i18next resolves a key
 * anew on every call — namespaces, fallbacks, plural rules — and a render asks for the same few
 * dozen texts hundreds of times (a title in every row): at 6 brokers that was a fifth of a render,
 * and looking each text up once per render still cost a tenth of mounting the panel.
 */
const remembered = new Map<string, string>();
/** A bound, in case something renders the parts without the panel for a long time. */
const MAX_REMEMBERED = 5000;
/** The locale the remembered words are in (each locale file names its own: `panel.language`). */
let wordsLanguage: string | undefined;

function remember(key: string, words: string): void {
  if (remembered.size >= MAX_REMEMBERED) {
    remembered.clear();
  }
  remembered.set(key, words);
}

/**
 * Called by the panel as it starts to render: one lookup says which locale the words come from,
 * and the remembered words are dropped when it is another (a language switch never shows stale
 * words; Grafana reloads the page for one anyway). Within a render the language cannot change.
 */
export function checkLanguage(): void {
  const language = translate('panel.language', 'en-US');
  if (language !== wordsLanguage) {
    remembered.clear();
    wordsLanguage = language;
  }
}

/** @grafana/i18n's t() for a text without values, remembered (see `remembered`). */
export function t(id: string, defaultMessage: string): string {
  let words = remembered.get(id);
  if (words === undefined) {
    words = translate(id, defaultMessage);
    remember(id, words);
  }
  return words;
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
