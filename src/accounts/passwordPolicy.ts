import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JifenError } from '../shared/errors.js';
import { z } from '../shared/zodLocale.js';

/**
 * The password rules (issue 12), for every password a person chooses: unit
 * registration, officers created by the administrator, a self-service change.
 * (One-time passwords issued by a reset or a holder-login opening are random
 * and long, and must be changed at the next login.) Following NIST SP 800-63B
 * §5.1.1.2: a minimum length, no composition rules, and a check against a list
 * of commonly used and compromised passwords and against the account's name.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** How the blocklist compares: lower case, letters and digits only ("P@ss word!" is "pssword"). */
export const normalizeForBlocklist = (password: string): string =>
  password.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** src/accounts/data/common-passwords.txt (built by scripts/buildCommonPasswords.ts), read once at load. */
const BLOCKLIST: ReadonlySet<string> = new Set(
  readFileSync(fileURLToPath(new URL('./data/common-passwords.txt', import.meta.url)), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);
const commonPasswords = (): ReadonlySet<string> => BLOCKLIST;

export const containsUsername = (password: string, username: string): boolean =>
  password.toLowerCase().includes(username.toLowerCase());

/**
 * Why `password` may not be used (a Chinese sentence for the form), or
 * undefined when it may. `username`: the account's own name, which the
 * password may neither equal nor contain.
 */
export function passwordProblem(password: string, username?: string): string | undefined {
  if (password.trim() === '') return '密码不能只由空格组成';
  if ([...password].length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`;
  if ([...password].length > PASSWORD_MAX_LENGTH) return `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`;
  if (new Set(password).size === 1) return '密码不能由同一个字符重复组成';
  if (username && containsUsername(password, username)) return '密码不能包含用户名';
  const n = normalizeForBlocklist(password);
  // The common password itself, or with digits added at its end to reach the length ("password98765").
  const core = n.replace(/\d+$/, '');
  const list = commonPasswords();
  if (list.has(n) || (core.length >= 4 && list.has(core))) return '密码过于常见，容易被猜中，请换一个';
  return undefined;
}

/** A zod string for a chosen password (the username rule is checked where the username is known). */
export const newPasswordSchema = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Throws a 400 naming the field (`path`, e.g. `$.newPassword`) when the password breaks a rule. */
export function requireAcceptablePassword(password: string, username: string, path: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new JifenError('validation_failed', '密码不符合要求', [{ path, message: problem }]);
}
