import fc from 'fast-check';
import { ALL_DECLARATIONS } from '../analysis';
import { DEFAULT_OPTIONS } from './defaults';
import { readFieldConfig, readPanelOptions } from './read';

describe('reading saved options by type', () => {
  it('takes strings that spell booleans and numbers, and defaults what is not one', () => {
    const o = readPanelOptions({
      display: { showFindings: 'false', showTopics: 'TRUE', compact: 1, topTopics: 'abc', brokerSort: 'loudest' },
      labels: { broker: null, topic: '  ', rateReducer: 'median', roles: { A: 'bytesIn', B: 'nonsense' }, cluster: 7 },
      thresholds: { spikeFactor: '4', imbalance: { warning: '0.3', critical: 'high' }, drop: null, minRate: [] },
    });
    expect(o.display).toMatchObject({
      showFindings: false,
      showTopics: true,
      compact: true,
      topTopics: DEFAULT_OPTIONS.display.topTopics,
      brokerSort: DEFAULT_OPTIONS.display.brokerSort,
    });
    expect(o.labels).toEqual({ ...DEFAULT_OPTIONS.labels, roles: { A: 'bytesIn' } });
    expect(o.thresholds.spikeFactor).toBe(4);
    expect(o.thresholds.imbalance).toEqual({ warning: 0.3, critical: DEFAULT_OPTIONS.thresholds.imbalance.critical });
    expect(o.thresholds.drop).toEqual(DEFAULT_OPTIONS.thresholds.drop);
    expect(o.thresholds.minRate).toBe(DEFAULT_OPTIONS.thresholds.minRate);
  });

  it('bounds the topic count', () => {
    expect(readPanelOptions({ display: { topTopics: '15' } }).display.topTopics).toBe(15);
    expect(readPanelOptions({ display: { topTopics: -3 } }).display.topTopics).toBe(1);
    expect(readPanelOptions({ display: { topTopics: 1e9 } }).display.topTopics).toBe(10_000);
    expect(readPanelOptions({ display: { topTopics: 2.6 } }).display.topTopics).toBe(3);
  });

  it('keeps a pair in the wrong order as saved, so the editor can say what is wrong with it', () => {
    expect(
      readPanelOptions({ thresholds: { imbalance: { warning: 0.9, critical: 0.2 } } }).thresholds.imbalance
    ).toEqual({ warning: 0.9, critical: 0.2 });
  });

  it('never throws, and every value has its declared type, whatever is saved', () => {
    const anything = fc.anything({ withNullPrototype: true, withBoxedValues: true, withObjectString: true });
    const shaped = fc.record({
      version: anything,
      thresholds: fc.oneof(anything, fc.dictionary(fc.constantFrom(...ALL_DECLARATIONS.map(([k]) => k)), anything)),
      labels: fc.oneof(
        anything,
        fc.dictionary(fc.constantFrom('broker', 'topic', 'metricName', 'rateReducer', 'roles', 'cluster'), anything)
      ),
      display: fc.oneof(anything, fc.dictionary(fc.constantFrom(...Object.keys(DEFAULT_OPTIONS.display)), anything)),
    });
    fc.assert(
      fc.property(fc.oneof(anything, shaped), (saved) => {
        const o = readPanelOptions(saved);
        for (const [key, value] of Object.entries(o.display)) {
          expect(typeof value).toBe(typeof DEFAULT_OPTIONS.display[key as keyof typeof DEFAULT_OPTIONS.display]);
        }
        expect(Number.isInteger(o.display.topTopics) && o.display.topTopics >= 1).toBe(true);
        for (const [key, d] of ALL_DECLARATIONS) {
          const v = o.thresholds[key] as unknown;
          if (d.kind === 'single') {
            expect(Number.isFinite(v)).toBe(true);
          } else {
            const pair = v as { warning: number; critical: number };
            expect(Number.isFinite(pair.warning) && Number.isFinite(pair.critical)).toBe(true);
          }
        }
        for (const key of ['broker', 'topic', 'metricName', 'cluster'] as const) {
          expect(typeof o.labels[key]).toBe('string');
        }
      }),
      { numRuns: 300 }
    );
  });
});

describe('reading the field config', () => {
  it.each([
    ['links as an object', { defaults: { links: {} } }],
    ['a null link', { defaults: { links: [null] } }],
    ['a link without a URL', { defaults: { links: [{ title: 'x' }] } }],
    ['no defaults', {}],
    ['null', null],
  ])('%s: no links, no unit', (_, fieldConfig) => {
    expect(readFieldConfig(fieldConfig)).toEqual({ unit: undefined, decimals: undefined, links: [] });
  });

  it('keeps a usable unit, decimals and links', () => {
    const link = { title: 'Broker dashboard', url: '/d/broker?var-broker=${__value.text}' };
    expect(readFieldConfig({ defaults: { unit: 'short', decimals: '2', links: [link, 5] } })).toEqual({
      unit: 'short',
      decimals: 2,
      links: [link],
    });
  });
});
