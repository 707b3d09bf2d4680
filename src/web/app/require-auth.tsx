import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { ProblemAlert } from "../components/problem-alert.js";
import { useAuth } from "./auth-context.js";
import { rememberedSignInPath } from "./last-district.js";

export function FullPageLoader({ label = "Loading" }: { label?: string }) {
  return (
    <Center h="100vh" aria-busy="true">
      <Loader aria-label={label} />
    </Center>
  );
}

/**
 * Lets only a fully signed-in user through. Anyone else goes to sign-in (their district's, when
 * this browser remembers it) and comes back here afterwards; a half-finished sign-in resumes at
 * its MFA step.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, isLoading, error } = useAuth();
  const location = useLocation();
  if (isLoading) return <FullPageLoader />;
  if (error && !me) {
    return (
      <Center h="100vh" p="xl">
        <ProblemAlert error={error} title="Gatehouse could not load your session" />
      </Center>
    );
  }
  const wanted = `${location.pathname}${location.search}`;
  if (!me) return <Navigate to={rememberedSignInPath(wanted)} replace />;
  const next = wanted !== "/" ? `?next=${encodeURIComponent(wanted)}` : "";
  if (me.stage === "mfa") return <Navigate to={`/sign-in/mfa${next}`} replace />;
  if (me.stage === "mfa-enrol") return <Navigate to={`/sign-in/mfa-setup${next}`} replace />;
  return <>{children}</>;
}
