import { Alert, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useLocation, useParams } from "react-router-dom";
import { PageHeader } from "../../components/page-header.js";
import { AdhocProblem } from "./adhoc-problem.js";
import { adhocApi, adhocKeys, type Definition } from "./adhoc-api.js";
import { DesignerPage, type Draft } from "./designer-page.js";
import type { PreviewResult } from "./preview-panel.js";
import { RunView } from "./run-view.js";
import { useDesignerRights } from "./use-designer-rights.js";

function useFields() {
  return useQuery({ queryKey: adhocKeys.fields, queryFn: adhocApi.fields, staleTime: 60_000 });
}

function Loading({ title, error }: { title: string; error: unknown }) {
  return (
    <>
      <PageHeader title={title} />
      {error ? <AdhocProblem error={error} what="The filter" /> : <Loader aria-label="Loading" />}
    </>
  );
}

/** /adhoc/new: an empty design, or a copy handed over from a filter someone shared. */
export function NewFilterPage() {
  const fields = useFields();
  const rights = useDesignerRights();
  const handed = useLocation().state as Partial<Draft> | null;
  if (!fields.data || !rights.loaded) return <Loading title="New filter" error={fields.error} />;
  if (!rights.canDesign) {
    return (
      <>
        <PageHeader title="New filter" />
        <Alert color="orange" variant="light" title="Designing filters is not part of your rights" role="alert">
          You can run the filters shared with you from the Ad hoc reports page. Designing your own needs Read rights on Ad Hoc Reporting › Filter
          Designer (and Add rights to save them); ask your district's system administrator.
        </Alert>
      </>
    );
  }
  const definition: Definition = handed?.definition ?? { fields: [], conditions: [], sort: [] };
  return <DesignerPage groups={fields.data} filter={null} initial={{ name: handed?.name ?? "", definition }} />;
}

/** /adhoc/filters/:id: the designer for the user's own filter, the run view for one shared with them. */
export function FilterPage() {
  const { filterId = "" } = useParams();
  const fields = useFields();
  const rights = useDesignerRights();
  const filter = useQuery({ queryKey: adhocKeys.filter(filterId), queryFn: () => adhocApi.filter(filterId) });
  const carried = (useLocation().state as { preview?: PreviewResult | null } | null)?.preview;
  if (!fields.data || !filter.data || !rights.loaded) return <Loading title="Filter" error={filter.error ?? fields.error} />;
  const f = filter.data;
  if (f.mine && rights.canDesign) {
    return <DesignerPage key={f.id} groups={fields.data} filter={f} initial={{ name: f.name, definition: f.definition }} initialPreview={carried} />;
  }
  return <RunView filter={f} groups={fields.data} />;
}
