/**
 * The collections policy, built from custom metadata records: the same records whether they come
 * from the org (SOQL) or from force-app (XML). The policy is validated as a whole, and every problem
 * names the record and field, so a bad edit in Setup stops the batch with a clear message instead
 * of sending the wrong notice.
 */
import { Money, MoneyError, parseMoney, minorDigits } from './money';

/** One custom metadata record, values keyed by field API name (blank = null). */
export interface CustomMetadataRecord {
  /** e.g. Dunning_Step__mdt */
  type: string;
  developerName: string;
  label: string;
  values: Readonly<Record<string, string | null>>;
}

export const STEP_ACTIONS = [
  'Courtesy_Reminder',
  'Reminder',
  'Call_Task',
  'Suspension_Warning',
  'Suspension',
  'Write_Off_Referral',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
export const CHANNELS = ['Email', 'Task', 'Internal'] as const;
export type Channel = (typeof CHANNELS)[number];
export const APPROVAL_LEVELS = ['Collections_Manager', 'Senior_Manager', 'Director', 'Finance'] as const;
export type ApprovalLevelName = (typeof APPROVAL_LEVELS)[number];

export interface DunningStep {
  name: string;
  label: string;
  sequence: number;
  action: StepAction;
  /** reminder level; null for other actions */
  level: number | null;
  /** days from the due date: negative before it, positive after */
  offsetDays: number;
  minDaysAfterPrevious: number;
  channel: Channel;
  emailTemplate: string | null;
  requiresApproval: boolean;
}

export interface CurrencyThreshold {
  currency: string;
  minimumOverdue: Money;
  /** open balances at or below this may be proposed for write-off; zero disables */
  smallBalanceLimit: Money;
}

export interface PaymentInstruction {
  billingEntity: string;
  currency: string;
  beneficiaryName: string | null;
  bankName: string | null;
  accountNumber: string | null;
  iban: string | null;
  swiftBic: string | null;
  routingCode: string | null;
  routingCodeType: string | null;
  bankAddress: string | null;
  referenceInstructions: string | null;
}

export interface ApprovalLevel {
  level: ApprovalLevelName;
  rank: number;
  /** the largest plan total in the corporate currency this level approves; null = no limit */
  maxCorporateAmount: Money | null;
  maxPlanMonths: number | null;
}

export interface CollectionsPolicy {
  name: string;
  /** IANA time zone in which the as-of date is a calendar date */
  timeZone: string;
  corporateCurrency: string;
  suspensionNoticeDays: number;
  countBusinessDays: boolean;
  /** calendar days after a promised date that a payment still keeps the promise */
  promiseGraceDays: number;
  /** calendar days after an installment is due before the plan counts as defaulted */
  installmentGraceDays: number;
  /** active steps in timeline order */
  steps: DunningStep[];
  thresholds: ReadonlyMap<string, CurrencyThreshold>;
  paymentInstructions: PaymentInstruction[];
  /** active levels, lowest rank first */
  approvalMatrix: ApprovalLevel[];
}

export class PolicyError extends Error {
  constructor(readonly problems: string[]) {
    super(`The collections policy in custom metadata is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PolicyError';
  }
}

/** The custom metadata fields this module reads; the offline checks hold them against force-app. */
export const POLICY_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Dunning_Policy__mdt: {
    Active__c: ['Checkbox'],
    Company_Time_Zone__c: ['Text'],
    Corporate_Currency__c: ['Text'],
    Suspension_Notice_Days__c: ['Number'],
    Count_Business_Days__c: ['Checkbox'],
    Promise_Grace_Days__c: ['Number'],
    Installment_Grace_Days__c: ['Number'],
  },
  Dunning_Step__mdt: {
    Policy__c: ['MetadataRelationship'],
    Sequence__c: ['Number'],
    Action__c: ['Picklist'],
    Level__c: ['Number'],
    Offset_Days__c: ['Number'],
    Relative_To_Due_Date__c: ['Picklist'],
    Min_Days_After_Previous__c: ['Number'],
    Channel__c: ['Picklist'],
    Email_Template__c: ['Text'],
    Requires_Approval__c: ['Checkbox'],
    Active__c: ['Checkbox'],
  },
  Currency_Threshold__mdt: {
    Currency_Code__c: ['Text'],
    Minimum_Overdue_Amount__c: ['Number'],
    Small_Balance_Limit__c: ['Number'],
    Active__c: ['Checkbox'],
  },
  Payment_Instruction__mdt: {
    Billing_Entity__c: ['Text'],
    Currency_Code__c: ['Text'],
    Beneficiary_Name__c: ['Text'],
    Bank_Name__c: ['Text'],
    Account_Number__c: ['Text'],
    IBAN__c: ['Text'],
    SWIFT_BIC__c: ['Text'],
    Routing_Code__c: ['Text'],
    Routing_Code_Type__c: ['Picklist'],
    Bank_Address__c: ['TextArea'],
    Reference_Instructions__c: ['TextArea'],
    Active__c: ['Checkbox'],
  },
  Approval_Matrix__mdt: {
    Approval_Level__c: ['Picklist'],
    Rank__c: ['Number'],
    Max_Corporate_Amount__c: ['Number'],
    Max_Plan_Months__c: ['Number'],
    Active__c: ['Checkbox'],
  },
};

/** Reads typed values from one record, collecting problems instead of stopping at the first. */
class RecordReader {
  constructor(
    private readonly record: CustomMetadataRecord,
    private readonly problems: string[],
  ) {}

  private where(field: string): string {
    return `${this.record.type.replace(/__mdt$/, '')}.${this.record.developerName} ${field}`;
  }

  problem(field: string, message: string): void {
    this.problems.push(`${this.where(field)}: ${message}`);
  }

  text(field: string): string | null {
    const value = this.record.values[field];
    return value === undefined || value === null || value.trim() === '' ? null : value.trim();
  }

  requiredText(field: string): string {
    const value = this.text(field);
    if (value === null) this.problem(field, 'is blank');
    return value ?? '';
  }

  flag(field: string): boolean {
    const value = this.text(field);
    if (value !== null && value !== 'true' && value !== 'false') this.problem(field, `"${value}" is not true or false`);
    return value === 'true';
  }

  /** A whole number (custom metadata Number fields arrive as "15" or "15.0"). */
  integer(field: string, required: boolean): number | null {
    const value = this.text(field);
    if (value === null) {
      if (required) this.problem(field, 'is blank');
      return null;
    }
    const parsed = Number(value);
    if (!Number.isInteger(parsed)) {
      this.problem(field, `"${value}" is not a whole number`);
      return null;
    }
    return parsed;
  }

  amount(field: string, currency: string): Money | null {
    const value = this.text(field);
    if (value === null) return null;
    try {
      return parseMoney(value, currency);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      this.problem(field, error.message);
      return null;
    }
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.requiredText(field);
    if (value !== '' && !(allowed as readonly string[]).includes(value)) {
      this.problem(field, `"${value}" is not one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  /** An ISO 4217 code, or '' when blank or invalid (the problem is recorded once, here). */
  currency(field: string): string {
    const value = this.requiredText(field);
    try {
      if (value !== '') minorDigits(value);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      this.problem(field, error.message);
      return '';
    }
    return value;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function readStep(reader: RecordReader, record: CustomMetadataRecord): DunningStep {
  const action = reader.oneOf('Action__c', STEP_ACTIONS);
  const offset = reader.integer('Offset_Days__c', true) ?? 0;
  const relative = reader.oneOf('Relative_To_Due_Date__c', ['Before', 'After'] as const);
  const level = reader.integer('Level__c', action === 'Reminder');
  const channel = reader.oneOf('Channel__c', CHANNELS);
  const emailTemplate = reader.text('Email_Template__c');
  if (offset < 0) reader.problem('Offset_Days__c', 'is negative; use Relative_To_Due_Date__c = Before instead');
  if (channel === 'Email' && emailTemplate === null)
    reader.problem('Email_Template__c', 'is blank, but the step sends an email');
  return {
    name: record.developerName,
    label: record.label,
    sequence: reader.integer('Sequence__c', true) ?? 0,
    action,
    level: action === 'Reminder' ? level : null,
    offsetDays: relative === 'Before' ? -Math.abs(offset) : Math.abs(offset),
    minDaysAfterPrevious: reader.integer('Min_Days_After_Previous__c', false) ?? 0,
    channel,
    emailTemplate,
    requiresApproval: reader.flag('Requires_Approval__c'),
  };
}

function checkTimeline(steps: DunningStep[], problems: string[]): void {
  const sequences = new Set<number>();
  let lastLevel = 0;
  let warningSeen = false;
  for (const step of steps) {
    if (sequences.has(step.sequence))
      problems.push(`Dunning_Step.${step.name} Sequence__c: ${step.sequence} is used by another active step`);
    sequences.add(step.sequence);
    if (step.level !== null) {
      if (step.level <= lastLevel)
        problems.push(
          `Dunning_Step.${step.name} Level__c: reminder levels must rise along the timeline (${step.level} after ${lastLevel})`,
        );
      lastLevel = step.level;
    }
    if (step.action === 'Suspension_Warning') warningSeen = true;
    if (step.action === 'Suspension' && !warningSeen) {
      problems.push(`Dunning_Step.${step.name}: a suspension needs an earlier Suspension_Warning step on the timeline`);
    }
  }
}

export function policyFromRecords(records: readonly CustomMetadataRecord[]): CollectionsPolicy {
  const problems: string[] = [];
  const ofType = (type: string): Array<{ record: CustomMetadataRecord; reader: RecordReader }> =>
    records
      .filter((record) => record.type === type)
      .sort((a, b) => a.developerName.localeCompare(b.developerName))
      .map((record) => ({ record, reader: new RecordReader(record, problems) }));
  const active = <T extends { reader: RecordReader }>(entries: T[]): T[] =>
    entries.filter((entry) => entry.reader.flag('Active__c'));

  const policies = active(ofType('Dunning_Policy__mdt'));
  if (policies.length !== 1) {
    throw new PolicyError([`exactly one active Dunning_Policy record is needed; found ${policies.length}`]);
  }
  const [{ record: policyRecord, reader: policyReader }] = policies as [(typeof policies)[number]];
  const timeZone = policyReader.requiredText('Company_Time_Zone__c');
  if (timeZone !== '' && !isTimeZone(timeZone))
    policyReader.problem('Company_Time_Zone__c', `"${timeZone}" is not an IANA time zone`);
  const corporateCurrency = policyReader.currency('Corporate_Currency__c');
  const suspensionNoticeDays = policyReader.integer('Suspension_Notice_Days__c', true) ?? 0;
  const countBusinessDays = policyReader.flag('Count_Business_Days__c');
  const promiseGraceDays = policyReader.integer('Promise_Grace_Days__c', false) ?? 0;
  const installmentGraceDays = policyReader.integer('Installment_Grace_Days__c', false) ?? 0;

  const steps = active(ofType('Dunning_Step__mdt'))
    .filter(({ reader }) => reader.text('Policy__c') === policyRecord.developerName)
    .map(({ record, reader }) => readStep(reader, record))
    .sort((a, b) => a.sequence - b.sequence);
  if (steps.length === 0) problems.push(`Dunning_Policy.${policyRecord.developerName} has no active steps`);
  checkTimeline(steps, problems);

  const thresholds = new Map<string, CurrencyThreshold>();
  for (const { reader } of active(ofType('Currency_Threshold__mdt'))) {
    const currency = reader.currency('Currency_Code__c');
    if (thresholds.has(currency)) reader.problem('Currency_Code__c', `${currency} has another active threshold`);
    const minimumOverdue = reader.amount('Minimum_Overdue_Amount__c', currency);
    const smallBalanceLimit = reader.amount('Small_Balance_Limit__c', currency);
    if (currency && minimumOverdue && smallBalanceLimit)
      thresholds.set(currency, { currency, minimumOverdue, smallBalanceLimit });
  }

  const paymentInstructions = active(ofType('Payment_Instruction__mdt')).map(({ reader }) => ({
    billingEntity: reader.requiredText('Billing_Entity__c'),
    currency: reader.currency('Currency_Code__c'),
    beneficiaryName: reader.text('Beneficiary_Name__c'),
    bankName: reader.text('Bank_Name__c'),
    accountNumber: reader.text('Account_Number__c'),
    iban: reader.text('IBAN__c'),
    swiftBic: reader.text('SWIFT_BIC__c'),
    routingCode: reader.text('Routing_Code__c'),
    routingCodeType: reader.text('Routing_Code_Type__c'),
    bankAddress: reader.text('Bank_Address__c'),
    referenceInstructions: reader.text('Reference_Instructions__c'),
  }));

  const approvalMatrix = active(ofType('Approval_Matrix__mdt'))
    .map(({ reader }) => ({
      level: reader.oneOf('Approval_Level__c', APPROVAL_LEVELS),
      rank: reader.integer('Rank__c', true) ?? 0,
      maxCorporateAmount: corporateCurrency ? reader.amount('Max_Corporate_Amount__c', corporateCurrency) : null,
      maxPlanMonths: reader.integer('Max_Plan_Months__c', false),
    }))
    .sort((a, b) => a.rank - b.rank);
  const last = approvalMatrix[approvalMatrix.length - 1];
  if (last && (last.maxCorporateAmount !== null || last.maxPlanMonths !== null)) {
    problems.push(
      `Approval_Matrix: the highest level (${last.level}) must have no limits, or some plans could never be approved`,
    );
  }

  if (problems.length > 0) throw new PolicyError(problems);
  return {
    name: policyRecord.developerName,
    timeZone,
    corporateCurrency,
    suspensionNoticeDays,
    countBusinessDays,
    promiseGraceDays,
    installmentGraceDays,
    steps,
    thresholds,
    paymentInstructions,
    approvalMatrix,
  };
}
