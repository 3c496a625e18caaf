import LeadsPageContent from '../pages/leads/LeadsPage';
import { RemotePage } from './RemotePage';

/** Exposed to the Shell as `./LeadsPage` (remoteEntry.js). */
export default function LeadsPage({ basename }: { basename?: string }) {
  return (
    <RemotePage basename={basename}>
      <LeadsPageContent />
    </RemotePage>
  );
}
