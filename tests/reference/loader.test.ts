// The loader fails loudly — naming the file and the problem — when a reference file is broken,
// so a bad edit is caught at start-up, not by a patient.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReferenceData, ReferenceDataError } from '../../bot/data/referenceData.ts';

const referenceDir = fileURLToPath(new URL('../../reference/', import.meta.url));
const files = ['hospitals.json', 'pc4.csv', 'specialisms.csv', 'treatments.json', 'insurers.json'];
const made: string[] = [];

function copyWith(name: string, edit: (content: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wachtwijzer-ref-'));
  made.push(dir);
  for (const f of files) copyFileSync(path.join(referenceDir, f), path.join(dir, f));
  writeFileSync(path.join(dir, name), edit(readFileSync(path.join(referenceDir, name), 'utf8')));
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function loadError(dir: string): ReferenceDataError {
  try {
    loadReferenceData(dir);
  } catch (error) {
    if (error instanceof ReferenceDataError) return error;
    throw error;
  }
  throw new Error('expected a ReferenceDataError');
}

describe('loadReferenceData', () => {
  it('loads the shipped files and caches them per directory', () => {
    const data = loadReferenceData();
    expect(loadReferenceData()).toBe(data);
    expect(data.pc4.size).toBe(4069);
    expect(data.pc4.get('3011')).toEqual({ pc4: '3011', latitude: 51.917923, longitude: 4.487494 });
    expect(data.specialisms).toHaveLength(26);
  });

  it.each([
    ['hospitals.json', (s: string) => s.replace('"latitude": 51.880232', '"latitude": 48.1'), /reference\/hospitals\.json: hospitals\[\d+\]\.locations\[0\]\.latitude: .*53\.7|reference\/hospitals\.json: .*latitude/],
    ['hospitals.json', (s: string) => s.replace('"officialName": "Isala"', '"officialName": "Maasstad Ziekenhuis"'), /reference\/hospitals\.json: name "maasstad ziekenhuis" is used by both/],
    ['hospitals.json', (s: string) => s.replace('"id": "isala-zwolle"', '"id": "isala-meppel"'), /location id "isala-meppel" is used twice/],
    ['hospitals.json', (s: string) => s.replace('"postcode": "8025AB"', '"postcode": "8025 AB"'), /postcode must look like 1234AB/],
    ['hospitals.json', (s: string) => s.slice(0, 100), /reference\/hospitals\.json: is not valid JSON/],
    ['treatments.json', (s: string) => s.replace('"specialty": "0301"', '"specialty": "0399"'), /reference\/treatments\.json: .*specialty 0399 is not in specialisms\.csv/],
    ['treatments.json', (s: string) => s.replace('"grauwe staar"', '"Grauwe staar"'), /reference\/treatments\.json: \[\d+\]\.terms\.nl\[\d+\]: surface forms are lower case/],
    ['insurers.json', (s: string) => s.replace('"name": "Interpolis"', '"name": "FBTO"'), /reference\/insurers\.json: name "fbto" is used by both/],
    ['pc4.csv', (s: string) => s.replace('3011,51.917923', '3011,abc'), /reference\/pc4\.csv: line \d+: lat/],
    ['pc4.csv', (s: string) => `${s}0999,52.0,5.0\n`, /reference\/pc4\.csv: line 4071: pc4: pc4 must be four digits, 1000-9999/],
    ['specialisms.csv', (s: string) => s.replace('0305,', '305,'), /reference\/specialisms\.csv: line 6: code/],
  ])('a broken %s fails with the file name and the problem', (name, edit, message) => {
    const error = loadError(copyWith(name, edit));
    expect(error.message).toMatch(message);
    expect(error.file).toBe(`reference/${name}`);
  });

  it('a missing file is named too', () => {
    const dir = copyWith('insurers.json', (s) => s);
    rmSync(path.join(dir, 'insurers.json'));
    expect(loadError(dir).message).toMatch(/^reference\/insurers\.json: cannot be read/);
  });
});
