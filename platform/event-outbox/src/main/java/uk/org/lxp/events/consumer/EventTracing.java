package uk.org.lxp.events.consumer;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Continues the trace an event carries ({@code traceparent}) while a consumer handles it, so that whatever the
 * handler publishes in turn belongs to the same trace. Events handled together get one span, linked to each
 * event's trace (a span has one parent). Without OpenTelemetry in the service, spans are no-ops.
 */
@ApplicationScoped
public class EventTracing {

    private static final TextMapGetter<ConsumedEvent> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumedEvent event) {
            return List.of("traceparent");
        }

        @Override
        public String get(ConsumedEvent event, String key) {
            return event == null || !"traceparent".equals(key) ? null : event.traceparent();
        }
    };

    private final Instance<Tracer> tracers;

    EventTracing(Instance<Tracer> tracers) {
        this.tracers = tracers;
    }

    Span startConsumerSpan(String consumer, ConsumedEvent event) {
        if (!tracers.isResolvable()) {
            return Span.getInvalid();
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), event, TRACEPARENT);
        return tracers.get().spanBuilder(consumer + " " + event.type())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id())
                .startSpan();
    }

    Span startBatchSpan(String consumer, List<ConsumedEvent> events) {
        if (!tracers.isResolvable()) {
            return Span.getInvalid();
        }
        SpanBuilder span = tracers.get().spanBuilder(consumer + " process")
                .setNoParent()
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.batch.message_count", (long) events.size());
        for (ConsumedEvent event : events) {
            SpanContext sent = Span.fromContext(
                    W3CTraceContextPropagator.getInstance().extract(Context.root(), event, TRACEPARENT)).getSpanContext();
            if (sent.isValid()) {
                span.addLink(sent);
            }
        }
        return span.startSpan();
    }
}
