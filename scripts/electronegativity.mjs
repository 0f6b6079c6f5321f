// Electronegativity (Doyensec's Electron security scanner) over src/main, preload included,
// through its API: its CLI is broken with the commander version npm hoists here. Every HIGH or
// MEDIUM finding must be listed in security/electronegativity-allow.json with a reason, or this
// fails; a file the scanner cannot parse fails too (it would be a file nobody checked).
// Writes test-results/electronegativity.json. Run: node scripts/electronegativity.mjs
import { createRequire } from 'node:module'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = fileURLToPath(new URL('..', import.meta.url))
const SCANNED = 'src/main'
const ALLOW_FILE = 'security/electronegativity-allow.json'
const OUT_FILE = 'test-results/electronegativity.json'
const GATED = new Set(['HIGH', 'MEDIUM'])
const TIME_LIMIT_MS = 120_000

/**
 * AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub: offline it
 * cannot run, and online its verdict changes with every Electron release, so it does not belong
 * in a test gate (keeping Electron current is the dependency updates' job).
 */
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck']

const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version
const allow = JSON.parse(readFileSync(path.join(root, ALLOW_FILE), 'utf8')).allow
for (const entry of allow) {
  if (typeof entry.check !== 'string' || typeof entry.file !== 'string' || typeof entry.justification !== 'string' || entry.justification.trim() === '') {
    console.error(`${ALLOW_FILE}: every entry needs check, file and a justification: ${JSON.stringify(entry)}`)
    process.exit(1)
  }
}

const run = require('@doyensec/electronegativity/dist/runner.js')
const scan = run({
  input: path.join(root, SCANNED),
  electronVersionOverride: electronVersion,
  isRelative: true,
  customScan: [],
  excludeFromScan: EXCLUDED.map((c) => c.toLowerCase()),
  parserPlugins: [],
})
let timer
const timeout = new Promise((_, reject) => {
  timer = setTimeout(() => reject(new Error(`no answer within ${TIME_LIMIT_MS / 1000} s`)), TIME_LIMIT_MS)
})
const result = await Promise.race([scan, timeout]).finally(() => clearTimeout(timer))

const findings = result.issues.map((issue) => ({
  check: issue.id,
  // The global checks report "N/A": they judge the app as a whole, not a file.
  file: issue.file === 'N/A' ? 'N/A' : path.posix.join(SCANNED, issue.file.split(path.sep).join('/')),
  line: issue.location.line,
  column: issue.location.column,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  description: issue.description,
}))

// Each allow entry covers at most `occurrences` findings (default 1): a new BrowserWindow in the
// same file is a new finding to review, not one already explained.
const budget = new Map(allow.map((entry) => [entry, entry.occurrences ?? 1]))
for (const finding of findings) {
  const entry = allow.find((e) => e.check === finding.check && e.file === finding.file && budget.get(e) > 0)
  if (entry !== undefined) {
    budget.set(entry, budget.get(entry) - 1)
    finding.allowed = entry.justification
  }
}

const unexplained = findings.filter((f) => GATED.has(f.severity) && f.allowed === undefined)
const parseErrors = result.errors.filter((e) => !e.tolerable)
const unused = allow.filter((entry) => budget.get(entry) === (entry.occurrences ?? 1))

for (const f of findings) {
  const status = f.allowed !== undefined ? 'allowed' : GATED.has(f.severity) ? 'UNEXPLAINED' : 'info'
  console.log(`${status.padEnd(11)} ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.line}:${f.column}`)
  if (f.allowed !== undefined) console.log(`            ${f.allowed}`)
  else console.log(`            ${f.description}`)
}
for (const e of result.errors) console.log(`${e.tolerable ? 'warning' : 'PARSE ERROR'} ${e.file}: ${e.message}`)
for (const entry of unused) console.log(`note: ${ALLOW_FILE} allows ${entry.check} in ${entry.file}, which was not found: remove the entry?`)

mkdirSync(path.join(root, 'test-results'), { recursive: true })
writeFileSync(
  path.join(root, OUT_FILE),
  `${JSON.stringify({ electronVersion, scanned: SCANNED, excluded: EXCLUDED, findings, errors: result.errors, unexplained: unexplained.length }, null, 2)}\n`,
)
console.log(
  `electronegativity: ${findings.length} finding(s), ${findings.filter((f) => f.allowed !== undefined).length} allowed, ` +
    `${unexplained.length} unexplained HIGH/MEDIUM, ${parseErrors.length} file(s) not parsed (Electron ${electronVersion})`,
)
process.exit(unexplained.length > 0 || parseErrors.length > 0 ? 1 : 0)
