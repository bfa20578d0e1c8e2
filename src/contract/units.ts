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

/** The unit's employees (by social insurance), their open case and when an account may be opened. */
export const unitEmployeesSchema = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(
      z.object({
        holderId: z.string(),
        name: z.string(),
        idNumberMasked: z.string(),
        insuredUntil: z.string(),
        permitIssuedOn: z.string().nullable(),
        permitActive: z.boolean(),
        accountOpensOn: z.string().nullable(),
        mayOpenAccount: z.boolean(),
        hasLogin: z.boolean(),
        openCase: z
          .object({
            caseId: z.string(),
            /** 申请编号: what HR reads and opens (issue 15). */
            applicationNo: z.string().nullable().optional(),
            state: z.string(),
            stateLabel: z.string(),
            ownUnit: z.boolean(),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'UnitEmployees', description: '本单位员工' });

/** A district's units (the clerk verifies the registered ones). */
export const districtUnitsSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      creditCode: z.string(),
      district: z.string(),
      kind: z.string(),
      registrationStatus: unitRegistrationStatusSchema,
      rejectionReason: z.string().nullable(),
      taxStatus: z.string(),
      operatingStatus: z.string(),
      barredUntil: z.string().nullable(),
      registeredAt: z.string(),
      verifiedAt: z.string().nullable(),
    }),
  ),
});

export type UnitEmployees = z.infer<typeof unitEmployeesSchema>;
export type DistrictUnits = z.infer<typeof districtUnitsSchema>;
