/**
 * Errors from the org in words a collector understands. Lightning Data Service and the GraphQL
 * adapter reject with UI API error bodies (a single body or an array of them, with field and page
 * errors); this reduces them to sentences and replaces the technical codes people cannot act on.
 */
import ACCESS_MESSAGE from '@salesforce/label/c.Collections_Error_No_Access';
import DUPLICATE_MESSAGE from '@salesforce/label/c.Collections_Error_Duplicate';
import LOCKED_MESSAGE from '@salesforce/label/c.Collections_Error_Locked';
import UNKNOWN_MESSAGE from '@salesforce/label/c.Collections_Error_Unknown';

/** Error codes the UI API returns, and what the user should read instead. */
const FRIENDLY_BY_CODE = {
  INSUFFICIENT_ACCESS_OR_READONLY: ACCESS_MESSAGE,
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: ACCESS_MESSAGE,
  INVALID_FIELD_FOR_INSERT_UPDATE: ACCESS_MESSAGE,
  DUPLICATE_VALUE: DUPLICATE_MESSAGE,
  ENTITY_IS_LOCKED: LOCKED_MESSAGE,
  UNABLE_TO_LOCK_ROW: LOCKED_MESSAGE,
};

function messagesOfBody(body) {
  if (!body) return [];
  if (Array.isArray(body)) return body.flatMap(messagesOfBody);
  const output = body.output;
  if (output) {
    const pageErrors = (output.errors ?? []).map(friendly);
    const fieldErrors = Object.values(output.fieldErrors ?? {})
      .flat()
      .map(friendly);
    if (pageErrors.length + fieldErrors.length > 0) return [...pageErrors, ...fieldErrors];
  }
  if (body.errorCode || body.message) return [friendly(body)];
  return [];
}

function friendly(error) {
  // A validation rule's message was written for the user: show it as it is (never "undefined").
  if (error.errorCode === 'FIELD_CUSTOM_VALIDATION_EXCEPTION') return error.message || UNKNOWN_MESSAGE;
  return FRIENDLY_BY_CODE[error.errorCode] ?? error.message ?? UNKNOWN_MESSAGE;
}

/**
 * The messages of an error from createRecord/updateRecord/deleteRecord, a wire adapter or the
 * GraphQL adapter (which reports an array of GraphQL errors), without duplicates.
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list
    .filter((error) => !!error)
    .flatMap((error) => {
      if (typeof error === 'string') return [error];
      const fromBody = messagesOfBody(error.body);
      if (fromBody.length > 0) return fromBody;
      if (error.message) return [error.errorCode ? friendly(error) : error.message];
      return [UNKNOWN_MESSAGE];
    });
  return [...new Set(messages)];
}

/** One sentence for a toast or an inline error. */
export function errorMessage(errors) {
  const messages = reduceErrors(errors);
  return messages.length > 0 ? messages.join(' ') : UNKNOWN_MESSAGE;
}
