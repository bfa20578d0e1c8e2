import { z } from 'zod';

/** A unit's registration as the district sees it. */
export const unitRegistrationStatusSchema = z.enum(['registered', 'verified', 'rejected']);

/** The answer to a unit's online registration (its HR officer's login is opened with it). */
export const createdUnitSchema = z.object({
  unitId: z.string(),
  status: z.string(),
  username: z.string(),
  replayed: z.boolean(),
});

/** The answer to the district's verification of a unit. */
export const unitVerificationSchema = z.object({
  unitId: z.string(),
  status: z.string(),
  replayed: z.boolean(),
});

/** A holder's login opened by the unit: the initial password is shown once. */
export const holderLoginSchema = z.object({
  userId: z.string(),
  username: z.string(),
  initialPassword: z.string(),
});

/** A one-time password issued by a reset (shown once; changed at the next login). */
export const passwordResetSchema = z.object({
  userId: z.string(),
  username: z.string(),
  oneTimePassword: z.string(),
  sessionsEnded: z.number().int(),
});
