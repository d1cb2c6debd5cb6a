/**
 * The standard invocable action Simple Email of the fake org ("Simple Email Actions", Actions
 * Developer Guide; "Invoking Actions"):
 *
 *   POST /actions/standard/emailSimple   { "inputs": [ { emailAddresses, emailSubject, emailBody,
 *        sendRichBody, relatedRecordId, logEmailOnSend, senderType, senderAddress }, ... ] }
 *
 * answers one result per input, in order: { actionName: "emailSimple", errors, isSuccess,
 * outputValues: null }, each input on its own. An input is refused (errors: [{ statusCode, message,
 * fields }]) when it has no recipient or more than the documented number (5 before API 64.0, 150
 * from 64.0), an address that is not one, no subject or no body, a relatedRecordId that is no
 * record of the org, or a senderType the action does not know (OrgWideEmailAddress needs
 * senderAddress). Every email sent is kept in FakeOrg.emails, linked to relatedRecordId when
 * logEmailOnSend is true. A request of more than FakeOrg.emailInputLimit inputs is refused whole
 * (400): the limit is the adapter's assumption, the documentation consulted gives none. When every
 * input fails the fake answers 400 with the results (the status is not documented; the adapter
 * reads the results whatever it is).
 */
import { ApiError } from './data';
import { apiError, errorResponse, json, parseJsonBody, type Route } from './protocol';
import type { FakeOrg } from './server';

/** An email the org sent. */
export interface SentEmail {
  /** the record it is logged on (relatedRecordId with logEmailOnSend), or null */
  recordId: string | null;
  /** the recipients, comma-separated as given */
  to: string;
  subject: string;
  body: string;
  richBody: boolean;
  /** senderType as given (undefined: the running user) */
  senderType: string | undefined;
  senderAddress: string | undefined;
}

interface ActionError {
  statusCode: string;
  message: string;
  fields: string[];
}

class InputError extends Error {
  constructor(
    readonly statusCode: string,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }
}

const ADDRESS = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;
const SENDER_TYPES = new Set(['CurrentUser', 'DefaultWorkflowUser', 'OrgWideEmailAddress']);

function text(input: Record<string, unknown>, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError('INVALID_TYPE', `${name}: expected a string`, [name]);
  return value;
}

function flag(input: Record<string, unknown>, name: string): boolean {
  const value = input[name];
  return value === true || value === 'true';
}

function recipientsOf(input: Record<string, unknown>): string[] {
  const listed = (text(input, 'emailAddresses') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  const array = input.emailAddressesArray;
  const more = Array.isArray(array) ? array.map((address) => String(address).trim()).filter(Boolean) : [];
  return [...listed, ...more];
}

export function emailRoutes(org: FakeOrg): Route[] {
  const send = (input: Record<string, unknown>, version: string): SentEmail => {
    const recipients = recipientsOf(input);
    if (recipients.length === 0) {
      throw new InputError('REQUIRED_FIELD_MISSING', 'Missing required input parameter: emailAddresses', [
        'emailAddresses',
      ]);
    }
    const maximum = Number(version) >= 64 ? 150 : 5;
    if (recipients.length > maximum) {
      throw new InputError('LIMIT_EXCEEDED', `The number of email recipients must be ${maximum} or fewer.`, [
        'emailAddresses',
      ]);
    }
    const bad = recipients.find((address) => !ADDRESS.test(address));
    if (bad !== undefined) {
      throw new InputError('INVALID_EMAIL_ADDRESS', `Email address is invalid: ${bad}`, ['emailAddresses']);
    }
    const subject = text(input, 'emailSubject');
    if (!subject) {
      throw new InputError('REQUIRED_FIELD_MISSING', 'Missing required input parameter: emailSubject', [
        'emailSubject',
      ]);
    }
    const body = text(input, 'emailBody');
    if (!body) {
      throw new InputError('REQUIRED_FIELD_MISSING', 'Missing required input parameter: emailBody', ['emailBody']);
    }
    const senderType = text(input, 'senderType');
    const senderAddress = text(input, 'senderAddress');
    if (senderType !== undefined && !SENDER_TYPES.has(senderType)) {
      throw new InputError('INVALID_API_INPUT', `Invalid senderType: ${senderType}`, ['senderType']);
    }
    if (senderType === 'OrgWideEmailAddress' && !senderAddress) {
      throw new InputError('REQUIRED_FIELD_MISSING', 'senderAddress is required for OrgWideEmailAddress', [
        'senderAddress',
      ]);
    }
    const related = text(input, 'relatedRecordId');
    if (related !== undefined && !org.data.byId(related)) {
      throw new InputError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${related}`, [
        'relatedRecordId',
      ]);
    }
    const log = flag(input, 'logEmailOnSend');
    return {
      recordId: log && related !== undefined ? related : null,
      to: recipients.join(','),
      subject,
      body,
      richBody: flag(input, 'sendRichBody'),
      senderType,
      senderAddress,
    };
  };

  return [
    {
      method: 'POST',
      pattern: /^\/actions\/standard\/emailSimple\/?$/,
      versioned: true,
      handle: (request) => {
        try {
          const inputs = parseJsonBody<{ inputs?: unknown }>(request).inputs;
          if (!Array.isArray(inputs) || inputs.length === 0) {
            throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body needs a non-empty "inputs" array');
          }
          if (inputs.length > org.emailInputLimit) {
            return apiError(
              400,
              'LIMIT_EXCEEDED',
              `Too many inputs: ${inputs.length}; the fake org takes at most ${org.emailInputLimit} a request`,
            );
          }
          const results = inputs.map((input: unknown) => {
            try {
              if (input === null || typeof input !== 'object' || Array.isArray(input))
                throw new InputError('INVALID_API_INPUT', 'Each input must be an object');
              const email = send(input as Record<string, unknown>, request.version);
              // Past the daily allowance Salesforce does not send; the code here is the fake's own.
              if (org.singleEmail.used >= org.singleEmail.max)
                throw new InputError('SINGLE_EMAIL_LIMIT_EXCEEDED', 'The daily single email limit is used up');
              org.singleEmail.used++;
              org.emails.push(email);
              return { actionName: 'emailSimple', errors: null, isSuccess: true, outputValues: null };
            } catch (error) {
              if (!(error instanceof InputError)) throw error;
              const errors: ActionError[] = [
                { statusCode: error.statusCode, message: error.message, fields: error.fields },
              ];
              return { actionName: 'emailSimple', errors, isSuccess: false, outputValues: null };
            }
          });
          return json(results.some((result) => result.isSuccess) ? 200 : 400, results);
        } catch (error) {
          return errorResponse(error);
        }
      },
    },
  ];
}
