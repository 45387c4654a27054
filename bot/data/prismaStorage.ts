import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem } from '@microsoft/agents-hosting';
import type { Db } from './db.ts';
import type { HotPath } from './hotPath.ts';

/** Raised when a write carries an eTag that no longer matches: another turn changed the item. */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`State "${key}" was changed by another turn`);
    this.name = 'StateConflictError';
  }
}

/**
 * The Agents SDK Storage on Prisma, so conversation and user state live in the database and any
 * instance can take the next turn. Optimistic concurrency as in the SDK's own storages: an item
 * written with an eTag other than "*" must still have that eTag.
 */
export class PrismaStorage implements Storage {
  /** `hot`: prepared statements for reads and writes (bot/data/hotPath.ts); without it, Prisma. */
  constructor(
    private readonly db: Db,
    private readonly hot?: HotPath,
  ) {}

  async read(keys: string[]): Promise<StoreItem> {
    if (keys.length === 0) return {};
    const rows = this.hot ? await this.hot.readState(keys) : await this.db.stateItem.findMany({ where: { key: { in: keys } } });
    const items: StoreItem = {};
    for (const row of rows) {
      items[row.key] = { ...(JSON.parse(row.data) as Record<string, unknown>), eTag: row.eTag };
    }
    return items;
  }

  async write(changes: StoreItem): Promise<void> {
    for (const [key, item] of Object.entries(changes) as [string, StoreItem][]) {
      const { eTag, ...rest } = item ?? {};
      const data = JSON.stringify(rest);
      const next = randomUUID();
      if (this.hot) {
        if (eTag && eTag !== '*') {
          const outcome = await this.hot.updateStateIf(key, eTag, data, next);
          if (outcome === 'conflict' || (outcome === 'missing' && !(await this.hot.insertState(key, data, next)))) throw new StateConflictError(key);
        } else {
          await this.hot.upsertState(key, data, next);
        }
        continue;
      }
      if (eTag && eTag !== '*') {
        const updated = await this.db.stateItem.updateMany({ where: { key, eTag }, data: { data, eTag: next } });
        if (updated.count === 0) {
          const exists = await this.db.stateItem.findUnique({ where: { key }, select: { key: true } });
          if (exists) throw new StateConflictError(key);
          await this.db.stateItem.create({ data: { key, data, eTag: next } });
        }
      } else {
        await this.db.stateItem.upsert({ where: { key }, create: { key, data, eTag: next }, update: { data, eTag: next } });
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.stateItem.deleteMany({ where: { key: { in: keys } } });
  }
}
