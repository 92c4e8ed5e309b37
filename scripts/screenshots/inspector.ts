import type { ShotKit } from './kit.js';

/** Screenshots of the inspector screens. */
export async function inspectorShots(kit: ShotKit): Promise<void> {
  void kit;
  await Promise.resolve();
}
