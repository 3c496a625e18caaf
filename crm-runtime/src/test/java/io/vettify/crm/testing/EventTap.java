package io.vettify.crm.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A queue of the test's own on the real broker, bound to the events exchange for some routing keys: it receives
 * every event published from now on, as the services downstream would.
 */
public final class EventTap implements AutoCloseable {

    public record Event(String routingKey, AMQP.BasicProperties properties, String body) {

        public String header(String name) {
            Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(name);
            return value == null ? null : value.toString();
        }
    }

    private final Connection connection;
    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();

    private EventTap(String... routingKeys) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(LocalServicesResource.amqpPort());
        connection = factory.newConnection("vettify-test-tap");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare("vettify.events", "topic", true);
        String queue = channel.queueDeclare().getQueue();
        for (String key : routingKeys) {
            channel.queueBind(queue, "vettify.events", key);
        }
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                received.add(new Event(envelope.getRoutingKey(), properties, new String(body, StandardCharsets.UTF_8)));
            }
        });
    }

    public static EventTap bind(String... routingKeys) {
        try {
            return new EventTap(routingKeys);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot reach the local RabbitMQ", e);
        }
    }

    /**
     * Waits for events until one matches {@code last}, and returns every event received that matches
     * {@code filter}, in arrival order, up to and including that one.
     */
    public List<Event> until(Predicate<Event> filter, Predicate<Event> last, Duration timeout) {
        List<Event> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Event event = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no matching event within " + timeout + "; received " + events);
                }
                if (filter.test(event)) {
                    events.add(event);
                    if (last.test(event)) {
                        return events;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
