/**
 * The statement of account, checked by hand against the ledger of fixture.ts: open items with days
 * past due and aging, the credit memo, the payments of the period and what they paid, one section
 * per currency; then the HTML and CSV in French, Dutch and English, escaped and spreadsheet-safe.
 */
import { parseCsv } from '../../src/records/csv';
import { formatDay, parseDay } from '../../src/domain/calendar';
import { formatMoney } from '../../src/domain/money';
import { statementFor, statementJson, UnknownCustomerError } from '../../src/statement/statement';
import { renderStatementCsv, renderStatementHtml } from '../../src/statement/renderStatement';
import { STATEMENT_LANGUAGES, statementTexts } from '../../src/statement/statementTexts';
import { AS_OF, CUSTOMER, FROM, statementPortfolio } from './fixture';

const money = (value: { minor: bigint; currency: string }): string => `${value.currency} ${formatMoney(value)}`;

describe('statementFor', () => {
  const statement = statementFor(statementPortfolio(), CUSTOMER, AS_OF, FROM);

  test('one section per currency, never a mixed total', () => {
    expect(statement.sections.map((section) => section.currency)).toEqual(['EUR', 'USD']);
    for (const section of statement.sections) {
      for (const value of [
        section.totalOpen,
        section.totalCredits,
        section.balance,
        ...section.aging.map((a) => a.amount),
      ])
        expect(value.currency).toBe(section.currency);
    }
    expect(statement.language).toBe('fr');
    expect(formatDay(statement.from)).toBe('2026-09-01');
  });

  test('EUR: open items with days past due and bucket, the credit memo, totals by hand', () => {
    const eur = statement.sections[0];
    if (!eur) throw new Error('no EUR section');
    expect(
      eur.openItems.map((item) => [
        item.invoiceNumber,
        formatMoney(item.openBalance),
        formatMoney(item.amount),
        item.daysPastDue,
        item.bucket,
      ]),
    ).toEqual([
      ['INV-E1', '600.00', '1000.00', 122, '90+'],
      ['INV-E2', '1500.00', '2500.00', 46, '31-60'],
      ['INV-E3', '300.00', '300.00', 0, 'current'],
    ]);
    expect(
      eur.credits.map((credit) => [credit.invoiceNumber, credit.documentType, formatMoney(credit.openBalance)]),
    ).toEqual([['CM-E1', 'Credit_Memo', '-200.00']]);
    expect(eur.aging.map((total) => [total.bucket, formatMoney(total.amount)])).toEqual([
      ['current', '300.00'],
      ['1-30', '0.00'],
      ['31-60', '1500.00'],
      ['61-90', '0.00'],
      ['90+', '600.00'],
    ]);
    expect(money(eur.totalOpen)).toBe('EUR 2400.00');
    expect(money(eur.totalOverdue)).toBe('EUR 2100.00');
    expect(money(eur.totalCredits)).toBe('EUR -200.00');
    expect(money(eur.unappliedCash)).toBe('EUR 500.00');
    // 2400.00 - 200.00 - 500.00
    expect(money(eur.balance)).toBe('EUR 1700.00');
  });

  test('EUR: payments received in the period with what they paid; the one before the period is left out', () => {
    const eur = statement.sections[0];
    if (!eur) throw new Error('no EUR section');
    expect(
      eur.payments.map((payment) => ({
        reference: payment.paymentReference,
        received: formatDay(payment.receivedDate),
        amount: formatMoney(payment.amount),
        applied: payment.applications.map(
          (a) => `${a.invoiceNumber} ${formatMoney(a.amount)} ${formatDay(a.appliedDate)}`,
        ),
        unapplied: formatMoney(payment.unapplied),
      })),
    ).toEqual([
      {
        reference: 'P-FULL',
        received: '2026-09-10',
        amount: '800.00',
        applied: ['INV-E0 800.00 2026-09-10'],
        unapplied: '0.00',
      },
      // the 200.00 applied to INV-E3 on 2026-12-01 is after the as-of date
      {
        reference: 'P-NEW',
        received: '2026-10-20',
        amount: '1500.00',
        applied: ['INV-E2 1000.00 2026-10-21'],
        unapplied: '500.00',
      },
    ]);
    expect(money(eur.paymentsReceived)).toBe('EUR 2300.00');
  });

  test('USD: the invoice and payment after the as-of date are left out', () => {
    const usd = statement.sections[1];
    if (!usd) throw new Error('no USD section');
    expect(usd.openItems.map((item) => [item.invoiceNumber, item.daysPastDue, item.bucket])).toEqual([
      ['INV-U1', 30, '1-30'],
    ]);
    expect(usd.payments).toEqual([]);
    expect(money(usd.balance)).toBe('USD 1234.56');
    expect(money(usd.totalOverdue)).toBe('USD 1234.56');
  });

  test('a longer period brings in the earlier payment; a past as-of date rebuilds the balances', () => {
    const longer = statementFor(statementPortfolio(), CUSTOMER, AS_OF, parseDay('2026-08-01'));
    expect(longer.sections[0]?.payments.map((p) => p.paymentReference)).toEqual(['P-OLD', 'P-FULL', 'P-NEW']);
    const before = statementFor(statementPortfolio(), CUSTOMER, parseDay('2026-10-20'), parseDay('2026-09-01'));
    const eur = before.sections[0];
    // on 2026-10-20 P-NEW is received but not yet applied: INV-E2 is open in full, P-NEW all unapplied
    expect(eur?.openItems.find((item) => item.invoiceNumber === 'INV-E2')?.openBalance.minor).toBe(250000n);
    expect(eur?.unappliedCash.minor).toBe(150000n);
    expect(eur?.openItems.map((item) => item.invoiceNumber)).not.toContain('INV-E3');
  });

  test('an unknown customer is named; a period after the as-of date is refused', () => {
    expect(() => statementFor(statementPortfolio(), 'CUST-404', AS_OF, FROM)).toThrow(UnknownCustomerError);
    expect(() => statementFor(statementPortfolio(), 'CUST-404', AS_OF, FROM)).toThrow('"CUST-404"');
    expect(() => statementFor(statementPortfolio(), CUSTOMER, FROM, AS_OF)).toThrow(RangeError);
  });

  test('an unknown language gets English; JSON has dates and decimal amounts', () => {
    const english = statementFor(statementPortfolio('X', 'pt_BR'), CUSTOMER, AS_OF, FROM);
    expect(english.language).toBe('en_US');
    const json = statementJson(statement) as { asOf: string; sections: Array<{ balance: string }> };
    expect(json.asOf).toBe('2026-11-30');
    expect(json.sections.map((s) => s.balance)).toEqual(['1700.00', '1234.56']);
  });
});

