/**
 * The rules of DESIGN.md, one test (or a few) each, on the real default policy from force-app:
 * courtesy 5 days before due; reminders at +1, +15 (7 days after the previous), call +21,
 * reminder 3 at +30; warning at +45 with approval; suspension at +60 and 15 days' notice; referral
 * at +90 and 30 days after suspension. Thresholds: USD 50, EUR 45; small balances USD 25.
 */
import { calendarDateIn, formatDay } from '../../../src/domain/calendar';
import type { NoticeAction } from '../../../src/domain/engine/actions';
import { applyPlan } from '../../../src/domain/engine/applyPlan';
import { planDay } from '../../../src/domain/engine/planDay';
import { formatMoney } from '../../../src/domain/money';
import { d, POLICY, PortfolioBuilder, simulate, timelineOf } from './scenario';

const notices = (lines: string[]): string[] =>
  lines.filter((line) => / (notice|suspend|call-task|write-off-referral|lift-suspension) /.test(line));

describe('rule 1: a step fires on or after its day, and a missed run catches up', () => {
  test('reminder 1 fires the day after due, not before', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31');
    expect(
      planDay(portfolio, POLICY, d('2026-01-31')).actions.filter((a) => a.kind === 'notice' && a.step === 'Reminder_1'),
    ).toEqual([]);
    const plan = planDay(portfolio, POLICY, d('2026-02-01'));
    expect(plan.actions.map((a) => a.key)).toEqual(['C1|USD|2026-02-01|Reminder_1']);
  });

  test('after ten nights without a run, the next run sends the step that fell due meanwhile', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31');
    const skipped = (day: number) => day < d('2026-02-10') || day > d('2026-02-19');
    const { runs } = simulate(portfolio, '2026-02-01', '2026-02-22', { runsOn: skipped });
    expect(notices(timelineOf(runs))).toEqual([
      '2026-02-01 notice Reminder_1 C1|USD',
      // reminder 2 was due on 2026-02-15 (day +15), while no run happened: caught up on the 20th
      '2026-02-20 notice Reminder_2 C1|USD',
      // the call (+21) waits for its own day and then for nothing else
      '2026-02-21 call-task Call C1|USD',
    ]);
  });
});

describe('rule 2: rerunning the same as-of date changes nothing', () => {
  test('a second run of the day finds every key done', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-2', 'C1', '80.00', 'USD', '2026-02-01', '2026-02-20');
    const day = d('2026-02-15');
    const first = planDay(portfolio, POLICY, day);
    expect(first.actions.length).toBeGreaterThan(0);
    const applied = applyPlan(portfolio, first);
    expect(planDay(applied, POLICY, day).actions).toEqual([]);
    // applying the same plan again leaves the portfolio exactly as it was
    expect(applyPlan(applied, first)).toEqual(applied);
  });

  test('a reminder 1 sent from the console before the case existed is not sent again by the batch', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31');
    const day = d('2026-02-03');
    // The console writes the key of the case the batch opens tonight, without a case link.
    const key = 'C1|USD|2026-02-03|Reminder_1';
    portfolio.notices.push({
      key,
      customerNumber: 'C1',
      currency: 'USD',
      action: 'Reminder',
      step: 'Reminder_1',
      level: 1,
      caseKey: null,
      asOf: day,
      status: 'Sent',
      sentDate: day,
      invoiceNumbers: ['INV-1'],
    });

    const plan = planDay(portfolio, POLICY, day);

    expect(plan.actions.map((a) => a.key)).not.toContain(key);
    expect(plan.cases.map((c) => [c.caseKey, c.dunningLevel])).toEqual([['C1|USD|2026-02-03', 1]]);
  });

  test('keys are deterministic: the same portfolio in another order plans the same actions', () => {
    const builder = new PortfolioBuilder()
      .account('C2')
      .account('C1')
      .invoice('B-1', 'C2', '500.00', 'EUR', '2026-01-01', '2026-01-10')
      .invoice('A-1', 'C1', '700.00', 'USD', '2026-01-01', '2026-01-10')
      .invoice('A-2', 'C1', '90.00', 'USD', '2026-01-05', '2026-01-12');
    const reversed = {
      ...builder.portfolio,
      accounts: [...builder.portfolio.accounts].reverse(),
      invoices: [...builder.portfolio.invoices].reverse(),
    };
    expect(planDay(reversed, POLICY, d('2026-01-30'))).toEqual(planDay(builder.portfolio, POLICY, d('2026-01-30')));
  });
});

