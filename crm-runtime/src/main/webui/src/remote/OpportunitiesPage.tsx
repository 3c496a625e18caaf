import OpportunitiesPageContent from '../pages/opportunities/OpportunitiesPage';
import { RemotePage } from './RemotePage';

/** Exposed to the Shell as `./OpportunitiesPage` (remoteEntry.js). */
export default function OpportunitiesPage({ basename }: { basename?: string }) {
  return (
    <RemotePage basename={basename}>
      <OpportunitiesPageContent />
    </RemotePage>
  );
}
