import { defineCheck } from '../check';
import { CheckResult, result } from '../context';

/**
 * `analysis-error`: the last line of defence. analyze() reports it when reading the data threw;
 * it never comes from the model, so evaluating it finds nothing.
 */
export const analysisError = defineCheck({
  id: 'analysis-error',
  scope: 'data',
  summary: 'the data could not be analysed at all',
  roles: [],
  thresholds: {},
  evaluate: (): CheckResult => result(),
});
