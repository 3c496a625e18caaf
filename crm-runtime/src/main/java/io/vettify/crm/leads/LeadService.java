package io.vettify.crm.leads;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.accounts.Account;
import io.vettify.crm.accounts.AccountRepository;
import io.vettify.crm.accounts.AccountVerification;
import io.vettify.crm.summaries.Summaries;
import io.vettify.crm.summaries.SummaryRequest;
import io.vettify.crm.workers.JobView;
import io.vettify.crm.audit.AuditActions;
import io.vettify.crm.audit.AuditTrail;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.MergePatch;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.QueryParams;
import io.vettify.crm.common.consent.ConsentAudit;
import io.vettify.crm.common.consent.MarketingConsent;
import io.vettify.crm.common.validation.FiscalCodes;
import io.vettify.crm.contacts.Contact;
import io.vettify.crm.contacts.ContactRepository;
import io.vettify.crm.leads.responses.LeadResponses;
import io.vettify.crm.messaging.DomainEvents;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.opportunities.Opportunity;
import io.vettify.crm.opportunities.OpportunityRepository;
import io.vettify.crm.opportunities.Stage;
import io.vettify.crm.tenancy.TenantContext;
import io.vettify.crm.timeline.TimelineKind;
import io.vettify.crm.timeline.TimelineService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class LeadService {

    private static final Set<LeadStatus> EDITABLE_STATUSES = Set.of(LeadStatus.NEW, LeadStatus.CONTACTED,
            LeadStatus.DISQUALIFIED);

    private final LeadRepository leads;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final OpportunityRepository opportunities;
    private final TenantContext tenant;
    private final MergePatch mergePatch;
    private final DomainEvents events;
    private final TimelineService timeline;
    private final AccountVerification verification;
    private final Summaries summaries;
    private final AuditTrail audit;
    private final ConsentAudit consentAudit;
    private final LeadResponses responses;

    public LeadService(LeadRepository leads, AccountRepository accounts, ContactRepository contacts,
            OpportunityRepository opportunities, TenantContext tenant, MergePatch mergePatch, DomainEvents events,
            TimelineService timeline, AccountVerification verification, Summaries summaries, AuditTrail audit,
            ConsentAudit consentAudit, LeadResponses responses) {
        this.responses = responses;
        this.verification = verification;
        this.summaries = summaries;
        this.events = events;
        this.audit = audit;
        this.consentAudit = consentAudit;
        this.timeline = timeline;
        this.leads = leads;
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.tenant = tenant;
        this.mergePatch = mergePatch;
    }

    public Page<LeadView> list(ListRequest request, String status, String source) {
        return leads.list(request, QueryParams.enumValue("status", status, LeadStatus.class),
                QueryParams.enumValue("source", source, LeadSource.class)).map(LeadView::of);
    }

    public LeadView get(UUID id) {
        return LeadView.of(find(id));
    }

    public LeadView create(LeadRequest request) {
        Lead lead = new Lead();
        lead.status = request.status() == null ? LeadStatus.NEW : editableStatus(request.status());
        apply(lead, request);
        leads.persistAndFlush(lead);
        if (lead.status == LeadStatus.NEW) {
            responses.track(lead);
        }
        consentAudit.recordIfChanged("lead", lead.id, MarketingConsent.NONE, lead.consent());
        events.record(EventTypes.LEAD_CREATED, "lead", lead.id, lead.whid, LeadEvents.Created.of(lead));
        return LeadView.of(lead);
    }

    public LeadView replace(UUID id, LeadRequest request) {
        Lead lead = findUnconverted(id);
        lead.checkVersion(request.version(), "lead");
        LeadStatus statusBefore = lead.status;
        String whidBefore = lead.whid;
        if (request.status() != null && request.status() != lead.status) {
            lead.status = editableStatus(request.status());
        }
        MarketingConsent consentBefore = lead.consent();
        apply(lead, request);
        leads.flush();
        if (statusBefore == LeadStatus.NEW && lead.status != LeadStatus.NEW) {
            responses.responded(lead);
        } else if (lead.status == LeadStatus.NEW && !Objects.equals(whidBefore, lead.whid)) {
            responses.movedWarehouse(lead);
        }
        consentAudit.recordIfChanged("lead", lead.id, consentBefore, lead.consent());
        return LeadView.of(lead);
    }

    public LeadView patch(UUID id, JsonNode patch) {
        return replace(id, mergePatch.apply(LeadRequest.of(find(id)), patch, LeadRequest.class));
    }

    public void delete(UUID id) {
        leads.delete(find(id));
        leads.flush();
    }

    public LeadView qualify(UUID id) {
        Lead lead = find(id);
        if (lead.status != LeadStatus.NEW && lead.status != LeadStatus.CONTACTED) {
            throw ProblemException.conflict("lead " + id + " is " + lead.status
                    + ": only NEW or CONTACTED leads can be qualified");
        }
        LeadStatus statusBefore = lead.status;
        lead.status = LeadStatus.QUALIFIED;
        lead.score = LeadScoring.score(lead);
        leads.flush();
        if (statusBefore == LeadStatus.NEW) {
            responses.responded(lead);
        }
        return LeadView.of(lead);
    }

    /**
     * Converts a qualified lead in one transaction: links the account with the lead's fiscal code, else the one
     * with the lead's company name, else creates it; links the account's contact with the lead's email, else
     * creates it; creates an opportunity; marks the lead CONVERTED. Any failure leaves nothing behind.
     */
    public Conversion.Result convert(UUID id, Conversion.Request request) {
        Conversion.Request options = request == null ? Conversion.Request.DEFAULTS : request;
        Lead lead = find(id);
        if (lead.status != LeadStatus.QUALIFIED) {
            throw ProblemException.conflict("lead " + id + " is " + lead.status + ": only QUALIFIED leads can be converted");
        }
        LeadView before = LeadView.of(lead);
        Account account = accountFor(lead);
        if (account.whid != null && !account.whid.equals(lead.whid)) {
            throw ProblemException.conflict("the lead's account " + account.id + " belongs to warehouse '"
                    + account.whid + "' and the lead does not");
        }
        Contact contact = contactFor(lead, account);

        Opportunity opportunity = new Opportunity();
        opportunity.name = Objects.requireNonNullElse(options.opportunityName(), account.name + " – " + lead.displayName());
        opportunity.accountId = account.id;
        opportunity.contactId = contact.id;
        opportunity.amount = Objects.requireNonNullElse(options.amount(), BigDecimal.ZERO);
        opportunity.currency = Objects.requireNonNullElse(options.currency(), "RON");
        opportunity.expectedCloseDate = options.expectedCloseDate();
        opportunity.stage = Stage.QUALIFICATION;
        opportunity.whid = lead.whid;
        opportunities.persist(opportunity);

        lead.status = LeadStatus.CONVERTED;
        lead.convertedAccountId = account.id;
        lead.convertedContactId = contact.id;
        lead.convertedOpportunityId = opportunity.id;
        lead.convertedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        lead.score = LeadScoring.score(lead);
        leads.flush();
        events.record(EventTypes.LEAD_CONVERTED, "lead", lead.id, lead.whid, LeadEvents.Converted.of(lead));
        timeline.record(account.id, lead.whid, TimelineKind.LEAD_CONVERTED, lead.convertedAt,
                "Lead " + lead.displayName() + " converted into opportunity '" + opportunity.name + "'", null,
                Map.of("leadId", lead.id, "contactId", contact.id, "opportunityId", opportunity.id));
        Conversion.Result result = new Conversion.Result(account.id, contact.id, opportunity.id);
        audit.record(AuditActions.LEAD_CONVERTED, "lead", lead.id, before,
                Map.of("lead", LeadView.of(lead), "conversion", result));
        return result;
    }

    public Lead find(UUID id) {
        return leads.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("lead", id));
    }

    private Lead findUnconverted(UUID id) {
        Lead lead = find(id);
        if (lead.status == LeadStatus.CONVERTED) {
            throw ProblemException.conflict("lead " + id + " is CONVERTED and can no longer change");
        }
        return lead;
    }

    /** Asks ai.summary for a summary of what the CRM knows of the lead and the caller's notes. */
    public JobView summarize(UUID id, SummaryRequest request) {
        Lead lead = find(id);
        String about = lead.displayName() + (lead.company == null ? "" : " of " + lead.company);
        Summaries.Note facts = new Summaries.Note(lead.updatedAt, "Lead " + about + " came from " + lead.source
                + " and is " + lead.status + " with a score of " + lead.score + ".");
        return summaries.request("lead", id, about, List.of(facts), request);
    }

    private Account accountFor(Lead lead) {
        Optional<Account> existing = Optional.ofNullable(lead.cui).flatMap(accounts::findByCui);
        if (existing.isEmpty() && lead.company != null && !lead.company.isBlank()) {
            existing = accounts.findByNameIgnoreCase(lead.company.trim());
        }
        return existing.orElseGet(() -> {
            Account account = new Account();
            account.name = lead.company != null && !lead.company.isBlank() ? lead.company.trim() : lead.displayName();
            account.cui = lead.cui;
            account.whid = lead.whid;
            accounts.persist(account);
            if (account.cui != null) {
                verification.start(account);
            }
            return account;
        });
    }

    private Contact contactFor(Lead lead, Account account) {
        return contacts.findByAccountAndEmail(account.id, lead.email).orElseGet(() -> {
            Contact contact = new Contact();
            contact.firstName = lead.firstName;
            contact.lastName = lead.lastName != null ? lead.lastName : lead.email.substring(0, lead.email.indexOf('@'));
            contact.email = lead.email;
            contact.accountId = account.id;
            // The person's consent carries over with its evidence (source and time), not as a new consent.
            contact.consent(lead.consent());
            contact.whid = lead.whid;
            contacts.persist(contact);
            return contact;
        });
    }

    private static LeadStatus editableStatus(LeadStatus status) {
        if (!EDITABLE_STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "must be NEW, CONTACTED or DISQUALIFIED here: use POST "
                    + "/v1/crm/leads/{id}/qualify and /convert to qualify and convert a lead");
        }
        return status;
    }

    private void apply(Lead lead, LeadRequest request) {
        tenant.checkWritableWarehouse(request.whid());
        lead.firstName = request.firstName();
        lead.lastName = request.lastName();
        lead.email = request.email().trim();
        lead.company = request.company();
        lead.cui = FiscalCodes.normalize(request.cui());
        lead.source = request.source() == null ? LeadSource.OTHER : request.source();
        lead.consent(lead.consent().request(request.marketingConsent(), request.consentSource()));
        lead.whid = request.whid();
        lead.score = LeadScoring.score(lead);
    }
}
