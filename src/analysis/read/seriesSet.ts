import { compareLabels, mergeSeries, RawSeries, seriesKey } from './series';

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
    // Otherwise merge equal series by identity key and sort the keys. The default sort compares
    // strings by UTF-16 code units, as < does, and runs much faster than a comparator.
    const byKey = new Map<string, RawSeries>();
    for (const s of this.series) {
      const key = seriesKey(s.labels);
      const seen = byKey.get(key);
      byKey.set(key, seen ? mergeSeries(seen, s) : s);
    }
    return Array.from(byKey.keys())
      .sort()
      .map((key) => byKey.get(key)!);
  }
}
