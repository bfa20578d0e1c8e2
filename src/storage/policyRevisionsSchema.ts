/** The table of migration 0140_policy_revisions, merged into the `Database` type. */
export type PolicyRevisionKind = 'wage_figure' | 'calendar_year' | 'materials_catalogue';

export interface PolicyRevisionsTable {
  id: string;
  kind: PolicyRevisionKind;
  subject: string;
  payload: string;
  citation: string;
  contentHash: string;
  loadedBy: string;
  loadedAt: string;
}

declare module './schema.js' {
  interface Database {
    policyRevisions: PolicyRevisionsTable;
  }
}
