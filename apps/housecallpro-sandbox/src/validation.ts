// Turns request bodies into records or into a 422 naming every bad field. The rules are the
// sandbox's reading of Housecall Pro (which fields are required, the ten-digit US phone format);
// the API's exact rules and messages are unconfirmed.
import type { FieldProblem } from './hcp-errors';
import type { HcpAddress, HcpLineItem } from './types';

type Body = Record<string, unknown>;

export class Checker {
  readonly problems: FieldProblem[] = [];

  string(body: Body, field: string, required = false): string | null {
    const value = body[field];
    if (value === undefined || value === null || value === '') {
      if (required) this.problems.push({ field, message: "can't be blank" });
      return null;
    }
    if (typeof value !== 'string') {
      this.problems.push({ field, message: 'must be a string' });
      return null;
    }
    return value.trim() || null;
  }

  /** US numbers as ten digits; "+1 (512) 555-0199" and "512.555.0199" are accepted and normalised. */
  phone(body: Body, field: string): string | null {
    const value = this.string(body, field);
    if (value === null) return null;
    const digits = value.replace(/\D/g, '');
    const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    if (national.length !== 10) {
      this.problems.push({ field, message: 'is not a valid phone number' });
      return null;
    }
    return national;
  }

  strings(body: Body, field: string): string[] {
    const value = body[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      this.problems.push({ field, message: 'must be an array of strings' });
      return [];
    }
    return value as string[];
  }

  boolean(body: Body, field: string, fallback: boolean): boolean {
    const value = body[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') this.problems.push({ field, message: 'must be true or false' });
    return value === true;
  }

  objects(body: Body, field: string): Body[] {
    const value = body[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((item) => item === null || typeof item !== 'object' || Array.isArray(item))) {
      this.problems.push({ field, message: 'must be an array of objects' });
      return [];
    }
    return value as Body[];
  }

  prefixed(prefix: string, inner: Checker): void {
    this.problems.push(...inner.problems.map((problem) => ({ ...problem, field: `${prefix}.${problem.field}` })));
  }
}

/** An address; `strict` (the addresses endpoint) also wants city, state, zip and country. */
export function readAddress(body: Body, strict: boolean): { address: Omit<HcpAddress, 'id'>; problems: FieldProblem[] } {
  const check = new Checker();
  const type = body.type === 'billing' ? 'billing' : 'service';
  if (body.type !== undefined && body.type !== 'billing' && body.type !== 'service') {
    check.problems.push({ field: 'type', message: 'must be service or billing' });
  }
  const address = {
    type,
    street: check.string(body, 'street', true) ?? '',
    street_line_2: check.string(body, 'street_line_2'),
    city: check.string(body, 'city', strict),
    state: check.string(body, 'state', strict),
    zip: check.string(body, 'zip', strict),
    country: check.string(body, 'country', strict),
  } as const;
  return { address, problems: check.problems };
}

/** Line items: name required, quantity > 0 (default 1), unit_price in whole cents (default 0). */
export function readLineItem(body: Body): { item: HcpLineItem; problems: FieldProblem[] } {
  const check = new Checker();
  const quantity = body.quantity ?? 1;
  const unitPrice = body.unit_price ?? 0;
  if (typeof quantity !== 'number' || !(quantity > 0)) check.problems.push({ field: 'quantity', message: 'must be greater than 0' });
  if (!Number.isInteger(unitPrice) || (unitPrice as number) < 0) check.problems.push({ field: 'unit_price', message: 'must be a whole number of cents' });
  const item = {
    name: check.string(body, 'name', true) ?? '',
    description: check.string(body, 'description'),
    quantity: typeof quantity === 'number' ? quantity : 1,
    unit_price: Number.isInteger(unitPrice) ? (unitPrice as number) : 0,
  };
  return { item, problems: check.problems };
}

/** ISO 8601 with a zone designator: a bare local time would be read in the company's zone. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
