import fc from 'fast-check';
import { compareNames } from './names';

const collator = new Intl.Collator('en', { numeric: true });

describe('compareNames', () => {
  it('orders names as the natural-order collator does (property)', () => {
    // Names as brokers, topics and groups come: a text, often the same one, then a number or more text.
    const text = fc.stringMatching(/^[a-zA-Z.:_-]{0,4}$/);
    const digits = fc.stringMatching(/^[0-9]{1,20}$/);
    const name = fc.oneof(
      fc.tuple(fc.constantFrom('kafka-', 'broker-', 'Kafka-', 'b', ''), digits).map(([t, d]) => t + d),
      fc.tuple(text, digits, text).map(([t, d, u]) => t + d + u),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 4 })
    );
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(Math.sign(compareNames(a, b))).toBe(Math.sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 }
    );
  });

  it('puts kafka-2 before kafka-10, and sorts a thousand brokers as the collator does', () => {
    expect(compareNames('kafka-2', 'kafka-10')).toBeLessThan(0);
    expect(compareNames('kafka-10', 'kafka-9')).toBeGreaterThan(0);
    expect(compareNames('kafka-010', 'kafka-9')).toBe(Math.sign(collator.compare('kafka-010', 'kafka-9')));
    const names = Array.from({ length: 1000 }, (_, i) => `broker-${(i * 7919) % 1000}`).sort();
    expect(names.slice().sort(compareNames)).toEqual(names.slice().sort(collator.compare));
  });
});
