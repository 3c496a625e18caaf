package io.vettify.crm.common.consent;

import io.vettify.crm.audit.AuditActions;
import io.vettify.crm.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Audits every change of a person's marketing consent, with digests of its state (granted, source, time). */
@ApplicationScoped
public class ConsentAudit {

    private final AuditTrail audit;

    public ConsentAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /** Records {@code consent.changed} when the consent differs from what it was; nothing otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordIfChanged(String subjectType, UUID subjectId, MarketingConsent before, MarketingConsent after) {
        if (!before.equals(after)) {
            audit.record(AuditActions.CONSENT_CHANGED, subjectType, subjectId, before, after);
        }
    }
}
