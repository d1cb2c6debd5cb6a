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

/** A finding about a metadata file, at an element's line (or the root's when none is given). */
export function findingIn(
  check: string,
  file: { path: string; root?: { line: number } },
  element: { line: number } | undefined,
  message: string,
): Finding {
  const line = element?.line ?? file.root?.line;
  return line === undefined ? { check, file: file.path, message } : { check, file: file.path, line, message };
}
