import { errorMessage, reduceErrors } from 'c/collectionsErrors';

// sfdx-lwc-jest resolves a custom label import to its name, e.g. "c.Collections_Error_No_Access".
const NO_ACCESS = 'c.Collections_Error_No_Access';
const DUPLICATE = 'c.Collections_Error_Duplicate';
const LOCKED = 'c.Collections_Error_Locked';
const UNKNOWN = 'c.Collections_Error_Unknown';

const VALIDATION_MESSAGE = 'Choose a Resolution before setting the status to Resolved.';

/** What createRecord/updateRecord reject with: a fetch-like error whose body is a UI API error. */
const ldsError = (body) => ({ body, ok: false, status: 400, statusText: 'Bad Request' });

describe('c-collections-errors', () => {
  describe('UI API record errors (createRecord, updateRecord)', () => {
    it('reads page errors from a single body', () => {
      // Arrange
      const error = ldsError({
        message: 'An error occurred while trying to update the record. Please try again.',
        output: { errors: [{ errorCode: 'CANNOT_EXECUTE_FLOW_TRIGGER', message: 'The flow could not route it.' }] },
      });

      // Act + Assert: the generic top-level message gives way to the specific one
      expect(reduceErrors(error)).toEqual(['The flow could not route it.']);
    });

    it('reads field errors of every field, after the page errors', () => {
      // Arrange
      const error = ldsError({
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Page level rule.' }],
          fieldErrors: {
            Amount__c: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', field: 'Amount__c', message: 'Too much.' }],
            Promised_Date__c: [
              { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', field: 'Promised_Date__c', message: 'Too early.' },
              { errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', field: 'Promised_Date__c', message: 'Not a date.' },
            ],
          },
        },
      });

      // Act + Assert
      expect(reduceErrors(error)).toEqual(['Page level rule.', 'Too much.', 'Too early.', 'Not a date.']);
    });

    it('keeps a validation rule message word for word, wherever the org reports it', () => {
      // Arrange
      const onField = ldsError({
        output: {
          errors: [],
          fieldErrors: {
            Resolution__c: [
              { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', field: 'Resolution__c', message: VALIDATION_MESSAGE },
            ],
          },
        },
      });
      const onPage = ldsError({
        output: { errors: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: VALIDATION_MESSAGE }] },
      });

      // Act + Assert
      expect(errorMessage(onField)).toBe(VALIDATION_MESSAGE);
      expect(errorMessage(onPage)).toBe(VALIDATION_MESSAGE);
    });

    it.each([
      ['INSUFFICIENT_ACCESS_OR_READONLY', NO_ACCESS],
      ['INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', NO_ACCESS],
      ['INVALID_FIELD_FOR_INSERT_UPDATE', NO_ACCESS],
      ['DUPLICATE_VALUE', DUPLICATE],
      ['ENTITY_IS_LOCKED', LOCKED],
      ['UNABLE_TO_LOCK_ROW', LOCKED],
    ])('replaces %s by words a collector can act on', (errorCode, expected) => {
      // Arrange
      const technical = `${errorCode}: entity id 001xx, cannot proceed`;
      const asPageError = ldsError({ output: { errors: [{ errorCode, message: technical }] } });
      const asFieldError = ldsError({
        output: { fieldErrors: { Name: [{ errorCode, field: 'Name', message: technical }] } },
      });

      // Act + Assert
      expect(reduceErrors(asPageError)).toEqual([expected]);
      expect(reduceErrors(asFieldError)).toEqual([expected]);
      expect(errorMessage(asPageError)).not.toContain(errorCode);
    });

    it('reads every body of an array of bodies', () => {
      // Arrange: REST-style bodies, one per error
      const error = ldsError([
        { errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found: Idempotency_Key__c' },
        { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: VALIDATION_MESSAGE },
        { message: 'Something else went wrong.' },
      ]);

      // Act + Assert
      expect(reduceErrors(error)).toEqual([DUPLICATE, VALIDATION_MESSAGE, 'Something else went wrong.']);
    });

    it('uses the top-level message when the output holds no error', () => {
      // Arrange
      const error = ldsError({
        message: 'The requested resource does not exist',
        output: { errors: [], fieldErrors: {} },
      });

      // Act + Assert
      expect(reduceErrors(error)).toEqual(['The requested resource does not exist']);
    });

    it('replaces a top-level code too', () => {
      // Arrange
      const error = ldsError({
        errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
        message: 'insufficient access rights on object id',
      });

      // Act + Assert
      expect(reduceErrors(error)).toEqual([NO_ACCESS]);
    });
  });

  describe('wire adapter and GraphQL errors', () => {
    it('reads the body of an error a wire adapter emits', () => {
      // Arrange: the shape getRecord.error() produces
      const error = { body: { message: 'An internal server error has occurred' }, ok: false, status: 500 };

      // Act + Assert
      expect(reduceErrors(error)).toEqual(['An internal server error has occurred']);
    });

    it('reads every message of a GraphQL error array', () => {
      // Arrange: the `errors` the graphql wire adapter emits
      const errors = [
        {
          message: 'Validation error of type FieldUndefined: Field Foo__c is undefined',
          locations: [{ line: 4, column: 9 }],
          path: null,
        },
        { message: 'Invalid cursor', locations: [], path: ['uiapi', 'query', 'Invoice__c'] },
      ];

      // Act + Assert
      expect(reduceErrors(errors)).toEqual([
        'Validation error of type FieldUndefined: Field Foo__c is undefined',
        'Invalid cursor',
      ]);
      expect(errorMessage(errors)).toBe(
        'Validation error of type FieldUndefined: Field Foo__c is undefined Invalid cursor',
      );
    });

    it('replaces a code on a GraphQL-like error without a body', () => {
      // Arrange
      const errors = [{ errorCode: 'ENTITY_IS_LOCKED', message: 'ENTITY_IS_LOCKED: the entity is locked for editing' }];

      // Act + Assert
      expect(reduceErrors(errors)).toEqual([LOCKED]);
    });
  });

  describe('other shapes', () => {
    it('takes strings and JavaScript errors as they are and skips empty entries', () => {
      // Arrange
      const errors = [null, 'Plain text from a handler.', undefined, new TypeError('x is undefined')];

      // Act + Assert
      expect(reduceErrors(errors)).toEqual(['Plain text from a handler.', 'x is undefined']);
    });

    it('says something went wrong when an error carries no message at all', () => {
      // Arrange
      const errors = [{}, { body: {} }, ldsError({ output: { errors: [{ errorCode: 'SOME_NEW_CODE' }] } })];

      // Act + Assert
      expect(reduceErrors(errors)).toEqual([UNKNOWN]);
      expect(errorMessage([])).toBe(UNKNOWN);
      expect(errorMessage(undefined)).toBe(UNKNOWN);
    });

    it('never shows "undefined" for a validation error without a message', () => {
      // Arrange
      const error = ldsError({ output: { errors: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' }] } });

      // Act + Assert
      expect(reduceErrors(error)).toEqual([UNKNOWN]);
      expect(errorMessage(error)).toBe(UNKNOWN);
    });
  });

  describe('duplicates', () => {
    it('shows a message once when the org repeats it on the page and on a field', () => {
      // Arrange
      const error = ldsError({
        output: {
          errors: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: VALIDATION_MESSAGE }],
          fieldErrors: {
            Resolution__c: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: VALIDATION_MESSAGE }],
          },
        },
      });

      // Act + Assert
      expect(reduceErrors(error)).toEqual([VALIDATION_MESSAGE]);
    });

    it('shows one access message for several access codes across errors', () => {
      // Arrange
      const errors = [
        ldsError({ output: { errors: [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'a' }] } }),
        ldsError({ output: { fieldErrors: { X: [{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: 'b' }] } } }),
        { errorCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', message: 'c' },
      ];

      // Act + Assert
      expect(reduceErrors(errors)).toEqual([NO_ACCESS]);
      expect(errorMessage(errors)).toBe(NO_ACCESS);
    });

    it('joins different messages into one sentence for a toast', () => {
      // Arrange
      const error = ldsError([{ message: 'First.' }, { message: 'Second.' }, { message: 'First.' }]);

      // Act + Assert
      expect(errorMessage(error)).toBe('First. Second.');
    });
  });
});
