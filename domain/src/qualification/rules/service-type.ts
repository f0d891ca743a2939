import type { ServiceType } from '../qualification';
import type { Trade } from '../../tenant/tenant';
import type { EmergencySignal } from './emergency-signals';
import { gateOf } from './gates';
import { hazardTrades } from './hazard-signals';
import { clausesOf, hitsOf } from './text';
import { tradeKeywords, type TradeKeyword } from './trade-keywords';

export type TradeFinding = { serviceType: ServiceType; subCategory: string; named: boolean };

type Found = { serviceType: ServiceType; keyword: TradeKeyword; turn: number; at: number; current: boolean; objectOfWork: boolean };

const workVerbBefore = /\b(need|needs|fix|repair|replace|install|remove|get)( the| a| an| my| our| some| this| that)?\s*$/;
const workVerbAfter = /^\w*\s+(repaired|fixed|replaced|installed|redone|removed|taken (down|out))\b/;

const order: readonly ServiceType[] = ['hvac', 'plumbing', 'electrical', 'roofing', 'landscaping', 'other'];

// A weaker word inside a stronger one of the same trade ("water" in "water heater") adds nothing.
const within = (a: Found & { length: number }, b: Found & { length: number }) =>
  a !== b && a.serviceType === b.serviceType && a.turn === b.turn && a.at >= b.at && a.at + a.length <= b.at + b.length && a.keyword.weight < b.keyword.weight;

function keywordsIn(turns: readonly string[]): Found[] {
  const found: (Found & { length: number })[] = [];
  turns.forEach((text, turn) => {
    for (const clause of clausesOf(text)) {
      for (const serviceType of order) {
        for (const keyword of tradeKeywords[serviceType] ?? []) {
          for (const hit of hitsOf(keyword.pattern, clause.text)) {
            const objectOfWork =
              workVerbBefore.test(clause.text.slice(0, hit.index)) || workVerbAfter.test(clause.text.slice(hit.index));
            const current = gateOf(clause.text, hit) === null;
            found.push({ serviceType, keyword, turn, at: clause.start + hit.index, length: hit.length, current, objectOfWork });
          }
        }
      }
    }
  });
  return found.filter((f) => !found.some((other) => within(f, other)));
}

/**
 * Later messages weigh more (the lead corrects themself); words about the past or "no …" weigh
 * half; the thing to be worked on ("need the fence repaired") weighs one more.
 */
function scores(found: readonly Found[], minimumWeight: number): Map<ServiceType, number> {
  const total = new Map<ServiceType, number>();
  for (const f of found.filter((f) => f.keyword.weight >= minimumWeight)) {
    const weight = f.keyword.weight > 0 && f.objectOfWork ? f.keyword.weight + 1 : f.keyword.weight;
    const points = weight * (f.turn + 1) * (f.current ? 1 : 0.5);
    total.set(f.serviceType, (total.get(f.serviceType) ?? 0) + points);
  }
  return total;
}

const hazardSubs: Partial<Record<ServiceType, Partial<Record<EmergencySignal, { sub: string; priority: number }>>>> = {
  hvac: {
    'gas-smell': { sub: 'gas-smell', priority: 9 },
    'carbon-monoxide': { sub: 'co-alarm', priority: 9 },
    'no-heat-in-cold': { sub: 'no-heat', priority: 9 },
    'no-cooling-in-heat': { sub: 'no-cooling', priority: 9 },
    flooding: { sub: 'leak', priority: 0 },
  },
  plumbing: {
    'gas-smell': { sub: 'gas-leak', priority: 9 },
    'sewage-backup': { sub: 'sewage-backup', priority: 9 },
    flooding: { sub: 'leak', priority: 0 },
  },
  electrical: {
    'power-line-down': { sub: 'power-line', priority: 9 },
    'electrical-arcing': { sub: 'sparking-outlet', priority: 4 },
    'burning-smell': { sub: 'sparking-outlet', priority: 4 },
  },
  roofing: { 'tree-on-house': { sub: 'storm-damage', priority: 9 }, flooding: { sub: 'leak', priority: 0 } },
  landscaping: { 'tree-on-house': { sub: 'tree-removal', priority: 9 }, 'power-line-down': { sub: 'tree-removal', priority: 9 } },
};

