import { createHash } from "node:crypto";

/**
 * Reading an outbox message's text and HTML. A message holds its own bodies, or names a shared
 * template (outbox_templates) and the values that fill it; both kinds read the same way through
 * these two fragments, for the outbox row aliased `o`.
 */
export const OUTBOX_TEMPLATE_JOIN = "left join outbox_templates t on t.key = o.template_key";

/** escape-html's five replacements in SQL, so a template's HTML reads as one rendered in code. */
const escapeHtml = (expr: string) =>
  `replace(replace(replace(replace(replace(${expr}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

/** The columns `text` and `html`: the values fill the text as they are and the HTML escaped. */
export const OUTBOX_BODIES = `coalesce(o.text_body, format(t.text_body, variadic o.template_values)) as text,
  coalesce(o.html_body, format(t.html_body, variadic array(
    select ${escapeHtml("u.value")} from unnest(o.template_values) with ordinality as u(value, n) order by u.n))) as html`;

/** A template's key: a hash of its bodies, so the same template is stored once. */
export function outboxTemplateKey(text: string, html: string): string {
  return createHash("sha256").update(text).update("\u0000").update(html).digest("hex").slice(0, 32);
}
