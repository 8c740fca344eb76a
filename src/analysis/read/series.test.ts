import fc from 'fast-check';
import { newLabels } from './decodeFrame';
import { compareLabels, seriesKey } from './series';

/** Label sets with awkward text: NULs, U+0001, empty-looking and prototype names. */
const text = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('\u0000', '\u0000\u0001', 'a\u0000', 'a\u0000\u0000b', '\u0001', '__proto__', 'constructor', 'topic')
);
const labelSet = fc
  .dictionary(
    text,
    text.filter((v) => v !== ''),
    { maxKeys: 4 }
  )
  .map((d) => {
    const labels = newLabels();
    for (const k of Object.keys(d)) {
      labels[k] = d[k];
    }
    return labels;
  });

/** How Prometheus orders label sets (labels.Compare): pair by pair, name then value; the shorter set first. */
function prometheusCompare(a: Record<string, string>, b: Record<string, string>): number {
  const pa = Object.keys(a).sort();
  const pb = Object.keys(b).sort();
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) {
      return pa[i] < pb[i] ? -1 : 1;
    }
    if (a[pa[i]] !== b[pb[i]]) {
      return a[pa[i]] < b[pb[i]] ? -1 : 1;
    }
  }
  return pa.length - pb.length;
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('seriesKey', () => {
  it('equal keys exactly for equal label sets, whatever the text', () => {
    fc.assert(
      fc.property(labelSet, labelSet, (a, b) => {
        expect(seriesKey(a) === seriesKey(b)).toBe(prometheusCompare(a, b) === 0);
      }),
      { numRuns: 2000 }
    );
  });

  it('keys order as Prometheus orders series, so sorted results are recognised as sorted', () => {
    fc.assert(
      fc.property(labelSet, labelSet, (a, b) => {
        const ka = seriesKey(a);
        const kb = seriesKey(b);
        expect(sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(sign(prometheusCompare(a, b)));
      }),
      { numRuns: 2000 }
    );
  });

  it('compareLabels, which checks arrival order without building keys, agrees with the keys', () => {
    fc.assert(
      fc.property(labelSet, labelSet, (a, b) => {
        const ka = seriesKey(a);
        const kb = seriesKey(b);
        expect(sign(compareLabels(a, b))).toBe(sign(ka < kb ? -1 : ka > kb ? 1 : 0));
      }),
      { numRuns: 2000 }
    );
  });

  it('label order in the object does not matter', () => {
    const a = newLabels();
    a.topic = 't';
    a.instance = 'b1';
    const b = newLabels();
    b.instance = 'b1';
    b.topic = 't';
    expect(seriesKey(a)).toBe(seriesKey(b));
  });
});
