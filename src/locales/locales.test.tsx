/**
 * The translations are complete and nothing bypasses them: the English file is what the source
 * says, Korean has every text with the same placeholders, and a pseudo-locale render of the panel
 * in every state shows no word that did not come through a translation.
 */
import React from 'react';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initPluginTranslations } from '@grafana/i18n';
import { dateTime } from '@grafana/data';
import { CHECKS } from '../analysis';
import { englishCatalog, placeholders, readLocale } from '../../scripts/i18n/catalog';
import { SCENARIOS } from '../../test/browser/host/scenarios';
import { panelProps } from '../testkit/panelProps';
import { HealthPanel } from '../components/HealthPanel';
import { PLUGIN_ID } from '../i18n';

const english = readLocale('en-US');
const korean = readLocale('ko-KR');

describe('the locale files', () => {
  it('en-US is exactly what the source says (npm run i18n:extract writes it)', () => {
    expect(english).toEqual(englishCatalog());
  });

  it('ko-KR translates every text, non-empty, with the same placeholders', () => {
    expect(Object.keys(korean).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      expect({ key, empty: korean[key].trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(korean[key]) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it('ko-KR is Korean: a text left as the English one holds no words to translate', () => {
    // Korean operators say URP as it is.
    const sameInKorean = new Set(['panel.brokers.urp']);
    const words = (s: string) => s.replace(/\{\{\w+\}\}/g, '').match(/[A-Za-z]{3,}/g) ?? [];
    const untranslated = Object.keys(english).filter(
      (key) => korean[key] === english[key] && words(english[key]).length > 0 && !sameInKorean.has(key)
    );
    expect(untranslated).toEqual([]);
  });
});

/** Every text wrapped, so that anything unwrapped on screen bypassed the translations. */
const OPEN = '⟦';
const CLOSE = '⟧';

async function usePseudoLocale() {
  const wrapped = Object.fromEntries(Object.entries(english).map(([k, v]) => [k, `${OPEN}${v}${CLOSE}`]));
  const resources: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wrapped)) {
    const parts = key.split('.');
    let node = resources as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) {
      node = (node[part] ??= {}) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = value;
  }
  await i18next.use(initReactI18next).init({
    lng: 'pseudo',
    fallbackLng: false,
    resources: { pseudo: { [PLUGIN_ID]: resources } },
    returnEmptyString: false,
  });
  await initPluginTranslations(PLUGIN_ID);
}

/** Numbers with Grafana's units and symbols: data, not words. */
const FIGURE = /^[+\-−]?[\d.,]*\s*(?:[KMGT]|Mil|Bil)?\s*(?:%|×|msg\/s|[kKMGT]?B\/s|[kKMGT]?B|min|ms|s|h|\/s|–)?$/;

const SEPARATORS = /[\s,;()·:|]+/;

function untranslatedText(container: HTMLElement, data: Set<string>): string[] {
  const texts: string[] = [];
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A query or command shown as code is data.
    if (!node.parentElement?.closest('pre, code')) {
      texts.push(node.textContent ?? '');
    }
  }
  container.querySelectorAll('[aria-label], [title]').forEach((el) => {
    texts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
  });
  const joined = texts.join('\n');
  // Wrapped texts may hold data (names, figures): strip the wrapped parts, then judge what is left.
  const outside = joined.replace(/⟦[^⟦⟧]*⟧/g, ' ').replace(/⟦[^⟧]*⟧/g, ' ');
  return outside
    .split(SEPARATORS)
    .map((token) => token.trim())
    .filter((token) => /[A-Za-z가-힣]/.test(token) && !data.has(token) && !FIGURE.test(token));
}

describe('a pseudo-locale render', () => {
  beforeAll(usePseudoLocale);

  it.each(Object.keys(SCENARIOS))('%s: every word on screen came through a translation', (name) => {
    const scenario = SCENARIOS[name]();
    const from = dateTime(scenario.from);
    const to = dateTime(scenario.to);
    const props = panelProps({ frames: scenario.frames, width: 1600, height: 900 });
    const { container, unmount } = render(
      <HealthPanel
        {...props}
        timeRange={{ from, to, raw: { from, to } }}
        data={{ ...props.data, timeRange: { from, to, raw: { from, to } } }}
      />
    );
    // Names from the data and check ids are data, not words to translate.
    const data = new Set<string>(CHECKS.map((c) => c.id));
    for (const f of scenario.frames) {
      for (const field of f.fields) {
        for (const v of Object.values(field.labels ?? {})) {
          String(v)
            .split(SEPARATORS)
            .forEach((part) => data.add(part));
        }
      }
    }
    expect(container.textContent).toContain(OPEN);
    expect(untranslatedText(container, data)).toEqual([]);
    unmount();
  });
});
