import { z } from 'zod';
import { LEAD_SOURCES } from '../../api/types';

const WEIGHTS = [7, 5, 3, 2, 1, 7, 5, 3, 2];

/** A Romanian fiscal code (CUI/CIF) with a correct check digit, with or without the RO prefix (FiscalCodes.java). */
export function isFiscalCode(value: string): boolean {
  let code = value.trim().toUpperCase().replace(/ /g, '');
  if (code.startsWith('RO')) code = code.substring(2);
  if (!/^[1-9][0-9]{1,9}$/.test(code)) return false;
  const body = code.slice(0, -1).padStart(9, '0');
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  const check = ((sum * 10) % 11) % 10;
  return check === Number(code[code.length - 1]);
}

// Mirrors LeadRequest's constraints; messages are i18n keys.
const text = (max: number) => z.string().max(max, { message: `error.tooLong:${max}` });

export const leadSchema = z.object({
  email: z.string().trim().min(1, { message: 'error.required' }).max(320, { message: 'error.tooLong:320' }).pipe(z.email({ message: 'error.email' })),
  firstName: text(100),
  lastName: text(100),
  company: text(200),
  cui: z.string().refine((v) => v.trim() === '' || isFiscalCode(v), { message: 'error.cui' }),
  source: z.union([z.enum(LEAD_SOURCES), z.literal('')]),
  status: z.enum(['NEW', 'CONTACTED', 'DISQUALIFIED']),
  marketingConsent: z.boolean(),
  whid: z.string().refine((v) => v === '' || /^[a-z0-9][a-z0-9-]{0,39}$/.test(v), { message: 'error.whid' }),
});

export type LeadFormValues = z.infer<typeof leadSchema>;

export const emptyLead: LeadFormValues = {
  email: '', firstName: '', lastName: '', company: '', cui: '', source: '', status: 'NEW', marketingConsent: false, whid: '',
};

/** The request body: empty text is absent. */
export function toRequest(values: LeadFormValues, version?: number) {
  const blank = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    email: values.email.trim(),
    firstName: blank(values.firstName),
    lastName: blank(values.lastName),
    company: blank(values.company),
    cui: blank(values.cui),
    source: values.source || null,
    status: values.status,
    marketingConsent: values.marketingConsent,
    whid: blank(values.whid),
    ...(version !== undefined ? { version } : {}),
  };
}
