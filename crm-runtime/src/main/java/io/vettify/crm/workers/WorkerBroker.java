package io.vettify.crm.workers;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quarkus.runtime.ShutdownEvent;
import io.vettify.crm.messaging.BrokerConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends worker requests to the {@code vettify.workers} exchange with publisher confirms, as mandatory messages: a
 * request no worker queue takes is returned and counts as not sent. Its own connection, opened on demand and dropped
 * on any failure, like the outbox relay's.
 */
@ApplicationScoped
public class WorkerBroker {

    private static final Logger LOG = Logger.getLogger(WorkerBroker.class);

    private final BrokerConnection broker;
    private final WorkerSettings settings;
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    private Connection connection;
    private Channel channel;

    public WorkerBroker(BrokerConnection broker, WorkerSettings settings) {
        this.broker = broker;
        this.settings = settings;
    }

    /**
     * Publishes the request of a job's next attempt and waits for the broker's confirm.
     *
     * @return empty when the broker took it; otherwise why it was not sent
     */
    public synchronized Optional<String> send(WorkerDispatch job, int attempt) {
        try {
            Channel channel = channel();
            String messageId = job.jobId + ":" + attempt;
            channel.basicPublish(settings.exchange(), job.worker, true, properties(job, attempt, messageId),
                    job.request.getBytes(StandardCharsets.UTF_8));
            if (!channel.waitForConfirms(settings.confirmTimeout().toMillis())) {
                return Optional.of("the broker refused the request");
            }
            if (returned.remove(messageId)) {
                return Optional.of("no queue of worker " + job.worker + " is bound to " + settings.exchange());
            }
            return Optional.empty();
        } catch (IOException | InterruptedException | TimeoutException
                | com.rabbitmq.client.ShutdownSignalException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            reset();
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private AMQP.BasicProperties properties(WorkerDispatch job, int attempt, String messageId) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("tid", job.tid);
        if (job.whid != null) {
            headers.put("whid", job.whid);
        }
        if (job.traceparent != null) {
            headers.put("traceparent", job.traceparent);
        }
        headers.put("x-corr-id", job.correlationId);
        headers.put("x-attempt", attempt);
        headers.put("x-deadline", job.deadline.toString());
        long untilDeadline = Math.max(1, Duration.between(Instant.now(), job.deadline).toMillis());
        return new AMQP.BasicProperties.Builder()
                .messageId(messageId)
                .correlationId(job.jobId.toString())
                .replyTo(settings.replyQueue())
                .type(job.worker)
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                // a request nobody took before the job's deadline is of no use any more
                .expiration(Long.toString(untilDeadline))
                .timestamp(Date.from(Instant.now()))
                .appId("vettify-crm-runtime")
                .headers(headers)
                .build();
    }

    private Channel channel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        reset();
        connection = broker.newConnection("vettify-worker-client");
        channel = connection.createChannel();
        channel.exchangeDeclare(settings.exchange(), BuiltinExchangeType.DIRECT, true);
        channel.confirmSelect();
        channel.addReturnListener(message -> returned.add(message.getProperties().getMessageId()));
        return channel;
    }

    private synchronized void reset() {
        if (connection != null) {
            try {
                connection.abort(2_000);
            } catch (RuntimeException e) {
                LOG.debug("closing a broken broker connection", e);
            }
        }
        connection = null;
        channel = null;
    }

    void onStop(@Observes ShutdownEvent event) {
        reset();
    }
}
