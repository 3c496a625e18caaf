package io.vettify.crm.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The relay's connection to RabbitMQ and its publisher-confirm channel. It is opened on demand and dropped on
 * any failure, so the next attempt reconnects: no hidden buffering, an event counts as published only when the
 * broker has confirmed it.
 */
@ApplicationScoped
public class BrokerConnection {

    private static final Logger LOG = Logger.getLogger(BrokerConnection.class);

    private final ConnectionFactory factory = new ConnectionFactory();
    private final String exchange;
    private Connection connection;
    private Channel channel;

    public BrokerConnection(@ConfigProperty(name = "rabbitmq-host") String host,
            @ConfigProperty(name = "rabbitmq-port") int port,
            @ConfigProperty(name = "rabbitmq-username") String username,
            @ConfigProperty(name = "rabbitmq-password") String password,
            @ConfigProperty(name = "rabbitmq-virtual-host", defaultValue = "/") String virtualHost,
            @ConfigProperty(name = "vettify.events.exchange") String exchange) {
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setConnectionTimeout(5_000);
        factory.setHandshakeTimeout(5_000);
        factory.setRequestedHeartbeat(10);
        factory.setAutomaticRecoveryEnabled(false);
        this.exchange = exchange;
    }

    public String exchange() {
        return exchange;
    }

    /** A new connection with the same settings, for a client that needs its own (e.g. the worker client). */
    public Connection newConnection(String name) throws IOException {
        try {
            return factory.newConnection(name);
        } catch (TimeoutException e) {
            throw new IOException("RabbitMQ did not answer in time", e);
        }
    }

    /** A channel in confirm mode on the events exchange (declared durable, topic). */
    public synchronized Channel confirmChannel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        reset();
        try {
            connection = factory.newConnection("vettify-outbox-relay");
            channel = connection.createChannel();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            channel.confirmSelect();
            return channel;
        } catch (TimeoutException e) {
            reset();
            throw new IOException("RabbitMQ did not answer in time", e);
        } catch (IOException e) {
            reset();
            throw e;
        }
    }

    /** Drops the connection; the next {@link #confirmChannel()} opens a new one. */
    public synchronized void reset() {
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