describe('rule 3: one message per account, currency and level, listing every overdue invoice', () => {
  test('three USD invoices make one USD reminder; the EUR invoice gets its own', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('U-1', 'C1', '100.00', 'USD', '2026-01-01', '2026-01-20')
      .invoice('U-2', 'C1', '200.00', 'USD', '2026-01-05', '2026-01-25')
      .invoice('U-3', 'C1', '300.00', 'USD', '2026-01-08', '2026-01-28')
      .invoice('E-1', 'C1', '400.00', 'EUR', '2026-01-08', '2026-01-28');
    const reminders = planDay(portfolio, POLICY, d('2026-02-01')).actions.filter(
      (a): a is NoticeAction => a.kind === 'notice',
    );
    expect(
      reminders.map((n) => [n.currency, n.step, n.lines.map((l) => l.invoiceNumber), formatMoney(n.overdue)]),
    ).toEqual([
      ['EUR', 'Reminder_1', ['E-1'], '400.00'],
      ['USD', 'Reminder_1', ['U-1', 'U-2', 'U-3'], '600.00'],
    ]);
    expect(reminders[1]?.reason).toBe('Reminder 1: U-1, U-2 and U-3 are 12, 7 and 4 days past due, USD 600.00 overdue');
  });

  test('over a quarter, no level is sent twice to the same account and currency', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('U-1', 'C1', '900.00', 'USD', '2026-01-01', '2026-01-20')
      .invoice('U-2', 'C1', '200.00', 'USD', '2026-02-05', '2026-02-25')
      .invoice('U-3', 'C1', '300.00', 'USD', '2026-03-08', '2026-03-28');
    const { runs } = simulate(portfolio, '2026-01-01', '2026-03-31');
    const sent = runs
      .flatMap((run) => run.plan.actions)
      .filter((a) => a.kind === 'notice' && a.noticeAction === 'Reminder');
    const levels = sent.map((a) => `${a.customerNumber}|${a.currency}|${(a as NoticeAction).level}`);
    expect(new Set(levels).size).toBe(levels.length);
  });
});

describe('rule 4: no silent skipping; suspension only after an approved, sent warning and the notice period', () => {
  test('an account first seen 50 days late starts at reminder 1 and walks the timeline', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2025-12-01', '2025-12-12');
    const { runs } = simulate(portfolio, '2026-01-31', '2026-04-30');
    // one step a night, each after its minimum gap: nothing is skipped, nothing is bunched
    expect(notices(timelineOf(runs))).toEqual([
      '2026-01-31 notice Reminder_1 C1|USD',
      '2026-02-07 notice Reminder_2 C1|USD',
      '2026-02-08 call-task Call C1|USD',
      '2026-02-15 notice Reminder_3 C1|USD',
      '2026-02-22 notice Suspension_Warning (approval requested) C1|USD',
      '2026-02-23 notice Suspension_Warning C1|USD',
      '2026-03-10 suspend Suspension C1|USD',
      '2026-04-09 write-off-referral Write_Off_Referral C1|USD',
      '2026-04-10 write-off-referral Write_Off_Referral C1|USD',
    ]);
  });

  test('a warning approved late pushes the suspension to 15 days after it was sent', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31');
    const approveOn = d('2026-04-10');
    const { runs, portfolio: after } = simulate(portfolio, '2026-01-25', '2026-05-10', {
      approve: (_notice, day) => (day >= approveOn ? 'Approved' : null),
    });
    const lines = notices(timelineOf(runs));
    expect(lines).toContain('2026-04-10 notice Suspension_Warning C1|USD');
    expect(lines).toContain('2026-04-25 suspend Suspension C1|USD');
    expect(after.accounts[0]?.suspensionDate).toBe(d('2026-04-25'));
  });

  test('the notice period holds even when the policy sets no gap before the suspension step', () => {
    const policy = {
      ...POLICY,
      steps: POLICY.steps.map((step) =>
        step.action === 'Suspension' ? { ...step, offsetDays: 46, minDaysAfterPrevious: 0 } : step,
      ),
    };
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31');
    const { runs } = simulate(portfolio, '2026-01-25', '2026-04-30', { policy });
    const lines = timelineOf(
      runs,
      (a) =>
        a.kind === 'suspend' ||
        (a.kind === 'notice' && a.noticeAction === 'Suspension_Warning' && a.delivery === 'send'),
    );
    // warning sent 2026-03-18; day +46 is 2026-03-18 too, but the 15 days' notice runs to 2026-04-02
    expect(lines).toEqual(['2026-03-18 notice Suspension_Warning C1|USD', '2026-04-02 suspend Suspension C1|USD']);
  });

  test('a rejected warning stops the timeline before suspension', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31');
    const { runs } = simulate(portfolio, '2026-01-25', '2026-06-30', { approve: () => 'Rejected' });
    expect(timelineOf(runs).filter((line) => line.includes('suspend') || line.includes('write-off'))).toEqual([]);
  });
});

