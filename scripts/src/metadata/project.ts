/**
 * The project as the checks see it: every metadata file that Salesforce's source-deploy-retrieve
 * resolves in the package directories, parsed, and indexed by object and field.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ComponentSet, RegistryAccess, SourceComponent } from '@salesforce/source-deploy-retrieve';
import type { Finding } from './findings';
import { knownStandardObjects, shareObjectName, standardFieldsOf } from './standardFields';
import { childNamed, childrenNamed, parseXml, textOf, XmlElement, XmlSyntaxError } from './xml';

export interface MetadataFile {
  /** path relative to the project directory, forward slashes */
  path: string;
  absolutePath: string;
  /** the Metadata API type source-deploy-retrieve resolved, e.g. CustomField */
  type: string;
  /** the component's full name, e.g. Invoice__c.Due_Date__c */
  fullName: string;
  /** undefined when the file is not well formed (the well-formedness check reports it) */
  root?: XmlElement;
}

export interface FieldModel {
  object: string;
  name: string;
  /** the CustomField <type>, e.g. Lookup; standard fields carry the type Salesforce gives them */
  type: string;
  standard: boolean;
  file?: MetadataFile;
}

export type ObjectKind = 'custom' | 'customMetadata' | 'standard';

export interface ObjectModel {
  name: string;
  kind: ObjectKind;
  /** the object-meta.xml; absent for standard objects that only get fields */
  file?: MetadataFile;
  fields: Map<string, FieldModel>;
  validationRules: MetadataFile[];
  listViews: MetadataFile[];
}

export interface ProjectModel {
  dir: string;
  apiVersion: string;
  packageDirectories: string[];
  files: MetadataFile[];
  objects: Map<string, ObjectModel>;
  /** problems met while loading: unresolvable files, XML that is not well formed */
  loadFindings: Finding[];
  componentSet: ComponentSet;
}

interface SfdxProject {
  packageDirectories?: Array<{ path: string }>;
  sourceApiVersion?: string;
}

