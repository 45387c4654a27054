import { describe, expect, it } from 'vitest';
import { inputFor, normalizeAnswer, slots } from '../../web-widget/src/slots.ts';
import nl from '../../locales/nl/widget.json';

describe('slot → input', () => {
  it.each([
    ['dateOfBirth', { type: 'text', inputMode: 'numeric', autocomplete: 'bday' }],
    ['phone', { type: 'tel', inputMode: 'tel', autocomplete: 'tel' }],
    ['email', { type: 'email', inputMode: 'email', autocomplete: 'email', autocapitalize: 'off', spellcheck: false }],
    ['postcode', { type: 'text', autocomplete: 'postal-code', autocapitalize: 'characters' }],
    ['fullName', { type: 'text', autocomplete: 'name', autocapitalize: 'words' }],
    ['waitingWeeks', { type: 'text', inputMode: 'numeric' }],
    ['maxTravelKm', { type: 'text', inputMode: 'numeric' }],
    ['consent', { type: 'text', inputMode: 'text', autocomplete: 'off', label: 'message' }],
  ])('%s', (slot, expected) => {
    expect(inputFor(slot)).toMatchObject(expected);
  });

  it('a message without a slot, or with one this widget does not know, gets the plain message field', () => {
    expect(inputFor(undefined)).toMatchObject({ type: 'text', autocomplete: 'off', label: 'message', maxLength: 2000 });
    expect(inputFor('shoeSize')).toEqual(inputFor(undefined));
    expect(inputFor({ toString: () => 'email' })).toEqual(inputFor(undefined));
  });

  it('every slot of the contract has a label text', () => {
    for (const slot of slots) expect(nl.input).toHaveProperty(inputFor(slot).label);
  });

  it.each([
    ['30061950', '30-06-1950'],
    ['30-06-1950', '30-06-1950'],
    ['30 6 1950', '30-06-1950'],
    ['3/6/1950', '03-06-1950'],
    ['30.06.1950', '30-06-1950'],
    [' 30 juni 1950 ', '30 juni 1950'],
    ['1950-06-30', '1950-06-30'],
  ])('date of birth %j is sent as %j', (typed, sent) => {
    expect(normalizeAnswer('dateOfBirth', typed)).toBe(sent);
  });

  it('other answers are only trimmed', () => {
    expect(normalizeAnswer('policyNumber', ' 30061950 ')).toBe('30061950');
    expect(normalizeAnswer(undefined, '  Ik  wacht al  20 weken ')).toBe('Ik wacht al 20 weken');
  });
});
