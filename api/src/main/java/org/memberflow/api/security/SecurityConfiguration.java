package org.memberflow.api.security;

import jakarta.servlet.DispatcherType;
import org.memberflow.api.idempotency.IdempotencyFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may do what. Every request carries an API key; its role decides (the matrix is in the
 * README and {@code SecurityMatrixTest}). Keys ride in headers, never cookies, so there is no
 * session and nothing for a cross-site request to borrow: CSRF protection has nothing to protect.
 * After the rules, each key's rate limit, then Idempotency-Key replays.
 */
@Configuration
@EnableConfigurationProperties(KeyProperties.class)
class SecurityConfiguration {

    /** ADMIN can do everything; a MARKETER everything a VIEWER can. INGEST stands apart. */
    /**
     * No Micrometer observation around each security filter, authentication and authorization:
     * they were a quarter of the request threads' CPU (BENCHMARKS.md, JFR). The request's own
     * timer, {@code http.server.requests}, is kept.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.MARKETER.name(), Role.INGEST.name())
                .role(Role.MARKETER.name()).implies(Role.VIEWER.name())
                .build();
    }

    /** The idempotency filter runs in the security chain only, not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyOutsideTheChain(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ProblemResponses problems, RateLimiter limiter,
            FailedAuthLimit failures, IdempotencyFilter idempotency) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiKeyFilter(keys, problems, failures), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, problems), AuthorizationFilter.class)
                .addFilterAfter(idempotency, RateLimitFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/events").hasRole(Role.INGEST.name())
                        .requestMatchers("/api/v1/keys", "/api/v1/keys/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/api/v1/jobs/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/rulesets/**", "/api/v1/campaigns/**", "/api/v1/webhooks/**")
                        .hasRole(Role.MARKETER.name())
                        .anyRequest().hasRole(Role.ADMIN.name()));
        return http.build();
    }
}
