import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initPluginTranslations } from '@grafana/i18n';
import { checkLanguage, PLUGIN_ID, t, tx } from './i18n';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'en-US',
    fallbackLng: false,
    resources: {
      'en-US': {
        [PLUGIN_ID]: {
          panel: { language: 'en-US' },
          test: {
            pair: '{{broker}} carries {{share}}',
            brokers_one: '{{count}} broker',
            brokers_other: '{{count}} brokers',
            word: 'English',
          },
        },
      },
      'ko-KR': {
        [PLUGIN_ID]: {
          panel: { language: 'ko-KR' },
          test: { word: '한국어', brokers_other: '브로커 {{count}}개' },
        },
      },
    },
    returnEmptyString: false,
  });
  await initPluginTranslations(PLUGIN_ID);
});

describe('tx', () => {
  it('fills untrusted values in as they are: no HTML escaping, no placeholder inside a value filled again', () => {
    expect(tx('test.pair', 'unused default', { broker: '<kafka-1> & "co"', share: '{{broker}}' })).toBe(
      '<kafka-1> & "co" carries {{broker}}'
    );
  });

  it('picks the plural form by count', () => {
    expect(tx('test.brokers', '{{count}} brokers', { count: 1 })).toBe('1 broker');
    expect(tx('test.brokers', '{{count}} brokers', { count: 4 })).toBe('4 brokers');
  });

  it('falls back to the default words, filled in the same way, and leaves unknown placeholders', () => {
    expect(tx('test.absent', '{{a}} and {{b}}', { a: 'x<y' })).toBe('x<y and {{b}}');
  });
});

describe('remembered words', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en-US');
    i18next.addResource('en-US', PLUGIN_ID, 'test.word', 'English');
    checkLanguage();
  });

  it('are the translation, looked up again once the panel renders in another language', async () => {
    checkLanguage();
    expect(t('test.word', 'default')).toBe('English');
    await i18next.changeLanguage('ko-KR');
    // Within one render the words stay as they were looked up …
    expect(t('test.word', 'default')).toBe('English');
    // … and the next render (which checks the language first) reads the new language.
    checkLanguage();
    expect(t('test.word', 'default')).toBe('한국어');
    expect(tx('test.brokers', '{{count}} brokers', { count: 3 })).toBe('브로커 3개');
  });

  it('last from render to render while the language stays', () => {
    checkLanguage();
    expect(t('test.word', 'default')).toBe('English');
    // Changed under the panel's feet (no language switch): the words it knows are kept.
    i18next.addResource('en-US', PLUGIN_ID, 'test.word', 'British');
    checkLanguage();
    expect(t('test.word', 'default')).toBe('English');
  });

  it('keep each plural form apart', () => {
    checkLanguage();
    expect(tx('test.brokers', '{{count}} brokers', { count: 1 })).toBe('1 broker');
    expect(tx('test.brokers', '{{count}} brokers', { count: 2 })).toBe('2 brokers');
    expect(tx('test.brokers', '{{count}} brokers', { count: 1 })).toBe('1 broker');
  });
});
