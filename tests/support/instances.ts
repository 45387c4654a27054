import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../bot/app.ts';
import { attachDirectLineStream } from '../../bot/channels/directline/stream.ts';
import { loadConfig } from '../../bot/config.ts';
import { createDb } from '../../bot/data/db.ts';
import { createI18n } from '../../bot/i18n/index.ts';
import { createLogger } from '../../bot/logger.ts';
import { createServices, type Services } from '../../bot/services.ts';
import { freshDatabase } from './db.ts';

export interface Instance {
  url: string;
  services: Services;
  server: Server;
  close(): Promise<void>;
}

/**
 * `count` instances of the real app on one fresh database, each with its own database client,
 * services, HTTP server and port, as several processes behind a load balancer would be (only the
 * database is shared between them).
 */
export async function startInstances(count: number, env: Record<string, string> = {}): Promise<{ databaseUrl: string; instances: Instance[]; close(): Promise<void> }> {
  const { url: databaseUrl, db: setup } = await freshDatabase();
  await setup.$disconnect();
  const i18n = await createI18n();
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, PORT: '0', ...env });
    const logger = createLogger(config.LOG_LEVEL);
    const db = createDb(databaseUrl, { poolSize: 5 });
    const services = createServices(config, db, logger, i18n);
    const server = createServer(createApp({ config, logger, services }));
    const stream = attachDirectLineStream(server, services.directLine, logger);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    instances.push({
      url: `http://127.0.0.1:${port}`,
      services,
      server,
      async close() {
        stream.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await services.coordination.close();
        await db.$disconnect();
      },
    });
  }
  return { databaseUrl, instances, close: async () => void (await Promise.all(instances.map((i) => i.close()))) };
}
