/**
 * Lightning web component bundles as the checks see them: the js-meta.xml, and for every file
 * that deploys (source-deploy-retrieve's walk honours .forceignore, so tests and type declarations
 * are left out) the module imports, the `gql` queries and the custom elements of the templates,
 * each with its line. JavaScript is read with the TypeScript compiler's parser, which reads
 * decorators and template literals as the LWC compiler does.
 */
import { readFileSync } from 'node:fs';
import { extname, relative, sep } from 'node:path';
import ts from 'typescript';
import { filesOfType, MetadataFile, ProjectModel } from './project';
import { childNamed, childrenNamed, textOf, XmlElement } from './xml';

export interface ModuleImport {
  specifier: string;
  line: number;
}

export interface GqlLiteral {
  /** the literal's text between the backticks, exactly as in the file */
  text: string;
  /** the line and column (1-based line, 0-based column) where the text starts */
  line: number;
  column: number;
  /** true when the literal holds ${...} substitutions, so its text is not the query */
  hasSubstitutions: boolean;
}

export interface ScriptFile {
  path: string;
  imports: ModuleImport[];
  queries: GqlLiteral[];
}

export interface TemplateTag {
  /** the tag name as written, e.g. c-collections-open-invoices */
  tag: string;
  line: number;
}

export interface TemplateFile {
  path: string;
  customElements: TemplateTag[];
  /** the raw text, for label references */
  text: string;
}

export interface TargetConfig {
  element: XmlElement;
  targets: string[];
  objects: XmlElement[];
  properties: Map<string, XmlElement>;
}

export interface BundleModel {
  name: string;
  /** the js-meta.xml */
  file: MetadataFile;
  isExposed: boolean;
  targets: XmlElement[];
  targetConfigs: TargetConfig[];
  scripts: ScriptFile[];
  templates: TemplateFile[];
}

function toProjectPath(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

function lineOf(source: ts.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line + 1;
}

export function readScript(path: string, text: string): ScriptFile {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const imports: ModuleImport[] = [];
  const queries: GqlLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      imports.push({ specifier: node.moduleSpecifier.text, line: lineOf(source, node.moduleSpecifier.getStart()) });
    }
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'gql') {
      const template = node.template;
      // The raw text between the backticks keeps offsets aligned with the file.
      const start = template.getStart() + 1;
      const end = template.getEnd() - 1;
      const { line, character } = source.getLineAndCharacterOfPosition(start);
      queries.push({
        text: text.slice(start, end),
        line: line + 1,
        column: character,
        hasSubstitutions: !ts.isNoSubstitutionTemplateLiteral(template),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { path, imports, queries };
}

/** Custom elements of the default namespace (<c-...>) in a template, outside comments. */
export function readTemplate(path: string, text: string): TemplateFile {
  const blanked = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const customElements: TemplateTag[] = [];
  const pattern = /<(c-[a-z0-9-]+)[\s/>]/g;
  for (let match = pattern.exec(blanked); match; match = pattern.exec(blanked)) {
    const line = blanked.slice(0, match.index).split('\n').length;
    customElements.push({ tag: match[1] ?? '', line });
  }
  return { path, customElements, text };
}

/** c-collections-open-invoices -> collectionsOpenInvoices (the LWC naming rule, reversed). */
export function bundleNameOfTag(tag: string): string {
  return tag
    .slice('c-'.length)
    .split('-')
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

function readTargetConfigs(root: XmlElement): TargetConfig[] {
  const container = childNamed(root, 'targetConfigs');
  if (!container) return [];
  return childrenNamed(container, 'targetConfig').map((element) => {
    const objects = childNamed(element, 'objects');
    const properties = new Map<string, XmlElement>();
    for (const property of childrenNamed(element, 'property')) {
      const name = property.attributes.name;
      if (name) properties.set(name, property);
    }
    return {
      element,
      targets: (element.attributes.targets ?? '')
        .split(',')
        .map((target) => target.trim())
        .filter(Boolean),
      objects: objects ? childrenNamed(objects, 'object') : [],
      properties,
    };
  });
}

const cache = new WeakMap<ProjectModel, BundleModel[]>();

export function loadBundles(project: ProjectModel): BundleModel[] {
  const cached = cache.get(project);
  if (cached) return cached;
  const metaFiles = new Map(filesOfType(project, 'LightningComponentBundle').map((file) => [file.fullName, file]));
  const bundles: BundleModel[] = [];
  for (const component of project.componentSet.getSourceComponents().toArray()) {
    if (component.type.name !== 'LightningComponentBundle') continue;
    const file = metaFiles.get(component.fullName);
    if (!file) continue;
    const scripts: ScriptFile[] = [];
    const templates: TemplateFile[] = [];
    for (const path of component.walkContent().sort()) {
      const projectPath = toProjectPath(project.dir, path);
      if (extname(path) === '.js') scripts.push(readScript(projectPath, readFileSync(path, 'utf8')));
      else if (extname(path) === '.html') templates.push(readTemplate(projectPath, readFileSync(path, 'utf8')));
    }
    const root = file.root;
    const targets = root && childNamed(root, 'targets');
    bundles.push({
      name: component.fullName,
      file,
      isExposed: root !== undefined && textOf(root, 'isExposed') === 'true',
      targets: targets ? childrenNamed(targets, 'target') : [],
      targetConfigs: root ? readTargetConfigs(root) : [],
      scripts,
      templates,
    });
  }
  bundles.sort((a, b) => a.name.localeCompare(b.name));
  cache.set(project, bundles);
  return bundles;
}

/** The label names a bundle's JavaScript imports (@salesforce/label/c.Name). */
export function labelImports(bundle: BundleModel): Array<{ script: ScriptFile; name: string; line: number }> {
  return bundle.scripts.flatMap((script) =>
    script.imports
      .filter((use) => use.specifier.startsWith('@salesforce/label/'))
      .map((use) => ({
        script,
        name: use.specifier.slice('@salesforce/label/'.length).replace(/^c\./, ''),
        line: use.line,
      })),
  );
}
