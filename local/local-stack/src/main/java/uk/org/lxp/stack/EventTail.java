package uk.org.lxp.stack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** {@code ./lxp events}: every CloudEvent on every lxp topic (dead letters included), one readable entry each. */
final class EventTail {

    private static final Pattern TOPICS = Pattern.compile("lxp\\..+");
    private static final int DATA_WIDTH = 400;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private EventTail() {
    }

    static int run(String bootstrapServers, boolean fromBeginning, PrintStream out) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // A group of its own each time: watching never moves any service's offsets.
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "lxp-events-tail-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        CountDownLatch closed = new CountDownLatch(1);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup();
                awaitQuietly(closed);
            }, "lxp-events-stop"));
            consumer.subscribe(TOPICS);
            out.println("Watching every lxp.* topic on " + bootstrapServers + (fromBeginning ? " from the beginning" : "")
                    + ". Ctrl-C stops.");
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    out.println(describe(record));
                }
                out.flush();
            }
        } catch (WakeupException stopped) {
            return 0;
        } finally {
            closed.countDown();
        }
    }

    static String describe(ConsumerRecord<String, byte[]> record) {
        String time = header(record, "ce_time");
        String line = String.format("%s  %-36s %-28s subject %s  from %s%s",
                localTime(time), record.topic(), orDash(header(record, "ce_type")), orDash(header(record, "ce_subject")),
                orDash(header(record, "ce_source")), deadLetter(record));
        String data = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        if (data.length() > DATA_WIDTH) {
            data = data.substring(0, DATA_WIDTH) + "...";
        }
        return line + "\n              " + data;
    }

    private static String deadLetter(ConsumerRecord<String, byte[]> record) {
        String reason = header(record, "lxp_dlq_reason");
        return reason == null ? "" : "  DEAD LETTER from " + orDash(header(record, "lxp_dlq_consumer")) + ": " + reason;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String localTime(String cloudEventTime) {
        if (cloudEventTime == null) {
            return "--:--:--.---";
        }
        try {
            return OffsetDateTime.parse(cloudEventTime).atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
        } catch (DateTimeParseException e) {
            return cloudEventTime;
        }
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
