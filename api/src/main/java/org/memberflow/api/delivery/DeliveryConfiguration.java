package org.memberflow.api.delivery;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.memberflow.api.delivery.webhook.WebhookProperties;
import org.memberflow.api.readmodel.SinkConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;

/**
 * The delivery stage's Kafka side: a transactional producer for campaign-actions (not a
 * ProducerFactory bean, which would replace the server's plain one), and listener containers that
 * read campaign-decisions inside its transactions and, when a batch fails (MySQL down), roll back
 * and read it again with backoff, forever: nothing is skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryProperties.class, WebhookProperties.class})
class DeliveryConfiguration {
    static final String DECISIONS_CONTAINER_FACTORY = "decisionsContainerFactory";

    @Bean
    ActionPublisher actionPublisher(KafkaProperties kafka, DeliveryProperties props) {
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        producers.setTransactionIdPrefix(props.transactionIds());
        return new ActionPublisher(producers);
    }

    @Bean(DECISIONS_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> decisionsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            ActionPublisher publisher, DeliveryProperties props) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.getContainerProperties().setKafkaAwareTransactionManager(publisher.transactionManager());
        factory.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(SinkConfiguration.outageBackOff()));
        factory.setConcurrency(props.concurrency());
        factory.setBatchListener(true);
        return factory;
    }
}
