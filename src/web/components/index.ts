export { ConfirmButton } from "./confirm-button.js";
export { toCsv, type CsvColumn } from "./csv.js";
export { DownloadCsvButton } from "./download-csv-button.js";
export { downloadFile } from "./download-file.js";
export { EmptyState } from "./empty-state.js";
export { PageHeader } from "./page-header.js";
export { ProblemAlert } from "./problem-alert.js";
export { OlderEntriesButton } from "./older-entries-button.js";
export { ReadOnlyNotice } from "./read-only-notice.js";
