/**
 * The collector's journeys on an Account page, in Chromium, with the real components: what the
 * collector clicks and types, what the page then shows, and exactly what the components asked
 * the org to write (window.__writes). Expectations are computed from the demo's data
 * (preview/.build/org.json) and force-app's labels, not copied from the screen.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readLabels } from '../build/metadata.mjs';
import { ROOT, screenshot, settle, startPreview, toastsOf, writesOf } from './harness.mjs';

const LABELS = readLabels(join(ROOT, 'force-app/main/default'), []).en;
const fill = (template, ...values) => template.replace(/\{(\d+)\}/g, (match, index) => String(values[index] ?? match));

let preview;
let data;
let account;
let theCase;
/** The account's overdue invoices that are not disputed, in the table's order (due date, then number). */
let overdue;

const recordsOf = (apiName) => data.records[apiName];
const minor = (amount) => BigInt(Math.round(Number(amount) * 100));
const decimal = (units) => `${units / 100n}.${String(units % 100n).padStart(2, '0')}`;
const addDays = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
/** A date as the English date input takes it ("Nov 30, 2026"). */
const typedDate = (day) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

before(async () => {
  preview = await startPreview();
  data = preview.data;
  account = recordsOf('Account').find((record) => record.Id === data.accountId);
  theCase = recordsOf('Collection_Case__c').find((record) => record.Id === data.caseId);
  overdue = recordsOf('Invoice__c')
    .filter(
      (invoice) =>
        invoice.Account__c === account.Id &&
        invoice.Open_Balance__c > 0 &&
        invoice.Due_Date__c < data.today &&
        !invoice.Disputed_Amount__c,
    )
    .sort(
      (a, b) => a.Due_Date__c.localeCompare(b.Due_Date__c) || a.Invoice_Number__c.localeCompare(b.Invoice_Number__c),
    );
  assert.ok(overdue.length >= 3, 'the focus account needs three overdue invoices for these journeys');
});

after(async () => {
  await preview?.close();
});

async function openAccount() {
  return preview.open(`#/account/${account.Id}`);
}

async function select(page, invoices) {
  for (const invoice of invoices) {
    await page.locator(`tr[data-row-key-value="${invoice.Id}"] lightning-primitive-cell-checkbox label`).click();
  }
  await assert.equalTextIn(
    page,
    '[data-id="selected-count"]',
    fill(LABELS.Collections_Invoices_Selected, invoices.length),
  );
}

async function choose(page, dataId, value) {
  await page.locator(`[data-id="${dataId}"] [role="combobox"]`).first().click();
  await page.locator(`[data-id="${dataId}"] lightning-base-combobox-item[data-value="${value}"]`).click();
}

async function typeDate(page, dataId, day) {
  const input = page.locator(`[data-id="${dataId}"] input`);
  await input.fill(typedDate(day));
  await input.press('Tab');
}

assert.equalTextIn = async (page, selector, expected) => {
  const locator = page.locator(selector).first();
  await locator.waitFor();
  assert.equal((await locator.textContent()).trim(), expected);
};

function assertNoProblems(page) {
  assert.deepEqual(
    page.problems.filter((problem) => !problem.includes('favicon')),
    [],
  );
}

const total = (invoices) => invoices.reduce((sum, invoice) => sum + minor(invoice.Open_Balance__c), 0n);

