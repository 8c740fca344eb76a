// Jest setup provided by Grafana scaffolding; it assumes a DOM, so tests that run in the
// node environment (the analysis core outside the browser) skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
  // jsdom has no canvas; @grafana/ui measures text with one (Combobox width). An approximate
  // width per character is enough for layout code that only needs a number.
  HTMLCanvasElement.prototype.getContext = function getContext() {
    return { font: '', measureText: (text) => ({ width: String(text).length * 7 }) };
  };
}
