import { TextInput, type TextInputProps } from "@mantine/core";
import { formatDay } from "./format.js";

type Props = Omit<TextInputProps, "value" | "onChange" | "readOnly" | "type"> & {
  value: string | null;
  onChange: (value: string | null) => void;
  editable: boolean;
};

/** A day: a date picker when it may be changed; read-only, the day as people write it (or "—"). */
export function DateField({ value, onChange, editable, ...props }: Props) {
  if (!editable) return <TextInput {...props} value={value ? formatDay(value) : ""} placeholder="—" readOnly variant="filled" />;
  return <TextInput {...props} type="date" value={value ?? ""} onChange={(e) => onChange(e.currentTarget.value || null)} />;
}
