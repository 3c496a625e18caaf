package io.vettify.crm.tenancy;

import io.quarkus.security.identity.SecurityIdentity;
import io.vettify.crm.common.api.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The tenant (tid) and warehouse (whid) of the current unit of work. For API requests they come from the
 * authenticated token (see {@link io.vettify.crm.security.TenantClaimsAugmentor}); work that has no request
 * (demo data, later the bus consumers) binds them explicitly. Nothing in a request body, header or query
 * can choose them.
 */
@RequestScoped
public class TenantContext {

    public static final String TID_ATTRIBUTE = "vettify.tid";
    public static final String WHID_ATTRIBUTE = "vettify.whid";

    @Inject
    SecurityIdentity identity;

    private String tenantId;
    private String warehouseId;
    private boolean bound;

    /** Binds the context for work that does not come from an authenticated request. */
    public void bind(String tenantId, String warehouseId) {
        if (!TenantIds.isValidTenantId(tenantId)) {
            throw new IllegalArgumentException("invalid tenant id: " + tenantId);
        }
        if (warehouseId != null && !TenantIds.isValidWarehouseId(warehouseId)) {
            throw new IllegalArgumentException("invalid warehouse id: " + warehouseId);
        }
        this.tenantId = tenantId;
        this.warehouseId = warehouseId;
        this.bound = true;
    }

    /** The tenant, or empty when there is no authenticated tenant (then the database shows no rows). */
    public Optional<String> tenantId() {
        resolve();
        return Optional.ofNullable(tenantId);
    }

    /** The caller's warehouse; empty for a tenant-wide caller, who sees tenant-wide rows only. */
    public Optional<String> warehouseId() {
        resolve();
        return Optional.ofNullable(warehouseId);
    }

    /**
     * A row the caller writes must stay visible to them: a warehouse caller writes their warehouse's rows or
     * tenant-wide rows; a tenant-wide caller writes tenant-wide rows only (the database's WITH CHECK agrees).
     */
    public void checkWritableWarehouse(String whid) {
        if (whid == null) {
            return;
        }
        Optional<String> own = warehouseId();
        if (own.isEmpty()) {
            throw ProblemException.invalid("whid", "must be empty: your token is not bound to a warehouse");
        }
        if (!own.get().equals(whid)) {
            throw ProblemException.invalid("whid", "must be empty or your warehouse '" + own.get() + "'");
        }
    }

    /** A row may reference a warehouse's row only when it belongs to that warehouse too. */
    public void checkLinkable(String parentWhid, String childWhid, String field) {
        if (parentWhid != null && !parentWhid.equals(childWhid)) {
            throw ProblemException.invalid(field, "belongs to warehouse '" + parentWhid + "': set whid to '"
                    + parentWhid + "' to link it");
        }
    }

    private void resolve() {
        if (bound) {
            return;
        }
        bound = true;
        if (identity != null && !identity.isAnonymous()) {
            tenantId = identity.getAttribute(TID_ATTRIBUTE);
            warehouseId = identity.getAttribute(WHID_ATTRIBUTE);
        }
    }
}
