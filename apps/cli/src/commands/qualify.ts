import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { DEFAULT_PERSONA, type Qualifier, rulesQualifier, type Tenant, trades, withRulesSafetyNet } from '@naxio/domain';
import { ClaudeQualifier } from '@naxio/infra';
import type { Command } from '../command';

/** Every way `naxio qualify` can refuse something, with a stable code. */
export const qualifyErrors = {
  usage: 'usage',
  invalidTenantsFile: 'invalid_tenants_file',
  invalidReplyLine: 'invalid_reply_line',
  unknownTenant: 'unknown_tenant',
  qualificationFailed: 'qualification_failed',
} as const;
export type QualifyErrorCode = (typeof qualifyErrors)[keyof typeof qualifyErrors];

export class QualifyError extends Error {
  constructor(
    readonly code: QualifyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'QualifyError';
  }
}

const tenantSchema = z.object({
  id: z.string().min(1, 'must be a non-empty string'),
  company: z.string().min(1, 'must be a non-empty string'),
  trade: z.enum(trades),
  timezone: z.string().min(1, 'must be an IANA time zone like America/Chicago'),
  persona: z.string().min(1).optional(),
  coverage: z.object({
    zips: z.array(z.string().regex(/^\d{5}$/, 'must be a 5-digit ZIP')),
    cities: z.array(z.string().min(1, 'must be a non-empty string')),
  }),
});

/**
 * The tenants file: `[{id, company, trade, timezone, coverage: {zips, cities}}]`. Fields the rules
 * do not read (numbers, hours, templates) get empty defaults; extra fields are ignored, so the seed
 * file works too.
 */
export function tenantsFromJson(input: unknown): Tenant[] {
  const parsed = z.array(tenantSchema).min(1, 'must list at least one tenant').safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `tenants${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`);
    throw new QualifyError(qualifyErrors.invalidTenantsFile, `invalid tenants file:\n  - ${problems.join('\n  - ')}`);
  }
  return parsed.data.map((t) => ({
    id: t.id,
    company: t.company,
    trade: t.trade,
    phoneNumbers: [],
    ownerPhone: '',
    timezone: t.timezone,
    businessHours: {},
    persona: t.persona ?? DEFAULT_PERSONA,
    templates: {},
    coverage: { zips: t.coverage.zips, cities: t.coverage.cities },
    booking: { technicians: 2, recordCalls: false },
    crm: null,
  }));
}

/** Where a Claude qualifier plugs in: given the API key, returns the adapter. */
export type ClaudeQualifierFactory = (apiKey: string) => Qualifier;

/** The adapter in infra/src/anthropic: Claude within its time budget, the rules when it cannot answer. */
export const claudeQualifier: ClaudeQualifierFactory = (apiKey) => new ClaudeQualifier({ apiKey, fallback: rulesQualifier });

/** The rules alone without ANTHROPIC_API_KEY; with it, Claude behind the rules' emergency safety net. */
export function qualifierFromEnv(env: NodeJS.ProcessEnv = process.env, claude: ClaudeQualifierFactory = claudeQualifier): Qualifier {
  const apiKey = env.ANTHROPIC_API_KEY?.trim();
  if (!apiKey) return rulesQualifier;
  return withRulesSafetyNet(claude(apiKey));
}

const replyLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  tenant: z.string().min(1, 'must be a non-empty string'),
  text: z.string().min(1, 'must be a non-empty string'),
});

export type QualifyRun = { qualified: number; bad: number };

function parseLine(raw: string, tenants: ReadonlyMap<string, Tenant>): { id: string; tenant: Tenant; text: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new QualifyError(qualifyErrors.invalidReplyLine, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = replyLine.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `"${i.path.join('.') || 'line'}" ${i.message}`);
    throw new QualifyError(qualifyErrors.invalidReplyLine, problems.join('; '));
  }
  const tenant = tenants.get(parsed.data.tenant);
  if (!tenant) {
    throw new QualifyError(qualifyErrors.unknownTenant, `unknown tenant "${parsed.data.tenant}" (known: ${[...tenants.keys()].join(', ')})`);
  }
  return { id: parsed.data.id, tenant, text: parsed.data.text };
}

function write(stream: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve) => (stream.write(`${line}\n`) ? resolve() : stream.once('drain', () => resolve())));
}

/**
 * Reads `{"id","tenant","text"}` lines and writes one qualification line per reply. A bad line is
 * reported on `errors` with its number and skipped; the caller decides the exit code from `bad`.
 */
export async function runQualify(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  tenants: readonly Tenant[],
  qualifier: Qualifier,
  errors: NodeJS.WritableStream = process.stderr,
  now: () => Date = () => new Date(),
): Promise<QualifyRun> {
  const byId = new Map(tenants.map((t) => [t.id, t]));
  const run: QualifyRun = { qualified: 0, bad: 0 };
  let lineNumber = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (raw.trim() === '') continue;
    try {
      const reply = parseLine(raw, byId);
      const at = now();
      const q = await qualifier
        .qualify({ tenant: reply.tenant, conversation: [{ from: 'lead', text: reply.text, at: at.toISOString() }], at })
        .catch((error: unknown) => {
          throw new QualifyError(qualifyErrors.qualificationFailed, `qualification failed (${error instanceof Error ? error.message : String(error)})`);
        });
      const out = { id: reply.id, urgency: q.urgency, serviceType: q.serviceType, subCategory: q.subCategory, inServiceArea: q.serviceArea.inArea, intent: q.intent, source: q.source };
      await write(output, JSON.stringify(out));
      run.qualified += 1;
    } catch (error) {
      if (!(error instanceof QualifyError)) throw error;
      run.bad += 1;
      await write(errors, `line ${lineNumber}: ${error.code}: ${error.message}`);
    }
  }
  return run;
}

const usage = 'usage: naxio qualify --tenants TENANTS.json < replies.jsonl > out.jsonl';

function tenantsPath(args: string[]): string {
  const [flag, path, ...rest] = args;
  const inline = flag?.startsWith('--tenants=') ? flag.slice('--tenants='.length) : undefined;
  if (inline && path === undefined) return inline;
  if (flag === '--tenants' && path && rest.length === 0) return path;
  throw new QualifyError(qualifyErrors.usage, usage);
}

function loadTenants(path: string): Tenant[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new QualifyError(qualifyErrors.invalidTenantsFile, `cannot read tenants file ${path} (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return tenantsFromJson(JSON.parse(text));
  } catch (error) {
    if (error instanceof QualifyError) throw error;
    throw new QualifyError(qualifyErrors.invalidTenantsFile, `tenants file ${path} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

export const command: Command = {
  name: 'qualify',
  summary: 'qualify SMS replies (JSON lines on stdin) with the rules, or Claude when configured',
  async run(args) {
    let tenants: Tenant[];
    try {
      tenants = loadTenants(tenantsPath(args));
    } catch (error) {
      if (!(error instanceof QualifyError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    const { bad } = await runQualify(process.stdin, process.stdout, tenants, qualifierFromEnv());
    return bad > 0 ? 1 : 0;
  },
};
