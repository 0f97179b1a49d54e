'use strict';
// Expected variations for this project's container and browser tests, computed by the official Kameleoon
// JavaScript SDK (offline.js), so that those tests do not take the expected answer from the SDK under test.
//
//   node oracle.js <datafile> <siteCode> <flagKey> <codes.txt> <out.json>
//
// <codes.txt>: one visitor code a line ('#' starts a comment). For every code, a fresh client (no other visitor,
// no visitor data: no addData, no page view, no visit) evaluates the flag untracked under each legal consent
// state: "given" (setLegalConsent(code, true)), "refused" (setLegalConsent(code, false)), "unknown" (never set).
// Paths are written to the table relative to the repository root, with the datafile's SHA-256, so that a test can
// tell a table made from another datafile.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { sdk, SDK_VERSION, requests, newClient } = require('./offline');

const REPOSITORY = path.resolve(__dirname, '..', '..');
const CONSENTS = { given: true, refused: false, unknown: undefined };

function repositoryPath(file) {
  return path.relative(REPOSITORY, path.resolve(file)).split(path.sep).join('/');
}

function readCodes(file) {
  const codes = fs.readFileSync(file, 'utf8').split('\n').map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line.length > 0);
  if (new Set(codes).size !== codes.length) {
    throw new Error(`${file} lists a visitor code twice`);
  }
  return codes;
}

function describe(variation) {
  const variables = {};
  for (const [key, variable] of variation.variables) {
    variables[key] = variable.value;
  }
  return { key: variation.key, id: variation.id, experimentId: variation.experimentId, variables };
}

async function table(datafileFile, siteCode, flagKey, codesFile, out) {
  const datafileBytes = fs.readFileSync(datafileFile);
  const datafileText = datafileBytes.toString('utf8');
  const variations = {};
  for (const code of readCodes(codesFile)) {
    variations[code] = {};
    for (const [state, consent] of Object.entries(CONSENTS)) {
      // A client per evaluation: each answer depends on the code, the consent state and the datafile alone.
      const client = await newClient(siteCode, datafileText);
      if (consent !== undefined) {
        client.setLegalConsent(code, consent);
      }
      variations[code][state] = describe(client.getVariation({ visitorCode: code, featureKey: flagKey, track: false }));
    }
  }
  if (requests.other !== 0) {
    throw new Error(`${requests.other} non-configuration requests were made`);
  }
  const command = ['node', 'benchmarks/js/oracle.js', repositoryPath(datafileFile), siteCode, flagKey,
    repositoryPath(codesFile), repositoryPath(out)].join(' ');
  const result = {
    generatedBy: `${command} (from the repository root, after npm ci in benchmarks/js); do not edit by hand`,
    sdk: `@kameleoon/javascript-sdk ${SDK_VERSION}`,
    datafile: repositoryPath(datafileFile),
    datafileSha256: crypto.createHash('sha256').update(datafileBytes).digest('hex'),
    siteCode,
    flagKey,
    visitorData: 'none (no addData, no page view, no visit); track false',
    variations,
  };
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${Object.keys(variations).length} visitor codes of ${flagKey} written to ${repositoryPath(out)}`);
  return 0;
}

async function main() {
  sdk.KameleoonLogger.setLogLevel(sdk.LogLevel.ERROR);
  const args = process.argv.slice(2);
  if (args.length !== 5) {
    console.error('usage: node oracle.js <datafile> <siteCode> <flagKey> <codes.txt> <out.json>');
    return 64;
  }
  return table(...args);
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
