import { describe, expect, it } from 'vitest';
import { recognizeDutchNumbers } from '../../bot/understanding/dutchNumbers.ts';
import { recognizeDutchDurations, weeksFromTimex } from '../../bot/understanding/dutchDurations.ts';
import { recognizeDutchDates } from '../../bot/understanding/dutchDates.ts';

// recognizers-text has no Dutch models in its JavaScript build; this layer replaces them and
// returns the same shape ({text, start, end (inclusive), typeName, resolution}).

describe('Dutch numbers', () => {
  it.each([
    ['drie', 3],
    ['twintig', 20],
    ['eenentwintig', 21],
    ['tweeëntwintig', 22],
    ['zevenenveertig', 47],
    ['honderd', 100],
    ['tweehonderdvijftig', 250],
    ['anderhalf', 1.5],
    ['tweeënhalf', 2.5],
    ['twee en een half', 2.5],
    ['2,5', 2.5],
    ['twintg', 20], // misspelt
    ['één', 1], // accented: the number, not the article
  ])('"%s" is %d', (text, value) => {
    const [r] = recognizeDutchNumbers(text);
    expect(r).toMatchObject({ typeName: 'number', resolution: { value: String(value) }, start: 0, end: text.length - 1 });
  });
  it('does not read the article "een" as a number', () => {
    expect(recognizeDutchNumbers('een afspraak')).toEqual([]);
  });
});

describe('Dutch durations', () => {
  it.each([
    ['3 maanden', 'P3M', 13],
    ['drie maanden', 'P3M', 13],
    ['een half jaar', 'P0.5Y', 26],
    ['een halfjaar', 'P0.5Y', 26],
    ['anderhalve maand', 'P1.5M', 7],
    ['ruim 2 maanden', 'P2M', 9],
    ['een week of acht', 'P8W', 8],
    ['een maand of drie', 'P3M', 13],
    ['10 wk', 'P10W', 10],
    ['10wk', 'P10W', 10],
    ['twintig weken', 'P20W', 20],
    ['twee en een halve maand', 'P2.5M', 11],
    ['tweeënhalve maand', 'P2.5M', 11],
    ['anderhalf jaar', 'P1.5Y', 78],
    ['een jaar', 'P1Y', 52],
    ['3 à 4 maanden', 'P3.5M', 15],
    ['10 dagen', 'P10D', 1],
  ])('"%s" is %s, %d weeks', (text, timex, weeks) => {
    const [r] = recognizeDutchDurations(text);
    expect(r?.typeName).toBe('datetimeV2.duration');
    expect(r?.resolution.values[0]?.timex).toBe(timex);
    expect(weeksFromTimex(timex)).toBe(weeks);
  });
  it('reports where the duration is in the original text', () => {
    const text = 'Ik wacht al ruim 2 maanden op mijn operatie';
    const [r] = recognizeDutchDurations(text);
    expect(r).toMatchObject({ text: 'ruim 2 maanden', start: 12, end: 25 });
    expect(text.slice(r!.start, r!.end + 1)).toBe(r!.text);
  });
  it('finds no duration without a unit', () => {
    expect(recognizeDutchDurations('ik ben 70 en woon in 3011')).toEqual([]);
  });
  it('converts months at 52/12 weeks, rounded to whole weeks', () => {
    expect([1, 2, 3, 4, 5, 6, 12].map((m) => weeksFromTimex(`P${m}M`))).toEqual([4, 9, 13, 17, 22, 26, 52]);
  });
});

describe('Dutch dates', () => {
  it.each([
    ['30-06-1950', '1950-06-30'],
    ['30/06/1950', '1950-06-30'],
    ['30.06.1950', '1950-06-30'],
    ['2 april 1961', '1961-04-02'],
    ['2 apr. 1961', '1961-04-02'],
    ['geboren op 2e april 1961', '1961-04-02'],
    ['1961-04-02', '1961-04-02'],
    ['2-4-1961', '1961-04-02'],
    ['april 2, 1961', '1961-04-02'],
  ])('"%s" is %s (day first)', (text, iso) => {
    const [r] = recognizeDutchDates(text, new Date('2026-11-24'));
    expect(r?.resolution.values[0]?.value).toBe(iso);
  });
  it('rejects impossible dates', () => {
    expect(recognizeDutchDates('31-02-1990')).toEqual([]);
  });
  it('reads two-digit years as the latest past year', () => {
    expect(recognizeDutchDates('30-06-50', new Date('2026-11-24'))[0]?.resolution.values[0]?.value).toBe('1950-06-30');
    expect(recognizeDutchDates('01-01-20', new Date('2026-11-24'))[0]?.resolution.values[0]?.value).toBe('2020-01-01');
  });
});
