import fc from 'fast-check';
import { median } from './stats';

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
