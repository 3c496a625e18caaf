import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes one event to the local broker as another module would (CloudEvents binary mode), for trying the
 * runtime's consumers by hand: see `./vettify publish`.
 *
 * Arguments: TYPE TID WHID|- DATA-JSON|@FILE; the broker port comes from VETTIFY_AMQP_PORT.
 */
public class PublishEvent {

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: PublishEvent TYPE TID WHID|- DATA-JSON|@FILE");
            System.exit(2);
        }
        String type = args[0];
        String tid = args[1];
        String whid = args[2].equals("-") ? null : args[2];
        String body = args[3].startsWith("@") ? Files.readString(Path.of(args[3].substring(1))) : args[3];
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> headers = new HashMap<>();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", eventId);
        headers.put("ce-type", type);
        headers.put("ce-source", "vettify-cli");
        headers.put("ce-time", Instant.now().toString());
        headers.put("x-corr-id", "cli-" + eventId);
        headers.put("tid", tid);
        if (whid != null) {
            headers.put("whid", whid);
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("VETTIFY_AMQP_PORT", "17672")));
        try (Connection connection = factory.newConnection("vettify-cli"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("vettify.events", "topic", true);
            channel.confirmSelect();
            channel.basicPublish("vettify.events", type, new AMQP.BasicProperties.Builder().messageId(eventId)
                    .contentType("application/json").deliveryMode(2).headers(headers).build(),
                    body.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5_000);
        }
        System.out.println("published " + type + " " + eventId + " for tenant " + tid);
    }
}
