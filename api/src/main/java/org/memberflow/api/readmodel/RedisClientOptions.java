package org.memberflow.api.readmodel;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce fails fast while Redis is away. By default it queues every command while it reconnects
 * and answers only when Redis is back or the command timeout passes: with Redis stopped, every API
 * request (the rate limit asks Redis) hung until then. Rejected at once, a lookup gets its 503,
 * the rate limit lets the request through, and the sinks back off and retry.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientOptions {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
