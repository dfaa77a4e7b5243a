package uk.org.lxp.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the Kafka clients of the relay and the consumers, all from {@code kafka.bootstrap.servers} and, where the
 * broker asks its clients to authenticate (in production, SCRAM over TLS, each service with its own user and ACLs),
 * {@code kafka.security.protocol}, {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config} and the broker's CA
 * ({@code kafka.ssl.truststore.type}, {@code kafka.ssl.truststore.location}).
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> connection = new HashMap<>();
    private final String applicationName;

    KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "kafka.security.protocol") Optional<String> securityProtocol,
            @ConfigProperty(name = "kafka.sasl.mechanism") Optional<String> saslMechanism,
            @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> saslJaasConfig,
            @ConfigProperty(name = "kafka.ssl.truststore.type") Optional<String> truststoreType,
            @ConfigProperty(name = "kafka.ssl.truststore.location") Optional<String> truststoreLocation,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        connection.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        securityProtocol.ifPresent(value -> connection.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, value));
        saslMechanism.ifPresent(value -> connection.put(SaslConfigs.SASL_MECHANISM, value));
        saslJaasConfig.ifPresent(value -> connection.put(SaslConfigs.SASL_JAAS_CONFIG, value));
        truststoreType.ifPresent(value -> connection.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, value));
        truststoreLocation.ifPresent(value -> connection.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, value));
        this.applicationName = applicationName;
    }

    /** Where the broker is and how to authenticate to it: what every client of this service starts from. */
    Map<String, Object> connection() {
        return new HashMap<>(connection);
    }

    /** Idempotent, acks=all: a retried send never duplicates or reorders records within a partition. */
    public KafkaProducer<String, byte[]> reliableProducer(String purpose, int deliveryTimeoutMs) {
        Map<String, Object> config = connection();
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, applicationName + "-" + purpose);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, deliveryTimeoutMs));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeoutMs);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /** A consumer outside any group, for reading a topic from its start (e.g. a dead-letter topic) without committing. */
    public KafkaConsumer<String, byte[]> reader(String purpose) {
        Map<String, Object> config = connection();
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, applicationName + "-" + purpose);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    /**
     * Manual commits only, read-committed, starting from the earliest record for a new group; {@code clientId}
     * tells apart the members of one group in this process. Partitions are assigned cooperatively: when a member
     * joins or leaves, only the partitions that change hands are revoked, and the other members go on with theirs
     * through the rebalance (the default would revoke every partition of the group). A group whose running members
     * still offer the default pair (range first, cooperative-sticky second, as every client since Kafka 3.0 does)
     * moves to cooperative-sticky as they are replaced, without a second rolling restart.
     */
    public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId, int maxPollRecords) {
        Map<String, Object> config = connection();
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }
}
