package io.vettify.crm.gdpr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vettify.crm.accounts.Account;
import io.vettify.crm.accounts.AccountRepository;
import io.vettify.crm.accounts.AccountView;
import io.vettify.crm.attachments.AttachmentService;
import io.vettify.crm.attachments.AttachmentView;
import io.vettify.crm.audit.AuditActions;
import io.vettify.crm.audit.AuditEntryRepository;
import io.vettify.crm.audit.AuditTrail;
import io.vettify.crm.campaigns.CampaignRecipient;
import io.vettify.crm.common.consent.MarketingConsent;
import io.vettify.crm.contacts.Contact;
import io.vettify.crm.contacts.ContactRepository;
import io.vettify.crm.contacts.ContactView;
import io.vettify.crm.leads.Lead;
import io.vettify.crm.leads.LeadRepository;
import io.vettify.crm.leads.LeadView;
import io.vettify.crm.messaging.DomainEvents;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.opportunities.Opportunity;
import io.vettify.crm.opportunities.OpportunityRepository;
import io.vettify.crm.opportunities.OpportunityView;
import io.vettify.crm.opportunities.SalesOrderRepository;
import io.vettify.crm.tenancy.TenantContext;
import io.vettify.crm.timeline.TimelineEntry;
import io.vettify.crm.timeline.TimelineService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * GDPR rights over one person, identified by email (PRODUCT.md B15): export everything held about them, or erase
 * it by anonymising their rows in place. Both are audited (digests only) and published. Row-level security applies:
 * a caller covers the rows they see (tenant-wide rows, plus their warehouse's rows for a warehouse token).
 */
@ApplicationScoped
@Transactional
public class GdprService {

    private final LeadRepository leads;
    private final ContactRepository contacts;
    private final OpportunityRepository opportunities;
    private final AccountRepository accounts;
    private final SalesOrderRepository salesOrders;
    private final TimelineService timeline;
    private final AttachmentService attachments;
    private final AuditEntryRepository auditEntries;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final TenantContext tenant;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public GdprService(LeadRepository leads, ContactRepository contacts, OpportunityRepository opportunities,
            AccountRepository accounts, SalesOrderRepository salesOrders, TimelineService timeline,
            AttachmentService attachments, AuditEntryRepository auditEntries, AuditTrail audit, DomainEvents events, TenantContext tenant,
            EntityManager entityManager, ObjectMapper mapper) {
        this.leads = leads;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.salesOrders = salesOrders;
        this.timeline = timeline;
        this.attachments = attachments;
        this.auditEntries = auditEntries;
        this.audit = audit;
        this.events = events;
        this.tenant = tenant;
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    public PersonExport export(String email) {
        Person person = find(normalize(email));
        PersonRows rows = rows(person);
        UUID requestId = UUID.randomUUID();
        Instant now = now();
        audit.record(AuditActions.GDPR_EXPORTED, "person", requestId, null, rows);
        events.record(EventTypes.GDPR_EXPORTED, "person", requestId, tenant.warehouseId().orElse(null),
                new GdprEvents.Exported(requestId, rows.leads().size(), rows.contacts().size(), rows.count(), now));
        return new PersonExport(requestId, person.email, now, rows);
    }

    /**
     * Anonymises every row about the person: names, emails and phones replaced, free text cleared of their
     * identifiers, consent withdrawn, worker requests about them emptied (a pending one cancelled), their
     * attachments deleted from the bucket. Other rows are not touched.
     */
    public Erasure erase(String email) {
        Person person = find(normalize(email));
        PersonRows before = rows(person);
        Scrubber scrubber = Scrubber.of(person.identifiers());
        Instant now = now();
        for (Lead lead : person.leads) {
            lead.firstName = null;
            lead.lastName = null;
            lead.email = "erased-" + lead.id + "@erased.invalid";
            if (scrubber.matchesWhole(lead.company)) {
                lead.company = null;
            }
            lead.consent(new MarketingConsent(false, null, now));
        }
        for (Contact contact : person.contacts) {
            contact.firstName = null;
            contact.lastName = Scrubber.ERASED;
            contact.email = null;
            contact.phone = null;
            contact.title = null;
            contact.consent(new MarketingConsent(false, null, now));
        }
        for (Opportunity opportunity : person.opportunities) {
            String name = scrubber.scrub(opportunity.name);
            opportunity.name = name.isBlank() ? Scrubber.ERASED : name;
        }
        for (Account account : person.accounts) {
            account.name = Scrubber.ERASED;
            account.phone = null;
            account.website = null;
        }
        for (TimelineEntry entry : person.timeline) {
            entry.summary = scrubber.scrub(entry.summary);
        }
        int deletedAttachments = 0;
        for (Contact contact : person.contacts) {
            deletedAttachments += attachments.deleteAllOf("contact", contact.id);
        }
        for (Account account : person.accounts) {
            deletedAttachments += attachments.deleteAllOf("account", account.id);
        }
        for (CampaignRecipient recipient : person.campaignRecipients) {
            recipient.email = "erased-" + recipient.id + "@erased.invalid";
        }
        int workerJobs = eraseWorkerJobs(person.ids());
        removeFromEmailBatches(person.email);
        entityManager.flush();

        UUID requestId = UUID.randomUUID();
        PersonRows after = rows(person);
        audit.record(AuditActions.GDPR_ERASED, "person", requestId, before, after);
        events.record(EventTypes.GDPR_ERASED, "person", requestId, tenant.warehouseId().orElse(null),
                new GdprEvents.Erased(requestId, person.leads.size(), person.contacts.size(), before.count(), now));
        return new Erasure(requestId, now, person.leads.size(), person.contacts.size(), person.opportunities.size(),
                person.accounts.size(), person.timeline.size(), deletedAttachments, person.campaignRecipients.size(),
                workerJobs);
    }

    /** Requests and results about the person emptied; a job still waiting is cancelled, its request not sent again. */
    private int eraseWorkerJobs(List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        entityManager.createNativeQuery("""
                        DELETE FROM crm_messaging.worker_dispatch WHERE tid = current_setting('app.tid')
                        AND job_id IN (SELECT id FROM crm.worker_jobs WHERE subject_id IN (:ids))""")
                .setParameter("ids", ids)
                .executeUpdate();
        return entityManager.createNativeQuery("""
                        UPDATE crm.worker_jobs SET request = '{}'::jsonb, result = NULL,
                          status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END,
                          error = CASE WHEN status = 'PENDING' THEN 'cancelled: the person was erased (GDPR)' END,
                          updated_at = now(), version = version + 1
                        WHERE subject_id IN (:ids)""")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** The person's rows: by email, then what refers to them. */
    private Person find(String email) {
        List<Lead> personLeads = leads.list("lower(email) = ?1 order by createdAt, id", email);
        Set<UUID> contactIds = new LinkedHashSet<>();
        personLeads.stream().map(l -> l.convertedContactId).filter(Objects::nonNull).forEach(contactIds::add);
        List<Contact> personContacts = contacts.list(
                "lower(email) = ?1 or id in ?2 order by createdAt, id", email, orNone(contactIds));
        Set<UUID> contactsOfPerson = new LinkedHashSet<>(personContacts.stream().map(c -> c.id).toList());
        Set<UUID> opportunityIds = new LinkedHashSet<>();
        personLeads.stream().map(l -> l.convertedOpportunityId).filter(Objects::nonNull).forEach(opportunityIds::add);
        List<Opportunity> personOpportunities = opportunities.list(
                "contactId in ?1 or id in ?2 order by createdAt, id", orNone(contactsOfPerson), orNone(opportunityIds));

        Person person = new Person(email, personLeads, personContacts, personOpportunities);
        Scrubber scrubber = Scrubber.of(person.identifiers());
        Set<UUID> linkedAccounts = new LinkedHashSet<>();
        personLeads.stream().map(l -> l.convertedAccountId).filter(Objects::nonNull).forEach(linkedAccounts::add);
        personContacts.stream().map(c -> c.accountId).filter(Objects::nonNull).forEach(linkedAccounts::add);
        person.accounts = accounts.list("id in ?1 order by createdAt, id", orNone(linkedAccounts)).stream()
                .filter(account -> scrubber.matchesWhole(account.name)).toList();
        person.timeline = timeline.mentioning(person.ids());
        person.campaignRecipients = CampaignRecipient.list(
                "lower(email) = ?1 or leadId in ?2 or contactId in ?3 order by createdAt, id", email,
                orNone(personLeads.stream().map(l -> l.id).toList()), orNone(contactsOfPerson));
        return person;
    }

    private PersonRows rows(Person person) {
        List<UUID> ids = person.ids();
        return new PersonRows(
                person.leads.stream().map(LeadView::of).toList(),
                person.contacts.stream().map(ContactView::of).toList(),
                person.opportunities.stream().map(o -> OpportunityView.of(o, salesOrders.ofOpportunities(List.of(o.id))))
                        .toList(),
                person.accounts.stream().map(AccountView::of).toList(),
                person.timeline.stream().map(timeline::view).toList(),
                attachmentsOf(person),
                person.campaignRecipients.stream().map(r -> new PersonRows.CampaignRecipientRow(r.id, r.campaignId,
                        r.email, r.leadId, r.contactId, r.status.name(), r.openedAt, r.clickedAt, r.createdAt)).toList(),
                workerJobs(ids),
                ids.isEmpty() ? List.of() : auditEntries.list("subjectId in ?1 order by seq", ids).stream()
                        .map(e -> new PersonRows.AuditMention(e.seq, e.occurredAt, e.action, e.subjectType,
                                e.subjectId))
                        .toList());
    }

    /**
     * The email.send requests (and replies) of campaign batches list their recipients: the person leaves them (a batch
     * still waiting is then sent without them). The other recipients of a batch are not touched.
     */
    private void removeFromEmailBatches(String email) {
        entityManager.createNativeQuery("UPDATE crm.worker_jobs SET request = " + without("request", "recipients")
                        + ", result = CASE WHEN " + lists("result", "results") + " THEN " + without("result", "results")
                        + " ELSE result END, updated_at = now(), version = version + 1"
                        + " WHERE worker = 'email.send' AND (" + lists("request", "recipients") + " OR "
                        + lists("result", "results") + ")")
                .setParameter("email", email)
                .executeUpdate();
        entityManager.createNativeQuery("UPDATE crm_messaging.worker_dispatch SET request = "
                        + without("request", "recipients") + " WHERE tid = current_setting('app.tid')"
                        + " AND worker = 'email.send' AND " + lists("request", "recipients"))
                .setParameter("email", email)
                .executeUpdate();
    }

    /** SQL: does the JSON column's array {@code field} have an element with the person's email. */
    private static String lists(String column, String field) {
        return "(jsonb_typeof(" + column + "->'" + field + "') = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements("
                + column + "->'" + field + "') r WHERE lower(r->>'email') = :email))";
    }

    /** SQL: the JSON column with the person's elements removed from its array {@code field}. */
    private static String without(String column, String field) {
        return "jsonb_set(" + column + ", '{" + field + "}', (SELECT coalesce(jsonb_agg(r), '[]'::jsonb) FROM "
                + "jsonb_array_elements(" + column + "->'" + field + "') r WHERE lower(r->>'email') <> :email))";
    }

    private List<AttachmentView> attachmentsOf(Person person) {
        return Stream.concat(person.contacts.stream().flatMap(c -> attachments.allOf("contact", c.id).stream()),
                person.accounts.stream().flatMap(a -> attachments.allOf("account", a.id).stream())).toList();
    }

    private List<Map<String, Object>> workerJobs(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, worker, status, subject_type, subject_id, request::text, result::text, error, created_at
                        FROM crm.worker_jobs WHERE subject_id IN (:ids) ORDER BY created_at, id""")
                .setParameter("ids", ids)
                .getResultList();
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", row[0]);
            job.put("worker", row[1]);
            job.put("status", row[2]);
            job.put("subjectType", row[3]);
            job.put("subjectId", row[4]);
            job.put("request", json((String) row[5]));
            job.put("result", json((String) row[6]));
            job.put("error", row[7]);
            job.put("createdAt", row[8] instanceof java.sql.Timestamp t ? t.toInstant() : row[8]);
            jobs.add(job);
        }
        return jobs;
    }

    private Object json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a worker job holds invalid JSON", e);
        }
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** JPQL {@code in} needs at least one value; a random id matches nothing. */
    private static Collection<UUID> orNone(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static final class Person {
        final String email;
        final List<Lead> leads;
        final List<Contact> contacts;
        final List<Opportunity> opportunities;
        List<Account> accounts = List.of();
        List<TimelineEntry> timeline = List.of();
        List<CampaignRecipient> campaignRecipients = List.of();

        Person(String email, List<Lead> leads, List<Contact> contacts, List<Opportunity> opportunities) {
            this.email = email;
            this.leads = leads;
            this.contacts = contacts;
            this.opportunities = opportunities;
        }

        /** Ids of the person's own rows: what other rows (timeline, worker jobs, audit) refer to. */
        List<UUID> ids() {
            return Stream.of(leads.stream().map(l -> l.id), contacts.stream().map(c -> c.id),
                    opportunities.stream().map(o -> o.id), accounts.stream().map(a -> a.id))
                    .flatMap(s -> s).distinct().toList();
        }

        /** The strings that identify the person in free text: email and names. */
        List<String> identifiers() {
            List<String> identifiers = new ArrayList<>();
            identifiers.add(email);
            leads.forEach(l -> identifiers.add(fullName(l.firstName, l.lastName)));
            contacts.forEach(c -> identifiers.add(fullName(c.firstName, c.lastName)));
            return identifiers;
        }

        private static String fullName(String first, String last) {
            return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        }
    }
}
