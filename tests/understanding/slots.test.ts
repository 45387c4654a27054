import { describe, expect, it } from 'vitest';
import { parseDate, parseDistanceKm, parseEmail, parsePhone, parsePostcode, parseWeeks, parseYesNo } from '../../bot/understanding/slots.ts';

const NOW = new Date('2026-11-24');

describe('parseDate', () => {
  it.each([
    ['30-06-1950', 'nl', '1950-06-30'],
    ['30/06/1950', 'nl', '1950-06-30'],
    ['2 april 1961', 'nl', '1961-04-02'],
    ['april 2, 1961', 'en', '1961-04-02'],
    ['1961-04-02', 'en', '1961-04-02'],
    ['04/02/1961', 'en', '1961-02-04'], // day first in the Netherlands, whatever the language
    ['April the 2nd, 1961', 'en', '1961-04-02'], // through recognizers-text
    ['ik weet het niet', 'nl', null],
  ] as const)('"%s" (%s) → %s', (text, locale, iso) => {
    expect(parseDate(text, locale, NOW)).toBe(iso);
  });
});

describe('parseWeeks', () => {
  it.each([
    ['20 weken', 20],
    ['20', 20],
    ['3 maanden', 13],
    ['een half jaar', 26],
    ['anderhalve maand', 7],
    ['six weeks', 6],
    ['a year', 52],
    ['half a year', 26],
    ['al sinds maart', null],
  ] as const)('"%s" → %s', (text, weeks) => {
    expect(parseWeeks(text, 'nl')).toBe(weeks);
  });
});

describe('parseDistanceKm', () => {
  it.each([
    ['60 km', 60],
    ['60km', 60],
    ['zestig kilometer', 60],
    ['sixty kilometres', 60],
    ['forty miles', 64],
    ['maximaal 25 kilometer', 25],
    ['60', 60],
    ['an hour', null],
    ['een uur rijden', null],
  ] as const)('"%s" → %s', (text, km) => {
    expect(parseDistanceKm(text, 'nl')).toBe(km);
  });
});

describe('parsePhone', () => {
  it.each([
    ['0612345678', '+31612345678'],
    ['06-12345678', '+31612345678'],
    ['06 1234 5678', '+31612345678'],
    ['+31 6 12345678', '+31612345678'],
    ['+31 (0)6 1234 5678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['010-1234567', '+31101234567'],
    ['020 123 4567', '+31201234567'],
    ['+32 470 12 34 56', '+32470123456'],
    ['bel me op 06 1234 5678 aub', '+31612345678'],
    ['12345', null],
    ['3011 AB', null],
  ] as const)('"%s" → %s', (text, phone) => {
    expect(parsePhone(text)).toBe(phone);
  });
});

describe('parseEmail', () => {
  it.each([
    ['kees@example.nl', 'kees@example.nl'],
    ['mail: Kees.vanDijk@Example.NL.', 'Kees.vanDijk@example.nl'],
    ['geen e-mail', null],
  ] as const)('"%s" → %s', (text, email) => {
    expect(parseEmail(text)).toBe(email);
  });
});

describe('parsePostcode', () => {
  it.each([
    ['3011 AB', '3011AB'],
    ['3011ab', '3011AB'],
    ['mijn postcode is 8011 AB', '8011AB'],
    ['postcode 3011', '3011'],
    ['3011', '3011'],
    ['ik woon in 3811', '3811'],
    ['near 2511?', '2511'],
    ['sinds 2021 wacht ik', null], // a year
    ['bel 06-12345678', null], // a phone number
    ['mijn nummer is 010 123 4567', null],
    ['in 1961 en toen', null],
    ['geboren 30-06-1950', null],
    ['1234 SS', null], // letters never issued
  ] as const)('"%s" → %s', (text, postcode) => {
    expect(parsePostcode(text)).toBe(postcode);
  });
  it('takes four digits alone when the conversation has just asked for a postcode', () => {
    expect(parsePostcode('ik woon op 3011 denk ik', { allowBareDigits: true })).toBe('3011');
  });
});

describe('parseYesNo', () => {
  it.each([
    ['ja', 'yes'],
    ['Ja graag', 'yes'],
    ['klopt', 'yes'],
    ['akkoord', 'yes'],
    ['yes please', 'yes'],
    ['sure', 'yes'],
    ['nee', 'no'],
    ['nee, liever niet', 'no'],
    ['Nee dank je', 'no'],
    ['no thanks', 'no'],
    ['dat klopt niet', 'no'],
    ['ik weet het niet', null],
    ['ja maar nee', null],
    ['Ik wacht al drie maanden op een nieuwe heup en wil bemiddeling', null],
  ] as const)('"%s" → %s', (text, answer) => {
    expect(parseYesNo(text)).toBe(answer);
  });
});
