package io.vettify.crm.tenancy;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionScoped;

/**
 * Sets {@code app.tid} and {@code app.whid} at the start of every transaction, transaction-local
 * ({@code set_config(..., true)}), from the {@link TenantContext}. Without a tenant nothing is set and the
 * database's defaults (empty) match no row: fail closed.
 */
@ApplicationScoped
public class TenantTransactionBinder {

    @Inject
    EntityManager entityManager;

    @Inject
    TenantContext tenantContext;

    @Inject
    TransactionManager transactionManager;

    void onTransactionBegin(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        try {
            tenantContext.tenantId().ifPresent(tid -> entityManager
                    .createNativeQuery("SELECT set_config('app.tid', ?1, true), set_config('app.whid', ?2, true)")
                    .setParameter(1, tid)
                    .setParameter(2, tenantContext.warehouseId().orElse(""))
                    .getResultList());
        } catch (RuntimeException e) {
            // The caller sees begin() fail and will neither commit nor roll back: end the transaction here, or it
            // stays on this worker thread and a later request would join it without its tenant context.
            try {
                transactionManager.rollback();
            } catch (Exception rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }
}