function subCategoryOf(serviceType: ServiceType, found: readonly Found[], hazards: readonly EmergencySignal[]): string {
  type Candidate = { sub: string; priority: number; turn: number; at: number };
  const fromWords = (current: boolean): Candidate[] =>
    found
      .filter((f) => f.serviceType === serviceType && f.keyword.sub && f.current === current)
      .map((f) => ({ sub: f.keyword.sub!, priority: f.keyword.priority ?? 1, turn: f.turn, at: f.at }));
  const fromHazards = hazards.flatMap((h) => {
    const mapped = hazardSubs[serviceType]?.[h];
    return mapped ? [{ ...mapped, turn: -1, at: 0 }] : [];
  });
  const current = [...fromWords(true), ...fromHazards];
  const candidates = current.length > 0 ? current : fromWords(false);
  const best = candidates.sort((a, b) => b.priority - a.priority || b.turn - a.turn || b.at - a.at)[0];
  return best?.sub ?? 'general';
}

function allowedBy(hazards: readonly EmergencySignal[]): readonly ServiceType[] {
  if (hazards.length === 0) return order;
  const allowed = new Set<ServiceType>();
  for (const hazard of hazards) {
    const trades: readonly ServiceType[] = hazard === 'no-heat-in-cold' || hazard === 'no-cooling-in-heat' ? ['hvac'] : hazardTrades[hazard];
    trades.forEach((t) => allowed.add(t));
  }
  return order.filter((t) => allowed.has(t));
}

const leadersOf = (allowed: readonly ServiceType[], points: ReadonlyMap<ServiceType, number>) => {
  const best = Math.max(0, ...allowed.map((t) => points.get(t) ?? 0));
  return best === 0 ? [] : allowed.filter((t) => (points.get(t) ?? 0) === best);
};

function chooseTrade(found: readonly Found[], allowed: readonly ServiceType[], tenantTrade: Trade, asksForHelp: boolean): ServiceType {
  const preferTenant = (leaders: readonly ServiceType[]) =>
    leaders.includes(tenantTrade) ? tenantTrade : (leaders.find((t) => t !== 'other') ?? leaders[0]!);
  const strongLeaders = leadersOf(allowed, scores(found, 2));
  // On a tie the tenant's own trade is the likelier reading; "other" wins only outright.
  if (strongLeaders.length > 0) return preferTenant(leadersOf(allowed, scores(found, 1)));
  // Only shared words ("water", "leak"): the text names no trade, so a request is for the tenant.
  const tenantAllowed = allowed.includes(tenantTrade);
  if (tenantAllowed && asksForHelp) return tenantTrade;
  const weakLeaders = leadersOf(allowed, scores(found, 1));
  if (weakLeaders.length > 0) return preferTenant(weakLeaders);
  if (!asksForHelp) return 'unknown';
  return tenantAllowed ? tenantTrade : (allowed[0] ?? tenantTrade);
}

/**
 * The trade with the most (and most recent) evidence; a tie goes to the tenant's own trade. When no
 * word names a trade, a clear service request (or an emergency) is taken to be for the tenant's.
 */
export function serviceTypeOf(turns: readonly string[], tenantTrade: Trade, hazards: readonly EmergencySignal[], isRequest: boolean): TradeFinding {
  const found = keywordsIn(turns);
  const named = found.some((f) => f.keyword.weight > 0);
  const serviceType = chooseTrade(found, allowedBy(hazards), tenantTrade, isRequest || hazards.length > 0);
  if (serviceType === 'other' || serviceType === 'unknown') return { serviceType, subCategory: 'general', named };
  return { serviceType, subCategory: subCategoryOf(serviceType, found, hazards), named };
}
