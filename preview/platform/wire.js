/** Helpers the stand-in adapters share. */

/** Runs `work` after the current task, as the platform's adapters answer asynchronously. */
export function later(work) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    }, 0);
  });
}

/** Data from the platform's adapters is read-only: a component that mutates it fails here too. */
export function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** { objectApiName, fieldApiName } (from @salesforce/schema) or 'Object.Field' as [object, field path]. */
export function fieldPath(field) {
  if (typeof field === 'string') {
    const [object, ...path] = field.split('.');
    return [object, path.join('.')];
  }
  return [field?.objectApiName, field?.fieldApiName];
}
