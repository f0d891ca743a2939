export { parseJsonObject, readBody, sendJson } from '@naxio/sandbox-kit';
