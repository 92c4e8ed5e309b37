import type { ShotKit } from './kit.js';

/** Screenshots of the survey screens. */
export async function surveyShots(kit: ShotKit): Promise<void> {
  void kit;
  await Promise.resolve();
}