describe('rule 5: a partial payment re-anchors the clock on the oldest invoice still open', () => {
  test('paying the oldest invoice moves the next step to the next invoice due date', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('OLD', 'C1', '1000.00', 'USD', '2025-12-20', '2026-01-31')
      .invoice('NEW', 'C1', '500.00', 'USD', '2026-01-10', '2026-02-05')
      .payment('PAY-1', 'C1', '1000.00', 'USD', '2026-02-10', 'OLD');
    const { runs } = simulate(portfolio, '2026-02-01', '2026-02-28');
    expect(notices(timelineOf(runs))).toEqual([
      '2026-02-01 notice Reminder_1 C1|USD',
      '2026-02-01 notice Courtesy_Reminder C1|USD',
      // without the payment, reminder 2 would go on 2026-02-15 (OLD + 15); NEW + 15 is 2026-02-20
      '2026-02-20 notice Reminder_2 C1|USD',
      '2026-02-26 call-task Call C1|USD',
    ]);
  });

  test('a partial payment that leaves the oldest invoice open keeps its clock', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('OLD', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .payment('PAY-1', 'C1', '400.00', 'USD', '2026-02-10', 'OLD');
    const { runs } = simulate(portfolio, '2026-02-01', '2026-02-16');
    const reminder2 = runs
      .flatMap((run) => run.plan.actions)
      .find((a): a is NoticeAction => a.kind === 'notice' && a.step === 'Reminder_2');
    expect(reminder2 && formatMoney(reminder2.overdue)).toBe('600.00');
    expect(reminder2?.key).toBe('C1|USD|2026-02-01|Reminder_2');
  });
});

describe('rule 6: a disputed amount leaves the clock; the clock resumes without jumping levels', () => {
  test('a fully disputed invoice gets no reminders, and after resolution the next level follows', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .dispute('D-1', 'C1', '2026-02-03', [['INV-1', '1000.00', 'USD']], '2026-04-30');
    const resolveOn = d('2026-03-20');
    const { runs } = simulate(portfolio, '2026-02-01', '2026-04-10', {
      between: (p, day) =>
        day === resolveOn
          ? { ...p, disputes: p.disputes.map((x) => ({ ...x, status: 'Resolved', resolvedDate: day })) }
          : p,
    });
    expect(notices(timelineOf(runs))).toEqual([
      '2026-02-01 notice Reminder_1 C1|USD',
      // 48 days past due when the dispute was resolved: the next level is reminder 2, not a warning
      '2026-03-20 notice Reminder_2 C1|USD',
      '2026-03-21 call-task Call C1|USD',
      '2026-03-28 notice Reminder_3 C1|USD',
      '2026-04-04 notice Suspension_Warning (approval requested) C1|USD',
      '2026-04-05 notice Suspension_Warning C1|USD',
    ]);
  });

  test('only the disputed part leaves: the rest is still asked for, and the dispute is shown', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .dispute('D-1', 'C1', '2026-01-20', [['INV-1', '300.00', 'USD']]);
    const notice = planDay(portfolio, POLICY, d('2026-02-01')).actions.find(
      (a): a is NoticeAction => a.kind === 'notice',
    );
    expect(notice && formatMoney(notice.overdue)).toBe('700.00');
    expect(notice?.lines[0] && formatMoney(notice.lines[0].disputed)).toBe('300.00');
  });
});

