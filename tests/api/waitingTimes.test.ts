import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

type Result = { hospital: string; location: string; city: string; distanceKm?: number; outpatientWeeks: number | null; treatmentWeeks: number | null; measuredAt: string | null; source: string | null; isDemo: boolean; outpatientVerdict: string | null };
type Body = { specialty: string; treeknorm: { outpatientWeeks: number; treatmentWeeks: number }; demo: boolean; results: Result[] };

describe('GET /api/waiting-times (public, read-only)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.close());
  const get = (q: string) => fetch(`${s.url}/api/waiting-times?${q}`);

  it('answers the locations offering a specialism within the radius, nearest first, with the Treeknorm', async () => {
    const r = await get('specialty=0305&near=3011AB&radiusKm=30');
    expect(r.status).toBe(200);
    const body = (await r.json()) as Body;
    expect(body.specialty).toBe('0305');
    expect(body.treeknorm).toMatchObject({ outpatientWeeks: 4, treatmentWeeks: 7 });
    expect(body.results.length).toBeGreaterThan(3);
    body.results.forEach((x, i) => {
      expect(x.distanceKm).toBeLessThanOrEqual(30);
      if (i > 0) expect(x.distanceKm!).toBeGreaterThanOrEqual(body.results[i - 1]!.distanceKm!);
    });
    expect(body.results.map((x) => x.hospital)).toContain('Maasstad Ziekenhuis');
    expect(body.results[0]).toMatchObject({ measuredAt: '2026-11-01', isDemo: true });
    expect(body.demo).toBe(true);
    expect(['within', 'exceeded', 'depends', null]).toContain(body.results[0]!.outpatientVerdict);
  });

  it('takes the four digits of a postcode, and defaults the radius to 25 km', async () => {
    const body = (await (await get('specialty=0301&near=8011')).json()) as Body;
    expect(body.results.every((x) => (x.distanceKm ?? 0) <= 25)).toBe(true);
    expect(body.results.map((x) => x.hospital)).toContain('Isala');
  });

  it.each([
    ['Maasstad Ziekenhuis', 'Maasstad Ziekenhuis'],
    ['het Maasstad', 'Maasstad Ziekenhuis'],
    ['AMC', 'Amsterdam UMC'],
    ['Erasmus', 'Erasmus MC'],
  ])('answers a hospital by official, informal or former name: %s', async (name, official) => {
    const r = await get(`specialty=0305&hospital=${encodeURIComponent(name)}`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as Body;
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((x) => x.hospital === official)).toBe(true);
  });

  it.each([
    ['specialty=9999&near=3011AB', 400, /Unknown specialism code 9999/],
    ['near=3011AB', 400, /specialty/],
    ['specialty=0305&near=NOPE', 400, /postcode/],
    ['specialty=0305&near=0123AB', 400, /postcode/],
    ['specialty=0305&near=3011AB&radiusKm=0', 400, /between 1 and 300/],
    ['specialty=0305&near=3011AB&radiusKm=500', 400, /between 1 and 300/],
    ['specialty=0305&near=3011AB&radiusKm=abc', 400, /radiusKm/],
    ['specialty=0305', 400, /near/],
    ['specialty=0305&hospital=Ziekenhuis%20Nergenshuizen', 404, /Unknown hospital/],
  ])('%s → %i naming what is wrong', async (q, status, message) => {
    const r = await get(q);
    expect(r.status).toBe(status);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it('lists the specialism codes with their names for clients such as the console', async () => {
    const body = (await (await fetch(`${s.url}/api/specialisms`)).json()) as { specialisms: { code: string; nameNl: string; nameEn: string }[] };
    expect(body.specialisms).toHaveLength(26);
    expect(body.specialisms).toContainEqual({ code: '0301', nameNl: 'Oogheelkunde', nameEn: 'Ophthalmology' });
  });
});
