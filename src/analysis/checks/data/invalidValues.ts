import { say } from '../../messages';
import { defineCheck } from '../check';
import { CheckResult, result, single } from '../context';

/** `invalid-values`: negative or absurd samples, said once; the model leaves them out of every figure. */
export const invalidValues = defineCheck({
  id: 'invalid-values',
  scope: 'data',
  summary: 'negative or absurd rates, left out of every figure',
  unit: 'count',
  roles: ['messagesIn'],
  thresholds: {},
  evaluate({ reading }): CheckResult {
    const { negativeSamples: negative, absurdSamples: absurd } = reading.prepared;
    if (negative === 0 && absurd === 0) {
      return result();
    }
    return single({
      check: 'invalid-values',
      severity: 'warning',
      ...say('invalid-values', { negative, absurd, query: reading.query }),
      value: negative + absurd,
    });
  },
});
