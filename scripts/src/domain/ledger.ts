/**
 * Balances rebuilt from the dated payment applications: the open balance of any invoice on any
 * day is its amount less what was applied to it on or before that day. Nothing here trusts a
 * stored balance, so aging as of a past date is exact.
 */
import type { Day } from './calendar';
import { Money } from './money';
import type { Invoice, PaymentApplication } from './portfolio';

export type ApplicationsByInvoice = ReadonlyMap<string, readonly PaymentApplication[]>;

/** Groups applications by invoice, each list sorted by applied date (one pass plus the sorts). */
export function indexApplications(applications: readonly PaymentApplication[]): Map<string, PaymentApplication[]> {
  const byInvoice = new Map<string, PaymentApplication[]>();
  for (const application of applications) {
    const list = byInvoice.get(application.invoiceNumber);
    if (list) list.push(application);
    else byInvoice.set(application.invoiceNumber, [application]);
  }
  for (const list of byInvoice.values()) {
    if (list.length > 1) list.sort((a, b) => a.appliedDate - b.appliedDate);
  }
  return byInvoice;
}

/** The amount applied to the invoice on or before `day`, in minor units of the invoice currency. */
export function appliedMinorAsOf(
  invoice: Invoice,
  applications: readonly PaymentApplication[] | undefined,
  day: Day,
): bigint {
  let applied = 0n;
  if (!applications) return applied;
  for (const application of applications) {
    if (application.appliedDate > day) break;
    if (application.amount.currency !== invoice.currency) {
      throw new Error(
        `${application.paymentReference} applies ${application.amount.currency} to ${invoice.invoiceNumber} in ${invoice.currency}`,
      );
    }
    applied += application.amount.minor;
  }
  return applied;
}

/** The open balance at the end of `day`; zero before the invoice date (it did not exist yet). */
export function balanceAsOf(
  invoice: Invoice,
  applications: readonly PaymentApplication[] | undefined,
  day: Day,
): Money {
  if (invoice.invoiceDate > day) return { currency: invoice.currency, minor: 0n };
  return { currency: invoice.currency, minor: invoice.amount.minor - appliedMinorAsOf(invoice, applications, day) };
}

/** Open at `day`: issued on or before it, with a balance above zero after the payments applied by then. */
export function isOpenAsOf(
  invoice: Invoice,
  applications: readonly PaymentApplication[] | undefined,
  day: Day,
): boolean {
  return invoice.invoiceDate <= day && balanceAsOf(invoice, applications, day).minor > 0n;
}

/** Days past due at the end of `day`: zero or negative means not yet due. */
export function daysPastDue(invoice: Invoice, day: Day): number {
  return day - invoice.dueDate;
}
