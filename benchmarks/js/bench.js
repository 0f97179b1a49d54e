'use strict';
// The official Kameleoon JavaScript SDK (@kameleoon/javascript-sdk, version pinned in package.json) on Node.js,
// offline, for benchmarks/run-js-comparison.sh. See README.md in this folder.
//
//   node bench.js check <fixtures>             agreement check against <fixtures>/java-variations.json
//   node bench.js bench <fixtures> <out.json>  timed loops; writes the results as JSON
//
// <fixtures> is the directory written by com.kameleoon.benchmarks.ComparisonFixtures: example.json,
// generated200.json, visitors.json, java-variations.json. Environment: WARMUP_ROUNDS (3), ROUNDS (5),
// ROUND_SECONDS (1), DATAFILES (comma-separated, default: every datafile of visitors.json).
//
// Offline (offline.js): the SDK's `externals` option (ExternalsType of the package's typings) replaces what it
// would use in a browser: `requester` answers the configuration request with the datafile and every other request
// (none is expected: tracking is off) with an empty 200, counting them; `storage` is an in-memory Map instead of
// localStorage; `visitorCodeManager` (cookies) and `eventSource` (real-time update) are no-ops. The `_internals`
// option's `platformAnalyzer` (used by the React SDKs) returns nothing, instead of parsing `navigator.userAgent`
// (Node 20 has no `navigator`), so that no Browser/OS/Device data is added to a visitor behind the caller's back,
// as on the Java side.
const fs = require('fs');
const path = require('path');
const { sdk, SDK_VERSION, requests, newClient } = require('./offline');

const { KameleoonLogger, LogLevel, Device, DeviceType, Browser, BrowserType } = sdk;

function addWarmData(client, code) {
  client.addData(code, new Device(DeviceType.Desktop), new Browser(BrowserType.Chrome, 120));
}

function keys(variations) {
  const result = {};
  for (const [flag, variation] of variations) {
    result[flag] = variation.key;
  }
  return result;
}

function load(dir) {
  const visitors = JSON.parse(fs.readFileSync(path.join(dir, 'visitors.json'), 'utf8'));
  const names = process.env.DATAFILES ? process.env.DATAFILES.split(',') : Object.keys(visitors.flagKeys);
  const datafiles = {};
  for (const name of names) {
    datafiles[name] = fs.readFileSync(path.join(dir, `${name}.json`), 'utf8');
  }
  return { visitors, datafiles };
}

// Targeting conditions on which the official SDKs are known to disagree with each other, so with this project
// (which follows the PHP SDK, the normative reference for targeting): without visit data the PHP SDK
// counts one visit, a new visitor and 0 page views, the JavaScript SDK answers false (VISITS, SAME_DAY_VISITS,
// NEW_VISITORS, PAGE_VIEWS); FIRST_VISIT/LAST_VISIT depend on the clock; SDK_LANGUAGE names each SDK's own language.
const KNOWN_DIFFERENCES = ['VISITS', 'SAME_DAY_VISITS', 'NEW_VISITORS', 'PAGE_VIEWS', 'FIRST_VISIT', 'LAST_VISIT',
  'SDK_LANGUAGE'];

/** Targeting types reachable from each flag's rules, nested segments included. */
function targetingTypes(datafile) {
  const segments = new Map(datafile.segments.map((segment) => [segment.id, segment]));
  const segmentTypes = (id, seen) => {
    const types = new Set();
    const segment = segments.get(id);
    if (!segment || seen.has(id)) {
      return types;
    }
    seen.add(id);
    for (const group of segment.conditionsData.firstLevel) {
      for (const condition of group.conditions) {
        types.add(condition.targetingType);
        if (condition.targetingType === 'SEGMENT') {
          segmentTypes(condition.segmentId, seen).forEach((type) => types.add(type));
        }
      }
    }
    return types;
  };
  const byFlag = {};
  for (const flag of datafile.featureFlags) {
    const types = new Set();
    for (const rule of flag.rules) {
      if (rule.segmentId != null) {
        segmentTypes(rule.segmentId, new Set()).forEach((type) => types.add(type));
      }
    }
    byFlag[flag.featureKey] = types;
  }
  return byFlag;
}

async function check(dir) {
  const { visitors, datafiles } = load(dir);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'java-variations.json'), 'utf8'));
  let compared = 0;
  let agreements = 0;
  const known = [];
  const knownFlags = new Set();
  const differences = [];
  for (const [name, text] of Object.entries(datafiles)) {
    const client = await newClient(visitors.siteCode, text);
    const types = targetingTypes(JSON.parse(text));
    const visit = (code, warm) => {
      if (warm) {
        addWarmData(client, code);
      }
      const actual = keys(client.getVariations({ visitorCode: code, onlyActive: false, track: false }));
      const java = expected[name][code] || {};
      for (const flag of new Set([...Object.keys(actual), ...Object.keys(java)])) {
        compared += 1;
        if (actual[flag] === java[flag]) {
          agreements += 1;
          continue;
        }
        const line = `${name} ${code} ${flag}: JS SDK ${actual[flag]}, this project ${java[flag]}`;
        const explained = [...(types[flag] || [])].filter((type) => KNOWN_DIFFERENCES.includes(type));
        if (explained.length > 0) {
          known.push(`${line} (targets ${explained.join(', ')})`);
          knownFlags.add(`${name} ${flag}`);
        } else {
          differences.push(line);
        }
      }
    };
    visitors.checkWarm.forEach((code) => visit(code, true));
    visitors.checkNew.forEach((code) => visit(code, false));
    const count = visitors.checkWarm.length + visitors.checkNew.length;
    console.log(`${name}: ${count} visitors (${visitors.checkWarm.length} with Device+Browser data), every enabled flag`);
  }
  console.log(`agreement: ${agreements} of ${compared} (visitor, flag) variation keys identical `
    + `(JavaScript SDK ${SDK_VERSION} vs this project); ${known.length} differ on flags targeting conditions `
    + `the official SDKs disagree on (${KNOWN_DIFFERENCES.join(', ')}: ${knownFlags.size} flags); `
    + `${differences.length} other differences`);
  const show = Number(process.env.SHOW_DIFFERENCES || 20);
  known.slice(0, Number(process.env.SHOW_KNOWN || 0)).forEach((line) => console.log(`known difference: ${line}`));
  if (differences.length > 0) {
    differences.slice(0, show).forEach((line) => console.error(`DIFFERENT ${line}`));
    console.error(`${differences.length} variation keys differ`);
    return 1;
  }
  return 0;
}

