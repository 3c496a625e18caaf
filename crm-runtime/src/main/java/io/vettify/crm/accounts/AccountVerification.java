package io.vettify.crm.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vettify.crm.messaging.DomainEvents;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.timeline.TimelineKind;
import io.vettify.crm.timeline.TimelineService;
import io.vettify.crm.workers.WorkerClient;
import io.vettify.crm.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * B7: verifying an account's fiscal code with the public registers. The checksum is checked locally (an invalid code
 * is refused before this); then the cached answer is applied at once, or the account becomes PENDING and
 * {@code anaf.taxpayer} (and {@code reges} for the employee count) are asked — the API request never waits for them.
 * Their answers make the account VERIFIED, INACTIVE or INVALID, with a timeline entry and {@code crm.account.verified}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountVerification {

    static final String SUBJECT = "account";

    private final AccountRepository accounts;
    private final TaxpayerCache cache;
    private final WorkerClient workers;
    private final TimelineService timeline;
    private final DomainEvents events;
    private final ObjectMapper mapper;

    public AccountVerification(AccountRepository accounts, TaxpayerCache cache, WorkerClient workers,
            TimelineService timeline, DomainEvents events, ObjectMapper mapper) {
        this.accounts = accounts;
        this.cache = cache;
        this.workers = workers;
        this.timeline = timeline;
        this.events = events;
        this.mapper = mapper;
    }

    /** The account (persisted) has a new fiscal code: verify it from the cache, or through the workers. */
    public void start(Account account) {
        accounts.flush();
        JsonNode request = mapper.createObjectNode().put("cui", account.cui);
        cache.taxpayer(account.cui).ifPresentOrElse(
                answer -> recordTaxpayer(account.id, account.whid, answer, null),
                () -> {
                    accounts.markPending(account.id, account.cui);
                    workers.submit(Workers.ANAF_TAXPAYER, SUBJECT, account.id, request);
                });
        cache.employees(account.cui).ifPresentOrElse(
                answer -> recordEmployees(account.id, answer),
                () -> workers.submit(Workers.REGES, SUBJECT, account.id, request));
        accounts.getEntityManager().refresh(account);
    }

    /** An {@code anaf.taxpayer} result (valid against its schema), for the account if it still has that code. */
    void recordTaxpayer(UUID accountId, String whid, JsonNode result, UUID sourceEventId) {
        boolean found = result.path("found").asBoolean(false);
        ComplianceStatus status = !found ? ComplianceStatus.INVALID
                : result.path("active").asBoolean(false) ? ComplianceStatus.VERIFIED : ComplianceStatus.INACTIVE;
        Boolean vatPayer = result.path("vatPayer").isBoolean() ? result.get("vatPayer").booleanValue() : null;
        String officialName = result.path("officialName").isTextual() ? result.get("officialName").textValue() : null;
        Instant checkedAt = result.hasNonNull("checkedAt") ? Instant.parse(result.get("checkedAt").asText())
                : Instant.now();
        record(accountId, whid, result.get("cui").asText(), status, officialName, vatPayer, checkedAt, sourceEventId);
    }

    /** A {@code reges} result, for the account if it still has that code. */
    void recordEmployees(UUID accountId, JsonNode result) {
        JsonNode employees = result.path("employees");
        accounts.recordEmployees(accountId, result.get("cui").asText(),
                employees.isInt() ? employees.intValue() : null);
    }

    /** The outcome of a verification, whichever way it came (worker, cache, or the compliance module's event). */
    void record(UUID accountId, String whid, String cui, ComplianceStatus status, String officialName,
            Boolean vatPayer, Instant verifiedAt, UUID sourceEventId) {
        if (!accounts.recordVerification(accountId, cui, status, officialName, vatPayer)) {
            return; // the account is gone or has another fiscal code now
        }
        Map<String, Object> data = new HashMap<>();
        data.put("cui", cui);
        data.put("complianceStatus", status);
        data.put("officialName", officialName);
        data.put("vatPayer", vatPayer);
        timeline.record(accountId, whid, TimelineKind.COMPLIANCE_VERIFIED, verifiedAt,
                "Fiscal code " + cui + " verified: " + switch (status) {
                    case VERIFIED -> "active";
                    case INACTIVE -> "inactive";
                    default -> "not found in the register";
                } + (Boolean.TRUE.equals(vatPayer) ? ", VAT payer" : ""), sourceEventId, data);
        events.record(EventTypes.ACCOUNT_VERIFIED, "account", accountId, whid, new AccountService.AccountVerified(
                accountId, cui, status, officialName, vatPayer, verifiedAt.truncatedTo(ChronoUnit.MILLIS)));
    }
}
