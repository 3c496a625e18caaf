package io.vettify.operator.thirdparty.externalsecrets;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** External Secrets' {@code ExternalSecret} (external-secrets.io/v1), typed for the fields Vettify writes and reads. */
@Group("external-secrets.io")
@Version("v1")
@Kind("ExternalSecret")
public class ExternalSecret extends CustomResource<ExternalSecretSpec, ExternalSecretStatus> implements Namespaced {
}
