/**
 * The public contracts as the web UI reads them (docs/spec/profile.md: the profile, the result
 * and the plan; the pre-check, checklist, rules and notice answers of the public API). Types
 * only, inferred from the server's schemas (src/contract/): nothing here restates a shape.
 */
import type { Education, Profile } from '../api/contract';

export type {
  ChecklistItem,
  ChecklistResult,
  Contribution,
  Education,
  EmployerKind,
  KeyAreaId,
  NoticeVerification,
  ParameterRead,
  Plan,
  PlanOption,
  PrecheckCondition,
  PrecheckResult,
  Profile,
  Qualification,
  ResultItem,
  RuleParameter,
  RulesInForce,
  ScoreResult,
  TimelinePoint,
} from '../api/contract';

export type EducationLevel = Education['level'];
export type AwardLevel = NonNullable<Profile['awards']>[number]['level'];
export type RecordType = NonNullable<Profile['records']>[number]['type'];
/** A run of months (public service), as the profile states it. */
export type Period = NonNullable<Profile['publicService']>[number];
