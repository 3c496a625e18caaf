package io.vettify.crm.timeline;

import java.util.Map;
import java.util.UUID;

/** Something happened to an account (a timeline entry was recorded); fired to observers such as the churn features. */
public record AccountActivity(String tid, String whid, UUID accountId, TimelineKind kind, Map<String, ?> data) {
}
