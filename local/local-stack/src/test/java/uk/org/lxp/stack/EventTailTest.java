package uk.org.lxp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventTailTest {

    @Test
    void showsTheCloudEventHeadersAndItsData() {
        ConsumerRecord<String, byte[]> record = record("lxp.roles.post.v1", "{\"postReference\":\"RGD-PSW-0001\"}");
        header(record, "ce_type", "lxp.roles.PostRegistered");
        header(record, "ce_subject", "3ccb00fe-9614-49c4-9f05-4cc8169d2a35");
        header(record, "ce_source", "/lxp/roles-service");
        header(record, "ce_time", "2026-11-22T10:15:30.123Z");

        String text = EventTail.describe(record);

        assertThat(text).contains("lxp.roles.post.v1", "lxp.roles.PostRegistered",
                "subject 3ccb00fe-9614-49c4-9f05-4cc8169d2a35", "from /lxp/roles-service", "{\"postReference\":\"RGD-PSW-0001\"}");
        assertThat(text).doesNotContain("DEAD LETTER");
    }

    @Test
    void marksDeadLettersWithTheirReasonAndShortensLongData() {
        ConsumerRecord<String, byte[]> record = record("lxp.roles.post.v1.dlq", "x".repeat(1000));
        header(record, "lxp_dlq_reason", "IllegalStateException: no such profile");
        header(record, "lxp_dlq_consumer", "pay-equity-posts");

        String text = EventTail.describe(record);

        assertThat(text).contains("DEAD LETTER from pay-equity-posts: IllegalStateException: no such profile", "--:--:--.---");
        assertThat(text).contains("x".repeat(400) + "...").doesNotContain("x".repeat(401));
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String data) {
        return new ConsumerRecord<>(topic, 0, 0L, "key", data.getBytes(StandardCharsets.UTF_8));
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
