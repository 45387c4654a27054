// reference/insurers.json: labels → concerns (domain brief §3.1), so a case lands in the right
// mediation queue; mediation routes only where the brief verified them.
import { describe, expect, it } from 'vitest';
import { getInsurerIndex, loadReferenceData, mediationContactFor, resolveInsurer } from '../../bot/data/referenceData.ts';

const data = loadReferenceData();
const index = getInsurerIndex(data);

describe('resolveInsurer: label → concern', () => {
  it.each([
    ['Interpolis', 'achmea', 'interpolis'],
    ['zilveren kruis', 'achmea', 'zilveren-kruis'],
    ['Zilveren Kruis Achmea', 'achmea', 'zilveren-kruis'],
    ['FBTO', 'achmea', 'fbto'],
    ['De Friesland', 'achmea', 'de-friesland'],
    ['univé', 'vgz', 'unive'],
    ['unive', 'vgz', 'unive'],
    ['VGZ', 'vgz', 'vgz'],
    ['IZZ', 'vgz', 'izz'],
    ['United Consumers', 'vgz', 'united-consumers'],
    ['CZ', 'cz', 'cz'],
    ['OHRA', 'cz', 'ohra'],
    ['Nationale Nederlanden', 'cz', 'nationale-nederlanden'],
    ['Menzis', 'menzis', 'menzis'],
    ['anderzorg', 'menzis', 'anderzorg'],
    ['DSW', 'dsw', 'dsw'],
    ['inTwente', 'dsw', 'intwente'],
    ['a.s.r.', 'asr', 'asr'],
    ['ASR', 'asr', 'asr'],
    ['Ditzo', 'asr', 'ditzo'],
    ['ONVZ', 'onvz', 'onvz'],
    ['VvAA', 'onvz', 'vvaa'],
    ['Salland', 'eno', 'salland'],
    ['HollandZorg', 'eno', 'hollandzorg'],
    ['Zorg & Zekerheid', 'zorg-en-zekerheid', 'zorg-en-zekerheid'],
    ['ik ben verzekerd bij Zilveren Kruis', 'achmea', 'zilveren-kruis'],
    ['mijn verzekeraar is Just', 'cz', 'just'],
    ['interpolos', 'achmea', 'interpolis'],
  ])('%j → %s / %s', (text, concern, label) => {
    const match = index.resolveInsurer(text);
    expect([match?.concern.id, match?.label?.id]).toEqual([concern, label]);
  });

  it('a concern name alone routes to the concern without a label', () => {
    expect(resolveInsurer('Achmea')).toMatchObject({ concern: { id: 'achmea' }, label: null });
    expect(resolveInsurer('Eno')).toMatchObject({ concern: { id: 'eno' }, label: null });
  });

  it.each(['', 'geen idee', 'just a question about my knee', 'Maasstad', 'xyz'])('%j names no insurer', (text) => {
    expect(index.resolveInsurer(text)).toBeNull();
  });

  it('every label of the brief is present: 9 concerns', () => {
    expect(data.insurers.map((c) => c.id)).toEqual(['achmea', 'vgz', 'cz', 'menzis', 'dsw', 'asr', 'onvz', 'eno', 'zorg-en-zekerheid']);
  });
});

describe('mediation contacts: only verified routes, never guessed', () => {
  it('Univé has its verified phone number and source', () => {
    expect(mediationContactFor(resolveInsurer('Univé')!)).toEqual({
      phone: '088 131 1617',
      url: 'https://www.unive.nl/zorgverzekering/zorghulp/zorgbemiddeling',
      source: 'https://www.unive.nl/zorgverzekering/zorghulp/zorgbemiddeling',
      hours: 'werkdagen 08:30-13:00',
    });
  });

  it("VGZ's own label does not inherit Univé's desk", () => {
    expect(mediationContactFor(resolveInsurer('VGZ')!)).toBeNull();
  });

  it('no concern has a concern-wide contact, and every contact that exists names its source', () => {
    for (const c of data.insurers) {
      expect(c.mediationContact).toBeNull();
      for (const l of c.labels) if (l.mediationContact) expect(l.mediationContact.source).toMatch(/^https:\/\//);
    }
  });
});
