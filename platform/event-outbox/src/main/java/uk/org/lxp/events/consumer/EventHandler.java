package uk.org.lxp.events.consumer;

/**
 * Applies one event. It runs inside the transaction that also records the event as processed, so its effect
 * happens once however often the event is delivered. Throwing rolls both back and the event is retried. Other events
 * of the same poll may share the transaction, but not the entities: once the handler returns, what it changed through
 * Hibernate is flushed and every entity it loaded is detached, so a handler keeps no entity for a later event.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(ConsumedEvent event);
}
