package io.vettify.crm.campaigns;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vettify.crm.common.api.Problem;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.ProblemType;
import io.vettify.crm.security.WebhookSignatures;
import io.vettify.crm.tenancy.TenantScope;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The e-mail provider's delivery webhook. No bearer token: the body is signed with the tenant's webhook key (see
 * {@link WebhookSignatures}); nothing is read before the signature is checked. The tenant is the runtime's own on a
 * tenant-pinned runtime; on a runtime serving several tenants it is the event's {@code tid}, trusted only because
 * the signature is valid (whoever holds the key may speak for every tenant of that runtime).
 */
@Path("/v1/crm/webhooks/email")
@Tag(name = "webhooks")
@PermitAll
public class EmailWebhookResource {

    /** What the webhook answers: APPLIED, or UNCHANGED for an event already applied (or one that no longer applies). */
    public record Receipt(EmailEventService.Outcome outcome) {
    }

    private final WebhookSignatures signatures;
    private final EmailEventService events;
    private final TenantScope tenantScope;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final Optional<String> pinnedTenant;

    public EmailWebhookResource(WebhookSignatures signatures, EmailEventService events, TenantScope tenantScope,
            ObjectMapper mapper, Validator validator,
            @ConfigProperty(name = "vettify.tenant.id") Optional<String> pinnedTenant) {
        this.signatures = signatures;
        this.events = events;
        this.tenantScope = tenantScope;
        this.mapper = mapper;
        this.validator = validator;
        this.pinnedTenant = pinnedTenant;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Receipt receive(@HeaderParam(WebhookSignatures.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(WebhookSignatures.SIGNATURE_HEADER) String signature, byte[] body) throws IOException {
        signatures.verify(timestamp, signature, body == null ? new byte[0] : body);
        EmailEvent event = parse(body);
        AtomicReference<EmailEventService.Outcome> outcome = new AtomicReference<>();
        tenantScope.inTransaction(tenantOf(event), event.whid(), () -> outcome.set(events.apply(event)));
        return new Receipt(outcome.get());
    }

    private EmailEvent parse(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        EmailEvent event = mapper.readValue(body, EmailEvent.class);
        if (event == null) {
            throw ProblemException.badRequest("a JSON object is required");
        }
        Set<ConstraintViolation<EmailEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return event;
    }

    private String tenantOf(EmailEvent event) {
        if (pinnedTenant.isPresent()) {
            if (event.tid() != null && !event.tid().equals(pinnedTenant.get())) {
                throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, "this runtime serves another tenant"));
            }
            return pinnedTenant.get();
        }
        if (event.tid() == null) {
            throw ProblemException.invalid("tid", "is required: this runtime serves several tenants");
        }
        return event.tid();
    }
}
