package io.vettify.crm.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The ids of the events already processed: a redelivered event changes nothing. */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event in the current transaction; false when it was processed before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String tid, String eventType) {
        return entityManager.createNativeQuery("""
                INSERT INTO crm_messaging.inbox (event_id, tid, event_type) VALUES (?1, ?2, ?3)
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, tid).setParameter(3, eventType)
                .executeUpdate() == 1;
    }
}
