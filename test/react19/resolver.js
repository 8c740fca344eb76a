// Resolves React, ReactDOM, @grafana/* and emotion from the React 19 scratch folder, whoever
// imports them (our code or a library such as react-window), honouring package `exports`.
const path = require('path');

const SHARED =
  /^(react|react-dom|i18next|react-i18next|@grafana\/(data|ui|runtime|schema|i18n|e2e-selectors)|@emotion\/(css|react|cache))(\/.*)?$/;

module.exports = (request, options) => {
  if (SHARED.test(request)) {
    return options.defaultResolver(request, { ...options, basedir: path.resolve(process.env.REACT19_DIR) });
  }
  return options.defaultResolver(request, options);
};
