package io.vettify.crm.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Appends to the tenant's audit chain in the caller's transaction: the action and its audit entry commit together
 * or not at all. Only digests of the subject's states are kept, never the states themselves.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of work that has no authenticated caller (e.g. a background job). */
    public static final String SYSTEM_ACTOR = "system";

    private final AuditEntryRepository entries;
    private final TenantContext tenant;
    private final Instance<SecurityIdentity> identity;
    private final ObjectMapper mapper;

    public AuditTrail(AuditEntryRepository entries, TenantContext tenant, Instance<SecurityIdentity> identity,
            ObjectMapper mapper) {
        this.entries = entries;
        this.tenant = tenant;
        this.identity = identity;
        this.mapper = mapper;
    }

    /**
     * @param action one of {@link AuditActions}
     * @param subjectType what the action concerns ({@code lead}, {@code person}, ...)
     * @param subjectId its id, if it has one
     * @param before the subject's state before (any JSON-serializable value; null: none), kept as a digest
     * @param after the subject's state after, kept as a digest
     * @return the recorded entry
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String action, String subjectType, UUID subjectId, Object before, Object after) {
        String tid = tenant.tenantId().orElseThrow(() -> new IllegalStateException("an audit entry needs a tenant"));
        AuditEntryRepository.Head head = entries.lockHead();
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.seq = head.lastSeq() + 1;
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor();
        entry.actorWhid = tenant.warehouseId().orElse(null);
        entry.action = action;
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        entry.beforeDigest = CanonicalJson.digest(mapper, before);
        entry.afterDigest = CanonicalJson.digest(mapper, after);
        entry.prevHash = head.lastHash();
        entry.hash = AuditChain.hash(tid, entry);
        entries.persist(entry);
        entries.advanceHead(entry);
        return entry;
    }

    private String actor() {
        if (!identity.isResolvable()) {
            return SYSTEM_ACTOR;
        }
        SecurityIdentity caller = identity.get();
        if (caller.isAnonymous()) {
            return SYSTEM_ACTOR;
        }
        String subject = caller.getPrincipal() instanceof JsonWebToken token ? token.getSubject()
                : caller.getPrincipal().getName();
        if (subject == null || subject.isBlank()) {
            return SYSTEM_ACTOR;
        }
        return subject.length() > 255 ? subject.substring(0, 255) : subject;
    }
}
