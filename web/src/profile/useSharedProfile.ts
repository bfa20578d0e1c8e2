import { useCallback, useState } from 'react';
import { loadProfile, saveProfile } from './profileStore';
import { emptyProfile } from './toProfile';
import type { Profile } from './types';

/** The profile shared by the public tools (this tab's sessionStorage, or a `?profile=` link). */
export function useSharedProfile(): [Profile, (p: Profile) => void] {
  const [profile, setState] = useState<Profile>(() => loadProfile() ?? emptyProfile());
  const set = useCallback((p: Profile) => {
    setState(p);
    saveProfile(p);
  }, []);
  return [profile, set];
}

/** A profile worth sending: the two facts every result needs are there. */
export const isComplete = (p: Profile | undefined): p is Profile => !!p?.asOf && !!p.birthDate;
