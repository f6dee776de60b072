// Text made safe inside an HTML attribute value or element content: for the pages the extension and
// the CLI write (the panels' shells, the organisation report).
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
