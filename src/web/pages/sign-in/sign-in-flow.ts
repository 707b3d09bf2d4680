import { useNavigate, useSearchParams } from "react-router-dom";
import { useCallback } from "react";
import { useAuth } from "../../app/auth-context.js";
import { safeNextPath } from "../../app/last-district.js";

export type SessionStage = "mfa" | "mfa-enrol" | "active";

/** Where to go once the session reaches a stage, carrying the page the user wanted along. */
export function useContinueSignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { refresh } = useAuth();
  const next = safeNextPath(params.get("next"));
  const go = useCallback(
    async (stage: SessionStage) => {
      await refresh();
      const carry = next !== "/" ? `?next=${encodeURIComponent(next)}` : "";
      if (stage === "mfa") navigate(`/sign-in/mfa${carry}`, { replace: true });
      else if (stage === "mfa-enrol") navigate(`/sign-in/mfa-setup${carry}`, { replace: true });
      else navigate(next, { replace: true });
    },
    [navigate, next, refresh],
  );
  return { next, go };
}