function toProjectPath(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

function objectKind(name: string): ObjectKind {
  if (name.endsWith('__mdt')) return 'customMetadata';
  if (name.endsWith('__c')) return 'custom';
  return 'standard';
}

function errorFile(dir: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const path = /(\/[^\s'"[\]]+)/.exec(message)?.[1];
  return path ? toProjectPath(dir, path) : 'sfdx-project.json';
}

function resolveFinding(dir: string, error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  return {
    check: 'resolve',
    file: errorFile(dir, error),
    message: `source-deploy-retrieve cannot resolve it: ${message}`,
  };
}

function resolveComponents(dir: string, packageDirectories: string[], loadFindings: Finding[]): ComponentSet {
  const registry = new RegistryAccess(undefined, dir);
  const components: SourceComponent[] = [];
  for (const packageDir of packageDirectories) {
    try {
      const set = ComponentSet.fromSource({ fsPaths: [join(dir, packageDir)], registry });
      components.push(...set.getSourceComponents().toArray());
    } catch (error) {
      // source-deploy-retrieve stops at the first file it cannot type; say which and stop there.
      loadFindings.push(resolveFinding(dir, error));
    }
  }
  return new ComponentSet(components, registry);
}

function metadataFilesOf(component: SourceComponent, dir: string): MetadataFile[] {
  const files: MetadataFile[] = [];
  const collect = (c: SourceComponent): void => {
    if (c.xml) {
      files.push({ path: toProjectPath(dir, c.xml), absolutePath: c.xml, type: c.type.name, fullName: c.fullName });
    }
  };
  collect(component);
  // Decomposed types (CustomObject) keep fields, list views and rules as children.
  // Non-decomposed types (CustomLabels) list each label as a child in the parent's own file: that
  // file is one CustomLabels, checked once.
  for (const child of component.getChildren()) if (child.xml !== component.xml) collect(child);
  return files;
}

function parseFile(file: MetadataFile, loadFindings: Finding[]): void {
  const source = readFileSync(file.absolutePath, 'utf8');
  try {
    file.root = parseXml(source);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    loadFindings.push({
      check: 'well-formed',
      file: file.path,
      line: error.line,
      message: `not well-formed XML: ${error.message}`,
    });
  }
}

function objectFor(objects: Map<string, ObjectModel>, name: string): ObjectModel {
  let model = objects.get(name);
  if (!model) {
    model = { name, kind: objectKind(name), fields: new Map(), validationRules: [], listViews: [] };
    objects.set(name, model);
  }
  return model;
}

function indexObjects(files: MetadataFile[]): Map<string, ObjectModel> {
  const objects = new Map<string, ObjectModel>();
  // Standard objects can be referred to (lookups, formulas) without any file of ours.
  for (const name of knownStandardObjects()) objectFor(objects, name);
  for (const file of files) {
    const [objectName, memberName] = file.fullName.split('.');
    if (objectName === undefined) continue;
    if (file.type === 'CustomObject') objectFor(objects, objectName).file = file;
    else if (file.type === 'CustomField' && memberName) {
      const type = (file.root && textOf(file.root, 'type')) ?? '';
      objectFor(objects, objectName).fields.set(memberName, {
        object: objectName,
        name: memberName,
        type,
        standard: false,
        file,
      });
    } else if (file.type === 'ValidationRule') objectFor(objects, objectName).validationRules.push(file);
    else if (file.type === 'ListView') objectFor(objects, objectName).listViews.push(file);
  }
  // Custom objects that are not public read/write have a share object (Dispute__Share) flows can write.
  for (const object of [...objects.values()]) {
    const share = shareObjectName(object.name, object.file?.root && textOf(object.file.root, 'sharingModel'));
    if (share) objectFor(objects, share);
  }
  for (const object of objects.values()) addStandardFields(object);
  return objects;
}

function addStandardFields(object: ObjectModel): void {
  const isDetail = [...object.fields.values()].some((field) => field.type === 'MasterDetail');
  for (const [name, type] of standardFieldsOf(object.name, object.kind, { isDetail, nameField: object.file?.root })) {
    if (!object.fields.has(name)) object.fields.set(name, { object: object.name, name, type, standard: true });
  }
}

export function loadProject(dir: string): ProjectModel {
  const config = JSON.parse(readFileSync(join(dir, 'sfdx-project.json'), 'utf8')) as SfdxProject;
  const packageDirectories = (config.packageDirectories ?? []).map((entry) => entry.path);
  // Pinning the API version keeps source-deploy-retrieve from asking the network for it.
  const apiVersion = config.sourceApiVersion ?? '66.0';
  const loadFindings: Finding[] = [];
  const componentSet = resolveComponents(dir, packageDirectories, loadFindings);
  componentSet.sourceApiVersion = apiVersion;
  componentSet.projectDirectory = dir;
  const files = componentSet
    .getSourceComponents()
    .toArray()
    .flatMap((component) => {
      // Children (fields, rules, list views) are resolved lazily and can fail here too.
      try {
        return metadataFilesOf(component, dir);
      } catch (error) {
        loadFindings.push(resolveFinding(dir, error));
        return [];
      }
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  for (const file of files) parseFile(file, loadFindings);
  return { dir, apiVersion, packageDirectories, files, objects: indexObjects(files), loadFindings, componentSet };
}

export function filesOfType(project: ProjectModel, type: string): MetadataFile[] {
  return project.files.filter((file) => file.type === type);
}

/** The API names of a picklist field's values (empty for other fields and global value sets). */
export function picklistValues(field: FieldModel): Set<string> {
  const valueSet = field.file?.root && childNamed(field.file.root, 'valueSet');
  const definition = valueSet && childNamed(valueSet, 'valueSetDefinition');
  return new Set(
    (definition ? childrenNamed(definition, 'value') : []).map((value) => textOf(value, 'fullName') ?? ''),
  );
}
