package org.memberflow.api.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.memberflow.engine.EngineTopics;
import org.memberflow.engine.Topics;
import org.memberflow.engine.ruleset.RuleSetRecord;
import org.memberflow.rules.session.RuleFile;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Publishes the active version, files and all, on {@code rule-sets}, and waits for the broker.
 * A producer of its own: a record may be far larger than an event, so it needs a larger request
 * size and compression that the events' producer does not.
 */
@Component
class RuleSetPublisher implements DisposableBean {
    private final KafkaProducer<String, RuleSetRecord> producer;

    RuleSetPublisher(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "memberflow-rule-set-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EngineTopics.RULE_SET_MAX_BYTES,
                // Given up within the wait below: a send the caller saw fail does not land later.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000),
                new StringSerializer(), Topics.RULE_SETS.valueSerde().serializer());
    }

    void publish(RuleSetVersion version, List<RuleFile> files, String activatedBy, Instant at) {
        RuleSetRecord record = new RuleSetRecord(version.name(), version.version(), version.checksum(), activatedBy, at,
                files.stream().map(f -> new RuleSetRecord.File(f.path(), f.content())).toList());
        try {
            producer.send(new ProducerRecord<>(Topics.RULE_SETS.name(), RuleSetRecord.KEY, record)).get(35, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleSetNotPublishedException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RuleSetNotPublishedException(e);
        }
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
