import { compareLabels, comparePairs, labelPairs, mergeSeries, RawSeries } from './series';

/**
 * The series of one role, unique and sorted by identity, so that the order frames arrive in never
 * shows in the report. Identical series (the same query twice) are merged.
 */
export class SeriesSet {
  private readonly series: RawSeries[] = [];
  /** Every series so far sorts after the one before: unique and sorted as they came. */
  private ordered = true;

  add(s: RawSeries): void {
    const n = this.series.length;
    if (this.ordered && n > 0 && compareLabels(this.series[n - 1].labels, s.labels) >= 0) {
      this.ordered = false;
    }
    this.series.push(s);
  }

  sorted(): RawSeries[] {
    // Range results arrive sorted by labels (Prometheus sorts them): then there is nothing to do.
    if (this.ordered) {
      return this.series;
    }
    // Otherwise sort positions by label pairs read once per series (no key strings, no map),
    // and merge neighbours with equal labels. Merging is order-free, so ties need no rule.
    const pairs = this.series.map((s) => labelPairs(s.labels));
    const order = Array.from(pairs.keys()).sort((a, b) => comparePairs(pairs[a], pairs[b]));
    const out: RawSeries[] = [];
    for (let k = 0; k < order.length; k++) {
      const s = this.series[order[k]];
      if (k > 0 && comparePairs(pairs[order[k - 1]], pairs[order[k]]) === 0) {
        out[out.length - 1] = mergeSeries(out[out.length - 1], s);
      } else {
        out.push(s);
      }
    }
    return out;
  }
}
