export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED'] as const;
export const LEAD_SOURCES = ['WEB', 'IMPORT', 'REFERRAL', 'EVENT', 'SOCIAL', 'OTHER'] as const;
export const STAGES = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type LeadSource = (typeof LEAD_SOURCES)[number];
export type Stage = (typeof STAGES)[number];

export interface Lead {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string;
  company: string | null;
  cui: string | null;
  source: LeadSource | null;
  status: LeadStatus;
  score: number;
  convertedAccountId: string | null;
  convertedOpportunityId: string | null;
  marketingConsent: boolean;
  whid: string | null;
  createdAt: string;
  version: number;
}

export interface Opportunity {
  id: string;
  name: string;
  accountId: string;
  contactId: string | null;
  amount: number | null;
  currency: string | null;
  stage: Stage;
  expectedCloseDate: string | null;
  version: number;
}

export interface Account {
  id: string;
  name: string;
  cui: string | null;
  industry: string | null;
  website: string | null;
  phone: string | null;
  whid: string | null;
  complianceStatus: 'UNVERIFIED' | 'PENDING' | 'VERIFIED' | 'INVALID' | 'INACTIVE';
  officialName: string | null;
  vatPayer: boolean | null;
  employees: number | null;
  churnRisk: string | null;
  version: number;
}

export interface Contact {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  marketingConsent: boolean;
}

export interface TimelineEntry {
  id: string;
  kind: string;
  occurredAt: string;
  summary: string;
}

export interface CampaignMetrics {
  recipients: number;
  sent: number;
  delivered: number;
  bounced: number;
  opened: number;
  clicked: number;
}

export interface Audience {
  statuses: LeadStatus[];
  sources: LeadSource[];
  includeContacts: boolean;
}

export interface Campaign {
  id: string;
  name: string;
  subject: string;
  bodyHtml: string;
  audience: Audience;
  status: 'DRAFT' | 'SENDING' | 'SENT' | 'FAILED';
  metrics: CampaignMetrics;
  version: number;
}

export interface NavItem {
  path: string;
  labelKey: string;
  scope: string;
}
