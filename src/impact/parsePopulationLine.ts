import type { Profile } from '../profile/profileSchema.js';
import { validateProfile } from '../profile/validateProfile.js';
import { JifenError } from '../shared/errors.js';

export interface PopulationMember {
  id: string | null;
  /** District as written by synth (e.g. 浦东新区); falls back to the employer's district, else null. */
  district: string | null;
  profile: Profile;
  /** Whether the line was an envelope, so that later errors can name `$.profile.…`. */
  envelope: boolean;
}

const ENVELOPE_KEYS = new Set(['id', 'district', 'profile']);

/**
 * One population line: `{ id, district, profile }` (as `jifen synth` writes it) or a bare
 * profile. `validateProfile` takes its fast path (src/profile/fastProfile.ts) on the common
 * shapes and the full schema otherwise, whose errors name every bad path (under `$.profile`
 * for an envelope).
 */
export function parsePopulationLine(line: string): PopulationMember {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    throw new JifenError('not_json', '不是有效的 JSON', [{ path: '$', message: (e as Error).message }]);
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'profile' in raw && !('asOf' in raw)) {
    const env = raw as Record<string, unknown>;
    const bad = Object.keys(env).filter((k) => !ENVELOPE_KEYS.has(k));
    const issues = bad.map((k) => ({
      path: `$.${k}`,
      message: '未知字段（每行为 { id, district, profile } 或一个积分档案）',
    }));
    if (env.id !== undefined && typeof env.id !== 'string' && typeof env.id !== 'number')
      issues.push({ path: '$.id', message: '应为字符串或数字' });
    if (env.district !== undefined && env.district !== null && typeof env.district !== 'string')
      issues.push({ path: '$.district', message: '应为字符串' });
    let profile: Profile | undefined;
    try {
      profile = validateProfile(env.profile, '$.profile');
    } catch (e) {
      if (!(e instanceof JifenError)) throw e;
      issues.push(...e.issues);
    }
    if (issues.length || !profile) throw new JifenError('validation_failed', '人口文件行校验失败', issues);
    return {
      id: env.id == null ? null : String(env.id),
      district: (env.district as string | undefined) ?? profile.employer?.district ?? null,
      profile,
      envelope: true,
    };
  }
  const profile = validateProfile(raw);
  return { id: null, district: profile.employer?.district ?? null, profile, envelope: false };
}
