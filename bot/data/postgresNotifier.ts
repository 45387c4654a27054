import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../logger.ts';

/** The PostgreSQL channel on which instances tell each other "this conversation has new activities". */
export const activityChannel = 'wachtwijzer_activity';

/**
 * "A conversation has new activities" across instances through PostgreSQL LISTEN/NOTIFY: the
 * instance that writes a reply wakes its own sockets at once and tells the others with
 * pg_notify; each instance listens on one connection of its own. The payload is only
 * `<instance>:<conversation id>` (no patient data travels). Lost notices (a broken connection)
 * are caught by the stream's own slow poll, and the listener reconnects with a growing delay.
 */
export class PostgresNotifier {
  readonly crossInstance = true;
  private readonly emitter = new EventEmitter();
  private readonly instance = randomBytes(6).toString('base64url');
  // Set when the append statements announce themselves (bot/data/postgresHotPath.ts).
  private announcedByWrites = false;
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private retryMs = 250;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
  ) {
    // One listener per open socket; thousands are expected, none is a leak.
    this.emitter.setMaxListeners(0);
  }

  /** Connects and listens; resolves once notices from other instances arrive. */
  async start(): Promise<void> {
    this.connecting ??= this.connect();
    await this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== activityChannel || !message.payload) return;
      const colon = message.payload.indexOf(':');
      if (colon < 0 || message.payload.slice(0, colon) === this.instance) return; // our own: already emitted
      this.emitter.emit(message.payload.slice(colon + 1));
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${activityChannel}`);
      this.client = client;
      this.retryMs = 250;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn({ err: { message: error.message }, retryMs: this.retryMs }, 'activity notifications: listener connection lost, reconnecting');
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
    setTimeout(() => {
      if (!this.closed) this.connecting = this.connect();
    }, delay).unref();
  }

  /** The payload other instances receive for a conversation (this instance's own are ignored on arrival). */
  payload(conversationId: string): string {
    return `${this.instance}:${conversationId}`;
  }

  /**
   * From now on the writer of an activity announces it to the other instances in the same
   * statement (pg_notify with `payload`, delivered when the rows are committed), so notify() only
   * wakes this instance's sockets and sends nothing of its own.
   */
  announceWithWrites(): void {
    this.announcedByWrites = true;
  }

  notify(conversationId: string): void {
    this.emitter.emit(conversationId);
    if (this.announcedByWrites) return;
    const client = this.client;
    if (!client) return; // fire-and-forget: the other instances' poll picks it up
    client.query('SELECT pg_notify($1, $2)', [activityChannel, this.payload(conversationId)]).catch(() => undefined);
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    this.emitter.on(conversationId, listener);
    return () => this.emitter.off(conversationId, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
