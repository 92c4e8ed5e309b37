import { Injectable } from '@nestjs/common';

/**
 * Short-lived copies of what every public request reads (desk by code, kiosk by token, a desk's
 * surveys), so that a visit costs one write. Changes made through this server clear it at once;
 * another instance sees them within TTL_MS. Submissions re-check the survey window on a copy no
 * older than TTL_MS as well.
 */
@Injectable()
export class CollectionCache {
  static readonly TTL_MS = 5_000;
  private readonly entries = new Map<string, { at: number; value: unknown }>();

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && now - hit.at < CollectionCache.TTL_MS) return hit.value as T;
    const value = await load();
    this.entries.set(key, { at: now, value });
    if (this.entries.size > 50_000) this.entries.clear();
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
