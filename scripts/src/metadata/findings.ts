/** What a check reports: one problem, where it is, and which check found it. */
export interface Finding {
  /** the check's short name, e.g. "elements" or "permission-sets" */
  check: string;
  /** path relative to the project directory, with forward slashes */
  file: string;
  line?: number;
  message: string;
}

export function formatFinding(finding: Finding): string {
  const where = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
  return `${where}: ${finding.message} [${finding.check}]`;
}
