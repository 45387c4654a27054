import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { defaultDatabaseUrl } from './data/databaseUrl.ts';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const list = (v: unknown) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v);

// proxy-addr (express's "trust proxy") names for ranges, besides addresses and CIDR blocks.
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyEntry = (entry: string) => proxyRangeNames.has(entry) || ipaddr.isValid(entry) || (() => {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
})();

/**
 * Where Bot Framework channels post from (Azure Bot Service, Teams, the US government clouds); the
 * serviceUrl of an authenticated activity must be on one of these hosts or a subdomain.
 */
export const defaultBotServiceHosts = ['botframework.com', 'botframework.us', 'botframework.azure.us', 'smba.trafficmanager.net', 'smba.infra.gov.teams.microsoft.us', 'teams.microsoft.com', 'teams.microsoft.us'];

const perMinute = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must be a SQLite file URL such as file:./data/wachtwijzer.db or postgresql://user@host:5432/db')
    .default(defaultDatabaseUrl),
  /** Connections each instance keeps to PostgreSQL (several instances share the server's max_connections). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_PASSWORD: z.string().min(1).default('demo'),
  /** Bot Framework app registration; empty turns Bot Framework authentication off (local use). */
  MicrosoftAppId: z.preprocess(emptyToUndefined, z.string().optional()),
  MicrosoftAppPassword: z.preprocess(emptyToUndefined, z.string().optional()),
  MicrosoftAppTenantId: z.preprocess(emptyToUndefined, z.string().optional()),
  /** The tenant that conversations arriving on /api/messages belong to (one Azure Bot per tenant). */
  BOT_TENANT: z.string().min(1).default('demo-verzekeraar'),
  DIRECTLINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Days after the last message that a conversation (without a case) is deleted. */
  CONVERSATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * The proxies whose X-Forwarded-For is believed (addresses, CIDR blocks, or loopback / linklocal /
   * uniquelocal); empty: none, the socket's address is the client's.
   */
  TRUST_PROXY: z.preprocess(list, z.array(z.string().refine(isProxyEntry, 'each entry must be an IP address, a CIDR block, or loopback/linklocal/uniquelocal')).default([])),
  /** Hosts (and their subdomains) an authenticated activity's serviceUrl may point to. */
  BOT_SERVICE_URL_HOSTS: z.preprocess(list, z.array(z.string().regex(/^[a-z0-9.-]+$/i, 'each entry must be a host name')).default(defaultBotServiceHosts)),
  /** tokens/generate per client address and per tenant, per minute (loopback is not limited outside production). */
  DIRECTLINE_GENERATE_PER_ADDRESS_PER_MINUTE: perMinute(300),
  DIRECTLINE_GENERATE_PER_TENANT_PER_MINUTE: perMinute(3000),
  /** Failed log-ins before delays start, per account (across addresses) and per address (across accounts). */
  LOGIN_ACCOUNT_FAILURES_BEFORE_DELAY: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_ADDRESS_FAILURES_BEFORE_DELAY: z.coerce.number().int().min(1).max(10_000).default(30),
  /** The longest delay a run of failures can cause (the delays double up to this). */
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** NZa Zorgbeeld WaitingTimeMSZ address (or any file address) to import on schedule; empty = no schedule. */
  WAITING_TIMES_SYNC_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional()),
  /** Days between scheduled imports (NZa refreshes every two weeks). */
  WAITING_TIMES_SYNC_DAYS: z.coerce.number().int().min(1).max(365).default(14),
});

export type Config = z.infer<typeof schema> & { botAuthEnabled: boolean; isProduction: boolean };

/** Reads and validates the environment once; the only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const source = {
    ...env,
    // The Agents SDK names the same settings clientId / clientSecret / tenantId.
    MicrosoftAppId: env.MicrosoftAppId ?? env.clientId,
    MicrosoftAppPassword: env.MicrosoftAppPassword ?? env.clientSecret,
    MicrosoftAppTenantId: env.MicrosoftAppTenantId ?? env.tenantId,
  };
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  const config = { ...parsed.data, botAuthEnabled: Boolean(parsed.data.MicrosoftAppId), isProduction: parsed.data.NODE_ENV === 'production' };
  if (config.isProduction) {
    // Without it the Host header of whoever asks would go into streamUrl next to the token.
    if (!config.PUBLIC_URL) throw new Error('Invalid configuration: PUBLIC_URL is required in production (the address patients\' browsers reach this server on)');
    if (!config.botAuthEnabled) throw new Error('Invalid configuration: MicrosoftAppId and MicrosoftAppPassword are required in production (Bot Framework authentication)');
  }
  return config;
}
