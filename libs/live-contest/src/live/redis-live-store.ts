import { createClient } from 'redis';
import type { LiveAnswer, LivePlayer, LiveState, LiveStore } from './live-store.js';

const makeClient = (url: string) => createClient({ url });
type Client = ReturnType<typeof makeClient>;

/** Compare-and-set on the state's rev, atomically inside Redis. */
const CAS = `
local cur = redis.call('GET', KEYS[1])
local rev = 0
if cur then rev = cjson.decode(cur).rev end
if rev ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
return 1`;

/** Live state lasts at most a day in Redis; the database keeps what must last. */
const TTL_SECONDS = 24 * 3600;

/**
 * Live state in Redis (node-redis v6), so that any instance behind the load balancer can serve any
 * player of a session. Keys: `<prefix>live:<session>:state|players|a:<i>|buzz:<i>`.
 */
export class RedisLiveStore implements LiveStore {
  private constructor(
    private readonly client: Client,
    private readonly prefix: string,
  ) {}

  static async connect(url: string, prefix: string): Promise<RedisLiveStore> {
    const client = makeClient(url);
    client.on('error', () => undefined); // reconnects by itself; commands fail meanwhile
    await client.connect();
    return new RedisLiveStore(client, prefix);
  }

  private key(sessionId: number, part: string): string {
    return `${this.prefix}live:${sessionId}:${part}`;
  }

  async state(sessionId: number): Promise<LiveState | null> {
    const raw = await this.client.get(this.key(sessionId, 'state'));
    return raw ? (JSON.parse(raw) as LiveState) : null;
  }

  async casState(sessionId: number, expectedRev: number, next: LiveState): Promise<boolean> {
    const value = JSON.stringify({ ...next, rev: expectedRev + 1 });
    const r = await this.client.eval(CAS, {
      keys: [this.key(sessionId, 'state')],
      arguments: [String(expectedRev), value, String(TTL_SECONDS)],
    });
    return Number(r) === 1;
  }

  async putPlayers(sessionId: number, players: LivePlayer[]): Promise<void> {
    if (players.length === 0) return;
    const key = this.key(sessionId, 'players');
    await this.client.hSet(key, Object.fromEntries(players.map((p) => [String(p.id), JSON.stringify(p)])));
    await this.client.expire(key, TTL_SECONDS);
  }

  async player(sessionId: number, playerId: number): Promise<LivePlayer | null> {
    const raw = await this.client.hGet(this.key(sessionId, 'players'), String(playerId));
    return raw ? (JSON.parse(raw) as LivePlayer) : null;
  }

  async players(sessionId: number): Promise<LivePlayer[]> {
    const all = await this.client.hGetAll(this.key(sessionId, 'players'));
    return Object.values(all).map((v) => JSON.parse(v) as LivePlayer);
  }

  async playerCount(sessionId: number): Promise<number> {
    return Number(await this.client.hLen(this.key(sessionId, 'players')));
  }

  async addAnswer(sessionId: number, index: number, playerId: number, answer: LiveAnswer): Promise<boolean> {
    const key = this.key(sessionId, `a:${index}`);
    const added = await this.client.hSetNX(key, String(playerId), JSON.stringify(answer));
    if (Number(added) === 1) {
      void this.client.expire(key, TTL_SECONDS).catch(() => undefined);
      return true;
    }
    return false;
  }

  async answer(sessionId: number, index: number, playerId: number): Promise<LiveAnswer | null> {
    const raw = await this.client.hGet(this.key(sessionId, `a:${index}`), String(playerId));
    return raw ? (JSON.parse(raw) as LiveAnswer) : null;
  }

  async answers(sessionId: number, index: number): Promise<Map<number, LiveAnswer>> {
    const all = await this.client.hGetAll(this.key(sessionId, `a:${index}`));
    return new Map(Object.entries(all).map(([k, v]) => [Number(k), JSON.parse(v) as LiveAnswer]));
  }

  async answerCount(sessionId: number, index: number): Promise<number> {
    return Number(await this.client.hLen(this.key(sessionId, `a:${index}`)));
  }

  async claimBuzz(sessionId: number, index: number, playerId: number): Promise<number> {
    const key = this.key(sessionId, `buzz:${index}`);
    await this.client.set(key, String(playerId), { condition: 'NX', expiration: { type: 'EX', value: TTL_SECONDS } });
    return Number(await this.client.get(key));
  }

  async drop(sessionId: number, questions: number): Promise<void> {
    const keys = [this.key(sessionId, 'state'), this.key(sessionId, 'players')];
    for (let i = 0; i < questions; i++) keys.push(this.key(sessionId, `a:${i}`), this.key(sessionId, `buzz:${i}`));
    await this.client.del(keys);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