describe('a collector on an Account page', () => {
  test('selects overdue invoices and sends a reminder; a second one is refused as already done today', async () => {
    const page = await openAccount();
    const chosen = overdue.slice(0, 2);
    await select(page, chosen);
    await page.locator('[data-id="send-reminder"] button').click();
    await page.locator('[data-id="preview"]').waitFor();
    await assert.equalTextIn(page, '[data-id="recipient"]', account.Billing_Email__c);
    // The case's next step is a reminder: the console sends the next level, under the batch's key.
    assert.equal(theCase.Next_Action__c, 'Reminder');
    const level = theCase.Dunning_Level__c + 1;
    await assert.equalTextIn(page, '[data-id="kind"]', fill(LABELS.Collections_Actions_Reminder_Kind_Level, level));
    await screenshot(page, page.locator('[data-preview="invoices"]'), 'send-reminder-en');

    await page.locator('[data-id="send"] button').click();
    await page.locator('[data-id="toast"]').waitFor();
    const [notice] = await writesOf(page);
    const amount = decimal(total(chosen));
    assert.equal(notice.operation, 'create');
    assert.equal(notice.apiName, 'Dunning_Notice__c');
    assert.ok(notice.recordId, 'the org created the notice');
    const { Reason__c: reason, ...fields } = notice.fields;
    assert.deepEqual(fields, {
      Idempotency_Key__c: `${theCase.Case_Key__c}|Reminder_${level}`,
      Account__c: account.Id,
      CurrencyIsoCode: theCase.CurrencyIsoCode,
      Action__c: 'Reminder',
      Channel__c: 'Email',
      As_Of_Date__c: data.today,
      Recipient_Email__c: account.Billing_Email__c,
      Language__c: account.Preferred_Language__c,
      Invoice_Count__c: 2,
      Invoices_Covered__c: chosen.map((invoice) => invoice.Name).join('\n'),
      Overdue_Amount__c: amount,
      Net_Amount_Due__c: amount,
      Requested_In_Console__c: true,
      Policy_Step__c: `Reminder_${level}`,
      Level__c: level,
      Collection_Case__c: theCase.Id,
    });
    assert.match(reason, /\S/);
    const [toast] = await toastsOf(page);
    assert.equal(toast.variant, 'success');
    assert.equal(toast.message, fill(LABELS.Collections_Actions_Reminder_Done_Message, account.Billing_Email__c));
    await page.locator('[data-id="action-panel"]').waitFor({ state: 'detached' });

    // Pressing it again the same day: the org refuses the repeated key; the collector reads why.
    await settle(page);
    await select(page, chosen);
    await page.locator('[data-id="send-reminder"] button').click();
    await page.locator('[data-id="send"] button:not([disabled])').click();
    await assert.equalTextIn(page, '[data-id="reminder"] [data-id="error"]', LABELS.Collections_Error_Duplicate);
    const writes = await writesOf(page);
    assert.equal(writes.length, 2);
    assert.equal(writes[1].error, 'DUPLICATE_VALUE');
    assert.equal(writes[1].fields.Idempotency_Key__c, notice.fields.Idempotency_Key__c);
    assertNoProblems(page);
    await page.closeAll();
  });

  test('logs a call with a promise to pay, and the table then shows the promise', async () => {
    const page = await openAccount();
    const chosen = overdue.slice(0, 2);
    const promised = addDays(data.today, 7);
    const amount = decimal(total(chosen) / 2n);
    await select(page, chosen);
    await page.locator('[data-id="log-call"] button').click();
    await choose(page, 'outcome', 'Promise_To_Pay');
    await page
      .locator('[data-id="notes"] textarea')
      .fill('Spoke to accounts payable; half now, the rest with the next run.');
    assert.equal(await page.locator('[data-id="wants-promise"] input').isChecked(), true);
    await page.locator('[data-id="amount"] input').fill(amount);
    await typeDate(page, 'promised-date', promised);
    await screenshot(page, page.locator('[data-preview="invoices"]'), 'log-call-en');
    await page.locator('[data-id="save"] button').click();
    await page.locator('[data-id="toast"]').waitFor();

    const writes = await writesOf(page);
    assert.deepEqual(
      writes.map((write) => [write.operation, write.apiName, write.error ?? 'ok']),
      [
        ['create', 'Task', 'ok'],
        ['create', 'Promise_To_Pay__c', 'ok'],
      ],
    );
    assert.deepEqual(writes[0].fields, {
      Subject: fill(LABELS.Collections_Actions_Call_Subject, LABELS.Collections_Actions_Call_Outcome_Promise),
      Type: 'Call',
      TaskSubtype: 'Call',
      Status: 'Completed',
      ActivityDate: data.today,
      WhatId: theCase.Id,
      CallDisposition: 'Promise_To_Pay',
      Description: `Spoke to accounts payable; half now, the rest with the next run.\n\n${fill(
        LABELS.Collections_Actions_Call_Invoices_Line,
        chosen.map((invoice) => invoice.Name).join(', '),
      )}`,
    });
    assert.deepEqual(writes[1].fields, {
      Account__c: account.Id,
      CurrencyIsoCode: theCase.CurrencyIsoCode,
      Amount__c: amount,
      Promised_Date__c: promised,
      Logged_Date__c: data.today,
      Status__c: 'Open',
      Collection_Case__c: theCase.Id,
      Notes__c: 'Spoke to accounts payable; half now, the rest with the next run.',
    });
    const [toast] = await toastsOf(page);
    assert.equal(toast.message, LABELS.Collections_Actions_Call_Done_With_Promise);
    // The table reads the invoices again: every invoice of the currency now shows the open promise.
    const marker = fill(LABELS.Collections_Invoices_Promise_Marker, typedDate(promised));
    const promiseCell = page.locator(
      `tr[data-row-key-value="${chosen[0].Id}"] td[data-label="${LABELS.Collections_Invoices_Col_Promise}"]`,
    );
    await promiseCell.filter({ hasText: marker }).waitFor();
    assertNoProblems(page);
    await page.closeAll();
  });

  test('raises a dispute over an invoice, routed to a team with a target date', async () => {
    const page = await openAccount();
    const [invoice] = overdue;
    const disputed = decimal(minor(invoice.Open_Balance__c) / 2n);
    await select(page, [invoice]);
    await page.locator('[data-id="raise-dispute"] button').click();
    const amountInput = page.locator('[data-id="line-amount"] input');
    assert.equal(await amountInput.inputValue(), String(invoice.Open_Balance__c.toFixed(2)));
    await amountInput.fill(disputed);
    await choose(page, 'reason', 'Pricing');
    await choose(page, 'team', 'Billing');
    // Billing's default target: five days from today (collectionsRaiseDispute/disputeRecords.js).
    const target = addDays(data.today, 5);
    assert.equal(await page.locator('[data-id="target"] input').inputValue(), typedDate(target));
    await page
      .locator('[data-id="description"] textarea')
      .fill('Price list of October applied instead of the contract price.');
    await screenshot(page, page.locator('[data-preview="invoices"]'), 'raise-dispute-en');
    await page.locator('[data-id="save"] button').click();
    await page.locator('[data-id="toast"]').waitFor();

    const writes = await writesOf(page);
    assert.deepEqual(
      writes.map((write) => [write.operation, write.apiName, write.error ?? 'ok']),
      [
        ['create', 'Dispute__c', 'ok'],
        ['create', 'Dispute_Invoice__c', 'ok'],
      ],
    );
    assert.deepEqual(writes[0].fields, {
      Account__c: account.Id,
      CurrencyIsoCode: invoice.CurrencyIsoCode,
      Reason_Code__c: 'Pricing',
      Routed_Team__c: 'Billing',
      Status__c: 'Open',
      Opened_Date__c: data.today,
      Target_Resolution_Date__c: target,
      Collection_Case__c: theCase.Id,
      Description__c: 'Price list of October applied instead of the contract price.',
    });
    assert.deepEqual(writes[1].fields, {
      Dispute__c: writes[0].recordId,
      Invoice__c: invoice.Id,
      Disputed_Amount__c: disputed,
    });
    const [toast] = await toastsOf(page);
    assert.equal(toast.message, fill(LABELS.Collections_Actions_Dispute_Done_Message, 1));
    await page.locator('[data-id="action-panel"]').waitFor({ state: 'detached' });
    assertNoProblems(page);
    await page.closeAll();
  });

  test('builds a payment plan, saves it as a Draft and submits it for approval', async () => {
    const page = await openAccount();
    const chosen = overdue.slice(0, 3);
    const covered = total(chosen);
    await select(page, chosen);
    await page.locator('[data-id="propose-plan"] button').click();
    // Defaults: three equal monthly installments from today; the schedule adds up to the selection.
    await page.locator('[data-id="schedule"]').waitFor();
    assert.equal(await page.locator('[data-id="row"]').count(), 3);
    await page.locator('[data-id="reason"] textarea').fill('Seasonal cash shortfall; customer asked for three months.');
    await page.locator('[data-id="plan"] [data-id="save"] button').click();
    await page.locator('[data-id="saved"]').waitFor();

    let writes = await writesOf(page);
    assert.deepEqual(
      writes.map((write) => [write.operation, write.apiName, write.error ?? 'ok']),
      [
        ['create', 'Payment_Plan__c', 'ok'],
        ['create', 'Payment_Plan_Installment__c', 'ok'],
        ['create', 'Payment_Plan_Installment__c', 'ok'],
        ['create', 'Payment_Plan_Installment__c', 'ok'],
        ['update', 'Invoice__c', 'ok'],
        ['update', 'Invoice__c', 'ok'],
        ['update', 'Invoice__c', 'ok'],
      ],
    );
    const planId = writes[0].recordId;
    assert.deepEqual(writes[0].fields, {
      Account__c: account.Id,
      CurrencyIsoCode: theCase.CurrencyIsoCode,
      Total_Amount__c: decimal(covered),
      Frequency__c: 'Monthly',
      First_Installment_Date__c: data.today,
      Number_Of_Installments__c: 3,
      Reason__c: 'Seasonal cash shortfall; customer asked for three months.',
      Status__c: 'Draft',
      Collection_Case__c: theCase.Id,
    });
    const share = covered / 3n;
    const installments = writes.slice(1, 4).map((write) => write.fields);
    assert.deepEqual(
      installments.map((fields) => [fields.Payment_Plan__c, fields.Installment_Number__c, fields.Amount__c]),
      [
        [planId, 1, decimal(share)],
        [planId, 2, decimal(share)],
        [planId, 3, decimal(covered - 2n * share)],
      ],
    );
    assert.deepEqual(
      installments.map((fields) => fields.Due_Date__c),
      [0, 1, 2].map((months) => {
        const date = new Date(`${data.today}T00:00:00Z`);
        date.setUTCMonth(date.getUTCMonth() + months);
        return date.toISOString().slice(0, 10);
      }),
    );
    assert.deepEqual(
      writes.slice(4).map((write) => write.fields),
      chosen.map((invoice) => ({ Id: invoice.Id, Payment_Plan__c: planId })),
    );

    // The org's before-save flow priced it against the approval matrix; the collector submits it.
    const rate = data.rates.find((entry) => entry.isoCode === theCase.CurrencyIsoCode)?.rate ?? 1;
    const corporate = Number(decimal(covered)) / rate;
    const level = data.approvalMatrix.find(
      (row) => row.maxCorporateAmount === null || corporate <= row.maxCorporateAmount,
    );
    const levelLabel = data.objects.Payment_Plan__c.fields.Required_Approval_Level__c.picklistValues.find(
      (entry) => entry.value === level.level,
    ).label;
    await assert.equalTextIn(page, '[data-id="level"]', levelLabel);
    await screenshot(page, page.locator('[data-preview="invoices"]'), 'payment-plan-approval-en');
    await page.locator('[data-id="submit"] button').click();
    await page.locator('[data-id="toast"]').waitFor();
    writes = await writesOf(page);
    assert.deepEqual(writes.at(-1), {
      operation: 'update',
      apiName: 'Payment_Plan__c',
      fields: { Id: planId, Status__c: 'Pending_Approval' },
      recordId: planId,
    });
    const [toast] = await toastsOf(page);
    assert.equal(toast.variant, 'success');
    assertNoProblems(page);
    await page.closeAll();
  });
});
