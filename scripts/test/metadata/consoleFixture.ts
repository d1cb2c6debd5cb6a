/**
 * A small, complete console written into a project copy: labels with their translations, two
 * components (one on a page, one inside it), a record page and a home page assigned by an app, an
 * approval process with its workflow actions, queue and email template, and a record-triggered
 * flow. Every reference in it resolves, so the checks find nothing in these files; each test breaks
 * one reference and expects the finding. The fixture does not depend on the console the other
 * issue 5 files are building: the folders only that work writes to are emptied in the copy first.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT, ProjectCopy } from './projectCopy';

export const LABELS = `${DEFAULT}/labels/Collections_Fixture.labels-meta.xml`;
export const CARD = `${DEFAULT}/lwc/fixtureCard`;
export const CARD_JS = `${CARD}/fixtureCard.js`;
export const CARD_HTML = `${CARD}/fixtureCard.html`;
export const CARD_META = `${CARD}/fixtureCard.js-meta.xml`;
export const BADGE_JS = `${DEFAULT}/lwc/fixtureBadge/fixtureBadge.js`;
export const RECORD_PAGE = `${DEFAULT}/flexipages/Fixture_Case_Record_Page.flexipage-meta.xml`;
export const HOME_PAGE = `${DEFAULT}/flexipages/Fixture_Home_Page.flexipage-meta.xml`;
export const APP = `${DEFAULT}/applications/Collections_Fixture.app-meta.xml`;
export const APPROVAL = `${DEFAULT}/approvalProcesses/Payment_Plan__c.Fixture_Plan_Approval.approvalProcess-meta.xml`;
export const WORKFLOW = `${DEFAULT}/workflows/Payment_Plan__c.workflow-meta.xml`;
export const QUEUE = `${DEFAULT}/queues/Fixture_Plan_Approvers.queue-meta.xml`;
export const EMAIL_FOLDER = `${DEFAULT}/email/Collections_Fixture.emailFolder-meta.xml`;
export const EMAIL = `${DEFAULT}/email/Collections_Fixture/Fixture_Plan_Approved.email`;
export const EMAIL_META = `${EMAIL}-meta.xml`;
export const FLOW = `${DEFAULT}/flows/Fixture_Dispute_Routing.flow-meta.xml`;
export const TRANSLATION_FILES = ['fr', 'de', 'es', 'nl_NL'].map(
  (language) => `${DEFAULT}/translations/${language}.translation-meta.xml`,
);

const LABEL_NAMES = [
  'Collections_Fixture_Title',
  'Collections_Fixture_Empty',
  'Collections_Fixture_Page_Title',
  'Collections_Fixture_Flow_Error',
];

function label(name: string): string {
  return `    <labels>
        <fullName>${name}</fullName>
        <categories>Collections,Fixture</categories>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Fixture label ${name}, for the metadata check tests.</shortDescription>
        <value>Words of ${name}</value>
    </labels>
`;
}

const FILES: Record<string, string> = {
  [LABELS]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
${LABEL_NAMES.map(label).join('')}</CustomLabels>
`,
  [CARD_JS]: `import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import STATUS_FIELD from '@salesforce/schema/Collection_Case__c.Status__c';
import ACCOUNT_NAME_FIELD from '@salesforce/schema/Collection_Case__c.Account__r.Name';
import CASE_OBJECT from '@salesforce/schema/Collection_Case__c';
import TITLE from '@salesforce/label/c.Collections_Fixture_Title';
import { formatAmount } from 'c/collectionsFormat';

const CASE_QUERY = gql\`
    query fixtureCase($recordId: ID) {
        uiapi {
            query {
                Collection_Case__c(where: { Id: { eq: $recordId } }, orderBy: { Next_Action_Date__c: { order: ASC } }) {
                    edges {
                        node {
                            Id
                            Status__c {
                                value
                                displayValue
                            }
                            Account__r {
                                Name {
                                    value
                                }
                            }
                            Owner {
                                ... on User {
                                    Name {
                                        value
                                    }
                                }
                            }
                            Invoices__r(first: 50, where: { Status__c: { ne: "Paid" } }) {
                                edges {
                                    node {
                                        Id
                                        Open_Balance__c {
                                            value
                                        }
                                    }
                                }
                                totalCount
                            }
                        }
                    }
                }
            }
            aggregate {
                Invoice__c(groupBy: { CurrencyIsoCode: { group: true } }) {
                    edges {
                        node {
                            aggregate {
                                CurrencyIsoCode {
                                    value
                                }
                                Open_Balance__c {
                                    sum {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
\`;

export default class FixtureCard extends LightningElement {
    @api recordId;
    @api title;
    label = Object.freeze({ TITLE });
    fields = [STATUS_FIELD, ACCOUNT_NAME_FIELD];
    objectApiName = CASE_OBJECT;

    @wire(graphql, { query: CASE_QUERY, variables: '$variables' })
    result;

    get variables() {
        return { recordId: this.recordId };
    }

    format(value, currency) {
        return formatAmount(value, currency);
    }
}
`,
  [CARD_HTML]: `<template>
    <lightning-card title={label.TITLE}>
        <!-- <c-commented-out></c-commented-out> -->
        <c-fixture-badge status={status}></c-fixture-badge>
    </lightning-card>
</template>
`,
  [CARD_META]: `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <description>Fixture: a card on the collection case page and the home page.</description>
    <isExposed>true</isExposed>
    <masterLabel>Fixture Card</masterLabel>
    <targets>
        <target>lightning__RecordPage</target>
        <target>lightning__HomePage</target>
    </targets>
    <targetConfigs>
        <targetConfig targets="lightning__RecordPage">
            <property name="title" type="String" />
            <objects>
                <object>Collection_Case__c</object>
            </objects>
        </targetConfig>
        <targetConfig targets="lightning__HomePage">
            <property name="title" type="String" />
        </targetConfig>
    </targetConfigs>
</LightningComponentBundle>
`,
  [BADGE_JS]: `import { LightningElement, api } from 'lwc';
import EMPTY from '@salesforce/label/c.Collections_Fixture_Empty';

export default class FixtureBadge extends LightningElement {
    @api status;
    label = Object.freeze({ EMPTY });
}
`,
  [`${DEFAULT}/lwc/fixtureBadge/fixtureBadge.html`]: `<template>
    <span>{label.EMPTY}</span>
</template>
`,
  [`${DEFAULT}/lwc/fixtureBadge/fixtureBadge.js-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <description>Fixture: a badge inside the fixture card.</description>
    <isExposed>false</isExposed>
</LightningComponentBundle>
`,
  [RECORD_PAGE]: `<?xml version="1.0" encoding="UTF-8"?>
<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">
    <description>Fixture: the collection case page.</description>
    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentInstanceProperties>
                    <name>title</name>
                    <value>{!$Label.c.Collections_Fixture_Page_Title}</value>
                </componentInstanceProperties>
                <componentName>c:fixtureCard</componentName>
                <identifier>c_fixtureCard</identifier>
            </componentInstance>
        </itemInstances>
        <itemInstances>
            <fieldInstance>
                <fieldInstanceProperties>
                    <name>uiBehavior</name>
                    <value>readonly</value>
                </fieldInstanceProperties>
                <fieldItem>Record.Status__c</fieldItem>
                <identifier>RecordStatus__cField</identifier>
            </fieldInstance>
        </itemInstances>
        <name>main</name>
        <type>Region</type>
    </flexiPageRegions>
    <masterLabel>Fixture Case Record Page</masterLabel>
    <sobjectType>Collection_Case__c</sobjectType>
    <template>
        <name>flexipage:recordHomeTemplateDesktop</name>
    </template>
    <type>RecordPage</type>
</FlexiPage>
`,
  [HOME_PAGE]: `<?xml version="1.0" encoding="UTF-8"?>
<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">
    <description>Fixture: the app's home page.</description>
    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentName>c:fixtureCard</componentName>
                <identifier>c_fixtureCard_home</identifier>
            </componentInstance>
        </itemInstances>
        <name>top</name>
        <type>Region</type>
    </flexiPageRegions>
    <masterLabel>Fixture Home Page</masterLabel>
    <template>
        <name>home:desktopTemplate</name>
    </template>
    <type>HomePage</type>
</FlexiPage>
`,
  [APP]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomApplication xmlns="http://soap.sforce.com/2006/04/metadata">
    <actionOverrides>
        <actionName>View</actionName>
        <content>Fixture_Case_Record_Page</content>
        <formFactor>Large</formFactor>
        <skipRecordTypeSelect>false</skipRecordTypeSelect>
        <type>Flexipage</type>
        <pageOrSobjectType>Collection_Case__c</pageOrSobjectType>
    </actionOverrides>
    <description>Fixture: an app that assigns the fixture pages.</description>
    <formFactors>Large</formFactors>
    <label>Collections Fixture</label>
    <navType>Standard</navType>
    <profileActionOverrides>
        <actionName>Tab</actionName>
        <content>Fixture_Home_Page</content>
        <formFactor>Large</formFactor>
        <pageOrSobjectType>standard-home</pageOrSobjectType>
        <type>Flexipage</type>
        <profile>Admin</profile>
    </profileActionOverrides>
    <tabs>standard-home</tabs>
    <tabs>Collection_Case__c</tabs>
    <uiType>Lightning</uiType>
</CustomApplication>
`,
  [APPROVAL]: `<?xml version="1.0" encoding="UTF-8"?>
<ApprovalProcess xmlns="http://soap.sforce.com/2006/04/metadata">
    <active>true</active>
    <allowRecall>true</allowRecall>
    <allowedSubmitters>
        <type>owner</type>
    </allowedSubmitters>
    <approvalPageFields>
        <field>Name</field>
        <field>Total_Amount__c</field>
    </approvalPageFields>
    <approvalStep>
        <allowDelegate>false</allowDelegate>
        <assignedApprover>
            <approver>
                <type>userHierarchyField</type>
            </approver>
        </assignedApprover>
        <label>Manager</label>
        <name>Manager</name>
    </approvalStep>
    <approvalStep>
        <allowDelegate>false</allowDelegate>
        <approvalActions>
            <action>
                <name>Fixture_Set_Approved</name>
                <type>FieldUpdate</type>
            </action>
        </approvalActions>
        <assignedApprover>
            <approver>
                <name>Fixture_Plan_Approvers</name>
                <type>queue</type>
            </approver>
            <whenMultipleApprovers>FirstResponse</whenMultipleApprovers>
        </assignedApprover>
        <entryCriteria>
            <criteriaItems>
                <field>Payment_Plan__c.Corporate_Amount__c</field>
                <operation>greaterThan</operation>
                <value>10000</value>
            </criteriaItems>
        </entryCriteria>
        <ifCriteriaNotMet>ApproveRecord</ifCriteriaNotMet>
        <label>Finance</label>
        <name>Finance</name>
    </approvalStep>
    <description>Fixture: plans go to the submitter's manager, and large ones to finance.</description>
    <emailTemplate>Collections_Fixture/Fixture_Plan_Approved</emailTemplate>
    <enableMobileDeviceAccess>false</enableMobileDeviceAccess>
    <entryCriteria>
        <criteriaItems>
            <field>Payment_Plan__c.Status__c</field>
            <operation>equals</operation>
            <value>Draft</value>
        </criteriaItems>
    </entryCriteria>
    <finalApprovalActions>
        <action>
            <name>Fixture_Plan_Approved_Alert</name>
            <type>Alert</type>
        </action>
    </finalApprovalActions>
    <finalApprovalRecordLock>false</finalApprovalRecordLock>
    <finalRejectionRecordLock>false</finalRejectionRecordLock>
    <initialSubmissionActions>
        <action>
            <name>Fixture_Set_Pending</name>
            <type>FieldUpdate</type>
        </action>
    </initialSubmissionActions>
    <label>Fixture Plan Approval</label>
    <nextAutomatedApprover>
        <useApproverFieldOfRecordOwner>false</useApproverFieldOfRecordOwner>
        <userHierarchyField>Manager</userHierarchyField>
    </nextAutomatedApprover>
    <recordEditability>AdminOnly</recordEditability>
    <showApprovalHistory>true</showApprovalHistory>
</ApprovalProcess>
`,
  [WORKFLOW]: `<?xml version="1.0" encoding="UTF-8"?>
<Workflow xmlns="http://soap.sforce.com/2006/04/metadata">
    <alerts>
        <fullName>Fixture_Plan_Approved_Alert</fullName>
        <description>Fixture: tells the plan's owner that it was approved.</description>
        <protected>false</protected>
        <recipients>
            <type>owner</type>
        </recipients>
        <senderType>CurrentUser</senderType>
        <template>Collections_Fixture/Fixture_Plan_Approved</template>
    </alerts>
    <fieldUpdates>
        <fullName>Fixture_Set_Approved</fullName>
        <description>Fixture: the plan is approved.</description>
        <field>Status__c</field>
        <literalValue>Approved</literalValue>
        <name>Set Approved</name>
        <notifyAssignee>false</notifyAssignee>
        <operation>Literal</operation>
        <protected>false</protected>
    </fieldUpdates>
    <fieldUpdates>
        <fullName>Fixture_Set_Pending</fullName>
        <description>Fixture: the plan waits for approval.</description>
        <field>Status__c</field>
        <literalValue>Pending_Approval</literalValue>
        <name>Set Pending</name>
        <notifyAssignee>false</notifyAssignee>
        <operation>Literal</operation>
        <protected>false</protected>
    </fieldUpdates>
</Workflow>
`,
  [QUEUE]: `<?xml version="1.0" encoding="UTF-8"?>
<Queue xmlns="http://soap.sforce.com/2006/04/metadata">
    <description>Fixture: finance approvers of payment plans.</description>
    <doesSendEmailToMembers>false</doesSendEmailToMembers>
    <name>Fixture Plan Approvers</name>
    <queueSobject>
        <sobjectType>Payment_Plan__c</sobjectType>
    </queueSobject>
</Queue>
`,
  [EMAIL_FOLDER]: `<?xml version="1.0" encoding="UTF-8"?>
<EmailFolder xmlns="http://soap.sforce.com/2006/04/metadata">
    <accessType>Public</accessType>
    <name>Collections Fixture</name>
    <publicFolderAccess>ReadWrite</publicFolderAccess>
</EmailFolder>
`,
  [EMAIL_META]: `<?xml version="1.0" encoding="UTF-8"?>
<EmailTemplate xmlns="http://soap.sforce.com/2006/04/metadata">
    <available>true</available>
    <description>Fixture: sent to the plan's owner when the plan is approved.</description>
    <encodingKey>UTF-8</encodingKey>
    <name>Fixture Plan Approved</name>
    <style>none</style>
    <subject>Plan {!Payment_Plan__c.Name} approved</subject>
    <type>text</type>
    <uiType>Aloha</uiType>
</EmailTemplate>
`,
  [EMAIL]: `Hello,

the payment plan for {!Payment_Plan__c.Total_Amount__c} was approved.
{!Payment_Plan__c.Link}
`,
  [FLOW]: `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <description>Fixture: escalates the case when a dispute is opened.</description>
    <formulas>
        <name>errorText</name>
        <dataType>String</dataType>
        <expression>{!$Label.Collections_Fixture_Flow_Error} {!$Record.Routed_Team__c}</expression>
    </formulas>
    <label>Fixture Dispute Routing</label>
    <processType>AutoLaunchedFlow</processType>
    <recordLookups>
        <name>Get_Case</name>
        <label>Get Case</label>
        <locationX>176</locationX>
        <locationY>287</locationY>
        <assignNullValuesIfNoRecordsFound>false</assignNullValuesIfNoRecordsFound>
        <connector>
            <targetReference>Update_Case</targetReference>
        </connector>
        <filterLogic>and</filterLogic>
        <filters>
            <field>Id</field>
            <operator>EqualTo</operator>
            <value>
                <elementReference>$Record.Collection_Case__c</elementReference>
            </value>
        </filters>
        <getFirstRecordOnly>true</getFirstRecordOnly>
        <object>Collection_Case__c</object>
        <queriedFields>Id</queriedFields>
        <queriedFields>Escalated__c</queriedFields>
        <storeOutputAutomatically>true</storeOutputAutomatically>
    </recordLookups>
    <recordUpdates>
        <name>Update_Case</name>
        <label>Update Case</label>
        <locationX>176</locationX>
        <locationY>395</locationY>
        <inputAssignments>
            <field>Escalated__c</field>
            <value>
                <booleanValue>true</booleanValue>
            </value>
        </inputAssignments>
        <inputReference>Get_Case</inputReference>
    </recordUpdates>
    <start>
        <locationX>50</locationX>
        <locationY>0</locationY>
        <connector>
            <targetReference>Get_Case</targetReference>
        </connector>
        <filterLogic>and</filterLogic>
        <filters>
            <field>Status__c</field>
            <operator>EqualTo</operator>
            <value>
                <stringValue>Open</stringValue>
            </value>
        </filters>
        <object>Dispute__c</object>
        <recordTriggerType>Create</recordTriggerType>
        <triggerType>RecordAfterSave</triggerType>
    </start>
    <status>Active</status>
</Flow>
`,
};

/** The folders only issue 5's pages, approvals and flows write to: emptied so the fixture stands alone. */
const OWN_FOLDERS = ['flexipages', 'approvalProcesses', 'workflows', 'email', 'flows'];

