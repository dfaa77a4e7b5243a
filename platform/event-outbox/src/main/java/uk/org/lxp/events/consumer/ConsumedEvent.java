package uk.org.lxp.events.consumer;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * A CloudEvent read from Kafka. {@link #dataAs(Class)} reads the data into the consumer's own type and ignores
 * fields it does not know, so a producer may add fields without breaking anyone (tolerant reader).
 */
public record ConsumedEvent(String id, String type, String source, String subject, Instant time, String dataSchema,
        String traceparent, JsonNode data, String topic, int partition, long offset, ObjectReader reader) {

    public <T> T dataAs(Class<T> type) {
        try {
            return reader.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Data of event " + id + " (" + this.type + ") does not fit "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
