/**
 * Distances between PC4 centres and hospital locations. Straight-line (great-circle) distance
 * is what we can compute offline; it understates travel distance, which the assistant says.
 */
import type { Pc4Point } from './reference.ts';
import { parsePostcode, type PostcodeProblem } from './postcode.ts';

/** A point in WGS84 decimal degrees. */
export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle (haversine) distance in km between two points. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLon = (b.longitude - a.longitude) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Rounds a distance for display: one decimal. */
export function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

/** A PC4 lookup: the centre, or a typed reason why there is none (never a guess from a neighbour). */
export type Pc4Lookup =
  | { status: 'found'; pc4: string; point: Pc4Point }
  | { status: 'unknown'; pc4: string }
  | { status: 'invalid'; problem: PostcodeProblem };

/**
 * Looks up the centre of a postcode's PC4 area. A well-formed postcode whose PC4 is not in the
 * table (new areas, PO-box-only codes) is "unknown": callers ask again instead of guessing.
 */
export function lookupPc4(pc4Map: ReadonlyMap<string, Pc4Point>, postcode: string): Pc4Lookup {
  const parsed = parsePostcode(postcode);
  if (!parsed.ok) return { status: 'invalid', problem: parsed.problem };
  const point = pc4Map.get(parsed.pc4);
  return point ? { status: 'found', pc4: parsed.pc4, point } : { status: 'unknown', pc4: parsed.pc4 };
}
