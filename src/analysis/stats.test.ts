import fc from 'fast-check';
import { median, robustSigma } from './stats';

describe('median', () => {
  it('is the middle of the sorted values (the mean of the two middles for an even count)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 80 }), (xs) => {
        const sorted = xs.slice().sort((a, b) => a - b);
        const n = sorted.length;
        const expected = n % 2 ? sorted[n >> 1] : (sorted[(n >> 1) - 1] + sorted[n >> 1]) / 2;
        // 0 and −0 are the same middle.
        expect(median(xs) + 0).toBe(expected + 0);
      }),
      { numRuns: 2000 }
    );
  });

  it('leaves its input as it was, and has no middle for no values', () => {
    const xs = [5, 1, 4, 2, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 4, 2, 3]);
    expect(median([])).toBeNaN();
  });
});

describe('robustSigma', () => {
  it('is 1.4826 × the median absolute deviation, whatever ran before it (the work space is reused)', () => {
    const values = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 600 });
    fc.assert(
      fc.property(values, values, (xs, before) => {
        median(before); // a longer or shorter run first leaves its values in the work space
        const sorted = (v: number[]) => v.slice().sort((a, b) => a - b);
        const middle = (v: number[]) => {
          const s = sorted(v);
          const n = s.length;
          return n % 2 ? s[n >> 1] : (s[(n >> 1) - 1] + s[n >> 1]) / 2;
        };
        const center = middle(xs);
        expect(robustSigma(xs)).toBeCloseTo(1.4826 * middle(xs.map((x) => Math.abs(x - center))), 9);
        expect(median(xs)).toBe(center);
      }),
      { numRuns: 500 }
    );
  });
});
