/**
 * The scaffolded build (.config/webpack), extended the way create-plugin documents: one change.
 *
 * Our own code is compiled for ES2020 instead of ES2015. Every browser Grafana 12.3+ supports runs
 * ES2020, and at ES2015 object spread, `??` and `?.` become helper calls — in the analysis, which
 * reads up to 100k series per refresh, and in a bundle 58 KB larger (279 KB → 221 KB).
 */
import type { Configuration, RuleSetRule } from 'webpack';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

const TARGET = 'es2020';

function withTarget(rule: RuleSetRule): RuleSetRule {
  const use = rule.use as { loader?: string; options?: { jsc?: { target?: string } } } | undefined;
  if (use?.loader === 'swc-loader' && use.options?.jsc) {
    return { ...rule, use: { ...use, options: { ...use.options, jsc: { ...use.options.jsc, target: TARGET } } } };
  }
  return rule;
}

const config = async (env: Env): Promise<Configuration> => {
  const base = await grafanaConfig(env);
  const rules = (base.module?.rules ?? []).map((rule) =>
    rule && typeof rule === 'object' ? withTarget(rule as RuleSetRule) : rule
  );
  return { ...base, module: { ...base.module, rules } };
};

export default config;
