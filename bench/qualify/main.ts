/**
 * How well the rules qualify labelled SMS replies.
 *   npx tsx bench/qualify/main.ts [--file bench/data/replies.jsonl] [--tenants bench/data/tenants.json]
 * Prints accuracies, emergency recall/precision, the urgency confusion table and every miss; the
 * last line is one JSON object with the figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Qualification, qualifyByRules, type Tenant, urgencies } from '@naxio/domain';
import { tenantsFromJson } from '../../apps/cli/src/commands/qualify';

type Labelled = {
  id: string; tenant: string; text: string; urgency: string; serviceType: string;
  subCategory?: string; inServiceArea: boolean | null; intent: string;
};

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const dataDir = join(__dirname, '..', 'data');
const file = option('--file', join(dataDir, 'replies.jsonl'));
const tenants = new Map<string, Tenant>(tenantsFromJson(JSON.parse(readFileSync(option('--tenants', join(dataDir, 'tenants.json')), 'utf8'))).map((t) => [t.id, t]));
const rows: Labelled[] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Labelled);
// A fixed moment, so a run is repeatable.
const at = new Date('2026-07-15T15:00:00Z');

const results = rows.map((row) => {
  const tenant = tenants.get(row.tenant);
  if (!tenant) throw new Error(`${row.id}: unknown tenant ${row.tenant}`);
  const q: Qualification = qualifyByRules({ tenant, conversation: [{ from: 'lead', text: row.text, at: at.toISOString() }], at });
  return { row, q };
});

const share = (hits: number, of: number) => (of === 0 ? 1 : Math.round((hits / of) * 10000) / 10000);
const count = (predicate: (r: (typeof results)[number]) => boolean) => results.filter(predicate).length;
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

const n = results.length;
const urgencyAccuracy = share(count((r) => r.q.urgency === r.row.urgency), n);
const serviceTypeAccuracy = share(count((r) => r.q.serviceType === r.row.serviceType), n);
const areaAccuracy = share(count((r) => r.q.serviceArea.inArea === r.row.inServiceArea), n);
const intentAccuracy = share(count((r) => r.q.intent === r.row.intent), n);
const withSub = results.filter((r) => r.row.subCategory);
const subCategoryAccuracy = share(withSub.filter((r) => r.q.subCategory === r.row.subCategory).length, withSub.length);
const truePositives = count((r) => r.row.urgency === 'emergency' && r.q.urgency === 'emergency');
const emergencyRecall = share(truePositives, count((r) => r.row.urgency === 'emergency'));
const emergencyPrecision = share(truePositives, count((r) => r.q.urgency === 'emergency'));

console.log(`qualify bench: ${n} replies from ${file}`);
console.log(`  urgency       ${percent(urgencyAccuracy)}`);
console.log(`  service type  ${percent(serviceTypeAccuracy)}`);
console.log(`  sub-category  ${percent(subCategoryAccuracy)} (of ${withSub.length} labelled)`);
console.log(`  area          ${percent(areaAccuracy)}`);
console.log(`  intent        ${percent(intentAccuracy)}`);
console.log(`  emergency     recall ${percent(emergencyRecall)}, precision ${percent(emergencyPrecision)}`);

console.log('\nurgency confusion (rows: label, columns: rules)');
console.log(`  ${''.padEnd(10)}${urgencies.map((u) => u.padStart(11)).join('')}`);
for (const label of urgencies) {
  const cells = urgencies.map((got) => String(count((r) => r.row.urgency === label && r.q.urgency === got)).padStart(11));
  console.log(`  ${label.padEnd(10)}${cells.join('')}`);
}

console.log('\nmisclassified');
for (const { row, q } of results) {
  const misses = [
    row.urgency !== q.urgency && `urgency ${row.urgency}→${q.urgency}`,
    row.serviceType !== q.serviceType && `service ${row.serviceType}→${q.serviceType}`,
    row.inServiceArea !== q.serviceArea.inArea && `area ${row.inServiceArea}→${q.serviceArea.inArea}`,
    row.intent !== q.intent && `intent ${row.intent}→${q.intent}`,
    row.subCategory && row.subCategory !== q.subCategory && `sub ${row.subCategory}→${q.subCategory}`,
  ].filter(Boolean);
  if (misses.length > 0) console.log(`  ${row.id} [${misses.join(', ')}] ${row.text}`);
}

console.log(JSON.stringify({ n, urgencyAccuracy, serviceTypeAccuracy, areaAccuracy, intentAccuracy, emergencyRecall, emergencyPrecision }));
