import { startAnthropicSandbox, type AnthropicSandbox } from '@naxio/anthropic-sandbox';
import { type CallScriptRequest, callbackGreeting, templateCallScript } from '@naxio/domain';
import { peakComfort } from '../../../test/support/tenants';
import { ClaudeCallScriptWriter } from './claude-call-script';

const API_KEY = 'sk-ant-call-script';
const tenant = peakComfort({ booking: { technicians: 2, recordCalls: true } });
const request: CallScriptRequest = {
  tenant,
  slots: [
    { slotId: 'a', start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T17:00:00.000Z' },
    { slotId: 'b', start: '2026-12-02T20:00:00.000Z', end: '2026-12-02T22:00:00.000Z' },
  ],
  qualification: null,
  recorded: true,
};
const good =
  'Hi, this is Jordan, an automated assistant calling for Peak Comfort HVAC about your cooling. This call is recorded. ' +
  'We can come Tue, Dec 1, 9:00 AM–11:00 AM or Wed, Dec 2, 2:00 PM–4:00 PM. Which works, and can you confirm the address? Say stop calling to opt out.';

let sandbox: AnthropicSandbox;
beforeAll(async () => (sandbox = await startAnthropicSandbox({ apiKey: API_KEY })));
afterAll(() => sandbox.close());

const writer = () => new ClaudeCallScriptWriter({ apiKey: API_KEY, baseUrl: sandbox.baseUrl, model: 'claude-under-test', budgetMs: 2000, fallback: templateCallScript });

describe("Jordan's opening written by Claude", () => {
  it('speaks what Claude wrote when it says everything it must', async () => {
    sandbox.script({ text: good });
    expect(await writer().greeting(request)).toBe(good);
  });

  it.each([
    ['leaves out the recording notice', good.replace(' This call is recorded.', '')],
    ['does not say it is automated', good.replace('an automated assistant', 'a team member')],
    ['offers a time the calendar did not', good.replace('Wed, Dec 2, 2:00 PM–4:00 PM', 'tonight at 8')],
    ['quotes a price', `${good} Visits are $89.`],
  ])('falls back to the template when the script %s', async (_name, text) => {
    sandbox.script({ text });
    expect(await writer().greeting(request)).toBe(callbackGreeting(tenant, request.slots, true));
  });

  it('falls back to the template when Claude is down', async () => {
    sandbox.script({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    expect(await writer().greeting(request)).toBe(callbackGreeting(tenant, request.slots, true));
  });
});
