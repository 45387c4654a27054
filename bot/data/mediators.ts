import type { Db } from './db.ts';

export interface MediatorIdentity {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: 'mediator' | 'admin';
}

export interface MediatorWithHash extends MediatorIdentity {
  passwordHash: string;
}

const toIdentity = (row: { id: string; tenantId: string; email: string; name: string; role: string }): MediatorIdentity => ({
  id: row.id, tenantId: row.tenantId, email: row.email, name: row.name, role: row.role === 'admin' ? 'admin' : 'mediator',
});

/** Mediator accounts and their sessions / API tokens (stored as sha256 only). */
export class MediatorStore {
  constructor(private readonly db: Db) {}

  async findByEmail(email: string): Promise<MediatorWithHash | null> {
    const row = await this.db.mediator.findUnique({ where: { email: email.toLowerCase() } });
    return row ? { ...toIdentity(row), passwordHash: row.passwordHash } : null;
  }

  async createSession(input: { hash: string; mediatorId: string; kind: 'session' | 'api_token'; csrfToken: string | null; expiresAt: Date }): Promise<void> {
    await this.db.mediatorSession.create({ data: input });
  }

  async findSession(hash: string, now: Date): Promise<{ mediator: MediatorIdentity; kind: string; csrfToken: string | null } | null> {
    const row = await this.db.mediatorSession.findUnique({ where: { hash }, include: { mediator: true } });
    if (!row || row.revokedAt || row.expiresAt <= now) return null;
    return { mediator: toIdentity(row.mediator), kind: row.kind, csrfToken: row.csrfToken };
  }

  async revokeSession(hash: string): Promise<void> {
    await this.db.mediatorSession.updateMany({ where: { hash, revokedAt: null }, data: { revokedAt: new Date() } });
  }
}
