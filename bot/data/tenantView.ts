import type { TenantView } from '../conversation/types.ts';
import type { TenantSettings } from './tenants.ts';

/** What the conversation sees of a tenant's settings (one mapping for the agent, the tests and the evaluation). */
export function tenantView(t: TenantSettings): TenantView {
  return {
    id: t.id,
    displayName: t.displayName,
    kind: t.kind,
    formality: t.formality,
    greeting: { ...(t.theme.texts?.nl?.greeting ? { nl: t.theme.texts.nl.greeting } : {}), ...(t.theme.texts?.en?.greeting ? { en: t.theme.texts.en.greeting } : {}) },
    responseWorkingDays: t.responseWorkingDays,
    retentionDays: t.retentionDays,
    officeHours: { timezone: t.officeHours.timezone, days: t.officeHours.days, phone: t.officeHours.phone },
    customerService: t.customerService,
  };
}
