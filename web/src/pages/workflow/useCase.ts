import { useCallback, useEffect, useState } from 'react';
import { api, command } from '../../api/client';
import type { CaseView, CommandResult, Workspace } from './caseTypes';

/**
 * One case on screen: its view (state, holder of the case, deadline…) and the
 * workspace data beside it; `run` sends a command with If-Match: the version
 * shown, so two officers acting at once never overwrite each other.
 */
export function useCase(ref: string) {
  const caseId = useCaseIdOf(ref);
  const [view, setView] = useState<CaseView>();
  const [workspace, setWorkspace] = useState<Workspace>();
  const [loadError, setLoadError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    if (caseId instanceof Error) {
      setLoadError(caseId);
      return;
    }
    if (!caseId) return;
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
          `/api/v1/cases/${encodeURIComponent(view?.caseId ?? String(caseId))}/${segment}`,
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

/** 申请编号 as people read it (e.g. MH2025-000123; what the scanner types). */
export const APPLICATION_NO = /^[A-Za-z]{2}\d{4}-?\d{1,12}$/;

/**
 * Case pages are opened by 申请编号 (issue 15: the internal id never appears in
 * a URL people see); an internal id still works (old bookmarks, links from
 * notices). Undefined while the number is being looked up.
 */
function useCaseIdOf(ref: string): string | Error | undefined {
  const byNumber = APPLICATION_NO.test(ref);
  const [resolved, setResolved] = useState<{ ref: string; id: string | Error }>();
  useEffect(() => {
    if (!byNumber) return;
    let live = true;
    api<{ caseId: string }>('GET', `/api/v1/case-numbers/${encodeURIComponent(ref)}`)
      .then((r) => live && setResolved({ ref, id: r.caseId }))
      .catch((e: unknown) => live && setResolved({ ref, id: e instanceof Error ? e : new Error(String(e)) }));
    return () => {
      live = false;
    };
  }, [ref, byNumber]);
  if (!byNumber) return ref;
  return resolved?.ref === ref ? resolved.id : undefined;
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
