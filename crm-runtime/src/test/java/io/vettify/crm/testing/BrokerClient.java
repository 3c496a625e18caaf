package io.vettify.crm.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/** Plays another module on the real broker: publishes its events and reads the runtime's dead-letter queues. */
public final class BrokerClient implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final Set<String> deadLettered = new HashSet<>();

    public BrokerClient() {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost("127.0.0.1");
            factory.setPort(LocalServicesResource.amqpPort());
            connection = factory.newConnection("vettify-test-module");
            channel = connection.createChannel();
            channel.exchangeDeclare("vettify.events", "topic", true);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot reach the local RabbitMQ", e);
        }
    }

    /** Publishes a CloudEvent (binary mode) as another module would; returns its event id. */
    public String publish(String type, String tid, String whid, String body) {
        return publish(type, UUID.randomUUID().toString(), tid, whid, body);
    }

    public String publish(String type, String eventId, String tid, String whid, String body) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", eventId);
        headers.put("ce-type", type);
        headers.put("ce-source", "test-module");
        headers.put("ce-time", Instant.now().toString());
        headers.put("x-corr-id", "test-" + eventId);
        if (tid != null) {
            headers.put("tid", tid);
        }
        if (whid != null) {
            headers.put("whid", whid);
        }
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(eventId)
                .contentType("application/json").deliveryMode(2).headers(headers).build();
        try {
            channel.basicPublish("vettify.events", type, properties, body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** Takes the messages now in a dead-letter queue and tells whether this message id was among those taken. */
    public boolean deadLettered(String queue, String messageId) {
        try {
            GetResponse message;
            while ((message = channel.basicGet(queue, true)) != null) {
                deadLettered.add(message.getProps().getMessageId());
            }
            return deadLettered.contains(messageId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
