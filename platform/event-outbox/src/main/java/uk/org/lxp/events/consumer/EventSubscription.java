package uk.org.lxp.events.consumer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one consumer of a service reads: its topics and a handler per event type, which applies them one at a time
 * ({@link Builder#on}) or a poll's consecutive events together ({@link Builder#onBatch}). Types without a handler are
 * skipped. A service declares its subscriptions as CDI beans; each runs as its own consumer group,
 * {@code <application name>.<subscription name>}, with one member in each instance of the service, or more for a busy
 * topic ({@link Builder#members(int)}).
 */
public final class EventSubscription {

    private final String name;
    private final Set<String> topics;
    private final Map<String, Handler> handlers;
    private final int members;

    private EventSubscription(String name, Set<String> topics, Map<String, Handler> handlers, int members) {
        this.name = name;
        this.topics = Set.copyOf(topics);
        this.handlers = Map.copyOf(handlers);
        this.members = members;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public Set<String> topics() {
        return topics;
    }

    Optional<Handler> handlerFor(String eventType) {
        return Optional.ofNullable(handlers.get(eventType));
    }

    /** Members of the group in each instance of the service, a thread and a Kafka consumer each. */
    public int members() {
        return members;
    }

    public static final class Builder {

        private final String name;
        private final Set<String> topics = new LinkedHashSet<>();
        private final Map<String, Handler> handlers = new LinkedHashMap<>();
        private int members = 1;

        private Builder(String name) {
            if (name == null || !name.matches("[a-z0-9][a-z0-9.-]*")) {
                throw new IllegalArgumentException("A subscription name is lower-case letters, digits, dots, dashes");
            }
            this.name = name;
        }

        public Builder topic(String topic) {
            topics.add(topic);
            return this;
        }

        public Builder on(String eventType, EventHandler handler) {
            handlers.put(eventType, Handler.oneAtATime(handler));
            return this;
        }

        /**
         * Applies events of these types together: the consecutive ones of a poll in one call, in their order. For a
         * busy topic whose handler would otherwise read and write a row or two per event.
         */
        public Builder onBatch(List<String> eventTypes, EventBatchHandler handler) {
            Handler together = Handler.together(handler);
            eventTypes.forEach(eventType -> handlers.put(eventType, together));
            return this;
        }

        /**
         * Runs that many members of the group in each instance: the topics' partitions are shared among them (and
         * the other instances' members), so one waiting on its database round trips does not hold up the events
         * of other partitions. Each partition's events stay in order. Worth it only for a busy topic: every member
         * is a thread, a Kafka consumer and, while it applies events, a database connection.
         */
        public Builder members(int members) {
            if (members < 1) {
                throw new IllegalArgumentException("Subscription " + name + " needs at least one member, not " + members);
            }
            this.members = members;
            return this;
        }

        public EventSubscription build() {
            if (topics.isEmpty() || handlers.isEmpty()) {
                throw new IllegalStateException("Subscription " + name + " needs a topic and a handler");
            }
            return new EventSubscription(name, topics, handlers, members);
        }
    }
}