describe('renderStatementHtml', () => {
  test('French: French words, French amounts and dates, a self-contained page', () => {
    const html = renderStatementHtml(statementFor(statementPortfolio(), CUSTOMER, AS_OF, FROM));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="fr-FR">');
    for (const words of [
      'Relevé de compte',
      'Pièces ouvertes',
      'Avoirs ouverts',
      'Balance âgée',
      'Solde à payer',
      'Affecté à',
    ])
      expect(html).toContain(words);
    expect(html).toContain('Plus de 90 jours');
    // 1 700,00 € with the narrow no-break space of fr-FR
    expect(html).toContain('1\u202f700,00\u00a0€');
    expect(html).toContain('1\u202f234,56\u00a0$US');
    expect(html).toContain('30 nov. 2026');
    expect(html).toContain('Paiements reçus du 1 sept. 2026 au 30 nov. 2026');
    expect(html).not.toMatch(/<script|<link|src=|https?:/i);
  });

  test('Dutch: Dutch words and Dutch formats', () => {
    const html = renderStatementHtml(statementFor(statementPortfolio('Klant BV', 'nl_NL'), CUSTOMER, AS_OF, FROM));
    expect(html).toContain('<html lang="nl-NL">');
    for (const words of [
      'Rekeningoverzicht',
      'Openstaande posten',
      'Te betalen saldo',
      'Toegewezen aan',
      'Meer dan 90 dagen',
    ])
      expect(html).toContain(words);
    expect(html).toContain('€\u00a01.700,00');
    expect(html).toContain('30 nov 2026');
  });

  test('escapes a hostile customer name', () => {
    const name = '<script>alert("x")</script> & <b>Sons</b>';
    const html = renderStatementHtml(statementFor(statementPortfolio(name, 'en_US'), CUSTOMER, AS_OF, FROM));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Sons</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Sons&lt;/b&gt;');
  });

  test('an account with nothing open says so', () => {
    const portfolio = statementPortfolio();
    portfolio.accounts.push({ ...portfolio.accounts[0]!, customerNumber: 'CUST-EMPTY', language: 'de' });
    const statement = statementFor(portfolio, 'CUST-EMPTY', AS_OF, FROM);
    expect(statement.sections).toEqual([]);
    expect(renderStatementHtml(statement)).toContain('Auf diesem Konto ist nichts offen.');
  });
});

