import fc from 'fast-check';
import { newLabels } from './decodeFrame';
import { compareLabels, RawSeries, seriesKey } from './series';
import { DigitBuilder, packedRanks, rankOrder, readingOrder, SeriesSet } from './seriesSet';

function series(labels: Record<string, string>, time: number, value: number): RawSeries {
  const l = newLabels();
  for (const k of Object.keys(labels)) {
    l[k] = labels[k];
  }
  return {
    refId: 'A',
    labels: l,
    name: '',
    instant: false,
    times: Float64Array.of(time),
    values: Float64Array.of(value),
  };
}

/** The digits of these series' label sets, as a SeriesSet builds them. */
function labelDigits(series: readonly RawSeries[]) {
  const builder = new DigitBuilder();
  series.forEach((s) => builder.add(s.labels));
  return builder.finish();
}

const spec = fc.record({
  labels: fc.record({ instance: fc.constantFrom('b1', 'b2', 'b10'), topic: fc.constantFrom('t', 'u', 'a\u0000') }),
  time: fc.integer({ min: 0, max: 3 }),
  value: fc.integer({ min: 0, max: 100 }),
});

/** `capacity`: what the set is sized for (the frames of a read), more or fewer than the series. */
function read(
  specs: Array<{ labels: Record<string, string>; time: number; value: number }>,
  capacity = 0
): RawSeries[] {
  const set = new SeriesSet(capacity);
  for (const s of specs) {
    set.add(series(s.labels, s.time, s.value));
  }
  return set.sorted();
}

