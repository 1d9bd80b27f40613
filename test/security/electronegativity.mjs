#!/usr/bin/env node
// Electronegativity (Doyensec's static checker of Electron misconfigurations) over the Electron shell.
// Fails on any finding above INFORMATIONAL that is not accepted below with a reason.
//
// Run: node test/security/electronegativity.mjs [--keep]   (--keep leaves the SARIF report in place)
//
// Why the library and not the CLI: its CLI expects commander < 7 and npm hoists this project's commander 13
// under it (`_commander2.default.version is not a function`). Its CLI also exits 0 with findings, so a
// check has to read the results either way; the library returns them, and the SARIF file is written for
// people and CI annotations (its writer does not wait for the file, so the gate does not read it).
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const REPO = resolve(import.meta.dirname, '../..');
const TARGET = join(REPO, 'main', 'electron');
const ELECTRON_VERSION = JSON.parse(
  readFileSync(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

/** Findings we have looked at and accept. Keyed by check id and file (relative to main/electron). */
const ACCEPTED = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'app-protocol.ts',
    reason:
      'The CSP header is built at run time by csp.ts (it needs the bridge origin), so the checker cannot ' +
      'parse it statically; csp.test.ts pins its exact value (no unsafe-*, no wildcard).',
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'wall-windows.ts',
    reason:
      'A middle-click can only ask for a new window, and security.ts denies every window.open ' +
      '(setWindowOpenHandler → deny) and every navigation away from app://.',
  },
];

/**
 * AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub: not reachable here (and a
 * test must not depend on the internet). Keeping Electron current is Dependabot's/the release process's job.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const keep = process.argv.includes('--keep');
const outDir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const sarif = join(outDir, 'electronegativity.sarif');

const run = require('@doyensec/electronegativity');
const result = await run(
  {
    input: TARGET,
    output: sarif,
    isSarif: true,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: ELECTRON_VERSION,
    parserPlugins: [],
  },
  false,
);

let failed = false;
if (result.errors.length > 0) {
  // A file it could not parse is a file it did not check.
  failed = true;
  console.error(`electronegativity could not parse ${result.errors.length} file(s):`);
  for (const error of result.errors) console.error(`  ${error.file ?? ''}: ${error.message ?? JSON.stringify(error)}`);
}

const usedAcceptances = new Set();
const findings = result.issues.filter((issue) => issue.severity.value > 0);
for (const issue of findings) {
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
  const accepted = ACCEPTED.find((a) => a.id === issue.id && a.file === issue.file);
  if (accepted) {
    usedAcceptances.add(accepted);
    console.log(`accepted  ${issue.id} (${issue.severity.name}) ${where} — ${accepted.reason}`);
  } else {
    failed = true;
    console.error(`FINDING   ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${where}`);
    console.error(`          ${issue.description}  ${issue.shortenedURL ?? ''}`);
  }
}
for (const accepted of ACCEPTED) {
  if (!usedAcceptances.has(accepted)) console.log(`note: accepted ${accepted.id} in ${accepted.file} no longer occurs`);
}
const informational = result.issues.length - findings.length;
console.log(
  `electronegativity ${ELECTRON_VERSION ? `(Electron ${ELECTRON_VERSION}) ` : ''}on main/electron: ` +
    `${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${findings.length} finding(s) above ` +
    `informational, ${informational} informational`,
);

// The report is written asynchronously by the library; give it a moment before keeping or removing it.
for (let i = 0; i < 20 && !existsSync(sarif); i++) await new Promise((r) => setTimeout(r, 50));
if (keep) console.log(`SARIF report: ${sarif}`);
else rmSync(outDir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
