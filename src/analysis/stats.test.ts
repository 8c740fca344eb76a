import fc from 'fast-check';
import { median, medianOfFinite, robustSigma } from './stats';

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

describe('medianOfFinite', () => {
  it('is the median of the finite values in the window, NaN when there is none (property)', () => {
    const value = fc.oneof(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), fc.constantFrom(NaN, Infinity, -Infinity));
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 40 }),
        fc.integer({ min: -5, max: 45 }),
        fc.integer({ min: -5, max: 45 }),
        (xs, from, to) => {
          const inWindow = xs.slice(Math.max(0, from), Math.max(0, to)).filter(Number.isFinite);
          const values = Float64Array.from(xs);
          const expected = inWindow.length ? median(inWindow) : NaN;
          expect(medianOfFinite(values, from, to)).toBe(expected);
          expect(Array.from(values)).toEqual(xs);
        }
      ),
      { numRuns: 1000 }
    );
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
