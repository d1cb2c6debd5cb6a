import { CustomMetadataRecord, policyFromRecords, PolicyError } from '../../src/domain/policy';
import { formatMoney } from '../../src/domain/money';
import { loadSourcePolicy } from '../../src/snapshot/sourcePolicy';
import { REPO_ROOT } from '../metadata/projectCopy';

function record(type: string, developerName: string, values: Record<string, string | null>): CustomMetadataRecord {
  return { type: `${type}__mdt`, developerName, label: developerName.replace(/_/g, ' '), values };
}

const POLICY = record('Dunning_Policy', 'Default', {
  Active__c: 'true',
  Company_Time_Zone__c: 'Asia/Singapore',
  Corporate_Currency__c: 'USD',
  Suspension_Notice_Days__c: '15.0',
  Count_Business_Days__c: 'false',
});

function step(
  name: string,
  sequence: number,
  action: string,
  offset: number,
  extra: Record<string, string | null> = {},
): CustomMetadataRecord {
  return record('Dunning_Step', name, {
    Policy__c: 'Default',
    Active__c: 'true',
    Sequence__c: String(sequence),
    Action__c: action,
    Offset_Days__c: String(Math.abs(offset)),
    Relative_To_Due_Date__c: offset < 0 ? 'Before' : 'After',
    Channel__c: action === 'Call_Task' ? 'Task' : action === 'Suspension' ? 'Internal' : 'Email',
    Email_Template__c: action === 'Call_Task' || action === 'Suspension' ? null : `CC_${name}`,
    Requires_Approval__c: 'false',
    Level__c: null,
    Min_Days_After_Previous__c: '0',
    ...extra,
  });
}

const TIMELINE = [
  step('Courtesy', 10, 'Courtesy_Reminder', -5),
  step('Reminder_1', 20, 'Reminder', 1, { Level__c: '1' }),
  step('Reminder_2', 30, 'Reminder', 15, { Level__c: '2' }),
  step('Warning', 40, 'Suspension_Warning', 45, { Requires_Approval__c: 'true' }),
  step('Suspension', 50, 'Suspension', 60, { Min_Days_After_Previous__c: '15' }),
];

const THRESHOLD = record('Currency_Threshold', 'KWD', {
  Active__c: 'true',
  Currency_Code__c: 'KWD',
  Minimum_Overdue_Amount__c: '15.250',
  Small_Balance_Limit__c: '7.5',
});

const MATRIX = [
  record('Approval_Matrix', 'Manager', {
    Active__c: 'true',
    Approval_Level__c: 'Collections_Manager',
    Rank__c: '1',
    Max_Corporate_Amount__c: '25000',
    Max_Plan_Months__c: '6',
  }),
  record('Approval_Matrix', 'Finance', {
    Active__c: 'true',
    Approval_Level__c: 'Finance',
    Rank__c: '2',
    Max_Corporate_Amount__c: null,
    Max_Plan_Months__c: null,
  }),
];

function problemsOf(records: CustomMetadataRecord[]): string[] {
  try {
    policyFromRecords(records);
  } catch (error) {
    if (error instanceof PolicyError) return error.problems;
    throw error;
  }
  throw new Error('the policy was accepted');
}

