import { EventEmitter } from 'node:events';

/**
 * "A conversation has new activities": how the writer of an activity wakes the sockets that
 * stream it. This instance's backend is in-process; a backend shared by several instances
 * (PostgreSQL LISTEN/NOTIFY on one channel with the conversation id as payload, Redis pub/sub)
 * implements the same three members and sets `crossInstance`, so the stream stops relying on
 * polling the database for activities written elsewhere.
 */
export interface ActivityNotifier {
  /** Wakes every subscriber of the conversation. Fire-and-forget: a lost notice is caught by the stream's poll. */
  notify(conversationId: string): void;
  /** Calls `listener` after each notify for the conversation; answers the unsubscribe function. */
  subscribe(conversationId: string, listener: () => void): () => void;
  /** Whether notices from other instances reach this one. */
  readonly crossInstance: boolean;
}

/** Notices within this process only: enough for one instance; several need a shared backend. */
export class InProcessNotifier implements ActivityNotifier {
  readonly crossInstance = false;
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open socket; thousands are expected, none is a leak.
    this.emitter.setMaxListeners(0);
  }

  notify(conversationId: string): void {
    this.emitter.emit(conversationId);
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    this.emitter.on(conversationId, listener);
    return () => this.emitter.off(conversationId, listener);
  }
}

/**
 * How long a socket waits before it next looks in the database for activities another instance
 * wrote: soon after something happened, then doubling while the conversation is quiet, so
 * thousands of idle sockets do not each query every second. With a cross-instance notifier the
 * poll is only a safety net and starts at the slow end.
 */
export class AdaptivePoll {
  private delay: number;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly crossInstance = false,
  ) {
    this.delay = crossInstance ? maxMs : minMs;
  }

  // Across instances: one quick look after activity. A notice can overtake the rows it announces
  // (seen once in CI with two test processes: a hand-off event came 15 s late); one read a moment
  // later catches them without going back to polling every socket.
  private recheck = false;

  /** The wait before the next poll; each quiet poll doubles the one after it. */
  next(): number {
    if (this.recheck) {
      this.recheck = false;
      return this.minMs;
    }
    const d = this.delay;
    this.delay = Math.min(this.maxMs, this.delay * 2);
    return d;
  }

  /** Something happened in the conversation: the other side may answer soon, look again soon. */
  activity(): void {
    if (!this.crossInstance) this.delay = this.minMs;
    else this.recheck = true;
  }
}
