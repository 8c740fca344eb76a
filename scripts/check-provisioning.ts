/**
 * npm run check:provisioning — checks provisioning/ for what Grafana would refuse at start-up
 * (uids, alert rules, contact points, policies, dashboards and the references between them),
 * with the demo stack's environment. Exit code 1 and one line per problem when Grafana would fail.
 * Variables can be overridden as for `docker compose up`, e.g. ALERT_RECEIVER=kafka-health-slack.
 */
import { join } from 'path';
import { loadProvisioning, validateProvisioning } from './provisioning/grafanaProvisioning';
import { grafanaEnvironment, REPO } from '../test/e2e/stackFiles';

const overrides = Object.fromEntries(
  Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)
);
const problems = validateProvisioning(loadProvisioning(join(REPO, 'provisioning'), grafanaEnvironment(overrides)));
for (const p of problems) {
  console.error(p);
}
console.log(problems.length ? `${problems.length} problem(s): Grafana would not start.` : 'provisioning: OK');
process.exit(problems.length ? 1 : 0);
