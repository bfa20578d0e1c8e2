import type { District, Role } from '../storage/schema.js';

/** Who is acting, and the room they act in (docs/spec/workflow.md "People and their rooms"). */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  district: District | null;
  unitId: string | null;
  holderId: string | null;
  /** How the request was authenticated: a browser session (CSRF-checked) or an API token (scoped). */
  via: 'session' | 'token';
  /** Scopes of an API token; a session has every scope of its role. */
  scopes: readonly string[] | 'all';
  /** The password was set by someone else and not yet changed (src/http/auth.ts refuses nearly everything). */
  passwordChangeRequired?: boolean;
}
