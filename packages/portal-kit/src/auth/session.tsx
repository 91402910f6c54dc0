import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Me, useTRPC } from '../api.ts';
import { browserStore } from '../storage.ts';
import { clearDraftsOf } from '../survey/state.ts';
import { signOut } from './authClient.ts';

/** `session.me`: null when signed out. Every page reads the person and their organisation from here. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.session.me.queryOptions(undefined, { staleTime: 60_000 }));
}

/** Signs out, forgets this person's survey drafts on this device, and drops every cached answer from the server. */
export function useSignOut(me: Me | null | undefined) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      if (me) clearDraftsOf(browserStore(), me.user.id);
      // Reset (not clear): active queries refetch, so session.me turns null and the guard shows sign-in.
      await queryClient.resetQueries();
      setBusy(false);
    }
  };
  return { signOut: run, busy };
}
