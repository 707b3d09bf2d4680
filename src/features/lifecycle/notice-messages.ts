import escapeHtml from "escape-html";
import type { LifecycleStage } from "../../domain/contacts/lifecycle-rules.js";

/** The values a notice names; the sweep fills them in SQL, row by row, from the contact's data. */
export type NoticeFields = { district: string; name: string; deadline: string; portalUrl: string };

export type NoticeMessage = { subject: string; text: string; html: string };

const STAY_ACTIVE =
  "Signing in to the Support Case Portal with your authenticator app (MFA is required for authorized contacts), or any activity on a support case, keeps your account active. A sign-in that stops before the authenticator code does not count.";
const RESTORE = (district: string) =>
  `To restore access after deactivation, an active authorized contact of ${district} must submit a "Modify Support Contact" case asking for your reactivation.`;

/** What each stage says. Plain sentences; the HTML version is built from the same paragraphs. */
function paragraphs(stage: LifecycleStage, f: NoticeFields): { subject: string; lines: string[] } {
  const signIn = `Sign in before ${f.deadline} to keep your access: ${f.portalUrl}`;
  switch (stage) {
    case "notice":
      return {
        subject: `Action needed: your ${f.district} support portal access will be deactivated on ${f.deadline}`,
        lines: [
          `You are an authorized contact for ${f.district} in the Support Case Portal, and your account has had no activity for 180 days.`,
          `It is now pending deactivation and will be deactivated on ${f.deadline} unless you sign in before then.`,
          signIn,
          STAY_ACTIVE,
          RESTORE(f.district),
        ],
      };
    case "reminder":
      return {
        subject: `Reminder: your ${f.district} support portal access will be deactivated on ${f.deadline}`,
        lines: [
          `This is a reminder that your authorized contact account for ${f.district} is pending deactivation because it has had no activity.`,
          `It will be deactivated on ${f.deadline} unless you sign in before then.`,
          signIn,
          STAY_ACTIVE,
        ],
      };
    case "final-notice":
      return {
        subject: `Final notice: your ${f.district} support portal access will be deactivated on ${f.deadline}`,
        lines: [
          `Your authorized contact account for ${f.district} will be deactivated on ${f.deadline}. This is the last notice before it happens.`,
          signIn,
          STAY_ACTIVE,
          RESTORE(f.district),
        ],
      };
    case "deactivate":
      return {
        subject: `Your ${f.district} support portal access has been deactivated`,
        lines: [
          `Your authorized contact account for ${f.district} was deactivated on ${f.deadline} after 210 days without activity and 30 days of notices.`,
          `You can no longer open or manage support cases for ${f.district}.`,
          RESTORE(f.district),
          `Support Case Portal: ${f.portalUrl}`,
        ],
      };
  }
}

/** Renders a notice for known values (used for previews and to check the templates). */
export function renderNotice(stage: LifecycleStage, fields: NoticeFields): NoticeMessage {
  const { subject, lines } = paragraphs(stage, fields);
  const greeting = `Hello ${fields.name},`;
  const text = [greeting, "", ...lines.flatMap((l) => [l, ""]), `— ${fields.district} support, through Gatehouse`].join("\n");
  const esc = escapeHtml;
  const link = (line: string) => esc(line).replace(esc(fields.portalUrl), `<a href="${esc(fields.portalUrl)}">${esc(fields.portalUrl)}</a>`);
  const html = [
    `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${esc(greeting)}</p>`,
    ...lines.map((l) => `<p>${link(l)}</p>`),
    `<p style="color:#555">— ${esc(fields.district)} support, through Gatehouse</p>`,
    `</body></html>`,
  ].join("\n");
  return { subject, text, html };
}

/**
 * The same messages as PostgreSQL format() templates: %1$s district, %2$s name, %3$s deadline,
 * %4$s portal link. The sweep fills them in SQL so millions of notices need no round trips.
 * Markers stand in for the values while the template is built, then any literal % is doubled.
 */
export function noticeTemplate(stage: LifecycleStage): NoticeMessage {
  const markers: NoticeFields = { district: "\u0001A\u0001", name: "\u0001B\u0001", deadline: "\u0001C\u0001", portalUrl: "\u0001D\u0001" };
  // Escaping leaves the markers as they are; the SQL passes HTML-escaped values for the HTML body.
  const rendered = renderNotice(stage, markers);
  const toFormat = (s: string) =>
    s.replace(/%/g, "%%").replace(/\u0001([A-D])\u0001/g, (_m, letter: string) => `%${letter.charCodeAt(0) - 64}$s`);
  return { subject: toFormat(rendered.subject), text: toFormat(rendered.text), html: toFormat(rendered.html) };
}
