// jsdom has no MessageChannel; React 19's server renderer (which @grafana/ui 13 loads for
// TruncatedText) creates one when its module loads. A timer-based channel is enough for tests
// and, unlike Node's, does not keep the process alive.
if (typeof globalThis.MessageChannel === 'undefined') {
  globalThis.MessageChannel = class MessageChannel {
    constructor() {
      const make = () => ({ onmessage: null, postMessage: undefined, close() {}, start() {} });
      this.port1 = make();
      this.port2 = make();
      this.port1.postMessage = (data) => setTimeout(() => this.port2.onmessage?.({ data }), 0);
      this.port2.postMessage = (data) => setTimeout(() => this.port1.onmessage?.({ data }), 0);
    }
  };
}