describe('rule 7: thresholds per currency, and currencies never mix', () => {
  test('USD 40 overdue is below the USD 50 threshold; EUR 46 is above the EUR 45 one', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('U-1', 'C1', '40.00', 'USD', '2026-01-01', '2026-01-20')
      .invoice('E-1', 'C1', '46.00', 'EUR', '2026-01-01', '2026-01-20');
    const plan = planDay(portfolio, POLICY, d('2026-01-21'));
    expect(plan.actions.map((a) => a.key)).toEqual(['C1|EUR|2026-01-21|Reminder_1']);
    expect(plan.cases.map((c) => c.caseKey)).toEqual(['C1|EUR|2026-01-21']);
  });

  test('credit memos and unapplied cash in a currency reduce the net only in that currency', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('U-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-20')
      .invoice('CM-1', 'C1', '-150.00', 'USD', '2026-01-05', '2026-01-05')
      .invoice('E-1', 'C1', '500.00', 'EUR', '2026-01-01', '2026-01-20')
      .payment('PAY-EUR', 'C1', '100.00', 'EUR', '2026-01-15', null);
    const notices = planDay(portfolio, POLICY, d('2026-01-21')).actions.filter(
      (a): a is NoticeAction => a.kind === 'notice',
    );
    const byCurrency: Record<string, NoticeAction> = Object.fromEntries(notices.map((n) => [n.currency, n]));
    expect(byCurrency.USD && formatMoney(byCurrency.USD.netDue)).toBe('850.00');
    expect(byCurrency.USD?.credits.map((c) => c.invoiceNumber)).toEqual(['CM-1']);
    expect(byCurrency.EUR && formatMoney(byCurrency.EUR.netDue)).toBe('400.00');
    expect(byCurrency.EUR && formatMoney(byCurrency.EUR.unappliedCash)).toBe('100.00');
    for (const notice of notices) {
      for (const amount of [
        notice.overdue,
        notice.netDue,
        notice.unappliedCash,
        ...notice.lines.map((l) => l.openBalance),
        ...notice.credits.map((c) => c.openBalance),
      ]) {
        expect(amount.currency).toBe(notice.currency);
      }
    }
  });

  test('a credit memo alone never makes an account overdue', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('CM-1', 'C1', '-500.00', 'USD', '2025-10-01', '2025-10-01');
    expect(planDay(portfolio, POLICY, d('2026-01-21'))).toEqual({ asOf: d('2026-01-21'), actions: [], cases: [] });
  });
});

