'use strict';
// The official Kameleoon JavaScript SDK on Node.js, offline: the datafile is injected through the SDK's documented
// `externals` option instead of being fetched, and nothing is stubbed globally. Shared by bench.js and oracle.js;
// README.md in this folder explains each replacement.
const sdk = require('@kameleoon/javascript-sdk');

const { KameleoonClient } = sdk;
const SDK_VERSION = require('@kameleoon/javascript-sdk/package.json').version;

/** Requests the clients made: the configuration (answered with the datafile) and any other (none is expected). */
const requests = { configuration: 0, other: 0 };

function offlineExternals(datafileText) {
  const store = new Map();
  return {
    requester: {
      sendRequest: async ({ requestType }) => {
        const body = requestType === 'configuration' ? datafileText : '';
        requests[requestType === 'configuration' ? 'configuration' : 'other'] += 1;
        return { status: 200, ok: true, json: async () => JSON.parse(body || '{}'), text: async () => body };
      },
    },
    storage: {
      read: (key) => (store.has(key) ? store.get(key) : null),
      write: (key, data) => { store.set(key, data); },
    },
    visitorCodeManager: { getData: () => null, setData: () => {} },
    eventSource: { open() {}, close() {}, onError() {} },
  };
}

/** An initialized client of `siteCode` on the datafile text, with an empty visitor store. */
async function newClient(siteCode, datafileText) {
  const client = new KameleoonClient({
    siteCode,
    configuration: { environment: 'production', updateInterval: 60 },
    externals: offlineExternals(datafileText),
    // Node 20 has no `navigator`: add no Browser/OS/Device data to visitors behind the caller's back.
    _internals: { platformAnalyzer: { getResult: () => ({}) } },
  });
  if (!(await client.initialize())) {
    throw new Error('the JavaScript SDK did not initialize');
  }
  return client;
}

module.exports = { sdk, SDK_VERSION, requests, newClient };
