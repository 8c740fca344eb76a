import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initPluginTranslations } from '@grafana/i18n';
import { PLUGIN_ID, tx } from './i18n';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'en-US',
    fallbackLng: false,
    resources: {
      'en-US': {
        [PLUGIN_ID]: {
          test: {
            pair: '{{broker}} carries {{share}}',
            brokers_one: '{{count}} broker',
            brokers_other: '{{count}} brokers',
          },
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
