import CampaignsPageContent from '../pages/campaigns/CampaignsPage';
import { RemotePage } from './RemotePage';

/** Exposed to the Shell as `./CampaignsPage` (remoteEntry.js). */
export default function CampaignsPage({ basename }: { basename?: string }) {
  return (
    <RemotePage basename={basename}>
      <CampaignsPageContent />
    </RemotePage>
  );
}
