import { Outbox, type KeyValueStore, type OutboxEntry } from './outbox.js';

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v);
  }
  removeItem(k: string): void {
    this.data.delete(k);
  }
}

class Transient extends Error {}

/** A server stand-in that records what it accepted, and can be told to fail. */
function fakeServer() {
  const received: string[] = [];
  let mode: 'ok' | 'down' | 'reject' = 'ok';
  const send = async (e: OutboxEntry<string>): Promise<void> => {
    await Promise.resolve();
    if (mode === 'down') throw new Transient('offline');
    if (mode === 'reject') throw new Error('ATTEMPT_CLOSED');
    received.push(`${e.key}=${e.payload}`);
  };
  return { received, send, set: (m: typeof mode) => (mode = m) };
}

function setup(store = new MemoryStore(), server = fakeServer()) {
  const timers: { fn: () => void; ms: number }[] = [];
  const outbox = new Outbox<string>({
    storage: store,
    storageKey: 'ob',
    send: server.send,
    isTransient: (e) => e instanceof Transient,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => timers.splice(0),
    backoff: { baseMs: 100, maxMs: 1000, jitter: 0 },
  });
  return { outbox, store, server, timers };
}

describe('answer outbox', () => {
  it('sends answers in the order they were given', async () => {
    const { outbox, server } = setup();
    outbox.enqueue('q1', 'A');
    outbox.enqueue('q2', 'B');
    outbox.enqueue('q3', 'C');
    await outbox.drained();
    expect(server.received).toEqual(['q1=A', 'q2=B', 'q3=C']);
    expect(outbox.stateOf('q2')).toBe('saved');
  });

  it('keeps answers given offline and flushes them in order on reconnect', async () => {
    const { outbox, server } = setup();
    outbox.setOnline(false);
    outbox.enqueue('q1', 'A');
    outbox.enqueue('q2', 'B');
    outbox.enqueue('q1', 'D'); // changed mind: replaces the queued q1 and moves to the end
    outbox.enqueue('q3', 'C');
    await outbox.flush();
    expect(server.received).toEqual([]);
    expect(outbox.stateOf('q1')).toBe('queued');
    expect(outbox.pending().map((e) => e.key)).toEqual(['q2', 'q1', 'q3']);
    outbox.setOnline(true);
    await outbox.drained();
    expect(server.received).toEqual(['q2=B', 'q1=D', 'q3=C']);
  });

  it('holds the queue on a transient failure and retries with growing backoff', async () => {
    const { outbox, server, timers } = setup();
    server.set('down');
    outbox.enqueue('q1', 'A');
    outbox.enqueue('q2', 'B');
    await outbox.flush();
    expect(outbox.stateOf('q1')).toBe('error');
    expect(outbox.stateOf('q2')).toBe('saving');
    expect(timers.map((t) => t.ms)).toEqual([100]);
    timers.shift()!.fn();
    await outbox.flush();
    expect(timers.map((t) => t.ms)).toEqual([200]);
    server.set('ok');
    timers.shift()!.fn();
    await outbox.drained();
    expect(server.received).toEqual(['q1=A', 'q2=B']);
    expect(outbox.stateOf('q1')).toBe('saved');
  });

  it('survives a reload: a new outbox on the same storage resumes the queue in order', async () => {
    const first = setup();
    first.outbox.setOnline(false);
    first.outbox.enqueue('q1', 'A');
    first.outbox.enqueue('q2', 'B');
    first.outbox.dispose();
    const second = setup(first.store);
    expect(second.outbox.pending().map((e) => `${e.key}=${e.payload}`)).toEqual(['q1=A', 'q2=B']);
    second.outbox.enqueue('q3', 'C');
    await second.outbox.drained();
    expect(second.server.received).toEqual(['q1=A', 'q2=B', 'q3=C']);
    expect(JSON.parse(first.store.getItem('ob')!).entries).toEqual([]);
  });

  it('drops an answer the server refuses for good, says so, and goes on with the rest', async () => {
    const { outbox, server } = setup();
    server.set('reject');
    outbox.enqueue('q1', 'A');
    await outbox.flush();
    expect(outbox.stateOf('q1')).toBe('rejected');
    expect((outbox.errorOf('q1') as Error).message).toBe('ATTEMPT_CLOSED');
    server.set('ok');
    outbox.enqueue('q2', 'B');
    await outbox.drained();
    expect(server.received).toEqual(['q2=B']);
  });

  it('does not drop an answer changed while its previous value is on the wire', async () => {
    const store = new MemoryStore();
    const received: string[] = [];
    let release: () => void = () => undefined;
    const outbox = new Outbox<string>({
      storage: store,
      storageKey: 'ob',
      isTransient: () => true,
      send: async (e) => {
        if (e.payload === 'A') await new Promise<void>((r) => (release = r));
        received.push(`${e.key}=${e.payload}`);
      },
    });
    outbox.enqueue('q1', 'A');
    await Promise.resolve();
    outbox.enqueue('q1', 'B');
    expect(outbox.stateOf('q1')).toBe('saving');
    release();
    await outbox.drained();
    expect(received).toEqual(['q1=A', 'q1=B']);
    expect(outbox.stateOf('q1')).toBe('saved');
  });

  it('starts empty from damaged storage instead of failing', () => {
    const store = new MemoryStore();
    store.setItem('ob', '{not json');
    expect(setup(store).outbox.size).toBe(0);
  });

  it('clear() forgets the stored queue', () => {
    const { outbox, store } = setup();
    outbox.setOnline(false);
    outbox.enqueue('q1', 'A');
    outbox.clear();
    expect(store.getItem('ob')).toBeNull();
    expect(outbox.size).toBe(0);
  });
});
