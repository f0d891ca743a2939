// Reading what the booking knows about a customer into the pieces CRMs store separately.

export const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Ten-digit US national number from E.164 or any formatting; other numbers keep all their digits. */
export function nationalNumber(phone: string): string {
  const digits = digitsOf(phone);
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** Same number however it was typed: "(512) 555-0199" is "+15125550199". */
export function samePhone(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const left = nationalNumber(a);
  return left.length >= 7 && left === nationalNumber(b);
}

/**
 * The name a CRM files the customer under. A caller who never gave a name still needs one (Jobber
 * refuses a nameless client), so the phone number stands in until the office fills it in.
 */
export function customerName(customer: { name: string | null; phone: string }): { first: string; last: string } {
  const named = splitName(customer.name);
  return named.first ? named : { first: 'Caller', last: nationalNumber(customer.phone) };
}

/** "Dana Reyes" → Dana / Reyes; "Dana" → Dana / ""; "Mary Ann de la Cruz" → Mary / Ann de la Cruz. */
export function splitName(name: string | null): { first: string; last: string } {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return { first: parts[0] ?? '', last: parts.slice(1).join(' ') };
}

export interface AddressParts {
  street: string;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
}

const US_TAIL = /^(?<city>[^,]+),\s*(?<state>[A-Za-z]{2})\.?\s+(?<zip>\d{5}(?:-\d{4})?)(?:,\s*(?:US|USA|United States))?$/i;

/** "12 Oak St, Apt 4, Austin, TX 78701" → street "12 Oak St, Apt 4", Austin, TX, 78701, US; otherwise all in street. */
export function parseAddressLine(line: string): AddressParts {
  const trimmed = line.trim();
  const parts = trimmed.split(',').map((part) => part.trim());
  for (let split = parts.length - 1; split >= 1; split -= 1) {
    const match = US_TAIL.exec(parts.slice(split).join(', '));
    if (match?.groups) {
      return {
        street: parts.slice(0, split).join(', '),
        city: match.groups.city?.trim() ?? null,
        state: match.groups.state?.toUpperCase() ?? null,
        zip: match.groups.zip ?? null,
        country: 'US',
      };
    }
  }
  return { street: trimmed, city: null, state: null, zip: null, country: null };
}

/** Where a booking's reference is written, so a redelivered sync finds the job it already made. */
export const bookingReference = (bookingId: string) => `ref ${bookingId}`;
