package io.vettify.crm.campaigns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Resolves an audience to the people a campaign goes to: the leads it selects and, if it says so, the contacts — only
 * those with marketing consent and a well-formed e-mail address, one per address (a lead and a contact with the same
 * address are one recipient). Row-level security limits it to what the sender may see.
 */
@ApplicationScoped
class AudienceResolver {

    /** The same shape as the email.send request schema's recipient email. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    /** One person to send to; names serve the personalised send. */
    record Member(String email, UUID leadId, UUID contactId, String firstName, String lastName) {

        Member withContact(UUID contact) {
            return new Member(email, leadId, contact, firstName, lastName);
        }
    }

    private final EntityManager entityManager;

    AudienceResolver(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<Member> resolve(Audience audience) {
        Map<String, Member> byEmail = new LinkedHashMap<>();
        for (Object[] row : leads(audience)) {
            add(byEmail, new Member((String) row[1], (UUID) row[0], null, (String) row[2], (String) row[3]));
        }
        if (audience.includeContacts()) {
            for (Object[] row : contacts()) {
                add(byEmail, new Member((String) row[1], null, (UUID) row[0], (String) row[2], (String) row[3]));
            }
        }
        return new ArrayList<>(byEmail.values());
    }

    private static void add(Map<String, Member> byEmail, Member member) {
        String email = member.email() == null ? "" : member.email().trim();
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            return;
        }
        String key = email.toLowerCase(Locale.ROOT);
        Member known = byEmail.get(key);
        if (known == null) {
            byEmail.put(key, new Member(email, member.leadId(), member.contactId(), member.firstName(),
                    member.lastName()));
        } else if (known.contactId() == null && member.contactId() != null) {
            byEmail.put(key, known.withContact(member.contactId()));
        }
    }

    private List<Object[]> leads(Audience audience) {
        StringBuilder jpql = new StringBuilder(
                "select l.id, l.email, l.firstName, l.lastName from Lead l where l.marketingConsent = true");
        if (!audience.statuses().isEmpty()) {
            jpql.append(" and l.status in :statuses");
        }
        if (!audience.sources().isEmpty()) {
            jpql.append(" and l.source in :sources");
        }
        jpql.append(" order by l.createdAt, l.id");
        TypedQuery<Object[]> query = entityManager.createQuery(jpql.toString(), Object[].class);
        if (!audience.statuses().isEmpty()) {
            query.setParameter("statuses", audience.statuses());
        }
        if (!audience.sources().isEmpty()) {
            query.setParameter("sources", audience.sources());
        }
        return query.getResultList();
    }

    private List<Object[]> contacts() {
        return entityManager.createQuery("select c.id, c.email, c.firstName, c.lastName from Contact c "
                + "where c.marketingConsent = true and c.email is not null order by c.createdAt, c.id", Object[].class)
                .getResultList();
    }
}
