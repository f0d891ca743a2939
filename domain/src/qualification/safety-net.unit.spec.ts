import type { QualificationRequest, Qualifier } from '../ports/qualifier';
import type { Tenant } from '../tenant/tenant';
import type { Qualification } from './qualification';
import { qualifyByRules } from './qualify-by-rules';
import { withEmergencySafetyNet, withRulesSafetyNet } from './safety-net';

const tenant: Tenant = {
  id: 'peak-comfort', company: 'Peak Comfort HVAC', trade: 'hvac', phoneNumbers: [], ownerPhone: '', timezone: 'America/Chicago',
  businessHours: {}, persona: 'Jordan', templates: {}, coverage: { zips: ['78701'], cities: ['Austin'] },
  booking: { technicians: 2, recordCalls: false }, crm: null,
};
const at = new Date('2026-07-15T15:00:00Z');
const request = (text: string): QualificationRequest => ({ tenant, conversation: [{ from: 'lead', text, at: at.toISOString() }], at });

const claudeSays = (urgency: Qualification['urgency']): Qualification => ({
  urgency, serviceType: 'plumbing', subCategory: 'water-heater', serviceArea: { zip: null, city: null, inArea: null },
  intent: 'high', summary: 'from the model', source: 'claude', model: 'claude-test',
});

describe('emergency safety net', () => {
  it('turns the primary answer into an emergency when the rules see one, keeping everything else', () => {
    const merged = withEmergencySafetyNet(claudeSays('scheduled'), qualifyByRules(request('I smell gas by the water heater')));
    expect(merged).toEqual({ ...claudeSays('scheduled'), urgency: 'emergency' });
  });

  it('keeps an emergency the primary saw even when the rules did not', () => {
    expect(withEmergencySafetyNet(claudeSays('emergency'), qualifyByRules(request('need a tune up')))).toEqual(claudeSays('emergency'));
  });

  it('changes nothing when neither sees an emergency', () => {
    expect(withEmergencySafetyNet(claudeSays('inquiry'), qualifyByRules(request('do you do maintenance plans?')))).toEqual(claudeSays('inquiry'));
  });

  it('wraps a qualifier: the rules check every answer and answer alone when the primary fails', async () => {
    const missesGas: Qualifier = { qualify: async () => claudeSays('scheduled') };
    const down: Qualifier = { qualify: async () => Promise.reject(new Error('overloaded')) };
    await expect(withRulesSafetyNet(missesGas).qualify(request('smells like gas in here'))).resolves.toMatchObject({ urgency: 'emergency', source: 'claude' });
    await expect(withRulesSafetyNet(down).qualify(request('smells like gas in here'))).resolves.toMatchObject({ urgency: 'emergency', source: 'rules' });
  });
});
