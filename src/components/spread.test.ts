import fc from 'fast-check';
import { spreadGradient } from './spread';

/** The bands a gradient draws: colour, start and end in percent. */
function bandsOf(gradient: string): Array<{ color: string; from: number; to: number }> {
  const inner = /^linear-gradient\(to right, (.*)\)$/.exec(gradient)![1];
  return inner.split(', ').map((stop) => {
    const [color, from, to] = stop.split(' ');
    return { color, from: parseFloat(from), to: parseFloat(to) };
  });
}

describe('spreadGradient', () => {
  it('one band per broker with traffic, each where the one before ends, the rest of the track clear', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        // Shares as a report gives them: of the topic's traffic, summing to at most 1.
        const shares = weights.map((w) => (total > 1 ? w / total : w));
        const colors = shares.map((_, i) => `#${(i + 1).toString(16).padStart(6, '0')}`);
        const gradient = spreadGradient(shares.map((share, i) => ({ share, color: colors[i] })));
        const drawn = shares.filter((s) => s > 0);
        if (drawn.length === 0) {
          expect(gradient).toBe('none');
          return;
        }
        const bands = bandsOf(gradient);
        const own = bands.filter((b) => b.color !== 'transparent');
        expect(own.map((b) => b.color)).toEqual(colors.filter((_, i) => shares[i] > 0));
        expect(bands[0].from).toBe(0);
        bands.forEach((b, i) => {
          expect(b.to).toBeGreaterThanOrEqual(b.from);
          if (i > 0) {
            expect(b.from).toBe(bands[i - 1].to);
          }
        });
        expect(bands[bands.length - 1].to).toBe(100);
        own.forEach((b, i) => expect(b.to - b.from).toBeCloseTo(drawn[i] * 100, 1));
      })
    );
  });

  it('an even spread over three brokers fills the bar in three equal bands', () => {
    const third = 1 / 3;
    expect(
      spreadGradient([
        { share: third, color: 'red' },
        { share: 0, color: 'grey' },
        { share: third, color: 'green' },
        { share: third, color: 'blue' },
      ])
    ).toBe('linear-gradient(to right, red 0.00% 33.33%, green 33.33% 66.67%, blue 66.67% 100.00%)');
  });
});
