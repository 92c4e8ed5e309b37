/**
 * The server's clock as seen from the browser. Deadlines come from the server, so the countdown must
 * run on server time: a candidate whose PC clock is 3 minutes fast must not see 3 minutes less.
 *
 * Each API answer that carries `serverTime` gives a sample: the server read its clock somewhere
 * between our send and our receive, so the best guess is the midpoint, and the sample with the
 * shortest round trip is the most precise (NTP's rule). Old samples age out, so a clock that the
 * OS corrects (or a laptop that slept) is followed.
 */
export interface ClockSample {
  /** Client time (ms) when the request left. */
  sentAt: number;
  /** Client time (ms) when the answer arrived. */
  receivedAt: number;
  /** The server's time (ms) in the answer. */
  serverTime: number;
}

/** Estimated server − client, in ms, from one sample. */
export const sampleOffset = (s: ClockSample): number => s.serverTime - (s.sentAt + s.receivedAt) / 2;

const roundTrip = (s: ClockSample): number => s.receivedAt - s.sentAt;

export class ServerClock {
  private samples: ClockSample[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    /** Samples older than this (client ms) are dropped. */
    private readonly maxAgeMs = 10 * 60_000,
    private readonly maxSamples = 8,
  ) {}

  /** Adds a sample; ignores impossible ones (answer before request). */
  add(sample: ClockSample): void {
    if (!(sample.receivedAt >= sample.sentAt) || !Number.isFinite(sample.serverTime)) return;
    const cutoff = this.now() - this.maxAgeMs;
    this.samples = [...this.samples.filter((s) => s.receivedAt >= cutoff), sample].slice(-this.maxSamples);
  }

  /** Adds a sample from an ISO time or epoch ms the server sent. */
  addServerTime(serverTime: string | number, sentAt: number, receivedAt: number = this.now()): void {
    const t = typeof serverTime === 'number' ? serverTime : Date.parse(serverTime);
    this.add({ sentAt, receivedAt, serverTime: t });
  }

  /** Server − client in ms; 0 until a sample arrives. */
  get offset(): number {
    if (this.samples.length === 0) return 0;
    const best = this.samples.reduce((a, b) => (roundTrip(b) < roundTrip(a) ? b : a));
    return Math.round(sampleOffset(best));
  }

  get synced(): boolean {
    return this.samples.length > 0;
  }

  /** The server's time now, ms. */
  serverNow(): number {
    return this.now() + this.offset;
  }

  /** Ms left until a server-time deadline, never negative. */
  remainingMs(deadline: string | number): number {
    const d = typeof deadline === 'number' ? deadline : Date.parse(deadline);
    return Math.max(0, d - this.serverNow());
  }
}
