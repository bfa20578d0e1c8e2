import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Profile } from './types';

export interface ProfileQuery<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * POSTs the profile to a public endpoint `delay` ms after it last changed
 * (debounced typing), cancelling the request of an older profile so an answer
 * never overwrites a newer one. Nothing is sent while `profile` is undefined.
 */
export function useProfileQuery<T>(
  path: string,
  profile: Profile | undefined,
  opts: { delay?: number; query?: Record<string, string | number | string[] | undefined> } = {},
): ProfileQuery<T> {
  const [state, setState] = useState<ProfileQuery<T>>({ loading: false });
  const body = profile ? JSON.stringify(profile) : undefined;
  const queryKey = JSON.stringify(opts.query ?? {});
  const delay = opts.delay ?? 350;
  useEffect(() => {
    if (!body) {
      setState({ loading: false });
      return;
    }
    const ctrl = new AbortController();
    // An answer that settles just as a newer profile replaces it must not land either.
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      api<T>('POST', path, JSON.parse(body), {
        signal: ctrl.signal,
        query: JSON.parse(queryKey) as Record<string, string | number | string[] | undefined>,
      }).then(
        (data) => {
          if (current) setState({ data, loading: false });
        },
        (error: unknown) => {
          if (current && (error as Error).name !== 'AbortError') setState({ error, loading: false });
        },
      );
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [path, body, queryKey, delay]);
  return state;
}
