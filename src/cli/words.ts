/**
 * The command line's words: the panel's own locale files (src/locales), English or Korean, and
 * the finding sentences filled the way the panel fills them (analysis/messages.ts), with the
 * core's plain-text number formats.
 */
import { effectsLine, fill, formatParams, plainFormat, templatesOf, type ParamFormatter } from '../analysis/messages';
import type { Finding } from '../analysis';
import english from '../locales/en-US/kafkalens-brokerhealth-panel.json';
import korean from '../locales/ko-KR/kafkalens-brokerhealth-panel.json';

export type Language = 'en' | 'ko';

const CATALOGS: Record<Language, unknown> = { en: english, ko: korean };

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node !== '' ? node : undefined;
}

export interface Words {
  /** A text of the locale files, English when the language lacks it. */
  text: (key: string, values?: Record<string, string | number>) => string;
  /** A finding's message and advice. */
  finding: (f: Finding) => { message: string; suggestion?: string };
  /** An incident's effects in one line. */
  effects: (effects: readonly Finding[]) => string;
}

/** Clock times in the machine's time zone (TZ), as the operator's other tools print them. */
const CLOCK = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** A moment (ms) as a clock time in the machine's time zone. */
export function clockTime(ms: number): string {
  return Number.isFinite(ms) ? CLOCK.format(ms) : 'n/a';
}

const cliFormat: ParamFormatter = (value, kind) =>
  kind === 'time' && typeof value === 'number' ? clockTime(value) : plainFormat(value, kind);

export function wordsFor(language: Language): Words {
  const catalog = CATALOGS[language];
  const text = (key: string, values: Record<string, string | number> = {}) => {
    const template = lookup(catalog, key) ?? lookup(english, key) ?? key;
    return fill(template, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
  };
  const finding = (f: Finding) => {
    const english = templatesOf(f.messageKey);
    if (!english) {
      return { message: f.message, suggestion: f.suggestion };
    }
    const values = formatParams(f.messageKey!, f.params ?? {}, cliFormat);
    const key = `findings.${f.messageKey}`;
    const message = fill(lookup(catalog, `${key}.message`) ?? english.message, values);
    const suggestion = english.suggestion && fill(lookup(catalog, `${key}.suggestion`) ?? english.suggestion, values);
    return {
      message: f.cluster ? text('panel.findings.in-cluster', { cluster: f.cluster, message }) : message,
      suggestion: suggestion || undefined,
    };
  };
  const effects = (list: readonly Finding[]) =>
    effectsLine(list, (key, english, values) => fill(lookup(catalog, key) ?? english, values));
  return { text, finding, effects };
}

/** --lang, or the locale the environment speaks (LC_ALL, LC_MESSAGES, LANG): Korean when it is ko. */
export function languageOf(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
  const chosen = flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^ko\b|^ko[-_]/i.test(chosen) ? 'ko' : 'en';
}
