import type { Profile } from './types';

/**
 * The profile the public tools share: the simulator writes it, the planner,
 * checklist and pre-check read it (sessionStorage: this tab only, gone when it
 * closes — nothing personal is kept). A link may carry one too: `?profile=`
 * with the profile's JSON in base64url, so a profile can be sent to someone.
 */
const KEY = 'jifen.profile.v1';

const toBase64Url = (s: string): string => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (s: string): string => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
};

const isProfileLike = (v: unknown): v is Profile =>
  !!v && typeof v === 'object' && !Array.isArray(v) && 'asOf' in v;

/**
 * Reads a pasted or uploaded JSON text: a bare profile, or a golden-case file
 * (`{ name, profile, expected }`) whose `profile` is taken. Throws a Chinese message.
 */
export function parseProfileJson(textValue: string): Profile {
  let v: unknown;
  try {
    v = JSON.parse(textValue);
  } catch (e) {
    throw new Error(`不是有效的 JSON：${(e as Error).message}`, { cause: e });
  }
  if (v && typeof v === 'object' && !Array.isArray(v) && 'profile' in v && !('asOf' in v))
    v = (v as { profile: unknown }).profile;
  if (!isProfileLike(v)) throw new Error('JSON 中没有积分档案：应为含 asOf、birthDate 等字段的对象');
  return v;
}

export function loadProfile(search: string = window.location.search): Profile | undefined {
  const fromUrl = new URLSearchParams(search).get('profile');
  if (fromUrl) {
    try {
      const p = parseProfileJson(fromBase64Url(fromUrl));
      saveProfile(p);
      return p;
    } catch {
      // A damaged link falls back to this tab's profile.
    }
  }
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? parseProfileJson(raw) : undefined;
  } catch {
    return undefined;
  }
}

export function saveProfile(p: Profile): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Private mode or full storage: the tools still work within the page.
  }
}

/** A link to `path` carrying the profile (for sharing or opening on another device). */
export const profileLink = (path: string, p: Profile): string =>
  `${window.location.origin}${path}?profile=${toBase64Url(JSON.stringify(p))}`;
