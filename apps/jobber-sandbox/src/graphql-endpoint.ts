// POST /api/graphql, in the order Jobber's stack would meet a request: the edge (scripted failures),
// the bearer token, the version header, then parse → validate → coerce → cost → execute.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CostBucket } from './cost-bucket';
import { execute, queryCost } from './graphql/execute';
import { GraphQLSyntaxError } from './graphql/lexer';
import { parseOperation, type OperationNode } from './graphql/parser';
import { coerceVariables } from './graphql/coerce';
import { validateOperation } from './graphql/validate';
import { parseJsonObject, readBody, sendJson, sendText } from './http-io';
import type { TokenAuthority } from './oauth';
import type { Resolver } from './graphql/execute';
import type { InjectableStatus } from './types';

export interface InjectedFailure {
  status: InjectableStatus;
  retryAfterSeconds?: number;
}

export interface GraphqlEndpointDeps {
  authority: TokenAuthority;
  bucket: CostBucket;
  resolvers: Record<string, Resolver>;
  takeInjectedFailure: () => InjectedFailure | undefined;
}

export interface EndpointOutcome {
  status: number;
  operations: string[];
  throttled?: boolean;
}

const VERSION_HEADER = 'x-jobber-graphql-version';
const RATE_LIMIT_DOCS = 'https://developer.getjobber.com/docs/using_jobbers_api/api_rate_limits';

/** Answers the request; resolves with the status sent and the root fields asked for. */
export async function handleGraphqlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: GraphqlEndpointDeps,
): Promise<EndpointOutcome> {
  const raw = await readBody(req);
  const failure = deps.takeInjectedFailure();
  if (failure) return { status: answerInjected(res, failure), operations: [] };

  const token = /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  if (!token || !deps.authority.isValidAccessToken(token)) {
    // Jobber documents a 401 "invalid_request" for a bad token; the exact body is unconfirmed.
    sendJson(res, 401, { error: 'invalid_request', error_description: 'The access token is invalid or has expired' }, {
      'www-authenticate': 'Bearer realm="Jobber", error="invalid_token"',
    });
    return { status: 401, operations: [] };
  }
  const version = req.headers[VERSION_HEADER];
  if (typeof version !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(version)) {
    // How Jobber treats a missing version header is unconfirmed; the sandbox insists on one.
    sendJson(res, 400, { errors: [{ message: `The ${VERSION_HEADER.toUpperCase()} header must name an API version (YYYY-MM-DD)` }] });
    return { status: 400, operations: [] };
  }
  if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
    // Since 2 Apr 2024 Jobber only accepts application/json request bodies (developer docs).
    sendJson(res, 415, { errors: [{ message: 'Requests must be sent with Content-Type: application/json' }] });
    return { status: 415, operations: [] };
  }
  const body = parseJsonObject(raw);
  if (!body || typeof body.query !== 'string') {
    sendJson(res, 400, { errors: [{ message: 'Expected a JSON body with a "query" string' }] });
    return { status: 400, operations: [] };
  }
  return runOperation(res, body, deps);
}

function runOperation(
  res: ServerResponse,
  body: Record<string, unknown>,
  deps: GraphqlEndpointDeps,
): EndpointOutcome {
  let operation: OperationNode;
  try {
    operation = parseOperation(body.query as string);
  } catch (error) {
    if (!(error instanceof GraphQLSyntaxError)) throw error;
    sendJson(res, 200, { errors: [{ message: error.message, locations: [{ line: error.line, column: error.column }] }] });
    return { status: 200, operations: [] };
  }
  const operations = operation.selections.map((field) => field.name);
  const invalid = validateOperation(operation);
  const provided = body.variables !== null && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
  const coerced = invalid.length === 0 ? coerceVariables(operation.variables, provided) : { values: {}, errors: [] };
  const errors = [...invalid, ...coerced.errors];
  if (errors.length > 0) {
    sendJson(res, 200, { errors });
    return { status: 200, operations };
  }

  const { allowed, report } = deps.bucket.spend(queryCost(operation, coerced.values));
  if (!allowed) {
    sendJson(res, 200, {
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: RATE_LIMIT_DOCS } }],
      extensions: { cost: report },
    });
    return { status: 200, operations, throttled: true };
  }
  const result = execute(operation, coerced.values, deps.resolvers);
  sendJson(res, 200, { data: result.data, ...(result.errors.length ? { errors: result.errors } : {}), extensions: { cost: report } });
  return { status: 200, operations };
}

function answerInjected(res: ServerResponse, failure: InjectedFailure): number {
  const headers: Record<string, string> =
    failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
  if (failure.status === 429) {
    // Jobber's DDoS guard is Rack::Attack, whose stock throttled answer is this plain-text body
    // (with no Retry-After unless configured); Jobber's own configuration is unconfirmed.
    sendText(res, 429, 'Retry later\n', headers);
  } else if (failure.status === 500) {
    sendJson(res, 500, { errors: [{ message: 'Internal server error' }] }, headers);
  } else {
    sendText(res, failure.status, failure.status === 502 ? 'Bad Gateway' : 'Service Unavailable', headers);
  }
  return failure.status;
}
