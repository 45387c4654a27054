import pg from 'pg';

/**
 * One turn at a time per conversation across instances. Each instance already runs a
 * conversation's turns in arrival order; on PostgreSQL, where several instances share the
 * database, a session advisory lock keyed by the conversation id makes a turn on another
 * instance wait until this one has written its replies and state. SQLite allows one writer at a
 * time and is one machine's database; there the state's eTag catches the rare collision.
 */
export interface ConversationLock {
  run<T>(conversationId: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** No cross-instance lock (SQLite, one instance). */
export const noConversationLock: ConversationLock = {
  run: (_id, work) => work(),
  close: async () => undefined,
};

/** Session advisory locks on a small pool of its own, so a held lock never starves Prisma's pool. */
export class PostgresConversationLock implements ConversationLock {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string, size = 10) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: size });
    this.pool.on('error', () => undefined); // an idle client's error: the pool drops it and makes another
  }

  async run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // Two 32-bit keys (namespace, conversation) so the product's other advisory locks never collide.
    const key = ['wachtwijzer:turn', conversationId];
    try {
      await client.query({ name: 'wachtwijzer_turn_lock', text: 'SELECT pg_advisory_lock(hashtext($1), hashtext($2))', values: key });
    } catch (error) {
      client.release(error as Error); // not locked; a connection that failed here is not reused
      throw error;
    }
    try {
      return await work();
    } finally {
      // The unlock goes out at once, but the turn's answer does not wait for its round trip: a turn
      // waiting elsewhere gets the lock when it arrives, and this connection goes back to the pool
      // only after it (a next turn here takes another connection and waits for it in the database).
      client.query({ name: 'wachtwijzer_turn_unlock', text: 'SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', values: key }).then(
        () => client.release(),
        (error: Error) => client.release(error), // a broken connection ends its session and so its lock
      );
    }
  }

  /** Ends the pool once every connection is back (so also after the unlocks still on their way). */
  async close(): Promise<void> {
    await this.pool.end();
  }
}
