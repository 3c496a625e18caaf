import { Chip } from '@mui/material';
import type { Account } from '../../api/types';

const COLORS = { VERIFIED: 'success', PENDING: 'info', UNVERIFIED: 'default', INVALID: 'error', INACTIVE: 'warning' } as const;

export function ComplianceChip({ status }: { status: Account['complianceStatus'] }) {
  return <Chip size="small" variant="outlined" color={COLORS[status]} label={status} />;
}