describe('SeriesSet', () => {
  it('gives unique series sorted by labels, the same for every arrival order', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 12 }), fc.func(fc.integer()), fc.nat(20), (specs, rank, capacity) => {
        const out = read(specs, capacity);
        for (let i = 1; i < out.length; i++) {
          expect(compareLabels(out[i - 1].labels, out[i].labels)).toBeLessThan(0);
        }
        const permuted = specs
          .map((s, i) => ({ s, k: rank(i) }))
          .sort((a, b) => a.k - b.k)
          .map(({ s }) => s);
        expect(read(permuted)).toEqual(out);
        expect(read(permuted, specs.length)).toEqual(out);
        // Every distinct label set is there once, with all the samples its copies carried.
        const distinct = new Set(specs.map((s) => JSON.stringify(s.labels)));
        expect(out).toHaveLength(distinct.size);
        const sampleTimes = (labels: Record<string, string>) =>
          new Set(specs.filter((s) => JSON.stringify(s.labels) === JSON.stringify(labels)).map((s) => s.time)).size;
        for (const s of out) {
          expect(s.times.length).toBe(sampleTimes({ instance: s.labels.instance, topic: s.labels.topic }));
        }
      }),
      { numRuns: 300 }
    );
  });

  it('orders label sets of any shape as their identity keys order, merging equal ones', () => {
    // Optional names, names out of order, values that are prefixes of others or hold NULs.
    const text = fc.constantFrom('', 'a', 'ab', 'a\u0000', 'a\u0000b', 'b', 'B', '\u0000', 'é');
    const labelSet = fc.dictionary(fc.constantFrom('__name__', 'instance', 'topic', 'a', 'z\u0000'), text, {
      maxKeys: 4,
    });
    fc.assert(
      // Sized or not: room made for the label sets to come, by the first one out of order, must
      // hold sets with more labels than it has too.
      fc.property(fc.array(labelSet, { maxLength: 15 }), fc.nat(20), (sets, capacity) => {
        const out = read(
          sets.map((labels, i) => ({ labels, time: i, value: i })),
          capacity
        );
        const keys = Array.from(new Set(sets.map((l) => seriesKey(series(l, 0, 0).labels)))).sort();
        expect(out.map((s) => seriesKey(s.labels))).toEqual(keys);
        // Copies of one label set are one series holding every copy's sample.
        for (const s of out) {
          const copies = sets.filter((l) => seriesKey(series(l, 0, 0).labels) === seriesKey(s.labels));
          expect(s.times.length).toBe(copies.length);
        }
      }),
      { numRuns: 500 }
    );
  });

  it('tells where the series it sorted were read: each position once, in the order first read', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 12 }), (specs) => {
        const set = new SeriesSet();
        const added = specs.map((s) => series(s.labels, s.time, s.value));
        added.forEach((s) => set.add(s));
        const out = set.sorted();
        const order = readingOrder(out);
        const cameSorted = added.every((s, i) => i === 0 || compareLabels(added[i - 1].labels, s.labels) < 0);
        if (cameSorted) {
          expect(order).toBeUndefined();
          return;
        }
        // The position of each distinct label set, in the order its first copy was added.
        const firstSeen: number[] = [];
        for (const s of added) {
          const at = out.findIndex((o) => seriesKey(o.labels) === seriesKey(s.labels));
          if (!firstSeen.includes(at)) {
            firstSeen.push(at);
          }
        }
        expect(Array.from(order!)).toEqual(firstSeen);
      }),
      { numRuns: 300 }
    );
  });

  it('hands back series that came sorted as they are', () => {
    const sorted = [series({ instance: 'b1', topic: 't' }, 0, 1), series({ instance: 'b10', topic: 't' }, 0, 2)];
    const set = new SeriesSet();
    sorted.forEach((s) => set.add(s));
    expect(set.sorted()[0]).toBe(sorted[0]);
    expect(set.sorted()[1]).toBe(sorted[1]);
  });

  it('sorts label sets too varied for packed keys, and hostile ones, by comparing digits', () => {
    // Ten labels with about 100 values each seen: 100^10 ranks cannot be exact integers in a double.
    const wide = fc.array(fc.array(fc.integer({ min: 0, max: 149 }), { minLength: 10, maxLength: 10 }), {
      minLength: 150,
      maxLength: 200,
    });
    fc.assert(
      fc.property(wide, (rows) => {
        const specs = rows.map((row, i) => ({
          labels: Object.fromEntries(row.map((v, k) => [`l${k}`, `v${v}`])),
          time: i,
          value: i,
        }));
        const raw = specs.map((x) => series(x.labels, x.time, x.value));
        expect(packedRanks(labelDigits(raw))).toBeUndefined();
        const keys = Array.from(new Set(raw.map((x) => seriesKey(x.labels)))).sort();
        expect(read(specs).map((x) => seriesKey(x.labels))).toEqual(keys);
      }),
      { numRuns: 20 }
    );
    // Label sets with more names than the insertion sort takes, names in any order.
    const hostile = fc.array(
      fc.shuffledSubarray(
        Array.from({ length: 90 }, (_, k) => k),
        { minLength: 65, maxLength: 90 }
      ),
      { minLength: 2, maxLength: 6 }
    );
    fc.assert(
      fc.property(hostile, fc.integer({ min: 0, max: 2 }), (sets, salt) => {
        const specs = sets.map((names, i) => ({
          labels: Object.fromEntries(names.map((k) => [`n${k}`, `${(k * (i + salt)) % 3}`])),
          time: i,
          value: i,
        }));
        const keys = Array.from(new Set(specs.map((x) => seriesKey(series(x.labels, 0, 0).labels)))).sort();
        expect(read(specs).map((x) => seriesKey(x.labels))).toEqual(keys);
      }),
      { numRuns: 50 }
    );
  });

  it('packs ranks for the usual shapes, in label order', () => {
    const raw = [
      series({ instance: 'b2', topic: 't' }, 0, 1),
      series({ instance: 'b1', topic: 'u' }, 0, 2),
      series({ instance: 'b1' }, 0, 3),
      series({ instance: 'b1', topic: 't' }, 0, 4),
    ];
    const packed = packedRanks(labelDigits(raw))!;
    expect(packed).toBeDefined();
    expect(Array.from(rankOrder(packed.ranks, packed.radix))).toEqual([2, 3, 1, 0]);
  });

  it('property: ranks are ordered as a stable sort orders them, few or many, up to 2^53', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom(7, 70_000, 5_000_000_000, Number.MAX_SAFE_INTEGER),
        fc.integer(),
        (n, radix, seed) => {
          let x = seed | 1;
          const ranks = Float64Array.from({ length: n }, () => {
            x = (Math.imul(x, 1103515245) + 12345) | 0;
            // Many ties among small ranks, and ranks spread over the whole range.
            return x & 1 ? (x >>> 1) % 5 : Math.floor(((x >>> 0) / 2 ** 32) * radix);
          });
          const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => ranks[a] - ranks[b] || a - b);
          expect(Array.from(rankOrder(ranks, radix))).toEqual(expected);
        }
      ),
      { numRuns: 60 }
    );
  });
});
