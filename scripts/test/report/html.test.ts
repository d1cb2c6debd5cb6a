/** The HTML page: self-contained, every text from data escaped, one aging chart and one trend chart per currency. */
import { parseDay } from '../../src/domain/calendar';
import { parseTargets } from '../../src/report/activity';
import { buildReport } from '../../src/report/buildReport';
import { escapeHtml, renderReportHtml } from '../../src/report/html';
import { AS_OF, handMadePortfolio } from './fixture';

const POLICY = { corporateCurrency: 'USD' };
const asOf = parseDay(AS_OF);

function maliciousPortfolio() {
  const portfolio = handMadePortfolio();
  // a payment reference and an invoice number that try to break out of the page
  const payment = portfolio.payments.find((p) => p.paymentReference === '@wire 20260328');
  if (payment) payment.paymentReference = '<img src=x onerror=alert(2)> 20260328';
  const invoice = portfolio.invoices.find((i) => i.invoiceNumber === 'INV-1003');
  if (invoice) invoice.invoiceNumber = 'INV-1003"><script>alert(3)</script>';
  portfolio.applications = portfolio.applications.map((a) =>
    a.invoiceNumber === 'INV-1003' ? { ...a, invoiceNumber: invoice?.invoiceNumber ?? '' } : a,
  );
  return portfolio;
}

const html = renderReportHtml(buildReport(maliciousPortfolio(), POLICY, asOf, 90), { source: 'snapshot <x>' });

test('escapes the five characters', () => {
  expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
  );
});

test('escapes customer names, invoice numbers and payment references', () => {
  expect(html).not.toContain('<script');
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
  expect(html).toContain('INV-1003&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
  expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; 20260328');
  expect(html).toContain('snapshot &lt;x&gt;');
  // the unescaped characters appear only in the page's own markup: no attribute is broken open
  expect(html).not.toMatch(/onerror=alert\(2\)>/);
});

test('is self-contained: no scripts, no external resources', () => {
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).not.toMatch(/<script|<link|<iframe|<object|@import|url\(/i);
  expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  expect(html).not.toMatch(/https?:/);
  // the only links are to the page's own sections
  for (const [, target] of html.matchAll(/href="([^"]*)"/g)) expect(target).toMatch(/^#currency-[A-Z]{3}$/);
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
});

test('one aging chart and one trend chart per currency', () => {
  const aging = [...html.matchAll(/<svg class="chart aging" data-currency="([A-Z]{3})"/g)].map((match) => match[1]);
  const trend = [...html.matchAll(/<svg class="chart trend" data-currency="([A-Z]{3})"/g)].map((match) => match[1]);
  expect(aging).toEqual(['EUR', 'GBP', 'USD']);
  expect(trend).toEqual(['EUR', 'GBP', 'USD']);
  expect(html.match(/<svg /g)).toHaveLength(6);
  expect(html.match(/<\/svg>/g)).toHaveLength(6);
  // the trend has a point per date: 6 month-ends and the as-of date, two lines
  const usdTrend = /<svg class="chart trend" data-currency="USD".*?<\/svg>/s.exec(html)?.[0] ?? '';
  expect(usdTrend.match(/<circle /g)).toHaveLength(14);
  expect(usdTrend).toContain('open 2025-12-31: USD 1,450.00');
});

test('amounts carry the currency code and thousands separators', () => {
  expect(html).toContain('USD 2,350.00');
  expect(html).toContain('EUR 1,950.50');
  expect(html).toContain('USD 4,788.13'); // corporate open
  expect(html).toContain('no exchange rate dated on or before 2026-03-31: GBP');
  expect(html).toContain('USD 3,300.00 in 4 payments'); // unapplied cash
  expect(html).toContain('47.00 days'); // USD DSO
  expect(html).toContain('30.77%'); // USD CEI
});

test('a collector report shows the activity against the targets', () => {
  const report = buildReport(handMadePortfolio(), POLICY, asOf, 90, {
    collector: 'alice@company.example',
    targets: parseTargets({ noticesSent: 10, amountCollected: { USD: '5000.00' } }),
  });
  const page = renderReportHtml(report);
  expect(page).toContain('Activity of alice@company.example');
  expect(page).toContain(
    '<tr><td>Notices sent</td><td class="num">3</td><td class="num">10</td><td class="num">30%</td></tr>',
  );
  expect(page).toContain(
    '<tr><td>Calls logged</td><td class="num">1</td><td class="num"></td><td class="num"></td></tr>',
  );
  // 4700 of 5000
  expect(page).toContain('<td class="num">USD 4,700.00</td><td class="num">USD 5,000.00</td><td class="num">94%</td>');
  expect(page.match(/<svg class="chart aging"/g)).toHaveLength(2);
});

test('an empty portfolio still gives a page', () => {
  const report = buildReport(
    { ...handMadePortfolio(), invoices: [], payments: [], applications: [] },
    POLICY,
    asOf,
    90,
  );
  const page = renderReportHtml(report);
  expect(page).toContain('No receivables issued on or before the as-of date.');
  expect(page).not.toContain('<svg');
});

test('long unapplied cash lists are cut on the page, with a pointer to the exports', () => {
  const portfolio = handMadePortfolio();
  portfolio.payments = Array.from({ length: 60 }, (_, index) => ({
    paymentReference: `P-${index}`,
    customerNumber: 'C-1',
    currency: 'USD',
    receivedDate: asOf - index,
    amount: { currency: 'USD', minor: 1000n },
  }));
  portfolio.applications = [];
  const page = renderReportHtml(buildReport(portfolio, POLICY, asOf, 90));
  const table = /<table class="unapplied">.*?<\/table>/s.exec(page)?.[0] ?? '';
  expect(table.match(/<tr>/g)).toHaveLength(51); // the header and 50 payments
  expect(page).toContain('The 50 oldest shown; all 60 are in unapplied-cash.csv and report.xlsx.');
});
