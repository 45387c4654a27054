import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../bot/data/db.ts';
import { PostgresHotPath } from '../../bot/data/postgresHotPath.ts';
import { freshDatabase, onPostgres } from '../support/db.ts';

// The HotPath contract on PostgreSQL as two instances see it: two hot paths (two pools) on one database.
describe.skipIf(!onPostgres)('PostgreSQL hot path (prepared per-turn statements on a pool of its own)', () => {
  let db: Db;
  let url: string;
  let one: PostgresHotPath;
  let two: PostgresHotPath;
  const opened: { close(): Promise<void> }[] = [];
  beforeEach(async () => {
    ({ url, db } = await freshDatabase());
    one = new PostgresHotPath(url, { size: 3 });
    two = new PostgresHotPath(url, { size: 3 });
    opened.push(one, two);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((o) => o.close()));
    await db.$disconnect();
  });

  const conversation = (id: string) => db.conversation.create({ data: { id, tenantId: 'demo-verzekeraar', channel: 'directline', locale: 'nl' } });

  it('never gives two instances appending at the same time the same sequence number', async () => {
    await conversation('c1');
    const appends = Array.from({ length: 30 }, (_, i) => {
      const count = 1 + (i % 3);
      const path = i % 2 === 0 ? one : two;
      return path.appendActivities('c1', 'bot', Array.from({ length: count }, (_, k) => ({ type: 'message', text: `${i}.${k}` }))).then((first) => ({ first, count }));
    });
    const results = await Promise.all(appends);
    const numbers = results.flatMap(({ first, count }) => Array.from({ length: count }, (_, k) => first + k));
    const total = results.reduce((sum, r) => sum + r.count, 0);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const rows = await one.activitiesSince('c1', 0, 500);
    expect(rows.map((r) => r.seq)).toEqual(numbers);
    // Each stored activity carries the id its number gives it, and each append's activities are consecutive in order.
    for (const row of rows) expect(JSON.parse(row.json).id).toBe(`c1|${String(row.seq).padStart(7, '0')}`);
    for (const { first, count } of results) {
      const texts = rows.filter((r) => r.seq >= first && r.seq < first + count).map((r) => JSON.parse(r.json).text as string);
      expect(texts.map((t) => t.split('.')[1])).toEqual(Array.from({ length: count }, (_, k) => String(k)));
      expect(new Set(texts.map((t) => t.split('.')[0])).size).toBe(1);
    }
    expect((await db.conversation.findUnique({ where: { id: 'c1' } }))?.nextSeq).toBe(total + 1);
  });

  it('stores the activity as given, with its own id in place of one it brought, and numbers past seven digits', async () => {
    await conversation('c2');
    const activity = { type: 'message', id: 'client-chosen', text: 'hé "quotes" \\ and \u0001', value: { nested: [1, null, true] } };
    expect(await one.appendActivities('c2', 'user', [activity, {}])).toBe(1);
    const [first, empty] = await one.activitiesSince('c2', 0, 10);
    expect(JSON.parse(first!.json)).toEqual({ ...activity, id: 'c2|0000001' });
    expect(JSON.parse(empty!.json)).toEqual({ id: 'c2|0000002' });
    await db.conversation.update({ where: { id: 'c2' }, data: { nextSeq: 12_345_678 } });
    expect(await two.appendActivities('c2', 'bot', [{ type: 'message' }])).toBe(12_345_678);
    expect(JSON.parse((await two.activitiesSince('c2', 2, 10))[0]!.json).id).toBe('c2|12345678');
  });

  it('writes times as Prisma does (UTC in timestamp(3)), whatever the time zones of the session and of Node', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    const elsewhere = new PostgresHotPath(`${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c TimeZone=Asia/Tokyo')}`, { size: 1 });
    opened.push(elsewhere);
    try {
      await conversation('c3');
      const before = Date.now();
      await elsewhere.appendActivities('c3', 'user', [{ type: 'message', text: 'x' }]);
      await elsewhere.upsertState('k', '{}', 'e1');
      const after = Date.now();
      const row = await db.directLineActivity.findFirstOrThrow({ where: { conversationId: 'c3' } });
      const conv = await db.conversation.findUniqueOrThrow({ where: { id: 'c3' } });
      const state = await db.stateItem.findUniqueOrThrow({ where: { key: 'k' } });
      for (const at of [row.createdAt, conv.lastActivityAt, state.updatedAt]) {
        expect(at.getTime()).toBeGreaterThanOrEqual(before - 1);
        expect(at.getTime()).toBeLessThanOrEqual(after + 1);
      }
      // And reads what Prisma wrote as the same instant.
      const expiresAt = new Date('2030-01-02T03:04:05.678Z');
      await db.directLineToken.create({ data: { hash: 'h', tenantId: 'demo-verzekeraar', conversationId: 'c3', expiresAt } });
      expect(await elsewhere.findToken('h')).toEqual({ tenantId: 'demo-verzekeraar', conversationId: 'c3', expiresAt, revoked: false });
      await db.directLineToken.update({ where: { hash: 'h' }, data: { revokedAt: new Date() } });
      expect((await elsewhere.findToken('h'))?.revoked).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('refuses to append to a conversation that does not exist, and stores nothing', async () => {
    await expect(one.appendActivities('nope', 'user', [{ type: 'message' }])).rejects.toThrow(/No conversation nope/);
    expect(await db.directLineActivity.count({ where: { conversationId: 'nope' } })).toBe(0);
  });

  it('finds a conversation with its flags, and nothing for an unknown id or token', async () => {
    await conversation('c4');
    await db.conversation.update({ where: { id: 'c4' }, data: { started: true, userId: 'u1' } });
    expect(await one.findConversation('c4')).toEqual({ id: 'c4', tenantId: 'demo-verzekeraar', locale: 'nl', started: true, userId: 'u1' });
    expect(await one.findConversation('missing')).toBeNull();
    expect(await one.findToken('missing')).toBeNull();
  });

  it('keeps the eTag promise: a stale eTag is a conflict, an unknown key is missing, and one of two concurrent writers wins', async () => {
    expect(await one.updateStateIf('s', 'e0', '{"n":0}', 'e1')).toBe('missing');
    expect(await one.insertState('s', '{"n":1}', 'e1')).toBe(true);
    expect(await two.insertState('s', '{"n":9}', 'e9')).toBe(false);
    expect(await two.updateStateIf('s', 'e1', '{"n":2}', 'e2')).toBe('updated');
    expect(await one.updateStateIf('s', 'e1', '{"n":3}', 'e3')).toBe('conflict');
    expect(await one.readState(['s', 'absent'])).toEqual([{ key: 's', data: '{"n":2}', eTag: 'e2' }]);
    const outcomes = await Promise.all([one.updateStateIf('s', 'e2', '{"n":4}', 'e4'), two.updateStateIf('s', 'e2', '{"n":5}', 'e5')]);
    expect(outcomes.sort()).toEqual(['conflict', 'updated']);
    await one.upsertState('s', '{"n":6}', 'e6');
    await two.upsertState('t', '{"n":7}', 'e7');
    expect((await two.readState(['t', 's'])).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 's', data: '{"n":6}', eTag: 'e6' },
      { key: 't', data: '{"n":7}', eTag: 'e7' },
    ]);
  });

  it('announces an append to the listeners only once its rows can be read', async () => {
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    opened.push({ close: () => listener.end() });
    await listener.query('LISTEN hot_path_test');
    const announcing = new PostgresHotPath(url, { size: 1, notice: { channel: 'hot_path_test', payload: (id) => `me:${id}` } });
    opened.push(announcing);
    await conversation('c5');
    const seen: { payload: string | undefined; rows: number }[] = [];
    const heard = new Promise<void>((resolve) => {
      listener.on('notification', (message) => {
        // Read on another connection the moment the notice arrives.
        void two.activitiesSince('c5', 0, 10).then((rows) => {
          seen.push({ payload: message.payload, rows: rows.length });
          resolve();
        });
      });
    });
    await announcing.appendActivities('c5', 'bot', [{ type: 'message', text: 'a' }, { type: 'message', text: 'b' }]);
    await heard;
    expect(seen).toEqual([{ payload: 'me:c5', rows: 2 }]);
    // No notice for an append that stored nothing.
    await expect(announcing.appendActivities('nope', 'bot', [{ type: 'message' }])).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(1);
  });
});
