package io.vettify.crm.attachments;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.vettify.crm.common.api.ListQuery;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.SortKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    private static final List<SortKey<Attachment>> SORT_KEYS = List.of(
            SortKey.text("filename", "filename", a -> a.filename),
            SortKey.instant("createdAt", "createdAt", a -> a.createdAt));

    public Page<Attachment> list(Subject subject, ListRequest request) {
        return ListQuery.of(Attachment.class, a -> a.id, "-createdAt", SORT_KEYS)
                .search(request.searchText(), "filename")
                .equal(subject.type().property(), subject.id())
                .fetch(getEntityManager(), request);
    }

    public List<Attachment> allOf(Subject subject) {
        return list(subject.type().property() + " = ?1 order by createdAt, id", subject.id());
    }
}
