import 'server-only';
/**
 * Standard Webhooks signing: `webhook-id` (the notification id, the same on every retry),
 * `webhook-timestamp` (this attempt's time, Unix seconds) and `webhook-signature`, one `v1,<base64>`
 * HMAC-SHA256 over `id.timestamp.body` per secret, space-separated — two during a rotation, so a
 * receiver holding either the old or the new secret verifies every message.
 */
import { Webhook } from 'standardwebhooks';

export function signatureHeaders(
  webhookId: string,
  secrets: string[],
  body: string,
  at: Date,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  if (secrets.length === 0) throw new Error('a webhook destination without a secret cannot sign');
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(webhookId, at, body)).join(' '),
  };
}
