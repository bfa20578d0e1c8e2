/**
 * The profile contract v1 (docs/spec/profile.md). Its schema stays in src/profile/profileSchema.ts
 * beside its cross-field checks (validateProfile); this is the contract's door to it.
 */
export {
  profileSchema,
  profileObjectSchema,
  educationSchema,
  qualificationSchema,
  contributionSchema,
  keyAreaSchema,
  permitSchema,
  employerSchema,
  childSchema,
  familySchema,
  isoDateSchema,
  isoMonthSchema,
  recordTypes,
  EMPLOYER_KINDS,
  type Profile,
  type Contribution,
  type Qualification,
  type Education,
  type Permit,
  type Employer,
  type EmployerKind,
  type Child,
  type KeyAreaId,
} from '../profile/profileSchema.js';
