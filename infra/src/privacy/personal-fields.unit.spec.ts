import { leadEventTypes } from '@naxio/domain';
import { exampleEvents, loadSchemaVersions } from '@naxio/schemas';
import { personalFields, personalFieldsOf } from './personal-fields';

type AvroField = { name: string; type: unknown };

describe('the personal field table', () => {
  it('decides for every lead event type and no other', () => {
    expect(Object.keys(personalFields).sort()).toEqual([...leadEventTypes].sort());
    expect(personalFieldsOf('NotALeadEvent')).toEqual([]);
    expect(personalFieldsOf('toString')).toEqual([]);
  });

  it('names only fields whose every Avro version is a string (or null): sealed values are strings', () => {
    const stringTypes = [JSON.stringify('string'), JSON.stringify(['null', 'string'])];
    const checked: string[] = [];
    const notStrings: string[] = [];
    for (const version of loadSchemaVersions()) {
      const schema = version.type.schema() as { fields: AvroField[] };
      const data = schema.fields.find((f) => f.name === 'data')!.type as { fields: AvroField[] };
      for (const field of personalFieldsOf(version.eventType)) {
        const type = JSON.stringify(data.fields.find((f) => f.name === field)?.type ?? 'missing');
        checked.push(`${version.name}.${field}`);
        if (!stringTypes.includes(type)) notStrings.push(`${version.name}.${field}: ${type}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(Object.values(personalFields).flat().length);
    expect(notStrings).toEqual([]);
  });

  it('covers the lead’s number, words and whereabouts in the example of every event', () => {
    const personal = Object.fromEntries(Object.values(exampleEvents).map((e) => [e.type, personalFieldsOf(e.type)]));
    expect(personal).toMatchObject({
      CallMissed: ['callerPhone'],
      ReplyReceived: ['callerPhone', 'text'],
      TextSendAttempted: ['to', 'text'],
      LeadQualified: ['summary'],
      EmergencyEscalated: ['summary', 'address'],
      CallbackBooked: ['address', 'summary'],
      LeadOptedOut: ['detail'],
    });
  });
});
