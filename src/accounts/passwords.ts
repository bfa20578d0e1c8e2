import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/**
 * The one argon2id parameter set of jifen, for every hash: real accounts, the
 * demo seed, test fixtures and the dummy hash of unknown usernames alike (so a
 * known user does not answer slower than an unknown one, issue 12). OWASP's
 * recommended minimums (19 MiB, t=2, p=1): slow enough to make a stolen table
 * expensive, fast enough (~30 ms) for a login counter. A stored hash made with
 * other parameters is replaced at the owner's next successful login.
 */
export const HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, HASH_OPTIONS);

/** A stored hash made with another algorithm or other parameters than HASH_OPTIONS. */
export const needsRehash = (hash: string): boolean =>
  !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, HASH_OPTIONS);

/**
 * A hash of a random secret with the same parameters as every real hash, made once per process
 * when this module loads (a login never waits for it twice).
 */
const DUMMY_HASH: Promise<string> = hashPassword(randomBytes(32).toString('hex'));
export const dummyHash = (): Promise<string> => DUMMY_HASH;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // An unknown account runs the same verification, against a hash with the same parameters, as a
  // wrong password for a known one: no user enumeration by timing.
  const stored = hash ?? (await dummyHash());
  try {
    return (await argon2.verify(stored, password)) && hash !== null;
  } catch {
    return false;
  }
}

/**
 * A one-time password chosen by the server (a holder's login opened by HR, a
 * reset): 96 random bits, 16 URL-safe characters, shown once, hashed like any
 * other, and to be changed by its owner at the first login.
 */
export const newOneTimePassword = (): string => randomBytes(12).toString('base64url');
