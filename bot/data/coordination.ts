import type { Logger } from '../logger.ts';
import { kindOf, type Db } from './db.ts';
import { noConversationLock, PostgresConversationLock, type ConversationLock } from './conversationLock.ts';
import { PostgresNotifier } from './postgresNotifier.ts';

/** What several instances on one database use to work together; on SQLite (one instance) nothing extra. */
export interface Coordination {
  turnLock: ConversationLock;
  /** Cross-instance "new activities" notices; undefined where the in-process notices suffice. */
  notifier: PostgresNotifier | undefined;
  close(): Promise<void>;
}

/** Builds the coordination for the database `db` talks to (PostgreSQL: advisory locks and LISTEN/NOTIFY). */
export function createCoordination(db: Db, databaseUrl: string, logger: Logger): Coordination {
  if (kindOf(db) !== 'postgresql') return { turnLock: noConversationLock, notifier: undefined, close: async () => undefined };
  const turnLock = new PostgresConversationLock(databaseUrl);
  const notifier = new PostgresNotifier(databaseUrl, logger);
  notifier.start().catch(() => undefined); // it reconnects by itself; until then the streams' poll covers
  return {
    turnLock,
    notifier,
    async close() {
      await Promise.all([turnLock.close(), notifier.close()]);
    },
  };
}
