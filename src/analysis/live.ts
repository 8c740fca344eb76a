import type { BrokerStat } from './types';

/** Taking traffic now: a missing or stalled broker has its own finding and is left out of balance and extremes. */
export const takesTraffic = (b: BrokerStat) => b.status !== 'missing' && b.status !== 'stalled';

/** The slowest and the busiest of the brokers taking traffic. */
export function rateExtremes(brokers: readonly BrokerStat[]): { min?: BrokerStat; max?: BrokerStat } {
  let min: BrokerStat | undefined;
  let max: BrokerStat | undefined;
  for (const b of brokers) {
    if (takesTraffic(b)) {
      min = !min || b.rate < min.rate ? b : min;
      max = !max || b.rate > max.rate ? b : max;
    }
  }
  return { min, max };
}
