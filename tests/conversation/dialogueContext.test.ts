import { describe, expect, it } from 'vitest';
import { defaultNearbyKm, normOf, placesContext, planChange, planThere, verdictFor, waitingTimeContext } from '../../bot/conversation/dialogueContext.ts';
import { MSZ_TREEKNORMEN } from '../../bot/domain/treeknorm.ts';

const radboud = waitingTimeContext({
  specialty: '0301', careType: null, hospital: 'Radboudumc', previous: null,
  shown: [{ hospital: 'Radboudumc', location: 'Radboudumc', city: 'Nijmegen', distanceKm: null, outpatientWeeks: 4, treatmentWeeks: 12 }],
});

describe('dialogue context (pure)', () => {
  it('a new hospital reruns the waiting times there for the same specialism', () => {
    expect(planChange(radboud, { hospital: 'Maasstad Ziekenhuis' }, {})).toEqual({ run: 'waitingTime', hospital: 'Maasstad Ziekenhuis', specialty: '0301' });
  });

  it('a place or radius lists places, with the default radius only when none was named before', () => {
    expect(planChange(radboud, { origin: { postcode: '3511', label: '3511' } }, {})).toMatchObject({ run: 'places', radiusKm: defaultNearbyKm, specialty: '0301', exclude: null });
    expect(planChange(radboud, { origin: { postcode: '3511', label: '3511' } }, { maxTravelKm: 40 })).toMatchObject({ radiusKm: 40 });
    expect(planChange(radboud, { radiusKm: 50 }, {})).toEqual({ run: 'ask', slot: 'postcode', then: 'places' });
    expect(planChange(radboud, { radiusKm: 50 }, { postcode: '8011AB' })).toMatchObject({ run: 'places', origin: { postcode: '8011AB' }, radiusKm: 50 });
  });

  it('another treatment keeps the place of the last question', () => {
    const places = placesContext({ specialty: '0301', careType: 'day_treatment', origin: { postcode: '3511', label: '3511' }, radiusKm: 50, exclude: 'Isala', shown: [] });
    expect(planChange(places, { specialty: { code: '0305', careType: null, treatment: 'knie' } }, {})).toMatchObject({ run: 'places', specialty: '0305', radiusKm: 50, exclude: 'Isala' });
    expect(planChange(radboud, { specialty: { code: '0305', careType: null, treatment: 'knie' } }, {})).toEqual({ run: 'waitingTime', hospital: 'Radboudumc', specialty: '0305' });
    expect(planChange(null, { specialty: { code: '0305', careType: null, treatment: 'knie' } }, {})).toBeNull();
  });

  it('"en daar?" means the place last pointed at', () => {
    const places = placesContext({ specialty: '0305', careType: null, origin: { postcode: '3511', label: 'Utrecht' }, radiusKm: 50, exclude: null, shown: [{ hospital: 'UMC Utrecht', location: 'UMC Utrecht', city: 'Utrecht', distanceKm: 1.6, outpatientWeeks: null, treatmentWeeks: 4 }] });
    expect(planThere(places)).toEqual({ run: 'waitingTime', hospital: 'UMC Utrecht', specialty: '0305' });
    expect(planThere(radboud)).toEqual({ run: 'ask', slot: 'hospital', then: 'waitingTime' });
    expect(planThere(null)).toBeNull();
  });

  it('judges what was shown against the norms of bot/domain/, the longest wait counting', () => {
    const lines = verdictFor(radboud, {});
    expect(lines).toEqual([
      { kind: 'outpatient', verdict: 'within', weeks: { min: 4, max: 4 }, norm: normOf('outpatient'), hospital: 'Radboudumc' },
      { kind: 'treatment', verdict: 'exceeded', weeks: { min: 12, max: 12 }, norm: { min: MSZ_TREEKNORMEN.treatment.minWeeks, max: MSZ_TREEKNORMEN.treatment.maxWeeks }, hospital: 'Radboudumc' },
    ]);
    const two = waitingTimeContext({ ...radboud, previous: null, hospital: 'X', shown: [{ ...radboud.shown[0]!, treatmentWeeks: 5 }, { ...radboud.shown[0]!, treatmentWeeks: 8 }] });
    expect(verdictFor({ ...two, careType: 'clinical' }, {})[1]).toMatchObject({ verdict: 'exceeded', weeks: { min: 5, max: 8 }, norm: { min: 7, max: 7 } });
  });

  it('judges the patient\'s own wait when nothing was shown, and nothing when nothing is known', () => {
    expect(verdictFor(null, { waitingWeeks: 9, careType: 'clinical' })).toEqual([{ kind: 'yours', verdict: 'exceeded', weeks: { min: 9, max: 9 }, norm: { min: 7, max: 7 }, hospital: null }]);
    expect(verdictFor(null, {})).toEqual([]);
  });
});
