import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseStore, newCaseReference, type NewCase } from '../../bot/data/caseStore.ts';
import type { Db } from '../../bot/data/db.ts';
import { freshDatabase } from '../support/db.ts';

const input = (key: string, insurer = 'demo-verzekeraar'): NewCase => ({
  insurerTenantId: insurer, sourceTenantId: insurer, conversationId: 'c1', idempotencyKey: key, locale: 'nl', channel: 'directline',
  priority: 3, request: { patient: { fullName: 'Test' } }, transcript: null, firstContactDueAt: null,
});

describe('CaseStore', () => {
  let db: Db;
  let cases: CaseStore;
  beforeEach(async () => {
    ({ db } = await freshDatabase());
    cases = new CaseStore(db);
  });
  afterEach(async () => db.$disconnect());

  it('makes references that are easy to read aloud', () => {
    for (let i = 0; i < 200; i++) expect(newCaseReference()).toMatch(/^ZB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('stores one case per idempotency key, even when the same hand-off arrives twice at once', async () => {
    const [a, b] = await Promise.all([cases.create(input('conv#1')), cases.create(input('conv#1'))]);
    expect(a.case.reference).toBe(b.case.reference);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(await db.case.count()).toBe(1);
    expect(await db.caseEvent.count({ where: { type: 'created' } })).toBe(1);
  });

  it('shows a case only to its own insurer', async () => {
    const { case: c } = await cases.create(input('conv#2'));
    expect(await cases.findForInsurer(c.reference, 'demo-verzekeraar')).not.toBeNull();
    expect(await cases.findForInsurer(c.reference, 'andere-verzekeraar')).toBeNull();
  });
});
