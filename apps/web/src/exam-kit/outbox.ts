import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../api/backoff.js';

/** The part of localStorage the outbox uses, so tests and other stores can stand in. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface OutboxEntry<P> {
  /** What the entry saves, e.g. the question id: a newer entry with the same key replaces a queued older one. */
  key: string;
  /** Order of enqueueing; entries are sent strictly in this order. */
  seq: number;
  payload: P;
  queuedAt: number;
  /** Failed sends so far. */
  tries: number;
}

/**
 * What the candidate sees beside an answer:
 * saving (đang lưu), saved (đã lưu), queued (offline, waiting), error (failed, retrying), rejected
 * (the server refused it for good, e.g. the attempt is closed; `errorOf` says why).
 */
export type SaveState = 'saving' | 'saved' | 'queued' | 'error' | 'rejected';

export interface OutboxOptions<P> {
  storage: KeyValueStore;
  /** One key per attempt, e.g. `cchc.outbox.attempt.42`. */
  storageKey: string;
  send: (entry: OutboxEntry<P>) => Promise<void>;
  /** Whether a failure is worth retrying (no network, timeout, 5xx, 429); anything else is a rejection. */
  isTransient: (err: unknown) => boolean;
  backoff?: BackoffOptions;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  online?: boolean;
}

interface Persisted<P> {
  v: 1;
  lastSeq: number;
  entries: OutboxEntry<P>[];
}

/**
 * A persistent, ordered queue of saves. Each answer is written to storage before it is sent, so a
 * lost network, a closed tab or a reload loses nothing; entries go out one at a time in the order
 * they were made, and a failure holds the queue (later answers never overtake earlier ones) until a
 * retry with backoff or the network coming back. Queued answers to the same question collapse into
 * the newest, which keeps its place at the end of the queue.
 */
export class Outbox<P> {
  private entries: OutboxEntry<P>[] = [];
  private lastSeq = 0;
  private inFlight: number | null = null;
  private readonly settled = new Map<string, 'saved' | 'rejected'>();
  private readonly errors = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private flushing: Promise<void> | null = null;
  private online: boolean;
  private readonly backoff: BackoffOptions;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly opts: OutboxOptions<P>) {
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.now = opts.now ?? Date.now;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.online = opts.online ?? true;
    this.restore();
  }

  /** Queues a save and starts sending. */
  enqueue(key: string, payload: P): void {
    this.entries = this.entries.filter((e) => e.key !== key || e.seq === this.inFlight);
    this.entries.push({ key, seq: ++this.lastSeq, payload, queuedAt: this.now(), tries: 0 });
    this.settled.delete(key);
    this.errors.delete(key);
    this.persist();
    this.emit();
    void this.flush();
  }

  /** Entries not yet accepted by the server, oldest first. */
  pending(): readonly OutboxEntry<P>[] {
    return this.entries;
  }

  get size(): number {
    return this.entries.length;
  }

  get isOnline(): boolean {
    return this.online;
  }

  stateOf(key: string): SaveState | null {
    const queued = this.entries.filter((e) => e.key === key);
    if (queued.length > 0) {
      if (queued.some((e) => e.seq === this.inFlight)) return 'saving';
      if (this.errors.has(key)) return 'error';
      return this.online ? 'saving' : 'queued';
    }
    return this.settled.get(key) ?? null;
  }

  /** Why the server refused (or last failed) this key's save. */
  errorOf(key: string): unknown {
    return this.errors.get(key);
  }

  /** The network went away or came back; coming back sends at once, without waiting for the backoff. */
  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    this.emit();
    if (online) {
      this.cancelTimer();
      for (const e of this.entries) e.tries = 0;
      void this.flush();
    }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends queued entries in order until the queue is empty or a send fails. One run at a time. */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.run().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  /** Resolves when nothing is left to send (for submitting only after every answer is in). */
  drained(): Promise<void> {
    if (this.entries.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (this.entries.length === 0) {
          off();
          resolve();
        }
      });
    });
  }

  /** Stops timers; the stored queue stays for the next page load. */
  dispose(): void {
    this.cancelTimer();
    this.listeners.clear();
  }

  /** Forgets everything, stored queue included (after the attempt is submitted). */
  clear(): void {
    this.cancelTimer();
    this.entries = [];
    this.settled.clear();
    this.errors.clear();
    this.opts.storage.removeItem(this.opts.storageKey);
    this.emit();
  }

  private async run(): Promise<void> {
    this.cancelTimer();
    while (this.online && this.entries.length > 0) {
      const head = this.entries[0];
      this.inFlight = head.seq;
      this.emit();
      try {
        await this.opts.send(head);
        this.inFlight = null;
        this.remove(head.seq);
        if (!this.entries.some((e) => e.key === head.key)) this.settled.set(head.key, 'saved');
        this.errors.delete(head.key);
      } catch (err) {
        this.inFlight = null;
        if (this.opts.isTransient(err)) {
          head.tries += 1;
          this.errors.set(head.key, err);
          this.persist();
          this.emit();
          if (this.online) this.timer = this.setTimer(() => void this.flush(), backoffDelay(head.tries, this.backoff));
          return;
        }
        this.remove(head.seq);
        if (!this.entries.some((e) => e.key === head.key)) this.settled.set(head.key, 'rejected');
        this.errors.set(head.key, err);
      }
      this.persist();
      this.emit();
    }
  }

  private remove(seq: number): void {
    this.entries = this.entries.filter((e) => e.seq !== seq);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private persist(): void {
    const data: Persisted<P> = { v: 1, lastSeq: this.lastSeq, entries: this.entries };
    try {
      this.opts.storage.setItem(this.opts.storageKey, JSON.stringify(data));
    } catch {
      // Storage full or blocked (private mode): the queue still works in memory for this page.
    }
  }

  private restore(): void {
    let raw: string | null;
    try {
      raw = this.opts.storage.getItem(this.opts.storageKey);
    } catch {
      return;
    }
    if (!raw) return;
    try {
      const data = JSON.parse(raw) as Persisted<P>;
      if (data.v !== 1 || !Array.isArray(data.entries)) return;
      this.entries = [...data.entries].sort((a, b) => a.seq - b.seq);
      this.lastSeq = Math.max(data.lastSeq, ...this.entries.map((e) => e.seq), 0);
    } catch {
      // A damaged entry cannot be trusted; the server still has every answer it acknowledged.
    }
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
