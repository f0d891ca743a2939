import type { SchemaVersion } from './codec';
import { createVersionReader } from './version-resolution';

/**
 * The rules a new schema version must keep, checked in `npm test`:
 * - its record name carries its version (`<Type>V<n>`), and versions run 1..n without gaps;
 * - each version reads the one before it (new code, old events still in the log and in Kafka);
 * - each version reads the one after it (consumers not yet redeployed, new events);
 * - the latest reads every older one (what the codec does with every message it decodes);
 * - no two schema files share a fingerprint, so the header names exactly one writer.
 */

export type EvolutionProblemKind = 'record_name' | 'version_gap' | 'fingerprint' | 'backward' | 'forward' | 'latest';

export type EvolutionProblem = { eventType: string; kind: EvolutionProblemKind; versions: number[]; detail: string };

const cannotRead = (reader: SchemaVersion, writer: SchemaVersion): string | undefined => {
  try {
    createVersionReader(reader.type, writer.type);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

function checkNames(versions: SchemaVersion[]): EvolutionProblem[] {
  return versions
    .filter((v) => v.name.split('.').at(-1) !== `${v.eventType}V${v.version}`)
    .map((v) => ({ eventType: v.eventType, kind: 'record_name', versions: [v.version], detail: `record name is ${v.name}` }));
}

function checkFingerprints(versions: SchemaVersion[]): EvolutionProblem[] {
  const seen = new Map<string, SchemaVersion>();
  const problems: EvolutionProblem[] = [];
  for (const v of versions) {
    const other = seen.get(v.fingerprint);
    if (other) problems.push({ eventType: v.eventType, kind: 'fingerprint', versions: [v.version], detail: `same fingerprint as ${other.eventType} v${other.version}` });
    seen.set(v.fingerprint, v);
  }
  return problems;
}

function checkOneType(eventType: string, ordered: SchemaVersion[]): EvolutionProblem[] {
  const problems: EvolutionProblem[] = [];
  const numbers = ordered.map((v) => v.version);
  if (numbers.some((n, i) => n !== i + 1)) problems.push({ eventType, kind: 'version_gap', versions: numbers, detail: 'versions must run 1..n' });
  const add = (kind: EvolutionProblemKind, reader: SchemaVersion, writer: SchemaVersion) => {
    const detail = cannotRead(reader, writer);
    if (detail) problems.push({ eventType, kind, versions: [reader.version, writer.version], detail });
  };
  for (let i = 1; i < ordered.length; i++) {
    add('backward', ordered[i]!, ordered[i - 1]!);
    add('forward', ordered[i - 1]!, ordered[i]!);
  }
  const latest = ordered.at(-1)!;
  for (const older of ordered.slice(0, -2)) add('latest', latest, older);
  return problems;
}

export function checkSchemaEvolution(versions: SchemaVersion[]): EvolutionProblem[] {
  const byType = new Map<string, SchemaVersion[]>();
  for (const v of versions) byType.set(v.eventType, [...(byType.get(v.eventType) ?? []), v]);
  const perType = [...byType].flatMap(([eventType, list]) => checkOneType(eventType, [...list].sort((a, b) => a.version - b.version)));
  return [...checkNames(versions), ...checkFingerprints(versions), ...perType];
}

/** One line a person can act on: which event, which versions, which way, and Avro's reason. */
export function describeEvolutionProblem(problem: EvolutionProblem): string {
  const [a, b] = problem.versions;
  const kind = problem.kind;
  switch (kind) {
    case 'record_name':
      return `${problem.eventType} v${a}: ${problem.detail}, expected a name ending in ${problem.eventType}V${a}`;
    case 'version_gap':
      return `${problem.eventType}: versions ${problem.versions.join(', ')}; ${problem.detail}`;
    case 'fingerprint':
      return `${problem.eventType} v${a}: ${problem.detail}`;
    case 'backward':
      return `${problem.eventType} v${a} cannot read events written with v${b} (breaking change: old events become unreadable): ${problem.detail}`;
    case 'forward':
      return `${problem.eventType} v${a} cannot read events written with v${b} (breaking change: consumers still on v${a} fail): ${problem.detail}`;
    case 'latest':
      return `${problem.eventType} v${a}, the latest, cannot read events written with v${b}: ${problem.detail}`;
    default: {
      const _exhaustive: never = kind;
      return String(_exhaustive);
    }
  }
}
