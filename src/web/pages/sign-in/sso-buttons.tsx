import { Alert, Button, Divider, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api.js";
import { SSO_ERRORS, type SignInOption } from "../../features/sso/sso-api.js";

/** The district's "Sign in with …" buttons, and why the last single sign-on was refused. */
export function SsoButtons({ slug }: { slug: string }) {
  const [params] = useSearchParams();
  const error = params.get("sso-error");
  const options = useQuery({
    queryKey: ["public", "district", slug, "sign-in-options"],
    queryFn: () => api.get<SignInOption[]>(`/api/public/districts/${encodeURIComponent(slug)}/sign-in-options`),
  });
  const buttons = options.data ?? [];
  if (!error && buttons.length === 0) return null;
  return (
    <Stack gap="sm" mb="md">
      {error && (
        <Alert color="red" role="alert" title="Single sign-on was refused">
          {SSO_ERRORS[error] ?? SSO_ERRORS["invalid-response"]}
        </Alert>
      )}
      {buttons.map((b) => (
        // a full page load: the server answers with a redirect to the identity provider
        <Button key={b.provider} component="a" href={b.url} variant="default" fullWidth>
          Sign in with {b.label}
        </Button>
      ))}
      {buttons.length > 0 && <Divider label="or with your password" labelPosition="center" />}
    </Stack>
  );
}
