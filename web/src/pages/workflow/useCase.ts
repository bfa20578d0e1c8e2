import { useCallback, useEffect, useState } from 'react';
import { api, command } from '../../api/client';
import type { CaseView, CommandResult, Workspace } from './caseTypes';

/**
 * One case on screen: its view (state, holder of the case, deadline…) and the
 * workspace data beside it; `run` sends a command with If-Match: the version
 * shown, so two officers acting at once never overwrite each other.
 */
export function useCase(caseId: string) {
  const [view, setView] = useState<CaseView>();
  const [workspace, setWorkspace] = useState<Workspace>();
  const [loadError, setLoadError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      const [v, w] = await Promise.all([
        api<CaseView>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}`),
        api<Workspace>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}/workspace`),
      ]);
      setView(v);
      setWorkspace(w);
      setLoadError(undefined);
    } catch (e) {
      setLoadError(e);
    }
  }, [caseId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = useCallback(
    async (segment: string, body: unknown = {}): Promise<CommandResult> => {
      setBusy(true);
      try {
        const r = await command<CommandResult>(
          `/api/v1/cases/${encodeURIComponent(caseId)}/${segment}`,
          body,
          {
            ...(view ? { ifMatch: view.version } : {}),
          },
        );
        await reload();
        return r;
      } finally {
        setBusy(false);
      }
    },
    [caseId, view, reload],
  );

  return { view, workspace, loadError, busy, reload, run };
}

/** Case document kinds served as PDF (another part of the API); linked only when the server has them. */
export type DocumentKind =
  'application-form' | 'receipt' | 'one-time-notice' | 'points-notice' | 'reconsideration-decision';

let documentKinds: Promise<Set<string>> | undefined;

export function useDocumentKinds(): Set<string> {
  const [kinds, setKinds] = useState<Set<string>>(new Set());
  useEffect(() => {
    documentKinds ??= api<{ paths?: Record<string, unknown> }>('GET', '/api/openapi.json')
      .then((spec) => {
        const out = new Set<string>();
        for (const p of Object.keys(spec.paths ?? {})) {
          const m = /^\/api\/v1\/cases\/\{id\}\/documents\/([\w-]+)\.pdf$/.exec(p);
          if (m) out.add(m[1]!);
        }
        return out;
      })
      .catch(() => new Set<string>());
    let live = true;
    void documentKinds.then((k) => live && setKinds(k));
    return () => {
      live = false;
    };
  }, []);
  return kinds;
}

export const documentUrl = (caseId: string, kind: DocumentKind, ref?: string | number): string =>
  `/api/v1/cases/${encodeURIComponent(caseId)}/documents/${kind}.pdf${ref === undefined ? '' : `?ref=${encodeURIComponent(String(ref))}`}`;
