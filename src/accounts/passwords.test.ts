import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/seedDemo.js';
import { dummyHash, hashPassword, needsRehash, newOneTimePassword, verifyPassword } from './passwords.js';

/** One argon2id parameter set (issue 12): a known user answers no slower than an unknown one. */
describe('password hashes', () => {
  it('the dummy hash of unknown usernames has the parameters of real hashes', async () => {
    const real = await hashPassword(DEMO_PASSWORD);
    const params = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(params(await dummyHash())).toBe(params(real));
    expect(needsRehash(await dummyHash())).toBe(false);
    expect(needsRehash(real)).toBe(false);
  });

  it('flags hashes made with other parameters or another argon2 variant for a rehash', async () => {
    expect(needsRehash(await argon2.hash(DEMO_PASSWORD))).toBe(true);
    expect(needsRehash(await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2i }))).toBe(true);
  });

  it('an unknown account never verifies, whatever the password', async () => {
    expect(await verifyPassword(null, DEMO_PASSWORD)).toBe(false);
    expect(await verifyPassword(await hashPassword(DEMO_PASSWORD), DEMO_PASSWORD)).toBe(true);
  });

  it('one-time passwords are random 16-character strings', () => {
    const a = newOneTimePassword();
    expect(a).toMatch(/^[\w-]{16}$/);
    expect(newOneTimePassword()).not.toBe(a);
  });
});