// ---- timing ------------------------------------------------------------------------------------------------

const BATCH = 256;
let sink = 0;

/** Calls op(i) in batches until `seconds` have passed; returns nanoseconds per call. */
function timeRound(op, seconds) {
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let calls = 0;
  let now;
  do {
    for (let i = 0; i < BATCH; i += 1) {
      if (op() !== undefined) {
        sink += 1;
      }
    }
    calls += BATCH;
    now = process.hrtime.bigint();
  } while (now < deadline);
  return Number(now - start) / calls;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** New visitor codes: `n` and 15 base-36 digits of a counter, as EvaluationBenchmark.NewVisitorCodes makes them. */
let newVisitorCounter = 0;
function nextNewVisitorCode() {
  newVisitorCounter += 1;
  return `n${newVisitorCounter.toString(36).padStart(15, '0')}`;
}

async function bench(dir, out) {
  const { visitors, datafiles } = load(dir);
  const warmupRounds = Number(process.env.WARMUP_ROUNDS || 3);
  const rounds = Number(process.env.ROUNDS || 5);
  const seconds = Number(process.env.ROUND_SECONDS || 1);
  const warm = visitors.warm;
  const mask = warm.length - 1;
  if ((warm.length & mask) !== 0) {
    throw new Error('the warm visitor count must be a power of two');
  }
  const results = [];
  const record = (datafile, operation, times) => {
    const ns = median(times);
    const result = { datafile, operation, nsPerOp: ns, opsPerSecond: 1e9 / ns, rounds: times };
    results.push(result);
    console.log(`${datafile} ${operation}: median ${ns.toFixed(1)} ns/op (${Math.round(1e9 / ns)} ops/s), `
      + `rounds ${times.map((t) => t.toFixed(1)).join(' ')}`);
  };
  for (const [name, text] of Object.entries(datafiles)) {
    const featureKey = visitors.flagKeys[name];
    const requestsBefore = requests.other;

    // Warm visitors: data and every flag evaluated once, as in JsComparisonBenchmark.WarmClient.
    const client = await newClient(visitors.siteCode, text);
    for (const code of warm) {
      addWarmData(client, code);
      client.getVariations({ visitorCode: code, onlyActive: false, track: false });
    }
    let cursor = 0;
    const warmOp = () => client.getVariation({ visitorCode: warm[cursor++ & mask], featureKey, track: false });
    const allOp = () => client.getVariations({ visitorCode: warm[cursor++ & mask], onlyActive: false, track: false });
    for (const [operation, op] of [['getVariationWarm', warmOp], ['getVariations', allOp]]) {
      for (let r = 0; r < warmupRounds; r += 1) {
        timeRound(op, seconds);
      }
      const times = [];
      for (let r = 0; r < rounds; r += 1) {
        times.push(timeRound(op, seconds));
      }
      record(name, operation, times);
    }

    // New visitors: a fresh client (empty store) for every round, as JMH's FreshClient per iteration.
    const times = [];
    for (let r = 0; r < warmupRounds + rounds; r += 1) {
      const fresh = await newClient(visitors.siteCode, text);
      const time = timeRound(() => fresh.getVariation({ visitorCode: nextNewVisitorCode(), featureKey, track: false }),
        seconds);
      if (r >= warmupRounds) {
        times.push(time);
      }
    }
    record(name, 'getVariationNewVisitor', times);
    if (requests.other !== requestsBefore) {
      console.error(`${requests.other - requestsBefore} non-configuration requests were made during the ${name} run`);
    }
  }
  const report = {
    sdk: `@kameleoon/javascript-sdk ${SDK_VERSION}`,
    node: process.version,
    warmupRounds,
    rounds,
    roundSeconds: seconds,
    nonConfigurationRequests: requests.other,
    results,
  };
  fs.writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`non-configuration requests (tracking, data): ${requests.other}; sink ${sink}`);
  return 0;
}

async function main() {
  KameleoonLogger.setLogLevel(LogLevel.ERROR);
  const [mode, dir, out] = process.argv.slice(2);
  if (mode === 'check' && dir) {
    return check(dir);
  }
  if (mode === 'bench' && dir && out) {
    return bench(dir, out);
  }
  console.error('usage: node bench.js check <fixtures> | node bench.js bench <fixtures> <out.json>');
  return 64;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
