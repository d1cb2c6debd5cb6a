/**
 * Notices sent as emails by the org, through the REST API's standard invocable action Simple Email:
 *
 *   POST /services/data/vXX.X/actions/standard/emailSimple   { "inputs": [ {...}, {...} ] }
 *
 * Pages: "Simple Email Actions", Actions Developer Guide (inputs, limits):
 *   https://developer.salesforce.com/docs/atlas.en-us.262.0.api_action.meta/api_action/actions_obj_email_simple.htm
 *   (and its API 64.0 and Winter '21 versions, .256.0. and .228.0. in the same address);
 * "Invoking Actions" (the inputs body and the result array):
 *   https://developer.salesforce.com/docs/platform/api-action/guide/actions-intro-invoking.html;
 * REST API "Invocable Actions" (the emailSimple example):
 *   https://developer.salesforce.com/docs/atlas.en-us.232.0.api_rest.meta/api_rest/resources_actions_invocable.htm
 *
 * One input per notice:
 *   - emailAddresses: the recipients, comma-delimited (up to 5 before API 64.0, 150 in all from
 *     API 64.0, counting cc and bcc); a notice has one recipient;
 *   - emailSubject, emailBody (the HTML) with sendRichBody true;
 *   - relatedRecordId: the Dunning_Notice__c record, with logEmailOnSend true, so the email is
 *     logged on it (an EmailMessage in the record's activity);
 *   - senderType (CurrentUser, DefaultWorkflowUser, OrgWideEmailAddress with senderAddress), left
 *     out unless configured: Salesforce then sends as the running user (CurrentUser is the default).
 * The answer is an array with one result per input, in the order of the inputs:
 *   { actionName: "emailSimple", errors: null | [{ statusCode, message, fields }], isSuccess, outputValues }.
 *
 * Inputs per request: the documentation consulted does not state a maximum number of inputs for
 * one invocation of a standard action, so EMAIL_INPUT_LIMIT is an assumption (100), kept low enough
 * that a request stays small (each input carries a whole HTML notice) and an answer lost in transit
 * leaves at most 100 notices unconfirmed. Requests grow with notices / 100.
 *
 * Sending is not safe to repeat: a request whose connection dropped or timed out may have been
 * processed, so every notice of it is Unconfirmed and never sent again; a 503 (not processed) is
 * retried by the http layer. A 502 or 504 comes from a gateway, with the org behind it perhaps
 * done: the http layer reports it as an unknown outcome for requests like this one.
 *
 * Daily limit: with logEmailOnSend the emails count against the org's single email limit ("Email
 * Sending Limits" on the 262.0 page, "General Email Limits"): each licensed org can send single
 * emails to at most 5,000 external addresses a day (GMT), and for orgs created in Spring '19 and
 * later the limit also applies to simple email actions and the REST API (228.0 page); Developer
 * Edition and trial orgs, 50 recipients a day. OrgStore reads what is left ("SingleEmail" in the
 * Limits resource, REST API "Limits") before the first send of a run and holds back the rest.
 */
import { CollectionsError } from '../cli/errors';
import type { Delivery } from '../records/planRecords';
import type { OutgoingNotice } from '../store/store';
import { OrgApiError, OutcomeUnknownError } from './errors';
import type { OrgHttp } from './http';

/** Inputs per Simple Email request: an assumed maximum (see above), not a documented one. */
export const EMAIL_INPUT_LIMIT = 100;

/** Who the emails are from (the From and Reply-To addresses). */
export type EmailSender =
  /** the user the CLI is logged in as (Salesforce's default) */
  | { type: 'CurrentUser' }
  /** the org's Default Workflow User (Process Automation Settings) */
  | { type: 'DefaultWorkflowUser' }
  /** a verified organization-wide email address, e.g. accounts.receivable@company.example */
  | { type: 'OrgWideEmailAddress'; address: string };

export interface EmailOptions {
  /** none: senderType is left out and Salesforce sends as the running user */
  sender?: EmailSender;
  /** inputs per request, at most EMAIL_INPUT_LIMIT */
  batchSize?: number;
}

/** One input of the Simple Email action. */
interface EmailInput {
  emailAddresses: string;
  emailSubject: string;
  emailBody: string;
  sendRichBody: true;
  relatedRecordId: string;
  logEmailOnSend: true;
  senderType?: string;
  senderAddress?: string;
}

/** One result of an invocable action ("Invoking Actions"). */
interface ActionResult {
  actionName?: string;
  errors?: Array<{ statusCode?: string; message?: string; fields?: string[] }> | null;
  isSuccess?: boolean;
  outputValues?: unknown;
}

const PATH = '/actions/standard/emailSimple';

function inputFor(
  item: OutgoingNotice,
  recipient: string,
  recordId: string,
  sender: EmailSender | undefined,
): EmailInput {
  const input: EmailInput = {
    emailAddresses: recipient,
    emailSubject: item.composed.subject,
    emailBody: item.composed.html,
    sendRichBody: true,
    relatedRecordId: recordId,
    logEmailOnSend: true,
  };
  if (sender) {
    input.senderType = sender.type;
    if (sender.type === 'OrgWideEmailAddress') input.senderAddress = sender.address;
  }
  return input;
}

