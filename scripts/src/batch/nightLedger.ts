/**
 * The portfolio as a night holds it: the tables that grow with the ledger (invoices, payments,
 * payment applications) and with the nights (notices) as columns, everything else as objects
 * grouped by customer, and a Portfolio built for a few customers at a time (slice) when the engine
 * decides them.
 *
 * Why: a million invoices with their payments as objects are about 450 MiB of live heap, and V8
 * lets the heap grow well past what is live before it collects, so a night that held them all
 * peaked above 1 GiB. As columns they are about 60 MiB of heap and 150 MiB of buffers, and the
 * engine still sees ordinary Invoice objects, those of one shard of customers at a time.
 *
 * A slice holds everything the engine reads about its customers: their accounts, invoices,
 * payments, disputes, promises, plans, cases and notices, every payment application that touches
 * them (through the invoice or through the payment: a payment of one customer may be applied to
 * an invoice of another), and every exchange rate. Records keep their file order within a
 * customer, as in the whole portfolio, so each customer is decided exactly as from the whole
 * (test/batch/nightLedger.test.ts holds the two equal).
 */
import type { Day } from '../domain/calendar';
import type {
  Account,
  CollectionCase,
  Dispute,
  DocumentType,
  ExchangeRate,
  Invoice,
  NoticeRecord,
  Payment,
  PaymentApplication,
  PaymentPlan,
  Portfolio,
  PromiseToPay,
} from '../domain/portfolio';
import { readPortfolio } from '../records/portfolioFromRecords';
import type { CollectionsStore } from '../store/store';
import { IntColumn, MinorColumn, RowGroups, StringTable, TextColumn } from './growableColumns';

/** Objects of one kind per customer, in the order read. */
class ByCustomer<T extends { customerNumber: string }> {
  readonly all = new Map<string, T[]>();

  add(item: T): void {
    const list = this.all.get(item.customerNumber);
    if (list) list.push(item);
    else this.all.set(item.customerNumber, [item]);
  }

  of(customers: readonly string[]): T[] {
    const picked: T[] = [];
    for (const customer of customers) for (const item of this.all.get(customer) ?? []) picked.push(item);
    return picked;
  }
}

class InvoiceColumns {
  readonly number = new TextColumn();
  readonly customer = new IntColumn();
  readonly documentType = new IntColumn();
  readonly currency = new IntColumn();
  readonly invoiceDate = new IntColumn();
  readonly dueDate = new IntColumn();
  readonly amount = new MinorColumn();
  readonly poNumber = new TextColumn();
  readonly documentUrl = new TextColumn();
  readonly paymentPlanId = new TextColumn();
  readonly recorded = new TextColumn();
  readonly byCustomer = new RowGroups();
}

class PaymentColumns {
  readonly reference = new TextColumn();
  readonly customer = new IntColumn();
  readonly currency = new IntColumn();
  readonly receivedDate = new IntColumn();
  readonly amount = new MinorColumn();
  readonly byCustomer = new RowGroups();
}

class ApplicationColumns {
  readonly paymentReference = new TextColumn();
  readonly invoiceNumber = new TextColumn();
  readonly currency = new IntColumn();
  readonly appliedDate = new IntColumn();
  readonly amount = new MinorColumn();
  /** by the customer of the payment */
  readonly byCustomer = new RowGroups();
  /** the application read before this one for the same invoice number, or -1 */
  readonly sameInvoice = new IntColumn();
}

/**
 * The notices already recorded: they grow night after night (a case's every step, for every
 * customer), so they are columns too. Picklist values, steps, levels and sent dates are codes in
 * the ledger's table of short strings; NONE marks a blank.
 */
class NoticeColumns {
  readonly key = new TextColumn();
  readonly customer = new IntColumn();
  readonly currency = new IntColumn();
  readonly action = new IntColumn();
  readonly step = new IntColumn();
  readonly level = new IntColumn();
  readonly caseKey = new TextColumn();
  readonly asOf = new IntColumn();
  readonly status = new IntColumn();
  readonly sentDate = new IntColumn();
  /** the invoice numbers covered, one per line, as the record holds them */
  readonly invoiceNumbers = new TextColumn();
  readonly byCustomer = new RowGroups();
}

const NONE = -1;

export class NightLedger {
  private readonly customers = new StringTable();
  private readonly codes = new StringTable();
  private readonly accounts = new ByCustomer<Account>();
  private readonly invoices = new InvoiceColumns();
  private readonly payments = new PaymentColumns();
  private readonly applications = new ApplicationColumns();
  private readonly disputes = new ByCustomer<Dispute>();
  private readonly promises = new ByCustomer<PromiseToPay>();
  private readonly plans = new ByCustomer<PaymentPlan>();
  private readonly cases = new ByCustomer<CollectionCase>();
  private readonly notices = new NoticeColumns();
  private readonly rates: ExchangeRate[] = [];
  /**
   * The last application read for each invoice number; each application leads to the one read
   * before it for the same number (ApplicationColumns.sameInvoice). A few hundred thousand
   * entries for a million invoices: only invoices with payments applied are here.
   */
  private readonly applicationsByInvoice = new Map<string, number>();
  /** The row of each application last put in a slice, so that a slice holds it once. */
  private applicationSliced: Int32Array = new Int32Array(0);
  private slices = 0;

