/** Tables of migration 0100_accounts, merged into the `Database` type. */
export interface SessionsTable {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApiTokensTable {
  id: string;
  tokenHash: string;
  name: string;
  userId: string;
  /** JSON array of scope names. */
  scopes: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Migration 0150: the login lockout, keyed by the username as typed (known or not). */
export interface LoginGuardsTable {
  username: string;
  failures: number;
  lockedUntil: string | null;
  updatedAt: string;
}

declare module './schema.js' {
  interface Database {
    sessions: SessionsTable;
    apiTokens: ApiTokensTable;
    loginGuards: LoginGuardsTable;
  }
}
