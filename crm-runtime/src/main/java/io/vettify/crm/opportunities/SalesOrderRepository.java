package io.vettify.crm.opportunities;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SalesOrderRepository implements PanacheRepositoryBase<SalesOrder, UUID> {

    /** The orders of several opportunities in one query (a page of opportunities). */
    public List<SalesOrder> ofOpportunities(Collection<UUID> opportunityIds) {
        if (opportunityIds.isEmpty()) {
            return List.of();
        }
        return list("opportunityId in ?1 order by orderedAt, id", opportunityIds);
    }
}
