package uk.org.lxp.events.consumer;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.hibernate.Session;

/**
 * Keeps the events applied together in one transaction from sharing a growing persistence context. After each event
 * what it changed is flushed and the entities it loaded are let go: otherwise every query of every later event in the
 * transaction would first check every entity loaded so far for changes (quadratic in the events of a poll), and a
 * failure of one event's deferred writes would surface in a later event's handler. A service without Hibernate
 * entities has no session to settle.
 */
@ApplicationScoped
class PersistenceContexts {

    /** The transaction's session (a proxy to it), looked up once rather than for every event. */
    private final Optional<Session> session;

    PersistenceContexts(Instance<Session> sessions) {
        this.session = sessions.isResolvable() ? Optional.of(sessions.get()) : Optional.empty();
    }

    /** Within the consumer's transaction, after an event's handler has run. */
    void flushAndClear() {
        session.ifPresent(current -> {
            current.flush();
            current.clear();
        });
    }
}
