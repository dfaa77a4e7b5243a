package uk.org.lxp.events.consumer;

/**
 * Applies one event. It runs inside the transaction that also records the event as processed, so its effect
 * happens once however often the event is delivered. Throwing rolls both back and the event is retried.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(ConsumedEvent event);
}
