/**
 * Room predicates of the case layer that depend on registry facts rather than on
 * the case row alone (the pure ones are `hasStanding`/`inRoom` in workflow/).
 * Reads and writes share them, so a route never shows what another would refuse.
 */
import { JifenError, jsonPath } from '../shared/errors.js';
import { latestInsuringUnit } from '../storage/registryRepository.js';
import { getUnit } from '../storage/unitRepository.js';
import type { Db } from './types.js';

/**
 * The holder is the unit's employee when the unit paid the holder's most recent
 * insured month on the social-insurance registry (up to `today`'s month). No
 * labour-contract registry exists in jifen, so insurance is the evidence the
 * unit's employee list and the registry route already use (细则 第三条: the
 * employer applies for its own staff).
 */
export async function isUnitEmployee(
  db: Db,
  holderId: string,
  unitId: string,
  today: string,
): Promise<boolean> {
  const unit = await getUnit(db, unitId);
  if (!unit) return false;
  return (await latestInsuringUnit(db, holderId, today.slice(0, 7))) === unit.creditCode;
}

/**
 * Refuses a unit's write for someone who is not its employee. An unknown holder
 * gets the same answer (404), so a unit learns nothing about other units' staff.
 */
export async function requireUnitEmployee(
  db: Db,
  holderId: string,
  unitId: string,
  today: string,
  path: (string | number)[] = ['input', 'holderId'],
): Promise<void> {
  if (!(await isUnitEmployee(db, holderId, unitId, today)))
    throw new JifenError(
      'not_found',
      '本单位没有该持证人的社保登记（持证人最近一个月的社保须由本单位缴纳）',
      [{ path: jsonPath(path), message: '不是本单位的员工' }],
      { holderId },
    );
}
