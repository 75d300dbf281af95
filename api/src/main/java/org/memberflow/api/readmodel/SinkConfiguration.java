package org.memberflow.api.readmodel;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** Listener containers of the sinks: retry a failed batch with backoff, forever, losing nothing. */
@Configuration(proxyBeanMethods = false)
public class SinkConfiguration {
    public static final String SINK_CONTAINER_FACTORY = "sinkContainerFactory";

    @Bean(SINK_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> sinkContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setCommonErrorHandler(new DefaultErrorHandler(outageBackOff()));
        return factory;
    }

    /** From 200 ms, doubling to 30 s, forever: a database or Redis outage is waited out, however long. */
    public static ExponentialBackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
