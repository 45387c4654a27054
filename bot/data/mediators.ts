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

/** What a system's API token may do: work cases (mediator), also administer (admin), or only read (reader: reporting, a CRM that follows cases). */
export type TokenRole = 'mediator' | 'admin' | 'reader';

export interface ApiTokenView {
  id: string;
  name: string;
  role: TokenRole;
  createdById: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const role = (r: string): 'mediator' | 'admin' => (r === 'admin' ? 'admin' : 'mediator');
const tokenRole = (r: string): TokenRole => (r === 'admin' || r === 'reader' ? r : 'mediator');

const toIdentity = (row: { id: string; tenantId: string; email: string; name: string; role: string }): MediatorIdentity => ({
  id: row.id, tenantId: row.tenantId, email: row.email, name: row.name, role: role(row.role),
});

const toTokenView = (r: { id: string; name: string; role: string; createdById: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null; lastUsedAt: Date | null }): ApiTokenView => ({
  id: r.id, name: r.name, role: tokenRole(r.role), createdById: r.createdById, createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null, lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
});

// Writing lastUsedAt on every call would turn each read into a write; once an hour is enough for admins.
const lastUsedResolutionMs = 3600_000;

/** Mediator accounts, their console sessions and the tenant's API tokens (secrets stored as sha256 only). */
export class MediatorStore {
  constructor(private readonly db: Db) {}

  async findByEmail(email: string): Promise<MediatorWithHash | null> {
    const row = await this.db.mediator.findUnique({ where: { email: email.trim().toLowerCase() } });
    return row ? { ...toIdentity(row), passwordHash: row.passwordHash } : null;
  }

  /** A colleague of this tenant, or null (another tenant's account is as unknown as a missing one). */
  async findInTenant(tenantId: string, id: string): Promise<MediatorIdentity | null> {
    const row = await this.db.mediator.findFirst({ where: { id, tenantId } });
    return row ? toIdentity(row) : null;
  }

  /** Display names of accounts and tokens by id, for the audit view (one tenant's only). */
  async namesFor(tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const [people, tokens] = await Promise.all([
      this.db.mediator.findMany({ where: { tenantId, id: { in: [...ids] } }, select: { id: true, name: true } }),
      this.db.apiToken.findMany({ where: { tenantId, id: { in: [...ids] } }, select: { id: true, name: true } }),
    ]);
    return new Map([...people, ...tokens].map((r) => [r.id, r.name]));
  }

  async listForTenant(tenantId: string): Promise<MediatorIdentity[]> {
    return (await this.db.mediator.findMany({ where: { tenantId }, orderBy: { email: 'asc' } })).map(toIdentity);
  }

  /** Creates an account; null when the e-mail address is taken. */
  async create(input: { tenantId: string; email: string; name: string; role: 'mediator' | 'admin'; passwordHash: string }): Promise<MediatorIdentity | null> {
    try {
      return toIdentity(await this.db.mediator.create({ data: { ...input, email: input.email.trim().toLowerCase() } }));
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') return null;
      throw error;
    }
  }

  async createSession(input: { hash: string; mediatorId: string; kind: 'session' | 'api_token'; csrfToken: string | null; expiresAt: Date }): Promise<void> {
    await this.db.mediatorSession.create({ data: input });
  }

  async findSession(hash: string, now: Date): Promise<{ mediator: MediatorIdentity; kind: string; csrfToken: string | null; expiresAt: Date } | null> {
    const row = await this.db.mediatorSession.findUnique({ where: { hash }, include: { mediator: true } });
    if (!row || row.revokedAt || row.expiresAt <= now) return null;
    return { mediator: toIdentity(row.mediator), kind: row.kind, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
  }

  async revokeSession(hash: string): Promise<void> {
    await this.db.mediatorSession.updateMany({ where: { hash, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  async createApiToken(input: { tenantId: string; name: string; role: TokenRole; hash: string; createdById: string; expiresAt: Date | null }): Promise<ApiTokenView> {
    return toTokenView(await this.db.apiToken.create({ data: input }));
  }

  async listApiTokens(tenantId: string): Promise<ApiTokenView[]> {
    return (await this.db.apiToken.findMany({ where: { tenantId }, orderBy: { createdAt: 'desc' } })).map(toTokenView);
  }

  /** Revokes one of the tenant's tokens; false when there is no such active token for this tenant. */
  async revokeApiToken(tenantId: string, id: string, now: Date): Promise<boolean> {
    const { count } = await this.db.apiToken.updateMany({ where: { id, tenantId, revokedAt: null }, data: { revokedAt: now } });
    return count === 1;
  }

  /** The active token with this hash, marking its use (coarsely). */
  async findApiToken(hash: string, now: Date): Promise<{ id: string; tenantId: string; name: string; role: TokenRole; createdById: string } | null> {
    const row = await this.db.apiToken.findUnique({ where: { hash } });
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > lastUsedResolutionMs) {
      await this.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    }
    return { id: row.id, tenantId: row.tenantId, name: row.name, role: tokenRole(row.role), createdById: row.createdById };
  }
}
