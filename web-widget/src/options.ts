/**
 * The embed's options (data-* attributes on the script tag) and the tenant's settings from the
 * server, validated and merged. Hand-written checks rather than zod: the widget has a 30 KB
 * budget and these are five small fields.
 */
import { safePrimary } from './contrast.ts';

export type Locale = 'nl' | 'en';
export type Position = 'bottom-right' | 'bottom-left';

/** What the page set on the script tag; unset or invalid values are undefined. */
export interface EmbedOptions {
  tenant: string;
  locale?: Locale;
  position?: Position;
  primaryColor?: string;
  title?: string;
  open: boolean;
}

/** GET /api/widget-config's answer, as far as the widget trusts it. */
/** A tenant's own widget texts for one language. */
export interface OwnTexts {
  launcher?: string;
  subtitle?: string;
}

export interface TenantConfig {
  displayName: string;
  theme: { primaryColor?: string; title?: string; position?: Position };
  defaultLocale: Locale;
  texts: Partial<Record<Locale, OwnTexts>>;
}

export interface Resolved {
  tenant: string;
  displayName: string;
  primaryColor: string;
  /** True when the requested colour was replaced for contrast. */
  colorAdjusted: boolean;
  title?: string;
  position: Position;
  open: boolean;
  texts: Partial<Record<Locale, OwnTexts>>;
}

const tenantId = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** The locale for a language tag ("nl-NL", "EN"), or undefined for any other language. */
export function toLocale(tag: unknown): Locale | undefined {
  const two = typeof tag === 'string' ? tag.trim().slice(0, 2).toLowerCase() : '';
  return two === 'nl' || two === 'en' ? two : undefined;
}

const toPosition = (v: unknown): Position | undefined => (v === 'bottom-left' || v === 'bottom-right' ? v : undefined);
const toTitle = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 60) : undefined);
const toColor = (v: unknown): string | undefined => (typeof v === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v.trim()) ? v.trim() : undefined);

/** Reads the script tag's data-* attributes; null (and why) when there is no usable tenant. */
export function readEmbed(data: Record<string, string | undefined>): { options: EmbedOptions; problems: string[] } | { options: null; problems: string[] } {
  const problems: string[] = [];
  const tenant = data.tenant?.trim() ?? '';
  if (!tenantId.test(tenant)) return { options: null, problems: [`data-tenant "${tenant}" is missing or not a tenant id`] };
  const check = <T>(name: string, raw: string | undefined, parsed: T | undefined) => {
    if (raw !== undefined && parsed === undefined) problems.push(`data-${name}="${raw}" is not valid and is ignored`);
    return parsed;
  };
  const options: EmbedOptions = { tenant, open: data.open === 'true' || data.open === '' };
  const locale = check('locale', data.locale, toLocale(data.locale));
  const position = check('position', data.position, toPosition(data.position));
  const primaryColor = check('primary-color', data.primaryColor, toColor(data.primaryColor));
  const title = toTitle(data.title);
  if (locale) options.locale = locale;
  if (position) options.position = position;
  if (primaryColor) options.primaryColor = primaryColor;
  if (title) options.title = title;
  return { options, problems };
}

const ownText = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);

/** The tenant's own texts per language; anything not a short string is ignored. */
function readTexts(raw: unknown): Partial<Record<Locale, OwnTexts>> {
  const out: Partial<Record<Locale, OwnTexts>> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const l of ['nl', 'en'] as const) {
    const r = (raw as Record<string, unknown>)[l];
    if (!r || typeof r !== 'object') continue;
    const launcher = ownText((r as Record<string, unknown>).launcher, 80);
    const subtitle = ownText((r as Record<string, unknown>).subtitle, 120);
    if (launcher || subtitle) out[l] = { ...(launcher ? { launcher } : {}), ...(subtitle ? { subtitle } : {}) };
  }
  return out;
}

/** Validates the server's tenant settings; null when the answer is not usable. */
export function readTenantConfig(body: unknown): TenantConfig | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const theme = (b.theme && typeof b.theme === 'object' ? b.theme : {}) as Record<string, unknown>;
  if (typeof b.displayName !== 'string') return null;
  const out: TenantConfig = { displayName: b.displayName.slice(0, 100), theme: {}, defaultLocale: toLocale(b.defaultLocale) ?? 'nl', texts: readTexts(b.texts) };
  const color = toColor(theme.primaryColor);
  const title = toTitle(theme.title);
  const position = toPosition(theme.position);
  if (color) out.theme.primaryColor = color;
  if (title) out.theme.title = title;
  if (position) out.theme.position = position;
  return out;
}

/** The page's settings win over the tenant's; the colour is then checked for contrast. */
export function resolve(embed: EmbedOptions, tenant: TenantConfig | null): Resolved {
  const { color, adjusted } = safePrimary(embed.primaryColor ?? tenant?.theme.primaryColor);
  const title = embed.title ?? tenant?.theme.title;
  return {
    tenant: embed.tenant,
    displayName: tenant?.displayName ?? '',
    primaryColor: color,
    colorAdjusted: adjusted,
    ...(title ? { title } : {}),
    position: embed.position ?? tenant?.theme.position ?? 'bottom-right',
    open: embed.open,
    texts: tenant?.texts ?? {},
  };
}

/** The conversation language: data-locale, else the page's lang, else the tenant's default, else Dutch. */
export function chooseLocale(embed: Locale | undefined, pageLang: string | null | undefined, tenantDefault: Locale | undefined): Locale {
  return embed ?? toLocale(pageLang) ?? tenantDefault ?? 'nl';
}
