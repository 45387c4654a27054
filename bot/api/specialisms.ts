import { Router } from 'express';
import type { Specialism } from '../domain/reference.ts';

/** GET /api/specialisms: the specialism codes with their Dutch and English names (public reference data). */
export function specialismsRouter(specialisms: readonly Specialism[]): Router {
  const router = Router();
  const body = JSON.stringify({ specialisms: specialisms.map((s) => ({ code: s.code, nameNl: s.nameNl, nameEn: s.nameEn })) });
  router.get('/api/specialisms', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('json').send(body);
  });
  return router;
}