describe('rule 8: suspension is blocked by a plan, a promise, a dispute or an exemption, and lifted when the cause is gone', () => {
  const late = () =>
    new PortfolioBuilder().account('C1').invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31');
  const suspensions = (runs: ReturnType<typeof simulate>['runs']) =>
    timelineOf(runs).filter((line) => / suspend /.test(line));

  test('an exempt account gets reminders but no warning and no suspension', () => {
    const builder = late();
    builder.portfolio.accounts[0] = { ...builder.portfolio.accounts[0]!, exempt: true };
    const { runs } = simulate(builder.portfolio, '2026-01-25', '2026-06-30');
    const lines = notices(timelineOf(runs));
    expect(lines).toContain('2026-03-02 notice Reminder_3 C1|USD');
    expect(lines.filter((line) => line.includes('Suspension'))).toEqual([]);
  });

  test('an unbroken promise pauses the timeline; a broken one resumes it and escalates', () => {
    const builder = late().promise('P-1', 'C1', '1000.00', 'USD', '2026-03-10', '2026-03-31');
    const { runs } = simulate(builder.portfolio, '2026-01-25', '2026-04-30');
    const lines = timelineOf(runs);
    // reminder 3 went on 03-02; the warning (due 03-17) waited for the promise: 03-31 + 3 days' grace
    expect(lines.filter((line) => line.includes('Suspension_Warning'))[0]).toBe(
      '2026-04-04 notice Suspension_Warning (approval requested) C1|USD',
    );
    expect(lines).toContain('2026-04-04 escalate Broken_Promise C1|USD');
    const outcome = runs.flatMap((r) => r.plan.actions).find((a) => a.kind === 'promise-outcome');
    expect(outcome?.reason).toBe('promise P-1 of USD 1,000.00 by 2026-03-31 broken: USD 0.00 received');
  });

  test('a kept promise is recorded as kept and the case closes', () => {
    const builder = late()
      .promise('P-1', 'C1', '1000.00', 'USD', '2026-03-10', '2026-03-31')
      .payment('PAY-1', 'C1', '1000.00', 'USD', '2026-03-30', 'INV-1');
    const { runs, portfolio } = simulate(builder.portfolio, '2026-01-25', '2026-04-30');
    expect(timelineOf(runs, (a) => a.kind === 'promise-outcome')).toEqual(['2026-03-30 promise-outcome  C1|USD']);
    expect(portfolio.cases.map((c) => [c.status, c.closedDate && formatDay(c.closedDate)])).toEqual([
      ['Closed', '2026-03-30'],
    ]);
    expect(portfolio.accounts[0]?.status).toBe('Current');
  });

  test('a fully disputed overdue amount leaves nothing to suspend', () => {
    const builder = late().dispute('D-1', 'C1', '2026-03-01', [['INV-1', '1000.00', 'USD']], '2026-06-30');
    expect(suspensions(simulate(builder.portfolio, '2026-01-25', '2026-06-20').runs)).toEqual([]);
  });

  test('a plan in good standing blocks suspension; a missed installment defaults it and the timeline resumes', () => {
    const builder = late();
    builder.portfolio.invoices[0] = { ...builder.portfolio.invoices[0]!, paymentPlanId: 'PP-1' };
    builder.plan('PP-1', 'C1', 'USD', '2026-03-05', [
      ['2026-03-15', '500.00'],
      ['2026-04-15', '500.00'],
    ]);
    builder.payment('PAY-1', 'C1', '500.00', 'USD', '2026-03-14', 'INV-1');
    const { runs } = simulate(builder.portfolio, '2026-01-25', '2026-06-30');
    const lines = timelineOf(runs);
    // the second installment was not paid: 04-15 + 5 days' grace, defaulted on the 21st
    expect(lines).toContain('2026-04-21 plan-status  C1|USD');
    expect(lines).toContain('2026-04-21 escalate Defaulted_Installment C1|USD');
    const firstSuspension = suspensions(runs)[0] ?? '';
    expect(firstSuspension > '2026-04-21').toBe(true);
  });

  test('a suspended account that pays is lifted, and the lifting is an action', () => {
    const builder = late();
    const payOn = d('2026-04-20');
    const { runs, portfolio } = simulate(builder.portfolio, '2026-01-25', '2026-04-30', {
      between: (p, day) =>
        day === payOn
          ? {
              ...p,
              payments: [
                ...p.payments,
                {
                  paymentReference: 'PAY-1',
                  customerNumber: 'C1',
                  currency: 'USD',
                  receivedDate: day,
                  amount: { currency: 'USD', minor: 100000n },
                },
              ],
              applications: [
                ...p.applications,
                {
                  paymentReference: 'PAY-1',
                  invoiceNumber: 'INV-1',
                  appliedDate: day,
                  amount: { currency: 'USD', minor: 100000n },
                },
              ],
            }
          : p,
    });
    expect(timelineOf(runs, (a) => a.kind === 'suspend' || a.kind === 'lift-suspension')).toEqual([
      '2026-04-02 suspend Suspension C1|USD',
      '2026-04-20 lift-suspension  C1|-',
    ]);
    const lift = runs.flatMap((r) => r.plan.actions).find((a) => a.kind === 'lift-suspension');
    expect(lift?.reason).toBe('lift the suspension of 2026-04-02: nothing collectible is overdue any more');
    expect(portfolio.accounts[0]?.status).toBe('Current');
  });
});

