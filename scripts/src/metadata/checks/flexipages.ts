/**
 * Lightning pages and the app's page assignments. A page names its object, the components it
 * places and the fields it shows; a custom component must be exposed, declare a target for the
 * page's type (and, on a record page, allow the page's object), and define every property the page
 * sets. The app assigns pages as overrides; each must be a page of the right type and object.
 * Sources: FlexiPage and ComponentInstance in the Metadata API Developer Guide
 * (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_flexipage.htm),
 * the lightning__RecordPage target (https://developer.salesforce.com/docs/platform/lwc/guide/targets-lightning-record-page.html)
 * and ProfileActionOverride (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profileactionoverride.htm).
 */
import { BundleModel, loadBundles } from '../bundles';
import { findingIn, type Finding } from '../findings';
import { filesOfType, MetadataFile, ProjectModel } from '../project';
import { childNamed, childrenNamed, textOf, XmlElement } from '../xml';

const CHECK = 'flexipages';

/** The component target each page type needs. */
export const TARGET_OF_PAGE_TYPE: ReadonlyMap<string, string> = new Map([
  ['RecordPage', 'lightning__RecordPage'],
  ['HomePage', 'lightning__HomePage'],
  ['AppPage', 'lightning__AppPage'],
]);

function finding(file: MetadataFile, element: XmlElement | undefined, message: string): Finding {
  return findingIn(CHECK, file, element, message);
}

/** Every element named `name` below `element`, at any depth (regions nest in facets and tabs). */
function descendantsNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...descendantsNamed(child, name),
  ]);
}

class PageChecker {
  readonly findings: Finding[] = [];
  private readonly bundles: Map<string, BundleModel>;

  constructor(private readonly project: ProjectModel) {
    this.bundles = new Map(loadBundles(project).map((bundle) => [bundle.name, bundle]));
  }

  check(file: MetadataFile): void {
    const root = file.root;
    if (!root) return;
    const type = textOf(root, 'type') ?? '';
    const sobjectType = textOf(root, 'sobjectType');
    if (sobjectType !== undefined && !this.project.objects.has(sobjectType))
      this.findings.push(
        finding(
          file,
          childNamed(root, 'sobjectType'),
          `${file.fullName} is for ${sobjectType}, which is not an object of the project`,
        ),
      );
    if (type === 'RecordPage' && sobjectType === undefined)
      this.findings.push(finding(file, root, `${file.fullName} is a record page without <sobjectType>`));
    for (const instance of descendantsNamed(root, 'componentInstance'))
      this.checkComponent(file, type, sobjectType, instance);
    for (const instance of descendantsNamed(root, 'fieldInstance')) this.checkField(file, sobjectType, instance);
  }

  private checkComponent(
    file: MetadataFile,
    type: string,
    sobjectType: string | undefined,
    instance: XmlElement,
  ): void {
    const componentName = textOf(instance, 'componentName') ?? '';
    const where = childNamed(instance, 'componentName') ?? instance;
    const [namespace, name] = componentName.includes(':') ? componentName.split(':') : [undefined, componentName];
    if (namespace === undefined) {
      if (this.bundles.has(componentName))
        this.findings.push(
          finding(file, where, `${componentName}: a custom component is placed as c:${componentName}`),
        );
      return;
    }
    if (namespace !== 'c' || name === undefined) return;
    const bundle = this.bundles.get(name);
    if (!bundle) {
      this.findings.push(finding(file, where, `${componentName}: there is no component ${name}`));
      return;
    }
    if (!bundle.isExposed)
      this.findings.push(
        finding(file, where, `${componentName} is not exposed (<isExposed>true</isExposed> in ${bundle.file.path})`),
      );
    const target = TARGET_OF_PAGE_TYPE.get(type);
    if (!target) return;
    if (!bundle.targets.some((element) => element.text.trim() === target)) {
      this.findings.push(
        finding(file, where, `${componentName} does not declare the target ${target}, which a ${type} needs`),
      );
      return;
    }
    const configs = bundle.targetConfigs.filter((config) => config.targets.includes(target));
    const objects = configs.flatMap((config) => config.objects.map((object) => object.text.trim()));
    if (type === 'RecordPage' && sobjectType && objects.length > 0 && !objects.includes(sobjectType))
      this.findings.push(
        finding(
          file,
          where,
          `${componentName} is limited to ${objects.join(', ')} on record pages, not ${sobjectType}`,
        ),
      );
    const properties = new Set(configs.flatMap((config) => [...config.properties.keys()]));
    for (const property of childrenNamed(instance, 'componentInstanceProperties')) {
      const propertyName = textOf(property, 'name') ?? '';
      if (!properties.has(propertyName))
        this.findings.push(
          finding(
            file,
            property,
            `${componentName} has no property ${propertyName} for ${target} (no <property name="${propertyName}"> in its targetConfig)`,
          ),
        );
    }
  }

