import { rulesQualifier, templateReplyWriter, withRulesSafetyNet } from '@naxio/domain';
import { ClaudeQualifier, ClaudeReplyWriter, runConsumerProcess, telnyxGatewaysFromEnv } from '@naxio/infra';
import { handleReply, REPLY_TRIGGERS } from './handle-reply';

// Reads replies: TELNYX_*, and ANTHROPIC_API_KEY (+ ANTHROPIC_BASE_URL, ANTHROPIC_MODEL) for Claude;
// without a key the rules qualify and the templates answer.
runConsumerProcess('conversation', REPLY_TRIGGERS, (basics) => {
  const { sms, receiptBaseUrl } = telnyxGatewaysFromEnv();
  const apiKey = process.env.ANTHROPIC_API_KEY;
  const claude = { apiKey: apiKey ?? '', baseUrl: process.env.ANTHROPIC_BASE_URL };
  const qualifier = withRulesSafetyNet(apiKey ? new ClaudeQualifier({ ...claude, fallback: rulesQualifier }) : rulesQualifier);
  const replyWriter = apiKey ? new ClaudeReplyWriter({ ...claude, fallback: templateReplyWriter }) : templateReplyWriter;
  return (event) => handleReply({ ...basics, sms, receiptBaseUrl, qualifier, replyWriter }, event);
});
