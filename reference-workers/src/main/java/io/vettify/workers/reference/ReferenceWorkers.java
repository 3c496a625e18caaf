package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reference workers: a stand-in for the worker fleet that speaks its protocol (docs/workers.md), for local runs
 * ({@code ./vettify up} starts {@link #main}) and tests (which {@link #start} it in-process on the test broker). Each
 * worker consumes its durable queue {@code vettify.workers.<worker>} bound to the {@code vettify.workers} direct
 * exchange, checks the request against its schema, and answers on the request's {@code reply_to} queue with the same
 * {@code correlation_id}: {@code {"ok": true, "result": …}} or {@code {"ok": false, "error": …}}.
 */
public final class ReferenceWorkers implements AutoCloseable {

    public static final String EXCHANGE = "vettify.workers";
    private static final Logger LOG = Logger.getLogger(ReferenceWorkers.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "reference-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Schemas schemas = new Schemas();
    private final Map<String, AtomicLong> received = new HashMap<>();

    private ReferenceWorkers(ConnectionFactory factory, List<Worker> workers) throws IOException, TimeoutException {
        connection = factory.newConnection("vettify-reference-workers");
        try (Channel setup = connection.createChannel()) {
            setup.exchangeDeclare(EXCHANGE, BuiltinExchangeType.DIRECT, true);
            for (Worker worker : workers) {
                setup.queueDeclare(queue(worker.name()), true, false, false, null);
                setup.queueBind(queue(worker.name()), EXCHANGE, worker.name());
            }
        }
        for (Worker worker : workers) {
            received.put(worker.name(), new AtomicLong());
            Channel channel = connection.createChannel();
            channel.basicQos(16);
            channel.basicConsume(queue(worker.name()), false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                        byte[] body) {
                    received.get(worker.name()).incrementAndGet();
                    executor.execute(() -> answer(channel, worker, envelope, properties, body));
                }
            });
        }
    }

    /** Starts every reference worker on the broker. */
    public static ReferenceWorkers start(String host, int port, String username, String password)
            throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        return new ReferenceWorkers(factory, List.of(new AnafTaxpayer(), new Reges(), new AiSummary(), new AiChurn(),
                new EmailSend(), new PdfRender()));
    }

    /** The durable queue a worker consumes. */
    public static String queue(String worker) {
        return EXCHANGE + "." + worker;
    }

    /** Requests this process received for a worker (every attempt counts). */
    public long received(String worker) {
        return received.get(worker).get();
    }

    private void answer(Channel channel, Worker worker, Envelope envelope, AMQP.BasicProperties request, byte[] body) {
        String reply;
        try {
            reply = reply(worker, request, body);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reference worker " + worker.name() + " failed", e);
            reply = error("internal", "the reference worker failed: " + e.getClass().getSimpleName(), true);
        }
        try {
            synchronized (channel) {
                if (request.getReplyTo() != null && !request.getReplyTo().isBlank()) {
                    Map<String, Object> headers = new HashMap<>();
                    for (String name : List.of("tid", "whid", "traceparent", "x-corr-id", "x-attempt")) {
                        Object value = request.getHeaders() == null ? null : request.getHeaders().get(name);
                        if (value != null) {
                            headers.put(name, value.toString());
                        }
                    }
                    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                            .correlationId(request.getCorrelationId())
                            .contentType("application/json").deliveryMode(2).type(worker.name() + ".reply")
                            .appId("vettify-reference-workers").headers(headers).build();
                    channel.basicPublish("", request.getReplyTo(), properties, reply.getBytes(StandardCharsets.UTF_8));
                }
                channel.basicAck(envelope.getDeliveryTag(), false);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "reference worker " + worker.name() + " could not reply", e);
        }
    }

    private String reply(Worker worker, AMQP.BasicProperties properties, byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return error("invalid_request", "the request is not JSON", false);
        }
        Simulation simulation = Simulation.of(request);
        if (simulation.slowMillis() > 0) {
            pause(simulation.slowMillis());
        }
        if (simulation.garbage()) {
            return "<html>502 Bad Gateway</html> this is not JSON {";
        }
        List<String> violations = schemas.violations(worker.name(), "request", request);
        if (!violations.isEmpty()) {
            return error("invalid_request", String.join("; ", violations), false);
        }
        if (simulation.refuse()) {
            return error("refused", "the reference worker was asked to refuse this request", false);
        }
        int attempt = attempt(properties);
        if (attempt <= simulation.failAttempts()) {
            return error("unavailable", "simulated transient failure of attempt " + attempt, true);
        }
        try {
            JsonNode result = simulation.invalidResult() ? JSON.createObjectNode().put("unexpected", true)
                    : worker.handle(request);
            ObjectNode ok = JSON.createObjectNode().put("ok", true);
            ok.set("result", result);
            return ok.toString();
        } catch (WorkerException e) {
            return error(e.code, e.getMessage(), e.retryable);
        }
    }

    private static int attempt(AMQP.BasicProperties properties) {
        Object value = properties.getHeaders() == null ? null : properties.getHeaders().get("x-attempt");
        try {
            return value == null ? 1 : Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String error(String code, String message, boolean retryable) {
        ObjectNode reply = JSON.createObjectNode().put("ok", false);
        reply.putObject("error").put("code", code).put("message", message).put("retryable", retryable);
        return reply.toString();
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        executor.shutdownNow();
        connection.close();
    }

    /**
     * Runs the reference workers until stopped, on the broker of {@code VETTIFY_AMQP_HOST}, {@code VETTIFY_AMQP_PORT},
     * {@code VETTIFY_AMQP_USER} and {@code VETTIFY_AMQP_PASSWORD} (defaults: 127.0.0.1, 5672, guest, guest).
     */
    public static void main(String[] args) throws Exception {
        String host = env("VETTIFY_AMQP_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("VETTIFY_AMQP_PORT", "5672"));
        ReferenceWorkers workers = start(host, port, env("VETTIFY_AMQP_USER", "guest"),
                env("VETTIFY_AMQP_PASSWORD", "guest"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                workers.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing", e);
            }
        }));
        LOG.info("reference workers answering on " + host + ":" + port + " (exchange " + EXCHANGE + ")");
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