function isActionResults(value: unknown, count: number): value is ActionResult[] {
  return (
    Array.isArray(value) &&
    value.length === count &&
    value.every((result) => result !== null && typeof result === 'object' && 'isSuccess' in result)
  );
}

function deliveryOf(result: ActionResult, input: EmailInput): Delivery {
  if (result.isSuccess === true) {
    return {
      outcome: 'Accepted',
      detail: `accepted by Salesforce for ${input.emailAddresses}, logged on ${input.relatedRecordId}`,
    };
  }
  const errors = result.errors ?? [];
  const detail = errors
    .map((error) => `${error.statusCode ?? 'UNKNOWN_ERROR'}: ${error.message ?? 'no message'}`)
    .join('; ');
  return { outcome: 'Failed', detail: detail || 'Salesforce did not send the email and gave no reason' };
}

function parse(body: string): unknown {
  try {
    return body ? (JSON.parse(body) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

interface Pending {
  position: number;
  input: EmailInput;
}

/** Sends one request of inputs; answers a Delivery for each. */
async function sendBatch(http: OrgHttp, batch: readonly Pending[]): Promise<Delivery[]> {
  let response;
  try {
    response = await http.send({
      method: 'POST',
      path: PATH,
      body: JSON.stringify({ inputs: batch.map((pending) => pending.input) }),
      idempotent: false,
    });
  } catch (error) {
    if (!(error instanceof OutcomeUnknownError)) throw error;
    // The key sentence first: Delivery_Detail__c keeps 255 characters.
    const detail =
      'The answer was lost: the email may have been sent and is not sent again; check the notice ' +
      `record’s email activity. ${error.message}`;
    return batch.map(() => ({ outcome: 'Unconfirmed', detail }));
  }
  const parsed = parse(response.body);
  // Results are read whatever the status: an answer with one result per input says what happened
  // to each (the status of a request whose inputs all failed is not documented).
  if (isActionResults(parsed, batch.length)) {
    return parsed.map((result, index) => deliveryOf(result, (batch[index] as Pending).input));
  }
  if (response.status >= 400) {
    // Refused as a whole (bad request, no permission to send email): nothing was sent.
    const error = OrgApiError.fromResponse(response.status, response.body);
    return batch.map(() => ({ outcome: 'Failed', detail: `${error.errorCode}: ${error.message}` }));
  }
  const detail =
    `Salesforce accepted the request (HTTP ${response.status}) but its answer has no result per email; ` +
    'the emails may have been sent: check the notice records’ email activity.';
  return batch.map(() => ({ outcome: 'Unconfirmed', detail }));
}

/**
 * Sends the notices, EMAIL_INPUT_LIMIT (or `batchSize`) to a request; one Delivery per item, in
 * order. A notice without a recipient, or without the record to log it on, fails without a call.
 */
export async function sendNoticeEmails(
  http: OrgHttp,
  items: readonly OutgoingNotice[],
  options: EmailOptions = {},
): Promise<Delivery[]> {
  const deliveries: Array<Delivery | undefined> = items.map(() => undefined);
  const pending: Pending[] = [];
  items.forEach((item, position) => {
    const recipient = item.notice.recipient?.trim();
    if (!recipient) {
      deliveries[position] = { outcome: 'Failed', detail: 'no billing email or contact on the account' };
    } else if (!item.recordId) {
      deliveries[position] = {
        outcome: 'Failed',
        detail: 'not sent: the notice has no record in the org to log the email on',
      };
    } else pending.push({ position, input: inputFor(item, recipient, item.recordId, options.sender) });
  });
  const size = Math.max(1, Math.min(options.batchSize ?? EMAIL_INPUT_LIMIT, EMAIL_INPUT_LIMIT));
  for (let start = 0; start < pending.length; start += size) {
    const batch = pending.slice(start, start + size);
    let results: Delivery[];
    try {
      results = await sendBatch(http, batch);
    } catch (error) {
      throw withSentSoFar(error, deliveries, items.length);
    }
    batch.forEach((entry, index) => {
      deliveries[entry.position] = results[index];
    });
  }
  return deliveries.map(
    (delivery) => delivery ?? { outcome: 'Unconfirmed', detail: 'no answer was recorded for this email' },
  );
}

/**
 * A stop (the daily API limit, an expired session, the org unavailable) raised after some emails
 * went out: the message says how many, as their outcomes cannot be returned.
 */
function withSentSoFar(error: unknown, deliveries: ReadonlyArray<Delivery | undefined>, total: number): unknown {
  const accepted = deliveries.filter((delivery) => delivery?.outcome === 'Accepted').length;
  const unconfirmed = deliveries.filter((delivery) => delivery?.outcome === 'Unconfirmed').length;
  if (!(error instanceof CollectionsError) || accepted + unconfirmed === 0) return error;
  const sent =
    ` Before the stop, Salesforce had accepted ${accepted} of ${total} emails` +
    (unconfirmed > 0 ? ` and ${unconfirmed} more may have been sent` : '') +
    '; each email sent is logged on its notice record. Notices already written as Planned are not ' +
    'sent again automatically: check them before sending by hand.';
  return new CollectionsError(error.code, `${error.message}${sent}`, error.actions, error.exitCode);
}
