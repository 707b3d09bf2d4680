/** Hands text to the browser as a file download (a UTF-8 BOM keeps spreadsheet apps from garbling accents). */
export function downloadFile(filename: string, text: string, type = "text/plain;charset=utf-8") {
  const bom = type.startsWith("text/csv") ? "\uFEFF" : "";
  const url = URL.createObjectURL(new Blob([bom + text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
