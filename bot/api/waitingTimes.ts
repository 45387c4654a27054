import { Router } from 'express';
import { z } from 'zod';
import { parsePostcode } from '../domain/postcode.ts';
import { MSZ_TREEKNORMEN } from '../domain/treeknorm.ts';
import { badRequest, notFound } from '../errors.ts';
import type { KnowledgeService, LocationFigures } from '../knowledge.ts';

const query = z.object({
  specialty: z.string({ error: 'specialty is required (an AGB specialism code such as 0305)' }).regex(/^\d{4}$/, 'specialty must be a four-digit AGB specialism code such as 0305'),
  near: z.string().max(20).optional(),
  hospital: z.string().min(2).max(200).optional(),
  tenant: z.string().regex(/^[a-z0-9-]{1,64}$/, 'tenant must be a tenant id such as demo-verzekeraar').optional(),
  radiusKm: z.coerce.number({ error: 'radiusKm must be a number' }).min(1, 'radiusKm must be between 1 and 300').max(300, 'radiusKm must be between 1 and 300').default(25),
});

function view(r: LocationFigures) {
  return {
    hospital: r.hospital,
    location: r.location,
    city: r.city,
    ...(r.distanceKm !== null ? { distanceKm: r.distanceKm } : {}),
    outpatientWeeks: r.outpatientWeeks,
    treatmentWeeks: r.treatmentWeeks,
    outpatientVerdict: r.outpatientVerdict,
    treatmentVerdict: r.treatmentVerdict,
    measuredAt: r.measuredAt,
    source: r.source,
    isDemo: r.isDemo,
    freshness: r.freshness,
  };
}

/** GET /api/waiting-times: public, read-only waiting times near a postcode or at a hospital (contract). */
export function waitingTimesRouter(knowledge: KnowledgeService, tenants?: { find(id: string): Promise<{ id: string; kind: string } | null> }): Router {
  const router = Router();
  router.get('/api/waiting-times', async (req, res, next) => {
    try {
      const parsed = query.safeParse(req.query);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw badRequest(issue.message, { parameter: String(issue.path[0] ?? '') });
      }
      const { specialty, near, hospital, radiusKm, tenant } = parsed.data;
      if (!knowledge.isSpecialism(specialty)) throw badRequest(`Unknown specialism code ${specialty}`, { parameter: 'specialty' });
      if (tenant !== undefined) {
        const found = tenants ? await tenants.find(tenant) : null;
        if (!found) throw badRequest(`Unknown tenant "${tenant}"`, { parameter: 'tenant' });
        if (found.kind !== 'insurer') throw badRequest(`Tenant "${tenant}" is not an insurer; contracts belong to insurers`, { parameter: 'tenant' });
      }
      await knowledge.ready();
      let results: LocationFigures[];
      if (hospital !== undefined) {
        const found = knowledge.hospitalByName(hospital);
        if (!found) throw notFound(`Unknown hospital "${hospital}"`);
        results = await knowledge.atHospital(found, specialty, tenant ?? null);
      } else if (near !== undefined) {
        const postcode = parsePostcode(near);
        if (!postcode.ok) throw badRequest(`near must be a Dutch postcode such as 3011AB or its four digits (got "${near}")`, { parameter: 'near' });
        const origin = knowledge.postcode(near);
        if (origin.status !== 'found') throw badRequest(`The postcode area ${postcode.pc4} is unknown; it is not guessed`, { parameter: 'near' });
        results = await knowledge.near(specialty, origin, radiusKm, tenant ?? null);
      } else {
        throw badRequest('Give near (a postcode) or hospital (a name)', { parameter: 'near' });
      }
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.setHeader('Cache-Control', 'public, max-age=300');
      // `contracted` only when an insurer is given: without one the question has no answer.
      const shown = results.map((r) => (tenant !== undefined ? { ...view(r), contracted: r.contracted } : view(r)));
      res.json({
        specialty,
        specialtyName: { nl: knowledge.specialismName(specialty, 'nl'), en: knowledge.specialismName(specialty, 'en') },
        treeknorm: {
          outpatientWeeks: MSZ_TREEKNORMEN.outpatient.maxWeeks,
          treatmentWeeks: MSZ_TREEKNORMEN.clinical.maxWeeks,
          dayTreatmentWeeks: MSZ_TREEKNORMEN.day_treatment.maxWeeks,
          note: 'Treatment figures do not say whether it is a day treatment (norm 6 weeks) or an admission (7 weeks): verdict "depends" means 43–49 days.',
        },
        ...(near !== undefined && hospital === undefined ? { near, radiusKm } : { hospital }),
        ...(tenant !== undefined ? { tenant } : {}),
        demo: shown.some((r) => r.isDemo),
        results: shown,
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
