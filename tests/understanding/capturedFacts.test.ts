import { describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../bot/data/referenceData.ts';
import { createUnderstanding } from '../../bot/understanding/understand.ts';
import { detectPostponement } from '../../bot/understanding/postponement.ts';

// Issue 14: "al twee keer uitgesteld" became postponed: false, "oogoperatie (staar)" became glaucoma.

describe('a reported postponement (pure)', () => {
  it.each([
    'Mijn oogoperatie (staar) is al twee keer uitgesteld',
    'die is al twee keer uitgesteld',
    'Mijn staaroperatie is weer verzet',
    'de operatie is opnieuw afgezegd',
    'de afspraak is verschoven naar maart',
    'De operatie gaat niet door, het ziekenhuis heeft geen plek',
    'de operatie is eerder al twee keer uitgesteld',
    'Het is vervelend, maar hij is wel verzet',
    'my cataract surgery has been postponed twice',
    'They cancelled my knee operation again',
    'the surgery was pushed back to next year',
  ])('"%s" reports one', (text) => {
    expect(detectPostponement(text)).not.toBeNull();
  });

  it.each([
    'mijn operatie is niet uitgesteld',
    'Wat als mijn operatie wordt uitgesteld?',
    'kan mijn operatie worden uitgesteld?',
    'ik ben bang dat het wordt afgezegd',
    'de afspraak is naar voren verplaatst',
    'Is het verstandig om mijn staaroperatie nog even uit te stellen?',
    'what are my rights for postponed care?',
    "it wasn't cancelled",
    'what if they postpone it?',
    'Ik wacht al 20 weken op mijn staaroperatie',
  ])('"%s" does not', (text) => {
    expect(detectPostponement(text)).toBeNull();
  });

  it('gives the clause as the patient wrote it', () => {
    expect(detectPostponement('Ik wacht al lang. Mijn Oogoperatie is wéér verzet!')).toBe('Mijn Oogoperatie is wéér verzet');
  });
});

describe('the treatment named with a general word', () => {
  const u = createUnderstanding(loadReferenceData());
  const term = (text: string, locale: 'nl' | 'en' = 'nl') => {
    const r = u.understand(text, locale);
    return { specialty: r.entities.specialty, id: r.entities.specialtyTerm?.id, label: r.entities.specialtyTerm?.label, careType: r.entities.careType, postponement: r.postponement !== null };
  };

  it.each([
    ['oogoperatie (staar)', 'nl'],
    ['Ik wacht op een oogoperatie voor mijn staar', 'nl'],
    ['grauwe staar', 'nl'],
    ['mijn staaroperatie', 'nl'],
    ['de oogarts zegt dat ik staar heb en ik wacht al 10 weken', 'nl'],
    ['cataract surgery', 'en'],
    ['my eye operation (cataract) was postponed', 'en'],
  ] as const)('"%s" is the cataract operation (ophthalmology)', (text, locale) => {
    expect(term(text, locale)).toMatchObject({ specialty: '0301', id: 'staaroperatie', careType: 'day_treatment' });
  });

  it('a general word alone keeps the patient\'s word as the treatment, never another condition\'s name', () => {
    expect(term('Ik wacht al 12 weken op een oogoperatie')).toMatchObject({ specialty: '0301', label: 'oogoperatie' });
    expect(term('Ik wacht op een netvliesoperatie')).toMatchObject({ specialty: '0301', label: 'netvliesoperatie' });
    expect(term('Ik wacht op een oogoperatie voor glaucoom')).toMatchObject({ specialty: '0301', id: 'glaucoom' });
  });

  it('"al twee keer uitgesteld" is a postponement whatever the intent', () => {
    const r = u.understand('Kunnen jullie een ander ziekenhuis zoeken? Mijn knieoperatie is al twee keer uitgesteld.', 'nl');
    expect(r.postponement).toMatch(/twee keer uitgesteld/);
    expect(r.entities.specialty).toBe('0305');
  });
});
