package io.vettify.crm.workers;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.vettify.crm.messaging.MessageBodies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The runtime's durable reply queue: every worker answers here, with the job id as {@code correlation_id}. A reply is
 * acknowledged once its job is settled (or found settled already); if the database fails, it goes to the reply
 * queue's dead-letter queue and its job times out.
 */
@ApplicationScoped
public class WorkerReplies {

    private static final Logger LOG = Logger.getLogger(WorkerReplies.class);

    private final WorkerJobSettlement settlement;
    private final WorkerMetrics metrics;

    public WorkerReplies(WorkerJobSettlement settlement, WorkerMetrics metrics) {
        this.settlement = settlement;
        this.metrics = metrics;
    }

    @Incoming("worker-replies")
    @Blocking(ordered = false)
    public CompletionStage<Void> reply(Message<?> message) {
        UUID jobId = message.getMetadata(IncomingRabbitMQMetadata.class)
                .flatMap(IncomingRabbitMQMetadata::getCorrelationId).map(WorkerReplies::uuid).orElse(null);
        if (jobId == null) {
            LOG.warn("a worker reply without a job id as correlation_id was dropped");
            metrics.orphanReply();
            return message.ack();
        }
        try {
            settlement.reply(jobId, MessageBodies.text(message.getPayload()));
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf(e, "the reply to job %s could not be processed", jobId);
            return message.nack(e);
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
