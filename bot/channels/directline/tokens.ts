import { randomBytes } from 'node:crypto';
import { sha256 } from '../../hash.ts';
import { forbidden, unauthorized } from '../../errors.ts';
import type { DirectLineStore, TokenRecord } from '../../data/directLineStore.ts';

export { sha256 };

/** Reads "Bearer <value>"; 401 when missing or malformed. */
export function bearer(header: string | undefined): string {
  if (!header) throw unauthorized('Authorization header with a Bearer token is required');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized('Authorization header must be "Bearer <token>"');
  return match[1];
}

export interface VerifiedToken extends TokenRecord {
  token: string;
  expiresInSeconds: number;
}

/**
 * Direct Line tokens: random, bound to one tenant and one conversation, stored only as sha256 so a
 * database leak does not leak live tokens, and valid on every instance that shares the database.
 *
 * A token for a conversation bound to a user id names that id in a readable, JWT-shaped middle
 * part (`dlt.<base64url {"user": id}>.<random>`), as Direct Line's own tokens do: Web Chat and
 * botframework-directlinejs learn the user id from the token (jwt-decode), and without it they
 * replace a `dl_` id they were given by a random one, which the bound conversation then refuses.
 * The readable part grants nothing: a token is checked only by the sha256 of the whole string.
 */
export class DirectLineTokens {
  constructor(
    private readonly store: DirectLineStore,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async issue(tenantId: string, conversationId: string, userId?: string | null): Promise<{ token: string; expires_in: number }> {
    const secret = randomBytes(32).toString('base64url');
    const token = userId ? `dlt.${Buffer.from(JSON.stringify({ user: userId })).toString('base64url')}.${secret}` : `dlt_${secret}`;
    await this.store.saveToken(sha256(token), { tenantId, conversationId, expiresAt: new Date(this.now().getTime() + this.ttlSeconds * 1000) });
    return { token, expires_in: this.ttlSeconds };
  }

  /** 401 without a token; 403 when it is forged, expired, revoked or for another conversation. */
  async verify(authorization: string | undefined, conversationId?: string): Promise<VerifiedToken> {
    const token = bearer(authorization);
    return this.verifyToken(token, conversationId);
  }

  async verifyToken(token: string, conversationId?: string): Promise<VerifiedToken> {
    const record = await this.store.findToken(sha256(token));
    if (!record) throw forbidden('The token is not valid');
    if (record.revoked) throw forbidden('The token was revoked');
    const remaining = Math.floor((record.expiresAt.getTime() - this.now().getTime()) / 1000);
    if (remaining <= 0) throw forbidden('The token has expired; get a new one from /v3/directline/tokens/generate');
    if (conversationId !== undefined && record.conversationId !== conversationId) throw forbidden('The token is for another conversation');
    return { ...record, token, expiresInSeconds: remaining };
  }
}
