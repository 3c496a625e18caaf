package io.vettify.crm.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs work that has no authenticated request (demo data, later the bus consumers) in one transaction as a given
 * tenant and warehouse, through the same {@link TenantContext} the API uses.
 */
@ApplicationScoped
public class TenantScope {

    private final TenantContext tenantContext;

    public TenantScope(TenantContext tenantContext) {
        this.tenantContext = tenantContext;
    }

    public void inTransaction(String tenantId, String warehouseId, Runnable work) {
        ManagedContext requestContext = Arc.container().requestContext();
        // A fresh request context, so the tenant bound here never leaks into (or from) a surrounding one.
        InjectableContext.ContextState suspended = requestContext.getStateIfActive();
        if (suspended != null) {
            requestContext.deactivate();
        }
        requestContext.activate();
        try {
            tenantContext.bind(tenantId, warehouseId);
            QuarkusTransaction.requiringNew().run(work);
        } finally {
            requestContext.terminate();
            if (suspended != null) {
                requestContext.activate(suspended);
            }
        }
    }
}
