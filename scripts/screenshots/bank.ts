import type { ShotKit } from './kit.js';

/** Screenshots of the bank screens. */
export async function bankShots(kit: ShotKit): Promise<void> {
  void kit;
  await Promise.resolve();
}
