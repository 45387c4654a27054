import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from '../../bot/channels/directline/origin.ts';

describe('the Direct Line origin allow-list', () => {
  const demo = ['http://localhost:*', 'http://127.0.0.1:*', 'https://www.verzekeraar.nl'];
  it.each([
    ['http://localhost:3978', true],
    ['http://localhost', true],
    ['http://127.0.0.1:8080', true],
    ['https://www.verzekeraar.nl', true],
    ['https://www.verzekeraar.nl:443', true],
    ['https://verzekeraar.nl', false],
    ['http://www.verzekeraar.nl', false],
    ['https://www.verzekeraar.nl.evil.example', false],
    ['https://localhost.evil.example', false],
    ['null', false],
    ['', false],
  ])('%s → %s', (origin, allowed) => {
    expect(isOriginAllowed(origin, demo)).toBe(allowed);
  });
});
