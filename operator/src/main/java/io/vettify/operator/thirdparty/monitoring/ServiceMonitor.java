package io.vettify.operator.thirdparty.monitoring;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** The Prometheus operator's {@code ServiceMonitor} (monitoring.coreos.com/v1), typed for the fields Vettify writes. */
@Group("monitoring.coreos.com")
@Version("v1")
@Kind("ServiceMonitor")
public class ServiceMonitor extends CustomResource<ServiceMonitorSpec, Void> implements Namespaced {
}
