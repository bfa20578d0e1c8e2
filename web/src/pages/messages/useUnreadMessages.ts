import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';

/** Unread in-system messages of the signed-in HR officer's unit (the menu badge); refreshed on navigation. */
export function useUnreadMessages(unitId: string | null | undefined): number {
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  const [marked, setMarked] = useState(0);
  useEffect(() => {
    const bump = () => setMarked((n) => n + 1);
    window.addEventListener(MESSAGES_READ_EVENT, bump);
    return () => window.removeEventListener(MESSAGES_READ_EVENT, bump);
  }, []);
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    api<{ unread: number }>('GET', `/api/v1/units/${encodeURIComponent(unitId)}/message-centre`, undefined, {
      query: { limit: 1 },
    })
      .then((r) => live && setUnread(r.unread))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [unitId, location.pathname, marked]);
  return unread;
}

/** Tells the menu badge that messages were marked read on this page. */
export const MESSAGES_READ_EVENT = 'jifen:messages-read';
