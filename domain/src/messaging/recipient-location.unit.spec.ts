import { knownAreaCodes, nanpAreaCode } from './area-codes';
import { recipientLocation } from './recipient-location';
import { isKnownTimezone } from './zoned-time';
import { zipLocation } from './zip-prefixes';
import { usStates } from './us-states';

const tenant = { tenantTimezone: 'America/Chicago', tenantState: 'TX' as const };

describe('recipient location', () => {
  it('prefers the ZIP the lead stated over their area code', () => {
    expect(recipientLocation({ ...tenant, statedZip: '33101', phone: '+15125550100' })).toEqual({
      timezone: 'America/New_York', state: 'FL', source: 'stated-zip',
    });
    expect(recipientLocation({ ...tenant, statedZip: '06103-1234', phone: '+15125550100' })).toMatchObject({ state: 'CT', source: 'stated-zip' });
  });

  it('puts ZIP prefixes on the right side of a zone line', () => {
    expect(zipLocation('79901')).toEqual({ state: 'TX', timezones: ['America/Denver'] }); // El Paso
    expect(zipLocation('32501')).toEqual({ state: 'FL', timezones: ['America/Chicago'] }); // Pensacola
    expect(zipLocation('37902')).toEqual({ state: 'TN', timezones: ['America/New_York'] }); // Knoxville
    expect(zipLocation('37201')).toEqual({ state: 'TN', timezones: ['America/Chicago'] }); // Nashville
    expect(zipLocation('83814')).toEqual({ state: 'ID', timezones: ['America/Los_Angeles'] }); // Coeur d'Alene
    expect(zipLocation('83702')).toEqual({ state: 'ID', timezones: ['America/Boise'] }); // Boise
    expect(zipLocation('57701')).toEqual({ state: 'SD', timezones: ['America/Denver'] }); // Rapid City
    expect(zipLocation('85004')).toEqual({ state: 'AZ', timezones: ['America/Phoenix'] });
    expect(zipLocation('96813')).toEqual({ state: 'HI', timezones: ['Pacific/Honolulu'] });
    expect(zipLocation('96799')).toEqual({ state: 'AS', timezones: ['Pacific/Pago_Pago'] });
    expect(zipLocation('96910')).toEqual({ state: 'GU', timezones: ['Pacific/Guam'] });
    expect(zipLocation('00901')).toEqual({ state: 'PR', timezones: ['America/Puerto_Rico'] });
    expect(zipLocation('05501')).toEqual({ state: 'MA', timezones: ['America/New_York'] }); // Andover, in the VT range
    expect(zipLocation('73301')).toEqual({ state: 'TX', timezones: ['America/Chicago'] }); // Austin, in the OK range
  });

  it('ignores a ZIP that names no state and falls back to the area code', () => {
    expect(zipLocation('09012')).toBeNull(); // APO Europe
    expect(zipLocation('M5V 2T6')).toBeNull();
    expect(recipientLocation({ ...tenant, statedZip: '09012', phone: '+12125550100' })).toMatchObject({ state: 'NY', source: 'area-code' });
  });

  it('uses a city only with its state, with every zone of that state', () => {
    expect(recipientLocation({ ...tenant, statedCity: 'Providence, RI', phone: '+15125550100' })).toEqual({
      timezone: 'America/New_York', state: 'RI', source: 'stated-city',
    });
    expect(recipientLocation({ ...tenant, statedCity: 'El Paso, Texas', phone: '+12125550100' })).toEqual({
      timezone: 'America/Chicago', state: 'TX', otherPossibleTimezones: ['America/Denver'], source: 'stated-city',
    });
    expect(recipientLocation({ ...tenant, statedCity: 'Springfield', phone: '+12125550100' })).toMatchObject({ state: 'NY', source: 'area-code' });
  });

  it('reads the area code, with both zones where it crosses a line', () => {
    expect(recipientLocation({ ...tenant, phone: '+18605550100' })).toEqual({ timezone: 'America/New_York', state: 'CT', source: 'area-code' });
    expect(recipientLocation({ ...tenant, phone: '(915) 555-0100' })).toEqual({ timezone: 'America/Denver', state: 'TX', source: 'area-code' });
    expect(recipientLocation({ ...tenant, phone: '+18505550100' })).toEqual({
      timezone: 'America/Chicago', state: 'FL', otherPossibleTimezones: ['America/New_York'], source: 'area-code',
    });
  });

  it('falls back to the tenant for numbers without a US area code', () => {
    const expected = { timezone: 'America/Chicago', state: 'TX', source: 'tenant' };
    expect(recipientLocation({ ...tenant, phone: '+442079460958' })).toEqual(expected); // UK
    expect(recipientLocation({ ...tenant, phone: '+4930123456' })).toEqual(expected); // ten digits, not NANP
    expect(recipientLocation({ ...tenant, phone: '+18005550100' })).toEqual(expected); // toll-free
    expect(recipientLocation({ ...tenant, phone: '+14165550100' })).toEqual(expected); // Toronto
    expect(recipientLocation({ tenantTimezone: 'America/Denver', phone: 'anonymous' })).toEqual({ timezone: 'America/Denver', state: null, source: 'tenant' });
  });

  it('parses NANP numbers in the usual spellings', () => {
    expect(nanpAreaCode('+1 (512) 555-0100')).toBe('512');
    expect(nanpAreaCode('1-512-555-0100')).toBe('512');
    expect(nanpAreaCode('5125550100')).toBe('512');
    expect(nanpAreaCode('+1 512 155 0100')).toBeNull(); // exchange cannot start with 1
    expect(nanpAreaCode('+1 112 555 0100')).toBeNull();
  });

  it('covers every state with area codes, all in zones the runtime knows', () => {
    const codes = knownAreaCodes();
    expect(codes.length).toBeGreaterThan(330);
    const states = new Set(codes.map((code) => recipientLocation({ ...tenant, phone: `+1${code}5550100` }).state));
    expect([...states].sort()).toEqual([...usStates].sort());
    for (const code of codes) {
      const location = recipientLocation({ ...tenant, phone: `+1${code}5550100` });
      for (const zone of [location.timezone, ...(location.otherPossibleTimezones ?? [])]) expect([code, isKnownTimezone(zone)]).toEqual([code, true]);
    }
  });
});
