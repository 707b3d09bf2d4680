import { NumberInput, Select, TextInput } from "@mantine/core";
import { DateField } from "./date-field.js";
import type { FieldValue, SectionField } from "./sis-api.js";

const GRADES = ["PK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
/** Choices for fields whose values are codes; the server checks them again. */
const CHOICES: Record<string, { value: string; label: string }[]> = {
  serviceType: [
    { value: "P", label: "P — Primary" },
    { value: "S", label: "S — Secondary" },
    { value: "N", label: "N — Special ed services" },
  ],
  grade: GRADES.map((g) => ({ value: g, label: g })),
  homeless: ["Doubled-up", "Shelter", "Hotel/Motel", "Unsheltered"].map((v) => ({ value: v, label: v })),
};
const YES_NO = [
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];

type Props = { field: SectionField; value: FieldValue; onChange: (value: FieldValue) => void; error?: string };

/** One enrollment field: editable with W on its own tool, read-only (never hidden) with R. */
export function SectionFieldInput({ field, value, onChange, error }: Props) {
  const key = field.id.split(".").pop()!;
  const common = { label: field.label, readOnly: !field.editable, error, variant: field.editable ? "default" : "filled" } as const;
  // a read-only choice shows no dropdown arrow: nothing opens
  const arrow = field.editable ? {} : { rightSection: <span /> };
  if (field.type === "boolean") {
    return <Select {...common} {...arrow} data={YES_NO} value={value === null ? null : String(value)} onChange={(v) => onChange(v === null ? null : v === "true")} allowDeselect={false} />;
  }
  if (CHOICES[key]) {
    const data = CHOICES[key]!;
    const options = value !== null && !data.some((c) => c.value === value) ? [...data, { value: String(value), label: String(value) }] : data;
    return <Select {...common} {...arrow} data={options} value={value === null ? null : String(value)} onChange={(v) => onChange(v)} clearable={field.editable && key === "homeless"} placeholder={field.editable ? "Not reported" : "—"} />;
  }
  if (field.type === "number") {
    return (
      <NumberInput
        {...common}
        value={value === null ? "" : Number(value)}
        onChange={(v) => onChange(v === "" ? null : Number(v))}
        min={0}
        max={key.endsWith("Percent") ? 100 : undefined}
        suffix={key.endsWith("Percent") ? " %" : undefined}
        placeholder={field.editable ? "None" : "—"}
      />
    );
  }
  if (field.type === "date") {
    return <DateField label={field.label} error={error} value={value === null ? null : String(value)} onChange={onChange} editable={field.editable} />;
  }
  return (
    <TextInput
      {...common}
      value={value === null ? "" : String(value)}
      onChange={(e) => onChange(e.currentTarget.value === "" ? null : e.currentTarget.value)}
      placeholder={field.editable ? undefined : "—"}
    />
  );
}
