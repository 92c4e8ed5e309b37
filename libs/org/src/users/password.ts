import argon2 from 'argon2';

/**
 * argon2id at OWASP's recommended baseline (19 MiB, 2 passes, 1 lane): about a tenth of the
 * library's default cost, so that importing hundreds of officials takes seconds, not minutes.
 * Hashes carry their parameters, so hashes made with other settings still verify.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Passwords are stored as argon2id hashes only. */
export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, OPTIONS);

export const verifyPassword = async (hash: string, plain: string): Promise<boolean> => {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
};
