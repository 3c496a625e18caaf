import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Prints the events published on the local broker (a temporary queue bound with a routing pattern) for a
 * bounded time or number of events: see `./vettify tap`.
 *
 * Arguments: PATTERN SECONDS MAX-EVENTS; the broker port comes from VETTIFY_AMQP_PORT.
 */
public class TapEvents {

    public static void main(String[] args) throws Exception {
        String pattern = args.length > 0 ? args[0] : "#";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int max = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("VETTIFY_AMQP_PORT", "17672")));
        CountDownLatch remaining = new CountDownLatch(max);
        try (Connection connection = factory.newConnection("vettify-tap"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("vettify.events", "topic", true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "vettify.events", pattern);
            System.out.println("listening for '" + pattern + "' on vettify.events for " + seconds + " s (at most " + max + " events)");
            System.out.flush();
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    System.out.println(envelope.getRoutingKey() + " " + properties.getHeaders() + " "
                            + new String(body, StandardCharsets.UTF_8));
                    System.out.flush();
                    remaining.countDown();
                }
            });
            remaining.await(seconds, TimeUnit.SECONDS);
        }
    }
}
