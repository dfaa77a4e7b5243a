package uk.org.lxp.events.consumer;

import java.util.List;

/**
 * Applies several events at once: the consecutive events of a poll that this handler takes, in the order they arrived
 * (each aggregate's in its order), none of them applied before. It runs inside the transaction that records them as
 * processed, so it can read what they refer to in one query and write their effects in one flush instead of a round
 * trip or two per event. Throwing rolls the transaction back; the events are then applied again one at a time (the
 * handler called with one event each, each with all its attempts; given one event only, that failure was its first),
 * so a poison event is retried and parked on its own and the others are applied without it. What it changed through
 * Hibernate is flushed, and every entity it loaded detached, once it returns.
 */
@FunctionalInterface
public interface EventBatchHandler {

    void handle(List<ConsumedEvent> events);
}
