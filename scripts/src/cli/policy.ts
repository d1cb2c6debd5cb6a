/** `collections policy`: the Invoice Collection and Account Suspension Timeline as the engine reads it. */
import { formatMoney } from '../domain/money';
import type { CollectionsPolicy, DunningStep } from '../domain/policy';
import { loadSourcePolicy } from '../snapshot/sourcePolicy';
import { booleanFlag, COMMON_FLAGS, type CommandSpec } from './command';
import { EXIT } from './errors';

function when(step: DunningStep): string {
  if (step.offsetDays === 0) return 'on the due date';
  const days = Math.abs(step.offsetDays);
  return `${days} day${days === 1 ? '' : 's'} ${step.offsetDays < 0 ? 'before' : 'after'} due`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

export function describePolicy(policy: CollectionsPolicy): string[] {
  const lines = [
    `Policy ${policy.name}: as-of dates are calendar days in ${policy.timeZone}; corporate currency ${policy.corporateCurrency};` +
      ` ${policy.countBusinessDays ? 'business' : 'calendar'} days; suspension notice period ${policy.suspensionNoticeDays} days;` +
      ` promises kept up to ${policy.promiseGraceDays} days late, installments ${policy.installmentGraceDays}.`,
    '',
    'Invoice Collection and Account Suspension Timeline',
    ...table([
      ['#', 'step', 'when', 'action', 'channel', 'template', 'approval', 'min. gap'],
      ...policy.steps.map((step) => [
        String(step.sequence),
        step.label,
        when(step),
        step.level === null ? step.action : `${step.action} ${step.level}`,
        step.channel,
        step.emailTemplate ?? '',
        step.requiresApproval ? 'manager' : '',
        step.minDaysAfterPrevious > 0 ? `${step.minDaysAfterPrevious} days` : '',
      ]),
    ]),
    '',
    'Thresholds per currency',
    ...table([
      ['currency', 'minimum overdue to act', 'small-balance write-off up to'],
      ...[...policy.thresholds.values()].map((t) => [
        t.currency,
        formatMoney(t.minimumOverdue),
        formatMoney(t.smallBalanceLimit),
      ]),
    ]),
    '',
    `Payment plan approval matrix (amounts in ${policy.corporateCurrency})`,
    ...table([
      ['rank', 'level', 'up to amount', 'up to months'],
      ...policy.approvalMatrix.map((level) => [
        String(level.rank),
        level.level,
        level.maxCorporateAmount ? formatMoney(level.maxCorporateAmount) : 'no limit',
        level.maxPlanMonths === null ? 'no limit' : String(level.maxPlanMonths),
      ]),
    ]),
    '',
    `Payment instructions: ${policy.paymentInstructions.map((p) => `${p.billingEntity} ${p.currency}`).join(', ')}`,
  ];
  return lines;
}

export const policyCommand: CommandSpec = {
  name: 'policy',
  summary: 'Print the collections policy: the timeline, thresholds, approval matrix.',
  description:
    "Reads the Invoice Collection and Account Suspension Timeline from force-app's custom metadata records\n(the same records the org holds) and prints it as the engine reads it.",
  examples: ['collections policy', 'collections policy --json'],
  flags: [COMMON_FLAGS.json],
  async run(flags, io) {
    const policy = loadSourcePolicy(io.projectDir);
    if (!booleanFlag(flags, 'json')) for (const line of describePolicy(policy)) io.log(line);
    return { exitCode: EXIT.ok, result: { ...policy, thresholds: [...policy.thresholds.values()] } };
  },
};
