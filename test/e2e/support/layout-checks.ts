import type { Page } from "@playwright/test";

/**
 * What a person notices on a page at a screen size, measured in the browser: a page wider than
 * the screen, something sticking out past its edge, a table that neither fits nor scrolls in its
 * own box, a dialog larger than the screen, and targets under 24 px (WCAG 2.2 2.5.8: smaller is
 * fine only when nothing else lies within 12 px of its centre, or for a link inside a sentence).
 * Each problem is a line naming the element, so a failure says where to look.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const describe = (el: Element) => {
      const text = (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const cls = [...el.classList].filter((c) => c.startsWith("mantine-") || c.startsWith("gh-")).slice(0, 2).join(".");
      return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ""}>${text ? ` "${text}"` : ""}`;
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.display !== "none" && Number(style.opacity) !== 0;
    };
    // Inside a box that scrolls or clips sideways, the box is what must fit, not its content.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return true;
      }
      return false;
    };
    // the navigation folded away on a phone sits off the screen on purpose
    const offScreenOnPurpose = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.right <= 0 || r.bottom <= 0 || el.closest(".gh-skip-link") !== null;
    };

    if (document.documentElement.scrollWidth > vw) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide on a ${vw} px screen`);

    const wide = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > vw + 1 && shown(el) && !offScreenOnPurpose(el) && !clipped(el));
    // the outermost element that sticks out is the one to fix
    for (const el of wide.filter((el) => !wide.some((o) => o !== el && o.contains(el))).slice(0, 5)) {
      problems.push(`sticks out past the right edge by ${Math.round(el.getBoundingClientRect().right - vw)} px: ${describe(el)}`);
    }

    for (const table of document.querySelectorAll("table")) {
      if (!shown(table) || offScreenOnPurpose(table)) continue;
      if (table.getBoundingClientRect().right > vw + 1 && !clipped(table)) problems.push(`a table wider than the screen does not scroll in its own box: ${describe(table.querySelector("th") ?? table)}`);
    }

    for (const dialog of document.querySelectorAll("[role=dialog]")) {
      if (!shown(dialog)) continue;
      const r = dialog.getBoundingClientRect();
      if (r.left < -1 || r.right > vw + 1) problems.push(`a dialog is wider than the screen (${Math.round(r.width)} px): ${describe(dialog)}`);
      if (r.height > vh + 1 && getComputedStyle(dialog).overflowY === "visible") problems.push(`a dialog is taller than the screen and does not scroll: ${describe(dialog)}`);
    }

    const TARGETS = "a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=tab], [role=checkbox], [role=switch], [role=radio], [role=menuitem], [role=option]";
    // With a dialog open, the page behind it cannot be reached: only the dialog's targets count.
    const openDialog = [...document.querySelectorAll("[role=dialog]")].filter(shown).at(-1);
    const targets = [...(openDialog ?? document).querySelectorAll(TARGETS)].filter((el) => shown(el) && !offScreenOnPurpose(el) && !(el as HTMLInputElement).disabled && !el.closest("[inert], [aria-hidden=true]"));
    // A link inside a sentence is exempt; an input's target includes its label.
    const inSentence = (el: Element) => el.tagName === "A" && (el.parentElement?.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 2 && getComputedStyle(el).display.startsWith("inline");
    const boxOf = (el: Element) => {
      const r = el.getBoundingClientRect();
      let { left, top, right, bottom } = r;
      for (const label of (el as HTMLInputElement).labels ?? []) {
        const l = label.getBoundingClientRect();
        if (l.width === 0) continue;
        left = Math.min(left, l.left);
        top = Math.min(top, l.top);
        right = Math.max(right, l.right);
        bottom = Math.max(bottom, l.bottom);
      }
      return { left, top, right, bottom, width: right - left, height: bottom - top };
    };
    // A box that scrolls or clips hides what lies outside it: a target scrolled out of its box cannot be touched.
    const inView = (el: Element, b: ReturnType<typeof boxOf>) => {
      let { left, top, right, bottom } = b;
      for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const c = p.getBoundingClientRect();
        if (style.overflowX !== "visible") [left, right] = [Math.max(left, c.left), Math.min(right, c.right)];
        if (style.overflowY !== "visible") [top, bottom] = [Math.max(top, c.top), Math.min(bottom, c.bottom)];
      }
      return right > left && bottom > top;
    };
    const boxes = targets.map((el) => ({ el, box: boxOf(el) })).filter(({ el, box }) => inView(el, box));
    const small = boxes.filter(({ el, box }) => (box.width < 24 || box.height < 24) && !inSentence(el));
    const nearest = (x: number, y: number, b: { left: number; top: number; right: number; bottom: number }) => Math.hypot(Math.max(b.left - x, 0, x - b.right), Math.max(b.top - y, 0, y - b.bottom));
    const reported: string[] = [];
    for (const { el, box } of small) {
      const cx = (box.left + box.right) / 2;
      const cy = (box.top + box.bottom) / 2;
      const crowded = boxes.some((o) => o.el !== el && !o.el.contains(el) && !el.contains(o.el) && ((el as HTMLInputElement).labels ? ![...(el as HTMLInputElement).labels!].some((l) => l.contains(o.el)) : true) && (small.some((s) => s.el === o.el) ? Math.hypot(cx - (o.box.left + o.box.right) / 2, cy - (o.box.top + o.box.bottom) / 2) < 24 : nearest(cx, cy, o.box) < 12));
      if (crowded) reported.push(`a target of ${Math.round(box.width)}×${Math.round(box.height)} px has others within 12 px: ${describe(el)}`);
    }
    problems.push(...reported.slice(0, 8));
    if (reported.length > 8) problems.push(`…and ${reported.length - 8} more small targets`);
    return problems;
  });
}