  private constructor() {}

  /** Reads the store (strictly, as portfolioFromStore does) into a night ledger. */
  static async load(store: CollectionsStore, corporateCurrency: string): Promise<NightLedger> {
    const ledger = new NightLedger();
    // Who an application touches: the customer of its payment and the customer of its invoice.
    // An application names neither. The payments are read before the applications, so the
    // payment's customer is known as each is read; the invoice's customer is found when a slice
    // holds the invoice (applicationsOf), by invoice number.
    const customerOfPayment = new Map<string, number>();
    const { invoices, payments, applications } = ledger;
    await readPortfolio(store, corporateCurrency, {
      account: (account) => ledger.accounts.add(account),
      invoice: (invoice) => {
        const row = invoices.number.length;
        const customer = ledger.customers.indexOf(invoice.customerNumber);
        invoices.number.push(invoice.invoiceNumber);
        invoices.customer.push(customer);
        invoices.documentType.push(ledger.codes.indexOf(invoice.documentType));
        invoices.currency.push(ledger.codes.indexOf(invoice.currency));
        invoices.invoiceDate.push(invoice.invoiceDate);
        invoices.dueDate.push(invoice.dueDate);
        invoices.amount.push(invoice.amount.minor);
        invoices.poNumber.push(invoice.poNumber);
        invoices.documentUrl.push(invoice.documentUrl);
        invoices.paymentPlanId.push(invoice.paymentPlanId);
        invoices.recorded.push(invoice.recorded ?? null);
        invoices.byCustomer.add(customer, row);
      },
      payment: (payment) => {
        const row = payments.reference.length;
        const customer = ledger.customers.indexOf(payment.customerNumber);
        payments.reference.push(payment.paymentReference);
        payments.customer.push(customer);
        payments.currency.push(ledger.codes.indexOf(payment.currency));
        payments.receivedDate.push(payment.receivedDate);
        payments.amount.push(payment.amount.minor);
        payments.byCustomer.add(customer, row);
        customerOfPayment.set(payment.paymentReference, customer);
      },
      application: (application) => {
        const row = applications.invoiceNumber.length;
        applications.paymentReference.push(application.paymentReference);
        applications.invoiceNumber.push(application.invoiceNumber);
        applications.currency.push(ledger.codes.indexOf(application.amount.currency));
        applications.appliedDate.push(application.appliedDate);
        applications.amount.push(application.amount.minor);
        const ofPayment = customerOfPayment.get(application.paymentReference);
        if (ofPayment !== undefined) applications.byCustomer.add(ofPayment, row);
        const earlier = ledger.applicationsByInvoice.get(application.invoiceNumber);
        applications.sameInvoice.push(earlier ?? -1);
        ledger.applicationsByInvoice.set(application.invoiceNumber, row);
      },
      dispute: (dispute) => ledger.disputes.add(dispute),
      promise: (promise) => ledger.promises.add(promise),
      plan: (plan) => ledger.plans.add(plan),
      collectionCase: (collectionCase) => ledger.cases.add(collectionCase),
      notice: (notice) => ledger.addNotice(notice),
      rate: (rate) => ledger.rates.push(rate),
    });
    // Customers known only from accounts get an index too, so every account has its groups.
    for (const customer of ledger.accounts.all.keys()) ledger.customers.indexOf(customer);
    invoices.byCustomer.build(ledger.customers.size);
    ledger.notices.byCustomer.build(ledger.customers.size);
    payments.byCustomer.build(ledger.customers.size);
    applications.byCustomer.build(ledger.customers.size);
    ledger.applicationSliced = new Int32Array(applications.invoiceNumber.length).fill(-1);
    return ledger;
  }

  /** The customers with an account, in the order the engine decides them (planDay's order). */
  accountCustomers(): string[] {
    return [...this.accounts.all.keys()].sort((a, b) => a.localeCompare(b));
  }

  /** Everything the engine reads about these customers (see the top of this file). */
  slice(customers: readonly string[]): Portfolio {
    const sliceNumber = this.slices++;
    const invoices: Invoice[] = [];
    const payments: Payment[] = [];
    const notices: NoticeRecord[] = [];
    const applicationRows: number[] = [];
    const take = (row: number): void => {
      if (this.applicationSliced[row] === sliceNumber) return;
      this.applicationSliced[row] = sliceNumber;
      applicationRows.push(row);
    };
    for (const customerNumber of customers) {
      const customer = this.customers.indexOf(customerNumber);
      this.invoices.byCustomer.forEach(customer, (row) => {
        const invoice = this.invoiceAt(row);
        invoices.push(invoice);
        // Every invoice carrying the number, as in the whole portfolio (applications are found by number).
        for (
          let application = this.applicationsByInvoice.get(invoice.invoiceNumber) ?? -1;
          application >= 0;
          application = this.applications.sameInvoice.at(application)
        )
          take(application);
      });
      this.payments.byCustomer.forEach(customer, (row) => payments.push(this.paymentAt(row)));
      this.applications.byCustomer.forEach(customer, take);
      this.notices.byCustomer.forEach(customer, (row) => notices.push(this.noticeAt(row)));
    }
    // File order, as in the whole portfolio: the engine sorts applications by date, stably.
    applicationRows.sort((a, b) => a - b);
    return {
      accounts: this.accounts.of(customers),
      invoices,
      payments,
      applications: applicationRows.map((row) => this.applicationAt(row)),
      disputes: this.disputes.of(customers),
      promises: this.promises.of(customers),
      plans: this.plans.of(customers),
      notices,
      cases: this.cases.of(customers),
      rates: this.rates,
    };
  }

