import { useToolRights } from "../../app/tool-rights.js";
import { ADHOC_TOOL, DESIGNER_TOOL } from "./adhoc-api.js";

/** What this user may do in the designer, from their rights on Ad Hoc Reporting and the Filter Designer. */
export function useDesignerRights() {
  const rights = useToolRights(true);
  const designer = rights.data?.[DESIGNER_TOOL] ?? "";
  const adhoc = rights.data?.[ADHOC_TOOL] ?? "";
  return {
    loaded: !rights.isPending,
    canDesign: designer.includes("R"),
    canCreate: designer.includes("A"),
    canShare: adhoc.includes("W"),
  };
}
