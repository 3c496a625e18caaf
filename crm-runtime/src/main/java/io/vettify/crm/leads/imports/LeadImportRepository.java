package io.vettify.crm.leads.imports;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class LeadImportRepository implements PanacheRepositoryBase<LeadImport, UUID> {
}
