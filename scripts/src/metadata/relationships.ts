/**
 * Relationships between the project's objects, by the names APIs use for them: a parent
 * relationship leads from a lookup to its record (Account__r, Owner), a child relationship from a
 * record to the records that look up to it (Invoices__r, Tasks). Custom ones come from the
 * lookup and master-detail fields of the project; standard ones from standardFields.ts.
 */
import type { FieldModel, ObjectModel, ProjectModel } from './project';
import { ANY_OBJECT, standardChildRelationships, standardParentRelationship } from './standardFields';
import { textOf } from './xml';

export { ANY_OBJECT };

export interface ParentRelationship {
  /** the objects the relationship may lead to; [ANY_OBJECT] for a polymorphic lookup to anything */
  targets: readonly string[];
}

/** The parent relationship `name` of an object, or undefined when it has none of that name. */
export function parentRelationship(object: ObjectModel, name: string): ParentRelationship | undefined {
  if (name.endsWith('__r')) {
    const field = object.fields.get(`${name.slice(0, -'__r'.length)}__c`);
    if (!field || (field.type !== 'Lookup' && field.type !== 'MasterDetail')) return undefined;
    const target = field.file?.root && textOf(field.file.root, 'referenceTo');
    return target ? { targets: [target] } : undefined;
  }
  const targets = standardParentRelationship(object.name, object.fields, name);
  return targets ? { targets } : undefined;
}

const childCache = new WeakMap<ProjectModel, Map<string, Map<string, string>>>();

/** Every object's child relationships: parent object -> relationship name -> child object. */
export function childRelationships(project: ProjectModel): Map<string, Map<string, string>> {
  const cached = childCache.get(project);
  if (cached) return cached;
  const byParent = new Map<string, Map<string, string>>();
  for (const object of project.objects.values()) {
    byParent.set(object.name, standardChildRelationships(object.name, object.kind, object.file?.root));
  }
  for (const child of project.objects.values()) {
    for (const field of child.fields.values()) {
      if (field.type !== 'Lookup' && field.type !== 'MasterDetail') continue;
      const root = field.file?.root;
      const parent = root && textOf(root, 'referenceTo');
      const name = root && textOf(root, 'relationshipName');
      if (!parent || !name) continue;
      const children = byParent.get(parent) ?? new Map<string, string>();
      children.set(`${name}__r`, child.name);
      byParent.set(parent, children);
    }
  }
  childCache.set(project, byParent);
  return byParent;
}

/** The object a child relationship of `object` leads to, or undefined. */
export function childRelationship(project: ProjectModel, object: ObjectModel, name: string): string | undefined {
  return childRelationships(project).get(object.name)?.get(name);
}

/**
 * A field path as components, flows and criteria write it, from an object: Field, Lookup__r.Field,
 * Owner.Name, and the polymorphic form flows use, Owner:User.Email. A polymorphic relationship
 * without a type cannot be followed offline and is accepted.
 */
export function resolveFieldPath(
  objects: ReadonlyMap<string, ObjectModel>,
  objectName: string,
  path: string,
): { field?: FieldModel; problem?: string } {
  let object = objects.get(objectName);
  if (!object) return { problem: `${objectName} is not an object of the project` };
  const segments = path.split('.');
  for (const segment of segments.slice(0, -1)) {
    const [name = '', type] = segment.split(':');
    const parent = parentRelationship(object, name);
    if (!parent) return { problem: `${object.name} has no relationship ${name}` };
    const { targets } = parent;
    const any = targets.includes(ANY_OBJECT);
    if (type !== undefined && !any && !targets.includes(type))
      return { problem: `${object.name}.${name} leads to ${targets.join(' or ')}, not ${type}` };
    const targetName = type ?? (targets.length === 1 && !any ? targets[0] : undefined);
    if (targetName === undefined) return {};
    const next = objects.get(targetName);
    if (!next) return { problem: `${path} leads to ${targetName}, which is not an object of the project` };
    object = next;
  }
  const fieldName = segments[segments.length - 1] ?? '';
  const field = object.fields.get(fieldName);
  return field ? { field } : { problem: `${object.name} has no field ${fieldName}` };
}