  /** Each customer's name, for the notices' texts. */
  customerNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const accounts of this.accounts.all.values())
      for (const account of accounts) names.set(account.customerNumber, account.name);
    return names;
  }

  /** Every notice record read, in no particular order across customers. */
  *allNotices(): Generator<NoticeRecord> {
    for (let row = 0; row < this.notices.key.length; row++) yield this.noticeAt(row);
  }

  private addNotice(notice: NoticeRecord): void {
    const { notices, codes } = this;
    const row = notices.key.length;
    const customer = this.customers.indexOf(notice.customerNumber);
    notices.key.push(notice.key);
    notices.customer.push(customer);
    notices.currency.push(codes.indexOf(notice.currency));
    notices.action.push(codes.indexOf(notice.action));
    notices.step.push(notice.step === null ? NONE : codes.indexOf(notice.step));
    // A level is a small whole number; as a code it reads back exactly whatever it is.
    notices.level.push(notice.level === null ? NONE : codes.indexOf(String(notice.level)));
    notices.caseKey.push(notice.caseKey);
    notices.asOf.push(notice.asOf);
    notices.status.push(codes.indexOf(notice.status));
    notices.sentDate.push(notice.sentDate === null ? NONE : codes.indexOf(String(notice.sentDate)));
    // Invoice numbers never hold a line break: the record keeps them one per line.
    notices.invoiceNumbers.push(notice.invoiceNumbers.join('\n'));
    notices.byCustomer.add(customer, row);
  }

  private noticeAt(row: number): NoticeRecord {
    const { notices, codes } = this;
    const code = (column: IntColumn): string | null => {
      const index = column.at(row);
      return index === NONE ? null : codes.valueAt(index);
    };
    const level = code(notices.level);
    const sentDate = code(notices.sentDate);
    const invoiceNumbers = notices.invoiceNumbers.at(row) ?? '';
    return {
      key: notices.key.at(row) as string,
      customerNumber: this.customers.valueAt(notices.customer.at(row)),
      currency: codes.valueAt(notices.currency.at(row)),
      action: codes.valueAt(notices.action.at(row)) as NoticeRecord['action'],
      step: code(notices.step),
      level: level === null ? null : Number(level),
      caseKey: notices.caseKey.at(row),
      asOf: notices.asOf.at(row),
      status: codes.valueAt(notices.status.at(row)) as NoticeRecord['status'],
      sentDate: sentDate === null ? null : Number(sentDate),
      invoiceNumbers: invoiceNumbers === '' ? [] : invoiceNumbers.split('\n'),
    };
  }

  private invoiceAt(row: number): Invoice {
    const { invoices } = this;
    const currency = this.codes.valueAt(invoices.currency.at(row));
    return {
      invoiceNumber: invoices.number.at(row) as string,
      customerNumber: this.customers.valueAt(invoices.customer.at(row)),
      documentType: this.codes.valueAt(invoices.documentType.at(row)) as DocumentType,
      currency,
      invoiceDate: invoices.invoiceDate.at(row) as Day,
      dueDate: invoices.dueDate.at(row) as Day,
      amount: { currency, minor: invoices.amount.at(row) },
      poNumber: invoices.poNumber.at(row),
      documentUrl: invoices.documentUrl.at(row),
      paymentPlanId: invoices.paymentPlanId.at(row),
      recorded: invoices.recorded.at(row) ?? undefined,
    };
  }

  private paymentAt(row: number): Payment {
    const { payments } = this;
    const currency = this.codes.valueAt(payments.currency.at(row));
    return {
      paymentReference: payments.reference.at(row) as string,
      customerNumber: this.customers.valueAt(payments.customer.at(row)),
      currency,
      receivedDate: payments.receivedDate.at(row),
      amount: { currency, minor: payments.amount.at(row) },
    };
  }

  private applicationAt(row: number): PaymentApplication {
    const { applications } = this;
    return {
      paymentReference: applications.paymentReference.at(row) as string,
      invoiceNumber: applications.invoiceNumber.at(row) as string,
      appliedDate: applications.appliedDate.at(row),
      amount: { currency: this.codes.valueAt(applications.currency.at(row)), minor: applications.amount.at(row) },
    };
  }
}
