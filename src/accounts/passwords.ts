import argon2 from 'argon2';

/**
 * argon2id with the OWASP-recommended minimums (19 MiB, t=2, p=1): slow enough
 * to make a stolen table expensive, fast enough (~30 ms) for a login counter.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same time on an unknown account as on a wrong password: no user enumeration by timing.
    await argon2.hash(password, OPTIONS);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