describe('rule 9: the as-of date is a calendar date in the company time zone', () => {
  test('03:00 UTC on 23 November is still 22 November in Toronto, and already the 23rd in Singapore', () => {
    const instant = new Date(Date.UTC(2026, 10, 23, 3, 0, 0));
    expect(formatDay(calendarDateIn('America/Toronto', instant))).toBe('2026-11-22');
    expect(formatDay(calendarDateIn('Asia/Singapore', instant))).toBe('2026-11-23');
  });
});

describe('cases, escalations and write-offs', () => {
  test('a case is refreshed with aging, next action and the parts of its priority', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('U-1', 'C1', '1000.00', 'USD', '2025-12-01', '2025-12-31')
      .invoice('U-2', 'C1', '250.00', 'USD', '2026-01-10', '2026-02-09')
      .invoice('U-3', 'C1', '100.00', 'USD', '2026-01-20', '2026-02-28');
    const [refresh] = planDay(portfolio, POLICY, d('2026-02-14')).cases;
    expect(refresh?.aging.map((b) => `${b.bucket} ${formatMoney(b.amount)}`)).toEqual([
      'current 100.00',
      '1-30 250.00',
      '31-60 1000.00',
      '61-90 0.00',
      '90+ 0.00',
    ]);
    expect(refresh && formatMoney(refresh.totalOverdue)).toBe('1250.00');
    expect(refresh?.nextAction).toBe('Reminder');
    expect(refresh?.priorityParts.map((p) => p.name)).toEqual([
      'amount',
      'age',
      'broken promises',
      'disputes',
      'late payment history',
    ]);
    expect(refresh?.priorityParts[1]?.detail).toBe('oldest collectible invoice U-1 is 45 days past due');
  });

  test('a dispute past its target date escalates once', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-2', 'C1', '900.00', 'USD', '2026-01-01', '2026-01-31')
      .dispute('D-1', 'C1', '2026-02-03', [['INV-2', '900.00', 'USD']], '2026-02-20');
    const { runs } = simulate(portfolio, '2026-02-01', '2026-03-10');
    expect(timelineOf(runs, (a) => a.kind === 'escalate')).toEqual(['2026-02-21 escalate Dispute_Overdue C1|USD']);
  });

  test('a small residual balance below the threshold is proposed for write-off at the referral day', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .payment('PAY-1', 'C1', '985.50', 'USD', '2026-02-10', 'INV-1');
    const { runs } = simulate(portfolio, '2026-02-01', '2026-05-31');
    const writeOffs = runs.flatMap((r) => r.plan.actions).filter((a) => a.kind === 'small-balance-write-off');
    expect(writeOffs.map((a) => [a.key, a.reason])).toEqual([
      [
        'C1|USD|Small_Balance_Write_Off|2026-01-31',
        'small balance: USD 14.50 overdue is within the USD 25.00 write-off limit and 90 days past due',
      ],
    ]);
  });
});

describe('business days', () => {
  const businessPolicy = { ...POLICY, countBusinessDays: true };

  test("offsets count the customer's market's business days: Canada Day and a weekend push reminder 1", () => {
    // due Tuesday 30 June 2026; 1 July is Canada Day; reminder 1 (+1 business day) goes on Thursday 2 July
    const { portfolio } = new PortfolioBuilder()
      .account('C1', { country: 'CA' })
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-06-01', '2026-06-30');
    expect(
      planDay(portfolio, businessPolicy, d('2026-07-01')).actions.filter(
        (a) => a.kind === 'notice' && a.step === 'Reminder_1',
      ),
    ).toEqual([]);
    expect(planDay(portfolio, businessPolicy, d('2026-07-02')).actions.map((a) => a.key)).toEqual([
      'C1|USD|2026-07-02|Reminder_1',
    ]);
  });

  test('the same invoice for a US customer is reminded on 1 July', () => {
    const { portfolio } = new PortfolioBuilder()
      .account('C1', { country: 'US' })
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-06-01', '2026-06-30');
    expect(planDay(portfolio, businessPolicy, d('2026-07-01')).actions.map((a) => a.key)).toEqual([
      'C1|USD|2026-07-01|Reminder_1',
    ]);
  });
});
