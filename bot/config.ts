import { z } from 'zod';
import { defaultDatabaseUrl } from './data/databaseUrl.ts';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

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
  return { ...parsed.data, botAuthEnabled: Boolean(parsed.data.MicrosoftAppId), isProduction: parsed.data.NODE_ENV === 'production' };
}
