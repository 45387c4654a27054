/**
 * The providers the assistant knows: the shipped reference hospitals, with the AGB codes an
 * import learnt for them, plus the providers and locations imports created from NZa records
 * (independent clinics, ZBCs, and new sites of known hospitals). Chat, alternatives, the public
 * API and cases all read this one list, so an imported clinic is shown like any hospital.
 */
import type { Db } from './db.ts';
import type { HospitalLocationRecord, HospitalRecord } from './referenceData.ts';
import type { HospitalKind } from '../domain/reference.ts';

const KINDS = new Set<HospitalKind>(['umc', 'general', 'top_clinical', 'categorical', 'zbc']);

function aliasesOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

type DbLocation = {
  id: string; name: string; city: string; postcode: string | null; pc4: string | null; latitude: number; longitude: number;
  agbCode: string | null; hasEmergency: boolean; nzaLocationKey: string | null; origin: string; originDate: Date | null;
};

function toLocation(l: DbLocation): HospitalLocationRecord {
  return {
    id: l.id, name: l.name, city: l.city, postcode: l.postcode, pc4: l.pc4, latitude: l.latitude, longitude: l.longitude, agbCode: l.agbCode,
    hasEmergency: l.hasEmergency, aliases: [], coordinateSource: 'pc4-centroid', nzaLocationKey: l.nzaLocationKey, origin: l.origin,
    originDate: l.originDate ? l.originDate.toISOString().slice(0, 10) : null,
  };
}

/** Reference hospitals overlaid with what the database learnt, then the imported providers; reference order first. */
export async function loadProviders(db: Db, reference: { hospitals: readonly HospitalRecord[] }): Promise<HospitalRecord[]> {
  const stored = await db.hospital.findMany({
    select: {
      id: true, officialName: true, kind: true, agbCode: true, aliases: true, website: true, kvkNumber: true, origin: true, originDate: true,
      locations: { select: { id: true, name: true, city: true, postcode: true, pc4: true, latitude: true, longitude: true, agbCode: true, hasEmergency: true, nzaLocationKey: true, origin: true, originDate: true } },
    },
    orderBy: { id: 'asc' },
  });
  const byId = new Map(stored.map((h) => [h.id, h]));
  const known = new Set(reference.hospitals.map((h) => h.id));
  const out: HospitalRecord[] = reference.hospitals.map((h) => {
    const db = byId.get(h.id);
    if (!db) return h;
    const dbLocations = new Map(db.locations.map((l) => [l.id, l]));
    const locations = h.locations.map((l) => {
      const agb = l.agbCode ?? dbLocations.get(l.id)?.agbCode ?? null;
      return agb === l.agbCode ? l : { ...l, agbCode: agb };
    });
    const referenceIds = new Set(h.locations.map((l) => l.id));
    for (const l of db.locations) if (!referenceIds.has(l.id)) locations.push(toLocation(l));
    return { ...h, agbCode: h.agbCode ?? db.agbCode, locations };
  });
  for (const h of stored) {
    if (known.has(h.id) || h.locations.length === 0) continue;
    out.push({
      id: h.id,
      officialName: h.officialName,
      kind: KINDS.has(h.kind as HospitalKind) ? (h.kind as HospitalKind) : 'zbc',
      agbCode: h.agbCode,
      aliases: aliasesOf(h.aliases),
      website: h.website,
      specialisms: null,
      locations: h.locations.map(toLocation),
      kvkNumber: h.kvkNumber,
      origin: h.origin,
      originDate: h.originDate ? h.originDate.toISOString().slice(0, 10) : null,
    });
  }
  return out;
}
