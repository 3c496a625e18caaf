package io.vettify.crm.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Feature flags, read from configuration ({@code vettify.features.*}). A runtime pinned to one tenant has its own
 * configuration, so on a cluster a flag is a per-tenant switch.
 */
@ConfigMapping(prefix = "vettify.features")
public interface Features {

    /** {@code campaign_send_v2}: campaign e-mails personalised per recipient (see CampaignSendService). */
    @WithName("campaign-send-v2")
    @WithDefault("false")
    boolean campaignSendV2();
}
