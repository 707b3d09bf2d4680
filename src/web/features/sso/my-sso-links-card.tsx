import { Alert, Badge, Button, Card, Code, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api.js";
import { SSO_ERRORS, type SignInOption, type SsoLink } from "./sso-api.js";

/** My account: the single sign-on identities linked to me, and a button to link one (the IdP proves it is mine). */
export function MySsoLinksCard() {
  const [params] = useSearchParams();
  const mine = useQuery({ queryKey: ["account", "sso-links"], queryFn: () => api.get<{ links: SsoLink[]; options: SignInOption[] }>("/api/account/sso-links") });
  const error = params.get("sso-error");
  if (!mine.data || (mine.data.options.length === 0 && mine.data.links.length === 0)) return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label="Single sign-on">
      <Stack gap="sm">
        <Title order={3} size="h4">Single sign-on</Title>
        {params.get("sso-linked") && <Alert color="green">Linked: you can now sign in with single sign-on.</Alert>}
        {error && <Alert color="red" role="alert" title="The link was not made">{SSO_ERRORS[error] ?? SSO_ERRORS["invalid-response"]}</Alert>}
        {mine.data.links.length === 0 ? (
          <Text size="sm" c="dimmed">No identity is linked to your account yet.</Text>
        ) : (
          mine.data.links.map((l) => (
            <Group key={l.id} gap="xs">
              <Badge variant="light">{l.provider === "oidc" ? "OpenID Connect" : "SAML"}</Badge>
              <Code>{l.subject}</Code>
            </Group>
          ))
        )}
        <Group>
          {mine.data.options.map((o) => (
            <Button key={o.provider} component="a" href={o.url} variant="default">
              Link my {o.label} account
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
