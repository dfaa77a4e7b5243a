package uk.org.lxp.events.outbox;

import java.util.Objects;

/**
 * One event to publish: the aggregate it is about, its CloudEvents type, the topic, and its data, which is the
 * aggregate's full state after the change.
 *
 * @param aggregateType e.g. {@code organisation}
 * @param aggregateId the record key and CloudEvents subject; one aggregate's events stay in order
 * @param type CloudEvents type, e.g. {@code lxp.roles.OrganisationRegistered}
 * @param topic e.g. {@code lxp.roles.organisation.v1}
 * @param data serialised to JSON
 */
public record OutboxEvent(String aggregateType, String aggregateId, String type, String topic, Object data) {

    public OutboxEvent {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(data, "data");
    }
}
