import { describe, expect, it } from "vitest";
import { LIFECYCLE_STAGES } from "../../domain/contacts/lifecycle-rules.js";
import { noticeTemplate, renderNotice } from "./notice-messages.js";

const fields = { district: "Ballard & Co <USD>", name: "Kim", deadline: "Friday, July 30, 2027", portalUrl: "https://p.example/login/ballard" };

/** What PostgreSQL's format() does with %n$s and %%, enough to check the templates. */
const format = (template: string, ...args: string[]) => template.replace(/%(\d)\$s|%%/g, (m, n: string | undefined) => (n ? args[Number(n) - 1]! : "%"));
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

describe("notice messages", () => {
  it.each(LIFECYCLE_STAGES)("%s names the district, the deadline, how to stay active and links to the portal", (stage) => {
    const m = renderNotice(stage, fields);
    for (const body of [m.text, m.html]) {
      expect(body).toContain("July 30, 2027");
      expect(body).toMatch(/sign in|Support Case Portal/i);
    }
    expect(m.subject).toContain(fields.district);
    expect(m.text).toContain(fields.portalUrl);
    expect(m.html).toContain(`<a href="${fields.portalUrl}">`);
    expect(m.html).toContain("Ballard &amp; Co &lt;USD&gt;");
    expect(m.html).not.toContain("<USD>");
  });

  it("the SQL templates give exactly the rendered message when filled", () => {
    for (const stage of LIFECYCLE_STAGES) {
      const t = noticeTemplate(stage);
      const m = renderNotice(stage, fields);
      const args = [fields.district, fields.name, fields.deadline, fields.portalUrl];
      expect(format(t.subject, ...args)).toBe(m.subject);
      expect(format(t.text, ...args)).toBe(m.text);
      expect(format(t.html, ...args.map(esc))).toBe(m.html);
    }
  });

  it("doubles a literal % so format() keeps it", () => {
    const t = noticeTemplate("notice");
    expect(format(t.text, "100% District", "Kim", "d", "u")).toContain("100% District");
  });
});
