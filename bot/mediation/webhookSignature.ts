/** Signing and checking webhook deliveries: HMAC-SHA256 over `${timestamp}.${body}` (the Stripe/Svix scheme). */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-wachtwijzer-signature';
export const timestampHeader = 'x-wachtwijzer-timestamp';
export const deliveryHeader = 'x-wachtwijzer-delivery';
export const eventHeader = 'x-wachtwijzer-event';

/** The signature header value for a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: recompute and compare in constant time, and refuse old timestamps so a
 * captured delivery cannot be replayed later (default tolerance five minutes).
 */
export function verifyWebhook(secret: string, headers: { signature?: string; timestamp?: string }, body: string, now: Date = new Date(), toleranceSeconds = 300): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(ts) || Math.abs(now.getTime() / 1000 - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
