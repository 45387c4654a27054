import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../bot/app.ts';
import { attachDirectLineStream } from '../../bot/channels/directline/stream.ts';
import { loadConfig, type Config } from '../../bot/config.ts';
import { createI18n } from '../../bot/i18n/index.ts';
import { createLogger } from '../../bot/logger.ts';
import { createServices, type Services } from '../../bot/services.ts';
import { freshDatabase } from './db.ts';

export interface TestServer {
  url: string;
  config: Config;
  services: Services;
  server: Server;
  close(): Promise<void>;
}

/** The real app on a free loopback port with a fresh database. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const { url: databaseUrl, db } = await freshDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, PORT: '0', ...env });
  const logger = createLogger(config.LOG_LEVEL);
  const services = createServices(config, db, logger, await createI18n());
  const app = createApp({ config, logger, services });
  const server = createServer(app);
  const stream = attachDirectLineStream(server, services.directLine, logger, 200);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    services,
    server,
    async close() {
      stream.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.coordination.close();
      await db.$disconnect();
    },
  };
}