describe('renderStatementCsv', () => {
  test('French headers and lines, decimal amounts, every section and total', () => {
    const csv = renderStatementCsv(statementFor(statementPortfolio(), CUSTOMER, AS_OF, FROM));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv, 'statement.csv');
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'Numéro client',
      'Nom',
      'Devise',
      'Ligne',
      'Pièce',
      'Date',
      "Date d'échéance",
      'N° de commande',
      'Jours de retard',
      'Ancienneté',
      'Montant',
      'Solde dû',
      'Affecté à',
    ]);
    const line = (kind: string, currency = 'EUR') =>
      rows.filter((row) => row.Ligne === kind && row.Devise === currency);
    expect(
      line('Facture').map((row) => [row['Pièce'], row['Solde dû'], row['Jours de retard'], row['Ancienneté']]),
    ).toEqual([
      ['INV-E1', '600.00', '122', 'Plus de 90 jours'],
      ['INV-E2', '1500.00', '46', '31 à 60 jours'],
      ['INV-E3', '300.00', '0', 'Non échu'],
    ]);
    expect(line('Avoir').map((row) => [row['Pièce'], row['Solde dû']])).toEqual([['CM-E1', '-200.00']]);
    expect(line('Affecté').map((row) => [row['Pièce'], row['Affecté à'], row.Montant, row.Date])).toEqual([
      ['P-FULL', 'INV-E0', '800.00', '2026-09-10'],
      ['P-NEW', 'INV-E2', '1000.00', '2026-10-21'],
    ]);
    expect(line('Solde à payer')[0]?.Montant).toBe('1700.00');
    expect(line('Solde à payer', 'USD')[0]?.Montant).toBe('1234.56');
    expect(line('Balance âgée').map((row) => row.Montant)).toEqual(['300.00', '0.00', '1500.00', '0.00', '600.00']);
    expect(rows.every((row) => row['Numéro client'] === CUSTOMER && row.Nom === 'Client Exemple SARL')).toBe(true);
  });

  test('Dutch headers', () => {
    const csv = renderStatementCsv(statementFor(statementPortfolio('Klant BV', 'nl_NL'), CUSTOMER, AS_OF, FROM));
    const rows = parseCsv(csv, 'statement.csv');
    expect(Object.keys(rows[0] ?? {})).toContain('Vervaldatum');
    expect(rows.filter((row) => row.Regel === 'Factuur')).toHaveLength(4);
    expect(rows.find((row) => row.Regel === 'Te betalen saldo')?.Bedrag).toBe('1700.00');
  });

  test('neutralises a customer name that would run as a formula', () => {
    const csv = renderStatementCsv(
      statementFor(statementPortfolio('=HYPERLINK("http://evil.example","Click")', 'en_US'), CUSTOMER, AS_OF, FROM),
    );
    const rows = parseCsv(csv, 'statement.csv');
    expect(rows[0]?.Name).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(rows.every((row) => !row.Name?.startsWith('='))).toBe(true);
    // negative amounts stay numbers
    expect(rows.find((row) => row.Document === 'CM-E1')?.['Open balance']).toBe('-200.00');
  });

  test('every language has distinct column headers', () => {
    for (const language of STATEMENT_LANGUAGES) {
      const t = statementTexts(language);
      const headers = [t.customerNumber, t.name, t.currency, t.line, t.document, t.date, t.dueDate, t.poNumber];
      headers.push(t.daysPastDue, t.bucket, t.amount, t.openBalance, t.appliedTo);
      expect(new Set(headers).size).toBe(headers.length);
    }
  });
});
