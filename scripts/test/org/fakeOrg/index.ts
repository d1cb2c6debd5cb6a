export { FakeOrg, type FakeOrgOptions, type LoggedRequest } from './server';
export { describeForceApp, describeProject, type OrgDescribe } from './describe';
export type { RecordFault, RequestFault, RequestFaultAction } from './faults';
export type { SentEmail } from './email';
