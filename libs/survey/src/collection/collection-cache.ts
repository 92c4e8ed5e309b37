import { Injectable } from '@nestjs/common';

/**
 * Short-lived copies of what every public request reads (desk by code, kiosk by token, a desk's
 * surveys, a survey), so that a visit reads nothing from the database. Changes made through this
 * server clear it at once; another instance sees them within TTL_MS. Submissions re-check the
 * survey window on a copy no older than TTL_MS as well.
 *
 * Loads are shared: when an entry expires under load, the requests that arrive meanwhile wait for
 * the one read instead of each starting their own.
 */
@Injectable()
export class CollectionCache {
  static readonly TTL_MS = 5_000;
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && now - hit.at < CollectionCache.TTL_MS) return hit.value as Promise<T>;
    const value = load();
    const entry = { at: now, value };
    this.entries.set(key, entry);
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > 50_000) this.entries.clear();
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
