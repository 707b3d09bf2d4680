import { Anchor, Badge, Card, Center, Loader, Stack, Text, TextInput, UnstyledButton, Group } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, Navigate, useSearchParams } from "react-router-dom";
import { api } from "../../api.js";
import { useAuth } from "../../app/auth-context.js";
import { rememberedSignIn, safeNextPath } from "../../app/last-district.js";
import { EmptyState } from "../../components/empty-state.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { SignInFrame } from "./sign-in-frame.js";

type DistrictSummary = { slug: string; name: string };

/** /login — choose your district's sign-in page (the one used last on this browser comes first). */
export function DistrictPickerPage() {
  const { me } = useAuth();
  const [params] = useSearchParams();
  const next = params.get("next");
  const [filter, setFilter] = useState("");
  const districts = useQuery({ queryKey: ["public", "districts"], queryFn: () => api.get<DistrictSummary[]>("/api/public/districts") });
  const last = rememberedSignIn();

  const shown = useMemo(() => {
    const all = districts.data ?? [];
    const needle = filter.trim().toLowerCase();
    const matching = needle ? all.filter((d) => d.name.toLowerCase().includes(needle) || d.slug.includes(needle)) : all;
    return [...matching].sort((a, b) => Number(b.slug === last) - Number(a.slug === last));
  }, [districts.data, filter, last]);

  if (me?.stage === "active") return <Navigate to={safeNextPath(next)} replace />;
  const carry = next ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <SignInFrame title="Sign in" subtitle="Choose your school district to go to its sign-in page.">
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          {districts.isPending && (
            <Center py="lg">
              <Loader aria-label="Loading districts" />
            </Center>
          )}
          <ProblemAlert error={districts.error} title="Could not load the list of districts" />
          {districts.data && districts.data.length > 6 && (
            <TextInput label="Find your district" placeholder="Type part of its name" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
          )}
          {districts.data && shown.length === 0 && (
            <EmptyState title={filter ? "No district matches" : "No districts yet"} message={filter ? "Check the spelling, or ask your school office for your district's sign-in address." : "No district has been set up on this Gatehouse server."} />
          )}
          <Stack gap="xs" component="ul" aria-label="Districts" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {shown.map((d) => (
              <li key={d.slug}>
                <UnstyledButton
                  component={Link}
                  to={`/login/${encodeURIComponent(d.slug)}${carry}`}
                  w="100%"
                  p="sm"
                  style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: "var(--mantine-radius-md)", display: "block" }}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600}>{d.name}</Text>
                    {d.slug === last && (
                      <Badge variant="light" size="sm">
                        Used last
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
          <Text size="sm" c="dimmed">
            Vendor support staff:{" "}
            <Anchor component={Link} to={`/login/vendor${carry}`}>
              sign in here
            </Anchor>
          </Text>
        </Stack>
      </Card>
    </SignInFrame>
  );
}
