package io.vettify.crm.opportunities;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.vettify.crm.accounts.Account;
import io.vettify.crm.accounts.AccountRepository;
import io.vettify.crm.audit.AuditActions;
import io.vettify.crm.audit.AuditTrail;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.MergePatch;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.QueryParams;
import io.vettify.crm.contacts.Contact;
import io.vettify.crm.contacts.ContactRepository;
import io.vettify.crm.messaging.DomainEvents;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.tenancy.TenantContext;
import io.vettify.crm.summaries.Summaries;
import io.vettify.crm.summaries.SummaryRequest;
import io.vettify.crm.timeline.TimelineKind;
import io.vettify.crm.workers.JobView;
import io.vettify.crm.timeline.TimelineService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class OpportunityService {

    private final OpportunityRepository opportunities;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final TenantContext tenant;
    private final SecurityIdentity identity;
    private final MergePatch mergePatch;
    private final DomainEvents events;
    private final TimelineService timeline;
    private final SalesOrderRepository salesOrders;
    private final Summaries summaries;
    private final AuditTrail audit;

    public OpportunityService(OpportunityRepository opportunities, AccountRepository accounts,
            ContactRepository contacts, TenantContext tenant, SecurityIdentity identity, MergePatch mergePatch,
            DomainEvents events, TimelineService timeline, SalesOrderRepository salesOrders, Summaries summaries,
            AuditTrail audit) {
        this.summaries = summaries;
        this.events = events;
        this.audit = audit;
        this.timeline = timeline;
        this.salesOrders = salesOrders;
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.contacts = contacts;
        this.tenant = tenant;
        this.identity = identity;
        this.mergePatch = mergePatch;
    }

    public Page<OpportunityView> list(ListRequest request, String stage, String accountId, String contactId) {
        Page<Opportunity> page = opportunities.list(request, QueryParams.enumValue("stage", stage, Stage.class),
                QueryParams.uuid("accountId", accountId), QueryParams.uuid("contactId", contactId));
        Map<UUID, List<SalesOrder>> orders = salesOrders.ofOpportunities(page.items().stream().map(o -> o.id).toList())
                .stream().collect(Collectors.groupingBy(order -> order.opportunityId));
        return page.map(o -> OpportunityView.of(o, orders.getOrDefault(o.id, List.of())));
    }

    public OpportunityView get(UUID id) {
        return view(find(id));
    }

    public OpportunityView create(OpportunityRequest request) {
        Opportunity opportunity = new Opportunity();
        opportunity.stage = request.stage() == null ? Stage.PROSPECTING : request.stage();
        if (opportunity.stage.isClosed()) {
            opportunity.closedAt = now();
        }
        apply(opportunity, request);
        opportunities.persistAndFlush(opportunity);
        return view(opportunity);
    }

    public OpportunityView replace(UUID id, OpportunityRequest request) {
        Opportunity opportunity = find(id);
        opportunity.checkVersion(request.version(), "opportunity");
        apply(opportunity, request);
        if (request.stage() != null) {
            moveTo(opportunity, request.stage());
        }
        opportunities.flush();
        return view(opportunity);
    }

    public OpportunityView patch(UUID id, JsonNode patch) {
        return replace(id, mergePatch.apply(OpportunityRequest.of(find(id)), patch, OpportunityRequest.class));
    }

    public OpportunityView changeStage(UUID id, StageChange change) {
        Opportunity opportunity = find(id);
        if (change.version() != null) {
            opportunity.checkVersion(change.version(), "opportunity");
        }
        moveTo(opportunity, change.stage());
        opportunities.flush();
        return view(opportunity);
    }

    /** Asks ai.summary for a summary of the opportunity, its account's recent timeline and the caller's notes. */
    public JobView summarize(UUID id, SummaryRequest request) {
        Opportunity opportunity = find(id);
        List<Summaries.Note> known = new ArrayList<>();
        known.add(new Summaries.Note(opportunity.updatedAt, "Opportunity " + opportunity.name + " is at stage "
                + opportunity.stage + " for " + opportunity.amount.toPlainString() + " " + opportunity.currency
                + (opportunity.expectedCloseDate == null ? "." : ", expected to close on "
                        + opportunity.expectedCloseDate + ".")));
        timeline.recent(opportunity.accountId, 50)
                .forEach(entry -> known.add(new Summaries.Note(entry.occurredAt(), entry.summary() + ".")));
        return summaries.request("opportunity", id, opportunity.name, known, request);
    }

    public void delete(UUID id) {
        opportunities.delete(find(id));
        opportunities.flush();
    }

    private OpportunityView view(Opportunity opportunity) {
        return OpportunityView.of(opportunity, salesOrders.ofOpportunities(List.of(opportunity.id)));
    }

    public Opportunity find(UUID id) {
        return opportunities.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("opportunity", id));
    }

    /** Open stages move freely; a closed opportunity is terminal, except that {@code crm/admin} may reopen it. */
    private void moveTo(Opportunity opportunity, Stage target) {
        if (opportunity.stage == target) {
            return;
        }
        if (opportunity.stage.isClosed() && !identity.hasRole(Scopes.ADMIN)) {
            throw ProblemException.conflict("opportunity " + opportunity.id + " is " + opportunity.stage
                    + ": a closed opportunity can only be reopened with the " + Scopes.ADMIN + " scope");
        }
        Stage from = opportunity.stage;
        Map<String, Object> before = stageState(opportunity);
        opportunity.stage = target;
        opportunity.closedAt = target.isClosed() ? now() : null;
        if (from.isClosed()) {
            audit.record(AuditActions.OPPORTUNITY_REOPENED, "opportunity", opportunity.id, before,
                    stageState(opportunity));
        }
        Instant changedAt = now();
        events.record(EventTypes.OPPORTUNITY_STAGE_CHANGED, "opportunity", opportunity.id, opportunity.whid,
                new StageChanged(opportunity.id, opportunity.accountId, from, target, opportunity.amount,
                        opportunity.currency, changedAt));
        timeline.record(opportunity.accountId, opportunity.whid, TimelineKind.OPPORTUNITY_STAGE_CHANGED, changedAt,
                "Opportunity '" + opportunity.name + "' moved from " + from + " to " + target, null,
                Map.of("opportunityId", opportunity.id, "fromStage", from, "toStage", target));
    }

    private static Map<String, Object> stageState(Opportunity opportunity) {
        Map<String, Object> state = new HashMap<>();
        state.put("id", opportunity.id);
        state.put("stage", opportunity.stage);
        state.put("closedAt", opportunity.closedAt);
        state.put("amount", opportunity.amount);
        state.put("currency", opportunity.currency);
        return state;
    }

    /** Data of {@code crm.opportunity.stage_changed}. */
    public record StageChanged(UUID opportunityId, UUID accountId, Stage fromStage, Stage toStage, BigDecimal amount,
            String currency, Instant changedAt) {
    }

    private void apply(Opportunity opportunity, OpportunityRequest request) {
        tenant.checkWritableWarehouse(request.whid());
        Account account = accounts.findByIdOptional(request.accountId())
                .orElseThrow(() -> ProblemException.invalid("accountId", "no such account"));
        tenant.checkLinkable(account.whid, request.whid(), "accountId");
        if (request.contactId() != null) {
            Contact contact = contacts.findByIdOptional(request.contactId())
                    .orElseThrow(() -> ProblemException.invalid("contactId", "no such contact"));
            tenant.checkLinkable(contact.whid, request.whid(), "contactId");
        }
        opportunity.name = request.name().trim();
        opportunity.accountId = request.accountId();
        opportunity.contactId = request.contactId();
        opportunity.amount = request.amount() == null ? BigDecimal.ZERO : request.amount();
        opportunity.currency = request.currency() == null ? "RON" : request.currency();
        opportunity.expectedCloseDate = request.expectedCloseDate();
        opportunity.whid = request.whid();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