  private checkField(file: MetadataFile, sobjectType: string | undefined, instance: XmlElement): void {
    const item = textOf(instance, 'fieldItem') ?? '';
    const where = childNamed(instance, 'fieldItem') ?? instance;
    const [prefix, fieldName] = item.split('.');
    if (prefix !== 'Record' || !fieldName) {
      this.findings.push(finding(file, where, `<fieldItem>${item}</fieldItem> is not of the form Record.Field`));
      return;
    }
    if (!sobjectType) {
      this.findings.push(finding(file, where, `${item}: a page without <sobjectType> cannot show record fields`));
      return;
    }
    const object = this.project.objects.get(sobjectType);
    if (object && !object.fields.has(fieldName))
      this.findings.push(finding(file, where, `${item}: ${sobjectType} has no field ${fieldName}`));
  }
}

function checkAppOverrides(project: ProjectModel, findings: Finding[]): void {
  const pages = new Map(filesOfType(project, 'FlexiPage').map((page) => [page.fullName, page]));
  for (const app of filesOfType(project, 'CustomApplication')) {
    const root = app.root;
    if (!root) continue;
    for (const override of [
      ...childrenNamed(root, 'actionOverrides'),
      ...childrenNamed(root, 'profileActionOverrides'),
    ]) {
      if ((textOf(override, 'type') ?? '').toLowerCase() !== 'flexipage') continue;
      const content = textOf(override, 'content') ?? '';
      const target = textOf(override, 'pageOrSobjectType') ?? '';
      const page = pages.get(content);
      const where = childNamed(override, 'content') ?? override;
      if (!page?.root) {
        if (!page) findings.push(finding(app, where, `${override.name}: there is no Lightning page ${content}`));
        continue;
      }
      const pageType = textOf(page.root, 'type');
      const pageObject = textOf(page.root, 'sobjectType');
      if (target === 'standard-home') {
        if (pageType !== 'HomePage')
          findings.push(
            finding(
              app,
              where,
              `${content} overrides the home page but is a ${pageType ?? 'page without <type>'}, not a HomePage`,
            ),
          );
        continue;
      }
      const object = target === 'record-home' ? ((textOf(override, 'recordType') ?? '').split('.')[0] ?? '') : target;
      if (!project.objects.has(object)) {
        findings.push(finding(app, override, `${override.name} for ${object}, which is not an object of the project`));
        continue;
      }
      if (pageType !== 'RecordPage' || pageObject !== object)
        findings.push(
          finding(
            app,
            where,
            `${content} overrides the ${object} record page but is a ${pageType ?? '?'}${pageObject ? ` for ${pageObject}` : ''}`,
          ),
        );
    }
  }
}

export function checkFlexipages(project: ProjectModel): Finding[] {
  const checker = new PageChecker(project);
  for (const file of filesOfType(project, 'FlexiPage')) checker.check(file);
  checkAppOverrides(project, checker.findings);
  return checker.findings;
}
