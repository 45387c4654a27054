import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFilePath } from '../../bot/data/databaseUrl.ts';
import { onPostgres } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue 10 end to end over the self-hosted Direct Line, as a polling client: a BSN typed in the
 * intake never reaches the database (not in the stored activity, state or case), and after
 * "delete my data" is confirmed the same conversation and token go on, no watermark serves what
 * was erased, and the SQLite file (with its WAL) no longer holds the erased name.
 */
type Act = { id?: string; type: string; name?: string; text?: string; from: { id: string; role?: string }; channelData?: { slot?: string; caseReference?: string }; suggestedActions?: { actions: { title?: string; value?: unknown }[] } };

const erasedName = 'Hendrika Zwanenburg';
const bsn = '111222333';

describe.skipIf(onPostgres)('privacy over Direct Line, checked in the SQLite file', () => {
  let server: TestServer;
  let token: string;
  let conversationId: string;
  let watermark = '0';

  const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const get = async (from: string) => {
    const r = await fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities?watermark=${from}`, { headers: headers() });
    expect(r.status).toBe(200);
    return (await r.json()) as { activities: Act[]; watermark: string };
  };
  /** Sends a message and waits for the bot's reply to it (polling, as a client without WebSocket does). */
  const say = async (text: string): Promise<Act[]> => {
    const r = await fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: headers(), body: JSON.stringify({ type: 'message', text, from: { id: 'patient-e2e' }, locale: 'nl-NL' }) });
    expect(r.status).toBe(200);
    const { id } = (await r.json()) as { id: string };
    for (let i = 0; i < 100; i++) {
      const page = await get(watermark);
      const replies = page.activities.filter((a) => a.from.role === 'bot' || a.from.id === 'wachtwijzer');
      if (replies.length > 0 && page.activities.some((a) => a.id === id || a.from.id !== 'patient-e2e')) {
        watermark = page.watermark;
        return replies;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no reply to «${text}»`);
  };
  const databaseBytes = (): string => {
    const file = sqliteFilePath(server.config.DATABASE_URL);
    return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('\n');
  };

  beforeAll(async () => {
    server = await startTestServer();
    const generated = await fetch(`${server.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:8080' }, body: JSON.stringify({ tenant: 'demo-verzekeraar', locale: 'nl' }) });
    ({ token, conversationId } = (await generated.json()) as { token: string; conversationId: string });
    const started = await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST', headers: headers(), body: '{}' });
    expect(started.status).toBe(201);
    watermark = (await get('0')).watermark;
  });
  afterAll(async () => server?.close());

  it('a BSN in the intake is refused and is in no stored activity, no state and no case', async () => {
    await say('Ik wacht al 20 weken op mijn staaroperatie in de Isala. Kan mijn zorgverzekeraar bemiddelen?');
    await say('Ja, ik geef toestemming');
    await say(erasedName);
    await say('30-06-1950');
    const refused = await say(`mijn bsn is ${bsn}`);
    expect(refused.map((a) => a.text).join(' ')).toMatch(/Dat heb ik niet bewaard/);
    expect(refused.at(-1)?.channelData?.slot).toBe('policyNumber');
    const answers: Record<string, string> = { policyNumber: 'AB123456', contactPreference: 'Telefoon', phone: '0612345678', postcode: '8011 AB', maxTravelKm: '50 km', hospital: 'Isala', specialty: 'oogarts', waitingWeeks: '20 weken' };
    let last = await say('AB123456');
    for (let i = 0; i < 10 && last.at(-1)?.channelData?.slot !== 'confirm'; i++) last = await say(answers[last.at(-1)?.channelData?.slot ?? ''] ?? '');
    const sent = await say('Ja, versturen');
    const reference = sent.find((a) => a.channelData?.caseReference)?.channelData?.caseReference;
    expect(reference).toMatch(/^ZB-/);

    const history = await get('0');
    const userEcho = history.activities.find((a) => a.from.id === 'patient-e2e' && /bsn/i.test(a.text ?? ''));
    expect(userEcho?.text).toBe('mijn bsn is •••••••••');
    expect(JSON.stringify(history)).not.toContain(bsn);
    const stored = await server.services.db.case.findUniqueOrThrow({ where: { reference: reference! } });
    expect(`${stored.request}${stored.transcript}`).not.toContain(bsn);
    expect(JSON.stringify(await server.services.db.stateItem.findMany())).not.toContain(bsn);
    await server.services.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(databaseBytes()).not.toContain(bsn);
    // The name is there before erasure (so the grep below can fail).
    expect(databaseBytes()).toContain(erasedName);
  });

  it('"delete my data" asks first, then erases; the same token reads the confirmation and goes on', async () => {
    const asked = await say('Verwijder mijn gegevens');
    expect(asked.map((a) => a.text).join(' ')).toMatch(/Wilt u dat ik uw gegevens verwijder/);
    expect(await server.services.db.directLineActivity.count({ where: { conversationId } })).toBeGreaterThan(20);

    const confirmed = await say('Ja, verwijder alles');
    expect(confirmed[0]).toMatchObject({ type: 'event', name: 'conversation.erased' });
    expect(confirmed.map((a) => a.text).join(' ')).toMatch(/Uw gesprek is verwijderd.*|Ook uw aanvraag is verwijderd/);

    // From watermark 0 only what came after the erasure is served.
    const fromStart = await get('0');
    expect(fromStart.activities[0]).toMatchObject({ type: 'event', name: 'conversation.erased' });
    expect(JSON.stringify(fromStart)).not.toContain('Zwanenburg');
    expect(JSON.stringify(fromStart)).not.toContain('30-06-1950');

    // The same conversation and token keep working.
    const next = await say('Wat is de wachttijd voor de oogarts in het Maasstad?');
    expect(next.map((a) => a.text).join(' ')).toMatch(/Oogheelkunde/);
    expect(await server.services.db.case.count({ where: { conversationId } })).toBe(0);

    // Nothing of the erased name is left in the database file or its WAL (secure_delete, checkpoint).
    expect(databaseBytes()).not.toContain('Zwanenburg');
    expect(databaseBytes()).not.toContain(bsn);
  });
});
