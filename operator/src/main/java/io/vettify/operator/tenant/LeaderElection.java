package io.vettify.operator.tenant;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One active operator replica at a time (QOSDK activates it in the prod profile); the others wait on the lease. */
public class LeaderElection {

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElectionConfiguration(
            @ConfigProperty(name = "vettify.operator.lease-namespace") String namespace) {
        return new LeaderElectionConfiguration("vettify-operator-lease", namespace);
    }
}
