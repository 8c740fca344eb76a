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
      ...(negative > 0 && absurd > 0
        ? say('invalid-values.both', { negative, absurd, query: reading.query })
        : negative > 0
          ? say('invalid-values.negative', { negative, query: reading.query })
          : say('invalid-values.absurd', { absurd, query: reading.query })),
      value: negative + absurd,
    });
  },
});