export const FIXTURE_FILES = Object.keys(FILES);

function translationBlock(language: string): string {
  return LABEL_NAMES.map(
    (name) => `    <customLabels>
        <label>${language}: ${name}</label>
        <name>${name}</name>
    </customLabels>
`,
  ).join('');
}

/** Writes the fixture into a fresh project copy and returns the copy. */
export function consoleCopy(): ProjectCopy {
  const copy = new ProjectCopy();
  for (const folder of OWN_FOLDERS) {
    if (existsSync(join(copy.dir, DEFAULT, folder))) copy.remove(`${DEFAULT}/${folder}`);
  }
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(copy.dir, path)), { recursive: true });
    copy.write(path, text);
  }
  for (const path of TRANSLATION_FILES) {
    const language = /translations\/(\w+)\./.exec(path)?.[1] ?? '';
    copy.replace(path, '</Translations>', `${translationBlock(language)}</Translations>`);
  }
  return copy;
}

/** The 1-based line of the first line of `path` (as written in the copy) that contains `text`. */
export function lineOf(copy: ProjectCopy, path: string, text: string, after = ''): number {
  const lines = copy.read(path).split('\n');
  const start = after ? lines.findIndex((line) => line.includes(after)) : 0;
  const index = lines.findIndex((line, i) => i >= start && line.includes(text));
  if (index === -1 || start === -1) throw new Error(`${path} has no line with ${text}`);
  return index + 1;
}

/** Findings in the fixture's own files (and the translation files it extends). */
export function fixtureProblems(problems: string[]): string[] {
  const files = [...FIXTURE_FILES, ...TRANSLATION_FILES];
  return problems.filter((line) => files.some((file) => line.startsWith(`${file}:`)));
}

/** Fails with every finding when none is exactly `${file}:${line}: ...message... [check]`. */
export function expectFinding(problems: string[], file: string, line: number, message: string): void {
  const where = `${file}:${line}: `;
  if (!problems.some((problem) => problem.startsWith(where) && problem.includes(message))) {
    const inFile = problems.filter((problem) => problem.startsWith(`${file}:`));
    throw new Error(
      `no finding at ${where}mentioning ${JSON.stringify(message)}; findings in ${file} were:\n${inFile.join('\n') || '(none)'}`,
    );
  }
}
