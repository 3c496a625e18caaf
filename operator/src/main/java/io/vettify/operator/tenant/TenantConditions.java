package io.vettify.operator.tenant;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's conditions as the Kubernetes API conventions want them: one per type, {@code lastTransitionTime}
 * moving only when the status changes, {@code observedGeneration} the generation they were computed for.
 */
public final class TenantConditions {

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private final List<Condition> previous;
    private final List<Condition> next = new ArrayList<>();
    private final long generation;
    private final Clock clock;

    public TenantConditions(List<Condition> previous, long generation, Clock clock) {
        this.previous = previous == null ? List.of() : List.copyOf(previous);
        this.generation = generation;
        this.clock = clock;
    }

    public void set(ConditionType type, String status, String reason, String message) {
        var transition = previous(type)
                .filter(old -> old.getStatus().equals(status))
                .map(Condition::getLastTransitionTime)
                .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        next.removeIf(condition -> condition.getType().equals(type.name()));
        next.add(new ConditionBuilder()
                .withType(type.name())
                .withStatus(status)
                .withReason(reason)
                .withMessage(message == null ? "" : message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition)
                .build());
    }

    public Optional<Condition> get(ConditionType type) {
        return next.stream().filter(condition -> condition.getType().equals(type.name())).findFirst();
    }

    public boolean isTrue(ConditionType type) {
        return get(type).map(condition -> TRUE.equals(condition.getStatus())).orElse(false);
    }

    /** The conditions in the order of {@link ConditionType}. */
    public List<Condition> conditions() {
        return next.stream()
                .sorted(Comparator.comparing(condition -> ConditionType.valueOf(condition.getType()).ordinal()))
                .toList();
    }

    /** Conditions whose status, reason or message differ from before: each becomes a Kubernetes Event. */
    public List<Condition> changed() {
        return conditions().stream()
                .filter(condition -> previous(ConditionType.valueOf(condition.getType()))
                        .map(old -> !old.getStatus().equals(condition.getStatus())
                                || !Objects.equals(old.getReason(), condition.getReason())
                                || !Objects.equals(old.getMessage(), condition.getMessage()))
                        .orElse(true))
                .toList();
    }

    private Optional<Condition> previous(ConditionType type) {
        return previous.stream().filter(condition -> condition.getType().equals(type.name())).findFirst();
    }
}
