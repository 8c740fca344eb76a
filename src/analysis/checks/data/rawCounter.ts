import { say } from '../../messages';
import { defineCheck } from '../check';
import { CheckResult, result, single } from '../context';

/** `raw-counter`: cumulative counts where rates belong; rates derived from the samples where possible. */
export const rawCounter = defineCheck({
  id: 'raw-counter',
  scope: 'data',
  summary: 'cumulative counts instead of rates',
  roles: [],
  thresholds: {},
  evaluate({ reading, messages }): CheckResult {
    const { prepared, query } = reading;
    const count = prepared.counterCount;
    if (count === 0) {
      return result();
    }
    const derived = count - prepared.unusableCounterCount;
    // Without brokers there is no axis: whatever was read came from an instant query.
    const kind = messages?.axis.kind ?? 'instant';
    return single({
      check: 'raw-counter',
      severity: 'warning',
      ...(derived > 0
        ? say(kind === 'range' ? 'raw-counter.derived' : 'raw-counter.derived-instant', { count, query })
        : say('raw-counter.instant', { count, query })),
      value: count,
    });
  },
});
