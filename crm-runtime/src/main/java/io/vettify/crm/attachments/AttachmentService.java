package io.vettify.crm.attachments;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vettify.crm.accounts.AccountService;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.Problem;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.ProblemType;
import io.vettify.crm.contacts.ContactService;
import io.vettify.crm.storage.ObjectStorage;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Attachments of accounts and contacts (B8): the bytes go to the tenant's bucket under SSE-C, the metadata to
 * {@code crm.attachments} under row-level security. No transaction is held while bytes travel: the subject is checked
 * in one, the object stored, then the row written in another (the object is removed again if that fails).
 */
@ApplicationScoped
public class AttachmentService {

    private static final Logger LOG = Logger.getLogger(AttachmentService.class);

    private final AttachmentRepository attachments;
    private final AccountService accounts;
    private final ContactService contacts;
    private final ObjectStorage storage;
    private final TenantContext tenant;
    private final SecurityIdentity identity;
    private final long maxBytes;

    public AttachmentService(AttachmentRepository attachments, AccountService accounts, ContactService contacts,
            ObjectStorage storage, TenantContext tenant, SecurityIdentity identity,
            @ConfigProperty(name = "vettify.attachments.max-bytes") long maxBytes) {
        this.attachments = attachments;
        this.accounts = accounts;
        this.contacts = contacts;
        this.storage = storage;
        this.tenant = tenant;
        this.identity = identity;
        this.maxBytes = maxBytes;
    }

    /** A file the HTTP layer has spooled to disk, with the name the client gave it. */
    public record Upload(Path file, String filename) {
    }

    /** The content of an attachment, to stream to the caller (who closes it). */
    public record Download(AttachmentView attachment, InputStream content) {
    }

    public AttachmentView upload(Subject subject, Upload upload) {
        long size = sizeOf(upload.file());
        if (size > maxBytes) {
            throw new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "an attachment may have at most " + maxBytes + " bytes; this file has " + size));
        }
        if (size == 0) {
            throw ProblemException.invalid("file", "is empty");
        }
        String filename = Filenames.clean(upload.filename());
        String contentType = sniff(upload.file(), filename);
        String whid = QuarkusTransaction.requiringNew().call(() -> whidOf(subject));

        Attachment attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.subjectType = subject.type().typeName();
        attachment.accountId = subject.type() == Subject.Type.ACCOUNT ? subject.id() : null;
        attachment.contactId = subject.type() == Subject.Type.CONTACT ? subject.id() : null;
        attachment.whid = whid;
        attachment.filename = filename;
        attachment.contentType = contentType;
        attachment.sizeBytes = size;
        attachment.objectKey = tenant.tenantId().orElseThrow() + "/attachments/" + attachment.id;
        attachment.createdBy = identity.getPrincipal().getName();
        attachment.sha256 = store(attachment.objectKey, upload.file(), size, contentType);
        try {
            QuarkusTransaction.requiringNew().run(() -> attachments.persistAndFlush(attachment));
        } catch (RuntimeException e) {
            removeQuietly(attachment.objectKey);
            throw e;
        }
        return AttachmentView.of(attachment);
    }

    public Page<AttachmentView> list(Subject subject, ListRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            whidOf(subject);
            return attachments.list(subject, request).map(AttachmentView::of);
        });
    }

    public Download download(UUID id) {
        Attachment attachment = QuarkusTransaction.requiringNew().call(() -> find(id));
        return new Download(AttachmentView.of(attachment), storage.get(attachment.objectKey));
    }

    /** Removes the object (every version) first, then the row: a failure leaves the attachment, to delete again. */
    @Transactional
    public void delete(UUID id) {
        Attachment attachment = find(id);
        storage.delete(attachment.objectKey);
        attachments.delete(attachment);
        attachments.flush();
    }

    /** The attachments of an account ({@code "account"}) or a contact ({@code "contact"}), oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AttachmentView> allOf(String subjectType, UUID subjectId) {
        return attachments.allOf(new Subject(Subject.Type.of(subjectType), subjectId)).stream()
                .map(AttachmentView::of).toList();
    }

    /**
     * Deletes every attachment of an account ({@code "account"}) or a contact ({@code "contact"}), objects and rows,
     * in the caller's transaction (e.g. a GDPR erase); the subject need not exist anymore. Objects are gone even if
     * that transaction later rolls back (object storage is not transactional); their rows then answer 404 on download.
     *
     * @return how many attachments were deleted
     */
    @Transactional
    public int deleteAllOf(String subjectType, UUID subjectId) {
        List<Attachment> all = attachments.allOf(new Subject(Subject.Type.of(subjectType), subjectId));
        for (Attachment attachment : all) {
            storage.delete(attachment.objectKey);
            attachments.delete(attachment);
        }
        attachments.flush();
        return all.size();
    }

    private Attachment find(UUID id) {
        return attachments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("attachment", id));
    }

    /** The subject's warehouse, which its attachments share; 404 when the caller cannot see the subject. */
    private String whidOf(Subject subject) {
        return switch (subject.type()) {
            case ACCOUNT -> accounts.find(subject.id()).whid;
            case CONTACT -> contacts.find(subject.id()).whid;
        };
    }

    private static String sniff(Path file, String filename) {
        String contentType;
        try {
            contentType = ContentSniffer.sniff(file, filename);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ContentSniffer.ALLOWED.contains(contentType)) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the file's content is "
                    + contentType + ", which is not accepted; accepted: " + new TreeSet<>(ContentSniffer.ALLOWED)));
        }
        return contentType;
    }

    /** Streams the file to the bucket and returns the SHA-256 of what was sent. */
    private String store(String key, Path file, long size, String contentType) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            storage.put(key, in, size, contentType);
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void removeQuietly(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("could not remove the object %s of an attachment that was not recorded", key);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