describe('policyFromRecords', () => {
  test('builds the timeline in sequence order with signed offsets', () => {
    const policy = policyFromRecords([...TIMELINE].reverse().concat(POLICY, THRESHOLD, ...MATRIX));
    expect(policy.timeZone).toBe('Asia/Singapore');
    expect(policy.suspensionNoticeDays).toBe(15);
    expect(policy.steps.map((s) => [s.name, s.offsetDays, s.level])).toEqual([
      ['Courtesy', -5, null],
      ['Reminder_1', 1, 1],
      ['Reminder_2', 15, 2],
      ['Warning', 45, null],
      ['Suspension', 60, null],
    ]);
    expect(policy.steps[3]?.requiresApproval).toBe(true);
  });

  test('reads thresholds exactly in the currency minor units', () => {
    const threshold = policyFromRecords([POLICY, ...TIMELINE, THRESHOLD, ...MATRIX]).thresholds.get('KWD');
    expect(threshold && formatMoney(threshold.minimumOverdue)).toBe('15.250');
    expect(threshold?.smallBalanceLimit.minor).toBe(7500n);
  });

  test('inactive steps and steps of another policy are left out', () => {
    const inactive = step('Reminder_3', 35, 'Reminder', 30, { Level__c: '3', Active__c: 'false' });
    const other = step('Other', 36, 'Reminder', 31, { Level__c: '4', Policy__c: 'Strict' });
    const policy = policyFromRecords([POLICY, ...TIMELINE, inactive, other, ...MATRIX]);
    expect(policy.steps.map((s) => s.name)).not.toContain('Reminder_3');
    expect(policy.steps.map((s) => s.name)).not.toContain('Other');
  });

  test('names each bad record and field, all at once', () => {
    const problems = problemsOf([
      { ...POLICY, values: { ...POLICY.values, Company_Time_Zone__c: 'Mars/Olympus', Corporate_Currency__c: 'usd' } },
      step('Reminder_1', 20, 'Reminder', 1, { Level__c: null }),
      step('Reminder_2', 30, 'Remind', 15, { Level__c: '2' }),
      step('Call', 30, 'Call_Task', 21, { Offset_Days__c: '21.5' }),
      ...MATRIX,
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Dunning_Policy.Default Company_Time_Zone__c: "Mars/Olympus" is not an IANA time zone',
        'Dunning_Policy.Default Corporate_Currency__c: "usd" is not an ISO 4217 currency code',
        'Dunning_Step.Reminder_1 Level__c: is blank',
        'Dunning_Step.Reminder_2 Action__c: "Remind" is not one of Courtesy_Reminder, Reminder, Call_Task, Suspension_Warning, Suspension, Write_Off_Referral',
        'Dunning_Step.Call Offset_Days__c: "21.5" is not a whole number',
        'Dunning_Step.Reminder_2 Sequence__c: 30 is used by another active step',
      ]),
    );
  });

  test('a suspension without an earlier warning is refused', () => {
    const problems = problemsOf([
      POLICY,
      TIMELINE[1] as CustomMetadataRecord,
      TIMELINE[4] as CustomMetadataRecord,
      ...MATRIX,
    ]);
    expect(problems).toContain(
      'Dunning_Step.Suspension: a suspension needs an earlier Suspension_Warning step on the timeline',
    );
  });

  test('reminder levels must rise along the timeline', () => {
    const problems = problemsOf([
      POLICY,
      step('A', 10, 'Reminder', 1, { Level__c: '2' }),
      step('B', 20, 'Reminder', 10, { Level__c: '1' }),
      ...MATRIX,
    ]);
    expect(problems).toContain('Dunning_Step.B Level__c: reminder levels must rise along the timeline (1 after 2)');
  });

  test('an approval matrix whose top level has a limit is refused', () => {
    const capped = record('Approval_Matrix', 'Finance', {
      Active__c: 'true',
      Approval_Level__c: 'Finance',
      Rank__c: '2',
      Max_Corporate_Amount__c: '1000000',
      Max_Plan_Months__c: null,
    });
    expect(problemsOf([POLICY, ...TIMELINE, MATRIX[0] as CustomMetadataRecord, capped])).toContain(
      'Approval_Matrix: the highest level (Finance) must have no limits, or some plans could never be approved',
    );
  });

  test('threshold amounts finer than the currency allows are refused', () => {
    const bad = record('Currency_Threshold', 'USD', {
      Active__c: 'true',
      Currency_Code__c: 'USD',
      Minimum_Overdue_Amount__c: '50.001',
      Small_Balance_Limit__c: '5',
    });
    expect(problemsOf([POLICY, ...TIMELINE, bad, ...MATRIX])).toContain(
      'Currency_Threshold.USD Minimum_Overdue_Amount__c: "50.001" has more decimals than USD allows (2)',
    );
  });

  test('exactly one active policy', () => {
    expect(problemsOf([...TIMELINE])).toEqual(['exactly one active Dunning_Policy record is needed; found 0']);
  });
});

test('the policy shipped in force-app loads and follows the documented default timeline', () => {
  const policy = loadSourcePolicy(REPO_ROOT);
  expect(policy.timeZone).toBe('America/Toronto');
  expect(policy.steps.map((s) => [s.action, s.offsetDays])).toEqual([
    ['Courtesy_Reminder', -5],
    ['Reminder', 1],
    ['Reminder', 15],
    ['Call_Task', 21],
    ['Reminder', 30],
    ['Suspension_Warning', 45],
    ['Suspension', 60],
    ['Write_Off_Referral', 90],
  ]);
  expect([...policy.thresholds.keys()].sort()).toEqual(['CAD', 'EUR', 'INR', 'SGD', 'USD']);
});
