import { describe, expect, it } from 'vitest';
import { findHospitalMentions, resolveHospital } from '../../bot/data/referenceData.ts';

describe('hospital names: bugs found in use', () => {
  it('does not read "het ziekenhuis de wachttijd" as "ziekenhuis Ede" (short words must be spelt exactly)', () => {
    expect(resolveHospital('het ziekenhuis de wachttijd')).toBeNull();
    expect(findHospitalMentions('wat is in het ziekenhuis de wachttijd voor de oogarts')).toEqual([]);
  });

  it('still forgives a misspelt long word in a two-word name', () => {
    expect(resolveHospital('gelderse valei')?.hospital.officialName).toBe('Ziekenhuis Gelderse Vallei');
  });

  it('knows the English name of the LUMC', () => {
    expect(resolveHospital('Leiden University Medical Center')?.hospital.officialName).toBe('LUMC');
  });
});
