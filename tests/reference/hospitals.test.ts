// reference/hospitals.json: every Dutch hospital organisation with its locations and the names
// patients use (reference/README.md says where each part comes from).
import { describe, expect, it } from 'vitest';
import { getHospitalIndex, loadReferenceData, nameKey, NL_BBOX } from '../../bot/data/referenceData.ts';

const data = loadReferenceData();
const index = getHospitalIndex(data);
const locations = data.hospitals.flatMap((h) => h.locations);

describe('hospitals.json sanity', () => {
  it('lists about 70+ organisations, including all 7 UMCs', () => {
    expect(data.hospitals.length).toBeGreaterThanOrEqual(70);
    expect(data.hospitals.filter((h) => h.kind === 'umc').map((h) => h.officialName).sort()).toEqual(
      ['Amsterdam UMC', 'Erasmus MC', 'LUMC', 'Maastricht UMC+', 'Radboudumc', 'UMC Utrecht', 'UMCG'].sort(),
    );
  });

  it('every hospital has at least one location with coordinates inside the Netherlands', () => {
    for (const h of data.hospitals) {
      expect(h.locations.length, h.id).toBeGreaterThan(0);
      for (const l of h.locations) {
        expect(l.latitude, l.id).toBeGreaterThanOrEqual(NL_BBOX.minLat);
        expect(l.latitude, l.id).toBeLessThanOrEqual(NL_BBOX.maxLat);
        expect(l.longitude, l.id).toBeGreaterThanOrEqual(NL_BBOX.minLon);
        expect(l.longitude, l.id).toBeLessThanOrEqual(NL_BBOX.maxLon);
      }
    }
  });

  it('hospital ids and location ids are unique slugs', () => {
    const ids = data.hospitals.map((h) => h.id);
    const locationIds = locations.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(locationIds).size).toBe(locationIds.length);
    for (const id of [...ids, ...locationIds]) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('a normalised name or alias belongs to one hospital only', () => {
    const owner = new Map<string, string>();
    for (const h of data.hospitals) {
      for (const key of new Set([h.officialName, ...h.aliases].map(nameKey))) {
        expect(owner.get(key) ?? h.id, `"${key}"`).toBe(h.id);
        owner.set(key, h.id);
      }
    }
  });

  it('location aliases are also aliases of their hospital', () => {
    for (const h of data.hospitals) {
      const names = new Set([h.officialName, ...h.aliases].map(nameKey));
      for (const l of h.locations) for (const a of l.aliases) expect(names.has(nameKey(a)), `${l.id}: ${a}`).toBe(true);
    }
  });

  it('no AGB code is made up: all are null until a verified source fills them in', () => {
    expect(data.hospitals.every((h) => h.agbCode === null && h.locations.every((l) => l.agbCode === null))).toBe(true);
  });

  it('postcodes agree with their PC4, and every PC4 is in pc4.csv', () => {
    for (const l of locations) {
      if (l.postcode) expect(l.postcode.slice(0, 4), l.id).toBe(l.pc4);
      if (l.pc4) expect(data.pc4.has(l.pc4), l.id).toBe(true);
    }
  });

  it('locations not in the 2019 list sit on the centre of their PC4 area', () => {
    for (const l of locations.filter((x) => x.coordinateSource === 'pc4-centroid')) {
      const centre = data.pc4.get(l.pc4!)!;
      expect([l.latitude, l.longitude], l.id).toEqual([centre.latitude, centre.longitude]);
    }
  });

  it('Isala exists with its Zwolle location at 8025AB (Dokter van Heesweg 2)', () => {
    const isala = data.hospitals.find((h) => h.officialName === 'Isala')!;
    expect(isala.locations.find((l) => l.city === 'Zwolle')).toMatchObject({ postcode: '8025AB', pc4: '8025', hasEmergency: true });
  });

  it('includes hospitals without an emergency department and a selection of ZBCs', () => {
    for (const name of ['Sint Maartenskliniek', 'Antoni van Leeuwenhoek', 'Prinses Máxima Centrum', 'Oogziekenhuis Rotterdam']) {
      const h = data.hospitals.find((x) => x.officialName === name);
      expect(h, name).toBeDefined();
      expect(h!.locations.every((l) => !l.hasEmergency)).toBe(true);
      expect(h!.specialisms?.length).toBeGreaterThan(0);
    }
    expect(data.hospitals.filter((h) => h.kind === 'zbc').length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    'Maasstad Ziekenhuis', 'HagaZiekenhuis', 'Haaglanden Medisch Centrum', 'Máxima MC', 'St. Antonius Ziekenhuis', 'Canisius Wilhelmina Ziekenhuis',
    'Elisabeth-TweeSteden Ziekenhuis', 'Jeroen Bosch Ziekenhuis', 'Medisch Spectrum Twente', 'Medisch Centrum Leeuwarden', 'Rijnstate',
    'Gelre ziekenhuizen', 'Catharina Ziekenhuis', 'Noordwest Ziekenhuisgroep', 'Spaarne Gasthuis', 'OLVG', 'Amphia', 'Zuyderland Medisch Centrum',
    'VieCuri Medisch Centrum', 'Ziekenhuis Gelderse Vallei', 'Meander Medisch Centrum', 'Tergooi MC', 'Dijklander Ziekenhuis', 'Rode Kruis Ziekenhuis',
    'Ikazia Ziekenhuis', 'Het Van Weel-Bethesda Ziekenhuis', 'Ziekenhuisgroep Twente', 'Deventer Ziekenhuis', 'Saxenburgh Medisch Centrum', 'Treant',
    'Martini Ziekenhuis', 'Ommelander Ziekenhuis Groningen', 'Antonius Ziekenhuis Sneek', 'Tjongerschans', 'Nij Smellinghe', 'Wilhelmina Ziekenhuis Assen',
    'Santiz', 'Bravis ziekenhuis', 'Anna Ziekenhuis', 'SJG Weert', 'Laurentius Ziekenhuis', 'Maasziekenhuis Pantein', 'Bernhoven', 'Ziekenhuis Rivierenland',
    'Beatrixziekenhuis', 'St Jansdal', 'Flevoziekenhuis', 'Zaans Medisch Centrum', 'BovenIJ ziekenhuis', 'Alrijne Ziekenhuis', 'Groene Hart Ziekenhuis',
    'Reinier de Graaf', 'Spijkenisse Medisch Centrum', 'Albert Schweitzer ziekenhuis', 'Admiraal De Ruyter Ziekenhuis', 'ZorgSaam Ziekenhuis',
    'Ziekenhuis Amstelland', 'Diakonessenhuis', 'IJsselland Ziekenhuis', 'Elkerliek ziekenhuis', 'Franciscus Gasthuis & Vlietland',
  ])('%s is listed', (name) => {
    expect(data.hospitals.some((h) => h.officialName === name)).toBe(true);
  });
});

describe('resolveHospital: what patients type', () => {
  it.each([
    ['het Maasstad', 'Maasstad Ziekenhuis', null],
    ['AMC', 'Amsterdam UMC', 'amsterdam-umc-amc'],
    ['VUmc', 'Amsterdam UMC', 'amsterdam-umc-vumc'],
    ['Erasmus', 'Erasmus MC', 'erasmus-mc-rotterdam'],
    ['UMCU', 'UMC Utrecht', null],
    ['CWZ', 'Canisius Wilhelmina Ziekenhuis', 'cwz-nijmegen'],
    ['ETZ', 'Elisabeth-TweeSteden Ziekenhuis', null],
    ['JBZ', 'Jeroen Bosch Ziekenhuis', 'jbz-den-bosch'],
    ['MST', 'Medisch Spectrum Twente', 'mst-enschede'],
    ['MCL', 'Medisch Centrum Leeuwarden', 'mcl-leeuwarden'],
    ['de Antonius', 'St. Antonius Ziekenhuis', null],
    ['isala', 'Isala', null],
    ['LUMC', 'LUMC', 'lumc-leiden'],
    ['Leids Universitair Medisch Centrum', 'LUMC', 'lumc-leiden'],
    ['UMCG', 'UMCG', 'umcg-groningen'],
    ['Universitair Medisch Centrum Groningen', 'UMCG', 'umcg-groningen'],
    ['MUMC', 'Maastricht UMC+', 'maastricht-umc-maastricht'],
    ['HMC', 'Haaglanden Medisch Centrum', null],
    ['OLVG', 'OLVG', null],
    ['het Radboud', 'Radboudumc', 'radboudumc-nijmegen'],
    ['Bronovo', 'Haaglanden Medisch Centrum', 'hmc-bronovo'],
    ['Westeinde', 'Haaglanden Medisch Centrum', 'hmc-westeinde'],
    ['Máxima Medisch Centrum', 'Máxima MC', null],
    ['Sint Elisabeth Ziekenhuis', 'Elisabeth-TweeSteden Ziekenhuis', 'etz-elisabeth-tilburg'],
    ['TweeSteden', 'Elisabeth-TweeSteden Ziekenhuis', 'etz-tweesteden-tilburg'],
    ['Sint Franciscus Gasthuis', 'Franciscus Gasthuis & Vlietland', 'franciscus-gasthuis-rotterdam'],
    ['Vlietland', 'Franciscus Gasthuis & Vlietland', 'franciscus-vlietland-schiedam'],
    ['LangeLand', 'HagaZiekenhuis', 'haga-zoetermeer'],
    ['Antonius Sneek', 'Antonius Ziekenhuis Sneek', 'antonius-sneek-sneek'],
    ['bij het Erasmus', 'Erasmus MC', 'erasmus-mc-rotterdam'],
    ['Maasstad ziekenhuis Rotterdam', 'Maasstad Ziekenhuis', null],
    ['Zaans', 'Zaans Medisch Centrum', null],
  ])('%j → %s', (text, official, locationId) => {
    const match = index.resolveHospital(text);
    expect(match?.hospital.officialName).toBe(official);
    if (locationId) expect(match?.location?.id).toBe(locationId);
  });

  it.each([
    ['maasstadt', 'Maasstad Ziekenhuis'],
    ['erasmus mc', 'Erasmus MC'],
    ['umc utrect', 'UMC Utrecht'],
    ['Radbout', 'Radboudumc'],
    ['jeroen bos ziekenhuis', 'Jeroen Bosch Ziekenhuis'],
    ['zuyderlandt', 'Zuyderland Medisch Centrum'],
  ])('misspelling %j still resolves to %s, with a score below 1', (text, official) => {
    const match = index.resolveHospital(text);
    expect(match?.hospital.officialName).toBe(official);
    expect(match!.score).toBeGreaterThan(0.8);
  });

  it.each(['ik wil een nieuwe heup', 'pizza', 'hallo', 'mijn knie', 'Rotterdam', 'Zwolle', 'ziekenhuis', 'umc', 'de', '', 'xyz', 'antonia'])(
    '%j resolves to no hospital',
    (text) => {
      expect(index.resolveHospital(text)).toBeNull();
    },
  );

  it('fuzzy matching can be switched off (importers want exact names)', () => {
    expect(index.resolveHospital('maasstadt', { fuzzy: false })).toBeNull();
    expect(index.resolveHospital('het Maasstad', { fuzzy: false })?.hospital.id).toBe('maasstad-ziekenhuis');
  });

  it('a city is not a hospital, but callers can ask which hospitals are there', () => {
    expect(index.hospitalsInCity('Zwolle').map((h) => h.id)).toEqual(['isala']);
    expect(index.hospitalsInCity('Tilburg').map((h) => h.id)).toEqual(['elisabeth-tweesteden-ziekenhuis', 'instituut-verbeeten']);
  });

  it('looks up by id', () => {
    expect(index.hospitalById('isala')?.officialName).toBe('Isala');
    expect(index.locationById('isala-zwolle')?.hospital.id).toBe('isala');
  });
});
