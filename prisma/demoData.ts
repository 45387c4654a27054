/** The demo tenants and accounts of the contract. Demo data: never created when NODE_ENV=production. */

const localOrigins = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];
const weekdays = { mon: ['08:30', '17:00'], tue: ['08:30', '17:00'], wed: ['08:30', '17:00'], thu: ['08:30', '17:00'], fri: ['08:30', '17:00'] };

export const demoTenants = [
  {
    id: 'demo-verzekeraar', displayName: 'Demo Verzekeraar', kind: 'insurer', insurerConcern: null,
    allowedOrigins: localOrigins, theme: { primaryColor: '#00607a', title: 'Wachtwijzer' }, defaultLocale: 'nl', formality: 'u',
    officeHours: { timezone: 'Europe/Amsterdam', days: weekdays, phone: null }, responseWorkingDays: 2, retentionDays: 90,
    // Demo values: a .example address (reserved, never real) and a number marked as demo.
    customerService: { phone: '0800 0000 (demo)', url: { nl: 'https://demo-verzekeraar.example/klantenservice', en: 'https://demo-verzekeraar.example/en/customer-service' } },
  },
  {
    id: 'andere-verzekeraar', displayName: 'Andere Verzekeraar', kind: 'insurer', insurerConcern: null,
    allowedOrigins: localOrigins, theme: { primaryColor: '#7a1f5c', title: 'Wachtwijzer' }, defaultLocale: 'nl', formality: 'je',
    officeHours: { timezone: 'Europe/Amsterdam', days: weekdays, phone: null }, responseWorkingDays: 3, retentionDays: 90,
    customerService: { phone: null, url: { nl: 'https://andere-verzekeraar.example/klantenservice', en: 'https://andere-verzekeraar.example/en/service' } },
  },
  {
    id: 'demo-ziekenhuis', displayName: 'Demo Ziekenhuis', kind: 'hospital', insurerConcern: null,
    allowedOrigins: localOrigins,
    // A tenant's own texts (launcher, subtitle, first welcome message), in both languages.
    theme: {
      primaryColor: '#1d5e2f', title: 'Wachtwijzer',
      texts: {
        nl: { launcher: 'Wachttijd in ons ziekenhuis? Chat met ons', subtitle: 'Digitale assistent van Demo Ziekenhuis (demo), geen arts', greeting: 'Welkom bij Demo Ziekenhuis (demo). Ik ben Wachtwijzer, een computer, geen arts.' },
        en: { launcher: 'Waiting at our hospital? Chat with us', subtitle: "Demo Ziekenhuis's digital assistant (demo), not a doctor", greeting: 'Welcome to Demo Ziekenhuis (demo). I am Wachtwijzer, a computer, not a doctor.' },
      },
    },
    defaultLocale: 'nl', formality: 'u',
    officeHours: { timezone: 'Europe/Amsterdam', days: weekdays, phone: null }, responseWorkingDays: 2, retentionDays: 90,
    // A hospital has no insurer's customer service: the card points to the patient's own insurer.
    customerService: { phone: null, url: { nl: null, en: null } },
  },
] as const;

/** Server-to-server Direct Line secret of a demo tenant (demo only; real tenants get a random one). */
export const demoDirectLineSecret = (tenantId: string) => `demo-secret-${tenantId}`;

export function demoAccounts(password: string) {
  return demoTenants
    .filter((t) => t.kind === 'insurer')
    .flatMap((t) => [
      { email: `mediator@${t.id}.test`, name: `Demo bemiddelaar (${t.displayName})`, role: 'mediator' as const, tenant: t.id, password },
      { email: `admin@${t.id}.test`, name: `Demo beheerder (${t.displayName})`, role: 'admin' as const, tenant: t.id, password },
    ]);
}
