import { Form } from 'antd';
import { ApiError } from '../api/client';
import { namePathOf } from '../components/ProblemAlert';
import { useEffect, useRef, useState } from 'react';
import { applyProfileErrors, clearProfileErrors, type NamePath } from './applyProfileErrors';
import { DEFAULT_PANELS, ProfileForm, panelOf } from './ProfileForm';
import { fromProfile, toProfile, type ProfileFormValues } from './toProfile';
import type { Profile } from './types';

/**
 * The profile form bound to a profile: every change gives the new profile;
 * the API's field errors (`error`) are shown on their fields and their
 * panels opened. Re-key it to load another profile (import).
 */
export function ProfileEditor(props: { profile: Profile; onChange: (p: Profile) => void; error?: unknown }) {
  const [form] = Form.useForm<ProfileFormValues>();
  const [initialValues] = useState(() => fromProfile(props.profile));
  // On a phone only the first panel starts open (plus those the profile fills): a short page to scroll.
  const [open, setOpen] = useState<string[]>(() => {
    const filled = Object.entries(props.profile)
      .filter(([k, v]) => k !== 'asOf' && k !== 'birthDate' && v !== undefined && v !== false)
      .map(([k]) => panelOf([k]))
      .filter((p): p is string => !!p);
    const base = window.matchMedia('(max-width: 767px)').matches ? ['basic'] : DEFAULT_PANELS;
    return [...new Set([...base, ...filled])];
  });
  const shown = useRef<NamePath[]>([]);
  const { error } = props;

  // First open the panels the errors are in (their fields mount), then put each error on its field.
  useEffect(() => {
    const panels = (error instanceof ApiError ? error.fields : [])
      .map((f) => panelOf(namePathOf(f.path)))
      .filter((p): p is string => !!p);
    if (panels.length)
      setOpen((o) => (panels.every((p) => o.includes(p)) ? o : [...new Set([...o, ...panels])]));
  }, [error]);
  useEffect(() => {
    clearProfileErrors(form, shown.current);
    shown.current = applyProfileErrors(form, error);
  }, [error, form, open]);

  return (
    <ProfileForm
      form={form}
      initialValues={initialValues}
      onValuesChange={(all) => props.onChange(toProfile(all))}
      openPanels={open}
      onOpenPanels={setOpen}
    />
  );
}
