import { redactJson, type Guard, type Reader } from "../../domain/redaction/redact.js";
import { fieldTools, findField, type FieldDef } from "./field-catalog.js";

const toolsOfField = (id: string) => {
  const field = findField(id);
  return field ? fieldTools(field) : undefined;
};

/** The redaction step bound to the SIS field catalog: what guards each Ad hoc field id. */
export function redactFor<T>(reader: Reader, data: T): T {
  return redactJson(reader, data, toolsOfField);
}

/** What guards a field's value; with calendars, for the records of those calendars. */
export function fieldGuard(field: FieldDef, calendars?: Guard["calendars"]): Guard {
  return calendars === undefined ? { tools: fieldTools(field) } : { tools: fieldTools(field), calendars };
}
