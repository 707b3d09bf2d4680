import { Alert, Button, Card, Group, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CONTACT_TYPE_LABELS, PRODUCT_AREA_OPTIONS } from "../support/labels.js";
import type { DistrictDetail, DistrictSummary } from "../support/types.js";

/** Vendor staff open a case under an existing active contact when a district calls in an emergency. */
export function EmergencyCasePage() {
  const navigate = useNavigate();
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [productArea, setProductArea] = useState<string | null>(null);
  const [priority, setPriority] = useState<string | null>("urgent");
  const [reason, setReason] = useState("");
  const districts = useQuery({ queryKey: ["vendor", "districts", ""], queryFn: () => api.get<DistrictSummary[]>("/api/vendor/districts") });
  const district = useQuery({ queryKey: ["vendor", "district", districtId], queryFn: () => api.get<DistrictDetail>(`/api/vendor/districts/${districtId}`), enabled: Boolean(districtId) });
  const open = useMutation({
    mutationFn: () => api.post<{ id: string; number: number }>("/api/vendor/cases", { districtId, contactId, subject, description, productArea, priority, reason }),
    onSuccess: (c) => {
      notifications.show({ color: "green", title: `Emergency case #${c.number} opened`, message: "The contact was emailed; it counts as their activity." });
      navigate(`/vendor/cases/${c.id}`);
    },
  });
  const fieldError = (f: string) => (isApiError(open.error) ? open.error.fieldError(f) : undefined);
  const contacts = (district.data?.contacts ?? []).filter((c) => c.status !== "deactivated");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate();
  };
  return (
    <Stack>
      <PageHeader title="Emergency case on behalf" description="Only in an emergency: the case is opened under an existing active authorized contact of the district, marked as emergency and audited with your name." />
      <Card withBorder radius="md" padding="lg" maw={820} component="form" onSubmit={submit} aria-label="Emergency case">
        <Stack gap="sm">
          {open.error && <ProblemAlert error={open.error} hideFields={["subject", "description", "reason", "productArea"]} />}
          <Group grow align="flex-start">
            <Select label="District" withAsterisk searchable data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={districtId} onChange={(v) => { setDistrictId(v); setContactId(null); }} error={fieldError("districtId")} />
            <Select label="On behalf of" withAsterisk disabled={!districtId} data={contacts.map((c) => ({ value: c.id, label: `${c.name} (${CONTACT_TYPE_LABELS[c.type].toLowerCase()})` }))} value={contactId} onChange={setContactId} error={fieldError("contactId")} nothingFoundMessage="This district has no active contact" />
          </Group>
          {districtId && district.data && contacts.length === 0 && <Alert color="orange">This district has no active authorized contact, so no case can be opened on anyone's behalf.</Alert>}
          <Textarea label="Why is this an emergency?" withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError("reason")} />
          <TextInput label="Subject" withAsterisk value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={fieldError("subject")} />
          <Group grow>
            <Select label="Product area" withAsterisk data={PRODUCT_AREA_OPTIONS} value={productArea} onChange={setProductArea} error={fieldError("productArea")} />
            <Select label="Priority" data={["low", "normal", "high", "urgent"]} value={priority} onChange={setPriority} allowDeselect={false} />
          </Group>
          <Textarea label="Description" withAsterisk autosize minRows={4} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError("description")} />
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={open.isPending}>
              Open emergency case
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
