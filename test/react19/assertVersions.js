// Fails the run if the mapping did not take: these tests must exercise React 19 and Grafana 13.
const React = require('react');
const ReactDOM = require('react-dom');
const ui = require('@grafana/ui/package.json');

if (!React.version.startsWith('19.') || !ReactDOM.version.startsWith('19.') || !ui.version.startsWith('13.')) {
  throw new Error(
    `expected React 19 and @grafana/ui 13, got React ${React.version}, react-dom ${ReactDOM.version}, @grafana/ui ${ui.version}`
  );
}
