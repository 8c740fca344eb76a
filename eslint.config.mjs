import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';
import grafanaI18n from '@grafana/i18n/eslint-plugin';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'test/browser/.build/',
      'cli/',
      'test/grafana/.results/',
      'test/browser/.results/',
      '.react19/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    // The analysis core runs outside the browser (Node scripts, benchmarks): types only from Grafana, no React.
    files: ['src/analysis/**/*.ts'],
    ignores: ['src/analysis/**/*.test.ts', 'src/analysis/testkit/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@grafana/data',
              allowTypeImports: true,
              message: 'The analysis core may import types only from @grafana/data.',
            },
          ],
          patterns: [
            {
              group: ['react', 'react-dom', '@grafana/ui', '@grafana/runtime', '@emotion/*'],
              message: 'The analysis core must not depend on UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every string the panel shows goes through @grafana/i18n (en-US and ko-KR locale files).
    files: ['src/components/**/*.tsx', 'src/options/**/*.{ts,tsx}', 'src/hooks/**/*.ts', 'src/module.ts', 'src/plugin.ts', 'src/suggestions.ts'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.styles.ts'],
    plugins: { '@grafana/i18n': grafanaI18n },
    rules: {
      '@grafana/i18n/no-untranslated-strings': ['error', { calleesToIgnore: ['^css$', '^cx$'] }],
      '@grafana/i18n/no-translation-top-level': 'error',
    },
  },
]);
