import { describe, expect, it } from 'vitest';
import { haversineKm, lookupPc4, roundKm } from '../../bot/domain/geo.ts';
import type { Pc4Point } from '../../bot/domain/reference.ts';

const rotterdam = { latitude: 51.9225, longitude: 4.47917 }; // city centre
const amsterdam = { latitude: 52.3676, longitude: 4.9041 }; // Dam

describe('haversineKm (great-circle distance)', () => {
  it('Rotterdam – Amsterdam is about 57 km as the crow flies', () => {
    expect(haversineKm(rotterdam, amsterdam)).toBeGreaterThan(56);
    expect(haversineKm(rotterdam, amsterdam)).toBeLessThan(59);
  });

  it('is symmetric and zero for the same point', () => {
    expect(haversineKm(amsterdam, rotterdam)).toBeCloseTo(haversineKm(rotterdam, amsterdam), 9);
    expect(haversineKm(rotterdam, rotterdam)).toBe(0);
  });

  it('Groningen – Maastricht is about 250 km', () => {
    const km = haversineKm({ latitude: 53.2194, longitude: 6.5665 }, { latitude: 50.8514, longitude: 5.691 });
    expect(km).toBeGreaterThan(245);
    expect(km).toBeLessThan(275);
  });

  it('rounds distances to one decimal', () => {
    expect(roundKm(12.345)).toBe(12.3);
    expect(roundKm(0.06)).toBe(0.1);
  });
});

describe('lookupPc4', () => {
  const map = new Map<string, Pc4Point>([['3011', { pc4: '3011', latitude: 51.917923, longitude: 4.487494 }]]);

  it('finds the centre of a known PC4 from a full postcode', () => {
    expect(lookupPc4(map, '3011 BH')).toEqual({ status: 'found', pc4: '3011', point: map.get('3011') });
  });

  it('answers "unknown" for a well-formed postcode outside the table, never a neighbour', () => {
    expect(lookupPc4(map, '3012AA')).toEqual({ status: 'unknown', pc4: '3012' });
  });

  it('answers "invalid" for something that is not a postcode', () => {
    expect(lookupPc4(map, '0123AB')).toEqual({ status: 'invalid', problem: 'starts_with_zero' });
  });
});
