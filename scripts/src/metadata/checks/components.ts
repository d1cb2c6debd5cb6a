/**
 * Lightning web components and what they name: the objects and fields of @salesforce/schema
 * imports, custom labels, other components (imports and <c-...> tags), the objects a js-meta.xml
 * restricts the component to, and the objects, fields and relationships of GraphQL queries. The
 * LWC compiler on deploy rejects a schema or label import that names nothing; a GraphQL query
 * that does fails at run time, on the collector's page, which is worse.
 */
import { findingIn, type Finding } from '../findings';
import { bundleNameOfTag, BundleModel, GqlLiteral, loadBundles, ScriptFile } from '../bundles';
import { GraphqlSyntaxError, parseGraphql } from '../graphql';
import { checkUiApiQuery } from '../graphqlUiApi';
import { filesOfType, ProjectModel } from '../project';
import { resolveFieldPath } from '../relationships';
import { textOf } from '../xml';

const CHECK = 'components';

/**
 * @salesforce/* modules that name a component of another metadata type, which must then be in the
 * project: https://developer.salesforce.com/docs/platform/lwc/guide/reference-salesforce-modules.html
 */
const NAMED_MODULES: ReadonlyArray<{ prefix: string; type: string; what: string }> = [
  { prefix: '@salesforce/apex/', type: 'ApexClass', what: 'Apex class' },
  { prefix: '@salesforce/resourceUrl/', type: 'StaticResource', what: 'static resource' },
  { prefix: '@salesforce/messageChannel/', type: 'LightningMessageChannel', what: 'message channel' },
  { prefix: '@salesforce/customPermission/', type: 'CustomPermission', what: 'custom permission' },
  { prefix: '@salesforce/contentAssetUrl/', type: 'ContentAsset', what: 'content asset' },
];

function finding(path: string, line: number, message: string): Finding {
  return { check: CHECK, file: path, line, message };
}

class ComponentChecker {
  readonly findings: Finding[] = [];
  private readonly bundleNames: Set<string>;
  private readonly labels: Set<string>;

  constructor(
    private readonly project: ProjectModel,
    bundles: BundleModel[],
    labels: Set<string>,
  ) {
    this.bundleNames = new Set(bundles.map((bundle) => bundle.name));
    this.labels = labels;
  }

  check(bundle: BundleModel): void {
    for (const script of bundle.scripts) {
      for (const use of script.imports) this.checkImport(bundle, script, use.specifier, use.line);
      for (const query of script.queries) this.checkQuery(script, query);
    }
    for (const template of bundle.templates) {
      for (const element of template.customElements) {
        const name = bundleNameOfTag(element.tag);
        if (!this.bundleNames.has(name))
          this.findings.push(
            finding(template.path, element.line, `<${element.tag}> names the component ${name}, which does not exist`),
          );
      }
    }
    this.checkMeta(bundle);
  }

  private checkImport(bundle: BundleModel, script: ScriptFile, specifier: string, line: number): void {
    if (specifier.startsWith('@salesforce/schema/')) {
      const problem = this.schemaProblem(specifier.slice('@salesforce/schema/'.length));
      if (problem) this.findings.push(finding(script.path, line, `${specifier}: ${problem}`));
      return;
    }
    if (specifier.startsWith('@salesforce/label/')) {
      const reference = specifier.slice('@salesforce/label/'.length);
      if (!reference.startsWith('c.'))
        this.findings.push(
          finding(script.path, line, `${specifier}: custom labels are imported as @salesforce/label/c.Name`),
        );
      else if (!this.labels.has(reference.slice(2)))
        this.findings.push(finding(script.path, line, `${specifier}: there is no custom label ${reference.slice(2)}`));
      return;
    }
    if (specifier.startsWith('c/')) {
      const name = specifier.slice(2).split('/')[0] ?? '';
      if (!this.bundleNames.has(name))
        this.findings.push(finding(script.path, line, `${specifier}: there is no component ${name}`));
      else if (name === bundle.name)
        this.findings.push(finding(script.path, line, `${specifier}: a component cannot import itself`));
      return;
    }
    for (const named of NAMED_MODULES) {
      if (!specifier.startsWith(named.prefix)) continue;
      const name = (specifier.slice(named.prefix.length).split('.')[0] ?? '').replace(/^c__/, '');
      const exists = filesOfType(this.project, named.type).some((file) => file.fullName === name);
      if (!exists)
        this.findings.push(finding(script.path, line, `${specifier}: the project has no ${named.what} ${name}`));
    }
  }

  /** Object, Object.Field or Object.Relationship__r.Field, as @salesforce/schema takes them. */
  private schemaProblem(reference: string): string | undefined {
    const [objectName = '', ...path] = reference.split('.');
    if (!this.project.objects.has(objectName)) return `${objectName} is not an object of the project`;
    if (path.length === 0) return undefined;
    return resolveFieldPath(this.project.objects, objectName, path.join('.')).problem;
  }

  private checkQuery(script: ScriptFile, query: GqlLiteral): void {
    const lineAt = (offset: number): number => query.line + (query.text.slice(0, offset).match(/\n/g)?.length ?? 0);
    if (query.hasSubstitutions) {
      this.findings.push(
        finding(
          script.path,
          query.line,
          'a gql query with ${...} substitutions cannot be checked: write the object and field names in the query text',
        ),
      );
      return;
    }
    let document;
    try {
      document = parseGraphql(query.text);
    } catch (error) {
      if (!(error instanceof GraphqlSyntaxError)) throw error;
      this.findings.push(
        finding(script.path, lineAt(error.offset), `the GraphQL query does not parse: ${error.message}`),
      );
      return;
    }
    for (const problem of checkUiApiQuery(this.project, document)) {
      this.findings.push(finding(script.path, lineAt(problem.offset), `GraphQL query: ${problem.message}`));
    }
  }

  private checkMeta(bundle: BundleModel): void {
    const file = bundle.file;
    const root = file.root;
    if (!root) return;
    if (!textOf(root, 'description'))
      this.findings.push(
        findingIn(CHECK, file, root, `${bundle.name} has no <description>: say what the component does`),
      );
    const declared = new Set(bundle.targets.map((target) => target.text.trim()));
    for (const config of bundle.targetConfigs) {
      for (const target of config.targets) {
        if (!declared.has(target))
          this.findings.push(
            findingIn(
              CHECK,
              file,
              config.element,
              `targetConfig for ${target}, which is not among the component's <targets>`,
            ),
          );
      }
      for (const object of config.objects) {
        const name = object.text.trim();
        if (!this.project.objects.has(name))
          this.findings.push(
            findingIn(CHECK, file, object, `<object>${name}</object> is not an object of the project`),
          );
      }
    }
  }
}

/** Every custom label name of the project, from all label files. */
export function customLabelNames(project: ProjectModel): Set<string> {
  const names = new Set<string>();
  for (const file of filesOfType(project, 'CustomLabels')) {
    for (const label of file.root?.children ?? []) {
      if (label.name !== 'labels') continue;
      const name = textOf(label, 'fullName');
      if (name) names.add(name);
    }
  }
  return names;
}

export function checkComponents(project: ProjectModel): Finding[] {
  const bundles = loadBundles(project);
  const checker = new ComponentChecker(project, bundles, customLabelNames(project));
  for (const bundle of bundles) checker.check(bundle);
  return checker.findings;
}
