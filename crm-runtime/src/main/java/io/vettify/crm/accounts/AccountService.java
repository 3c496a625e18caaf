package io.vettify.crm.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.MergePatch;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.QueryParams;
import io.vettify.crm.common.validation.FiscalCodes;
import io.vettify.crm.messaging.UnprocessableEventException;
import io.vettify.crm.opportunities.OpportunityRepository;
import io.vettify.crm.timeline.TimelineService;
import io.vettify.crm.timeline.TimelineView;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class AccountService {

    private final AccountRepository accounts;
    private final TenantContext tenant;
    private final MergePatch mergePatch;
    private final OpportunityRepository opportunities;
    private final TimelineService timeline;
    private final AccountVerification verification;

    public AccountService(AccountRepository accounts, OpportunityRepository opportunities, TenantContext tenant,
            MergePatch mergePatch, TimelineService timeline, AccountVerification verification) {
        this.timeline = timeline;
        this.verification = verification;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.tenant = tenant;
        this.mergePatch = mergePatch;
    }

    public Page<AccountView> list(ListRequest request, String industry, String complianceStatus) {
        return accounts.list(request, QueryParams.text(industry),
                QueryParams.enumValue("complianceStatus", complianceStatus, ComplianceStatus.class))
                .map(AccountView::of);
    }

    public AccountView get(UUID id) {
        return AccountView.of(find(id));
    }

    public AccountView create(AccountRequest request) {
        Account account = new Account();
        boolean newCui = apply(account, request);
        accounts.persistAndFlush(account);
        if (newCui) {
            verification.start(account);
            accounts.flush();
        }
        return AccountView.of(account);
    }

    public AccountView replace(UUID id, AccountRequest request) {
        Account account = find(id);
        account.checkVersion(request.version(), "account");
        if (apply(account, request)) {
            verification.start(account);
        }
        accounts.flush();
        return AccountView.of(account);
    }

    public AccountView patch(UUID id, JsonNode patch) {
        Account account = find(id);
        return replace(id, mergePatch.apply(AccountRequest.of(account), patch, AccountRequest.class));
    }

    public void delete(UUID id) {
        Account account = find(id);
        long opportunities = this.opportunities.countByAccount(id);
        if (opportunities > 0) {
            throw ProblemException.conflict("account " + id + " has " + opportunities
                    + " opportunities: delete them or move them to another account first");
        }
        accounts.delete(account);
        accounts.flush();
    }

    /** Data of {@code compliance.taxpayer.verified}. */
    public record TaxpayerVerified(String cui, String officialName, boolean vatPayer, boolean active,
            Instant verifiedAt) {
    }

    /** Data of {@code crm.account.verified}. */
    public record AccountVerified(UUID accountId, String cui, ComplianceStatus complianceStatus, String officialName,
            Boolean vatPayer, Instant verifiedAt) {
    }

    /** The compliance module verified a fiscal code: the account with that code takes the official data. */
    public void taxpayerVerified(UUID eventId, String whid, TaxpayerVerified verification) {
        String cui = FiscalCodes.normalize(verification.cui());
        if (cui == null) {
            throw new UnprocessableEventException("invalid fiscal code " + verification.cui());
        }
        Account account = accounts.findByCui(cui)
                .orElseThrow(() -> new UnprocessableEventException("no account with fiscal code " + cui));
        this.verification.record(account.id, account.whid, cui,
                verification.active() ? ComplianceStatus.VERIFIED : ComplianceStatus.INACTIVE,
                verification.officialName(), verification.vatPayer(), verification.verifiedAt(), eventId);
    }

    public Page<TimelineView> timeline(UUID id, ListRequest request) {
        return timeline.list(find(id).id, request);
    }

    /** The account if the caller can see it; another tenant's or warehouse's account is as absent as a missing one. */
    public Account find(UUID id) {
        return accounts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("account", id));
    }

    /** @return whether the account has a fiscal code it did not have before (it is to be verified) */
    private boolean apply(Account account, AccountRequest request) {
        tenant.checkWritableWarehouse(request.whid());
        String cui = FiscalCodes.normalize(request.cui());
        boolean newCui = cui != null && !cui.equals(account.cui);
        if (newCui || cui == null) {
            if (newCui) {
                accounts.findByCui(cui).filter(other -> !other.id.equals(account.id)).ifPresent(other -> {
                    throw ProblemException.conflict("account " + other.id + " already has fiscal code " + cui);
                });
            }
            account.complianceStatus = ComplianceStatus.UNVERIFIED;
            account.officialName = null;
            account.vatPayer = null;
            account.employees = null;
        }
        account.name = request.name().trim();
        account.cui = cui;
        account.industry = request.industry();
        account.website = request.website();
        account.phone = request.phone();
        account.whid = request.whid();
        return newCui;
    }
}
