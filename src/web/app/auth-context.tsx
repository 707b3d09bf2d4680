import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useNavigate } from "react-router-dom";
import type { z } from "zod";
import type { ZMe } from "../../features/auth/schema.js";
import { api, isApiError, setCsrfToken } from "../api.js";
import { rememberedSignInPath } from "./last-district.js";

/** GET /api/auth/me: the signed-in (or half signed-in: stage "mfa" / "mfa-enrol") user. */
export type Me = z.infer<typeof ZMe>;

export const ME_QUERY_KEY = ["auth", "me"] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>("/api/auth/me");
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The session as the whole app sees it; `refresh` after anything that changes the session. */
export function useAuth() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 60_000, retry: 1 });
  const refresh = useCallback(() => queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 0 }), [queryClient]);
  return { me: query.data ?? null, isLoading: query.isPending, error: query.error, refresh };
}

/** The signed-in user's /api/auth/me data, or null when nobody is signed in. */
export function useMe(): Me | null {
  return useAuth().me;
}

/** Signs out this session and goes back to the sign-in page of the user's district. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await api.post("/api/auth/sign-out");
    } catch (error) {
      // An already expired session is signed out anyway; anything else is worth surfacing.
      if (!isApiError(error) || error.status !== 401) throw error;
    }
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(ME_QUERY_KEY, null);
    navigate(rememberedSignInPath(), { replace: true });
  }, [navigate, queryClient]);
}
