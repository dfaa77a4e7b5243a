package uk.org.lxp.events.consumer;

import java.util.List;

/**
 * How a subscription applies a type of event: one at a time, or together with the consecutive events of a poll that
 * the same handler takes. One instance per registration, so the types registered together are applied together.
 */
final class Handler {

    private final EventHandler oneAtATime;
    private final EventBatchHandler together;

    private Handler(EventHandler oneAtATime, EventBatchHandler together) {
        this.oneAtATime = oneAtATime;
        this.together = together;
    }

    static Handler oneAtATime(EventHandler handler) {
        return new Handler(handler, null);
    }

    static Handler together(EventBatchHandler handler) {
        return new Handler(null, handler);
    }

    /** Whether the next event can join a call to this handler: it takes events together, and this one too. */
    boolean appliesWith(Handler next) {
        return together != null && next == this;
    }

    /** The events of a run: one, unless this handler takes events together ({@link #appliesWith}). */
    void apply(List<ConsumedEvent> events) {
        if (together != null) {
            together.handle(events);
        } else if (events.size() == 1) {
            oneAtATime.handle(events.get(0));
        } else {
            throw new IllegalStateException("A handler of one event at a time was given " + events.size());
        }
    }
}
