/**
 * Components that name other components: tabs name objects, apps name tabs, queues name the objects
 * their members own. Each name must exist, or the deploy fails on the first one that does not.
 */
import { findingIn, type Finding } from '../findings';
import { filesOfType, MetadataFile, ProjectModel } from '../project';
import { childrenNamed, textOf, XmlElement } from '../xml';

const CHECK = 'references';

function finding(file: MetadataFile, element: XmlElement | undefined, message: string): Finding {
  return findingIn(CHECK, file, element, message);
}

export function checkReferences(project: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  const tabs = new Set(filesOfType(project, 'CustomTab').map((tab) => tab.fullName));
  for (const file of filesOfType(project, 'CustomTab')) {
    const root = file.root;
    if (!root) continue;
    if (textOf(root, 'customObject') === 'true' && project.objects.get(file.fullName)?.kind !== 'custom') {
      findings.push(
        finding(
          file,
          root,
          `tab ${file.fullName} is for a custom object, but the project defines no object ${file.fullName}`,
        ),
      );
    }
    const motif = textOf(root, 'motif');
    if (motif !== undefined && !/^Custom\d+: \S/.test(motif)) {
      findings.push(finding(file, root, `tab ${file.fullName}: motif "${motif}" is not of the form "CustomNN: Name"`));
    }
  }
  for (const file of filesOfType(project, 'CustomApplication')) {
    const root = file.root;
    if (!root) continue;
    if (!textOf(root, 'description')) findings.push(finding(file, root, `${file.fullName} has no <description>`));
    const named = [...childrenNamed(root, 'tabs'), ...childrenNamed(root, 'defaultLandingTab')];
    for (const element of named) {
      const tab = element.text.trim();
      if (!tab.startsWith('standard-') && !tabs.has(tab))
        findings.push(finding(file, element, `${file.fullName} shows tab ${tab}, which does not exist`));
    }
  }
  for (const file of filesOfType(project, 'Queue')) {
    const root = file.root;
    if (!root) continue;
    for (const entry of childrenNamed(root, 'queueSobject')) {
      const object = textOf(entry, 'sobjectType') ?? '';
      if (!project.objects.has(object))
        findings.push(finding(file, entry, `queue ${file.fullName} holds ${object}, which does not exist`));
    }
  }
  return findings;
}
