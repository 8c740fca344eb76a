import { expect, test } from '@grafana/plugin-e2e';

/** The provisioned e2e dashboard (test/grafana/provisioning): kafka-2 takes three times the others. */
const DASHBOARD = { uid: 'kbh-e2e' };
const TITLE = 'Kafka Broker Health';

test('the provisioned dashboard shows the panel with its verdict', async ({ gotoDashboardPage }) => {
  const dashboardPage = await gotoDashboardPage(DASHBOARD);
  const panel = dashboardPage.getPanelByTitle(TITLE);
  const verdict = panel.locator.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('aria-label', 'Cluster health: CRITICAL');
  await expect(verdict).toContainText('kafka-2');
  await expect(panel.locator.getByTestId('broker-row')).toHaveCount(3);
});

test('a threshold changed in the panel editor changes the verdict', async ({ gotoPanelEditPage, selectors, page }) => {
  const panelEditPage = await gotoPanelEditPage({ dashboard: DASHBOARD, id: '1' });
  await expect(panelEditPage.panel.locator.getByTestId('verdict')).toContainText('CRITICAL');
  const thresholds = panelEditPage.getCustomOptions('Thresholds');
  await thresholds.expand();
  const imbalance = page.getByTestId(selectors.components.PanelEditor.OptionsPane.fieldInput('Imbalance'));
  // 0 switches a level off: with both off, nothing else is wrong with this cluster.
  await imbalance.getByLabel('Warning').fill('0');
  await imbalance.getByLabel('Critical').fill('0');
  await expect(panelEditPage.panel.locator.getByTestId('verdict')).toHaveAttribute('aria-label', 'Cluster health: OK');
});

test('a broker name opens the data link of the field config', async ({ gotoDashboardPage, page }) => {
  const dashboardPage = await gotoDashboardPage(DASHBOARD);
  const panel = dashboardPage.getPanelByTitle(TITLE);
  const row = panel.locator.getByTestId('broker-row').filter({ hasText: 'kafka-2' });
  await row.getByText('kafka-2').click();
  await expect(page).toHaveURL(/var-broker=kafka-2/);
});
