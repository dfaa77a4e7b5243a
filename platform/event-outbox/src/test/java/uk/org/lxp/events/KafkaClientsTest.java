package uk.org.lxp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    @Test
    void aBrokerWithoutAuthenticationIsReachedByItsAddressAlone() {
        KafkaClients clients = new KafkaClients("kafka:9092", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "roles-service");

        assertThat(clients.connection()).containsOnlyKeys("bootstrap.servers").containsEntry("bootstrap.servers", "kafka:9092");
    }

    @Test
    void eachClientAuthenticatesWhereTheBrokerAsksIt() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"roles-service\" password=\"x\";";
        KafkaClients clients = new KafkaClients("lxp-kafka-bootstrap:9093", Optional.of("SASL_SSL"),
                Optional.of("SCRAM-SHA-512"), Optional.of(jaas), Optional.of("PEM"), Optional.of("/etc/kafka-ca/ca.crt"),
                "roles-service");

        assertThat(clients.connection()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("sasl.jaas.config", jaas)
                .containsEntry("ssl.truststore.type", "PEM").containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.crt");
    }
}
