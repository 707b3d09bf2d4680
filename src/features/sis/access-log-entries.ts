/**
 * The access log as people read it: one entry per field of each row (a row is one read of one
 * person's protected fields, `sis_access_log` aliased `a`). Every reader — the log's page, the
 * SIEM export — goes through these, so each shows who read which field of whose record, when
 * and through what, one line a field.
 */

/** Fields one row may hold, so an entry's id (`a.id`, then the field's position) is unique and ordered. */
export const FIELDS_PER_ROW = 1000;

/** The rows in `from` (aliased `a`), each made into its entries `f(field, tool, n)`. */
export const entriesOf = (from: string) => `${from} cross join lateral unnest(a.fields, a.tools) with ordinality as f(field, tool, n)`;

/** An entry's id: its row's id and the field's position in it. */
export const ENTRY_ID = `(a.id * ${FIELDS_PER_ROW} + f.n)`;
