package io.vettify.crm.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.accounts.Account;
import io.vettify.crm.accounts.AccountRepository;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.MergePatch;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.QueryParams;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ContactService {

    private final ContactRepository contacts;
    private final AccountRepository accounts;
    private final TenantContext tenant;
    private final MergePatch mergePatch;

    public ContactService(ContactRepository contacts, AccountRepository accounts, TenantContext tenant,
            MergePatch mergePatch) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.tenant = tenant;
        this.mergePatch = mergePatch;
    }

    public Page<ContactView> list(ListRequest request, String accountId, String marketingConsent) {
        return contacts.list(request, QueryParams.uuid("accountId", accountId),
                QueryParams.bool("marketingConsent", marketingConsent)).map(ContactView::of);
    }

    public ContactView get(UUID id) {
        return ContactView.of(find(id));
    }

    public ContactView create(ContactRequest request) {
        Contact contact = new Contact();
        apply(contact, request);
        contacts.persistAndFlush(contact);
        return ContactView.of(contact);
    }

    public ContactView replace(UUID id, ContactRequest request) {
        Contact contact = find(id);
        contact.checkVersion(request.version(), "contact");
        apply(contact, request);
        contacts.flush();
        return ContactView.of(contact);
    }

    public ContactView patch(UUID id, JsonNode patch) {
        return replace(id, mergePatch.apply(ContactRequest.of(find(id)), patch, ContactRequest.class));
    }

    public void delete(UUID id) {
        contacts.delete(find(id));
        contacts.flush();
    }

    public Contact find(UUID id) {
        return contacts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    private void apply(Contact contact, ContactRequest request) {
        tenant.checkWritableWarehouse(request.whid());
        if (request.accountId() != null) {
            Account account = accounts.findByIdOptional(request.accountId())
                    .orElseThrow(() -> ProblemException.invalid("accountId", "no such account"));
            tenant.checkLinkable(account.whid, request.whid(), "accountId");
        }
        contact.firstName = request.firstName();
        contact.lastName = request.lastName().trim();
        contact.email = request.email();
        contact.phone = request.phone();
        contact.title = request.title();
        contact.accountId = request.accountId();
        contact.consent(contact.consent().request(request.marketingConsent(), request.consentSource()));
        contact.whid = request.whid();
    }
}
