import { say } from '../../messages';
import { defineCheck } from '../check';
import { CheckResult, result } from '../context';

/** At most this many notices are repeated: a data source can return one per series. */
const MAX_NOTICES = 5;

/** `query-notice` (info): what the data source said about the queries. */
export const queryNotice = defineCheck({
  id: 'query-notice',
  scope: 'data',
  summary: 'what the data source said about the query',
  roles: [],
  thresholds: {},
  evaluate: ({ reading }): CheckResult =>
    result(
      reading.notices
        .slice(0, MAX_NOTICES)
        .map((text) => ({ check: 'query-notice', severity: 'info', ...say('query-notice', { text }) }))
    ),
});
