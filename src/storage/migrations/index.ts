import type { Migration } from 'kysely';
import * as m0001 from './0001_core.js';
import * as m0002 from './0002_case_snapshot.js';
import * as m0100 from './0100_accounts.js';
import * as m0110 from './0110_case_dashboard_indexes.js';
import * as m0120 from './0120_one_open_case_per_holder.js';
import * as m0130 from './0130_notifications.js';
import * as m0140 from './0140_policy_revisions.js';
import * as m0150 from './0150_login_guards.js';
import * as m0160 from './0160_password_change_required.js';
import * as m0170 from './0170_audit_chains.js';
import * as m0180 from './0180_application_numbers.js';
import * as m0190 from './0190_reconsideration_evidence.js';
import * as m0200 from './0200_case_view_cache.js';
import * as m0210 from './0210_penalty_legal_basis.js';

/**
 * Migrations in code (not read from a folder at run time), so that they ship
 * inside any bundle and run the same under tsx, vitest and a build. Append only.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_case_snapshot': m0002,
  '0100_accounts': m0100,
  // Named after 0100 so that databases that already ran 0100 can still migrate (kysely keeps order).
  '0110_case_dashboard_indexes': m0110,
  '0120_one_open_case_per_holder': m0120,
  '0130_notifications': m0130,
  '0140_policy_revisions': m0140,
  '0150_login_guards': m0150,
  '0160_password_change_required': m0160,
  '0170_audit_chains': m0170,
  '0180_application_numbers': m0180,
  '0190_reconsideration_evidence': m0190,
  '0200_case_view_cache': m0200,
  '0210_penalty_legal_basis': m0210,
};
