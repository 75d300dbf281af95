package org.memberflow.api.console;

import jakarta.servlet.DispatcherType;
import org.memberflow.api.security.ApiKeys;
import org.memberflow.api.security.FailedAuthLimit;
import org.memberflow.api.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own security chain, before the API's (which takes every other path): a session
 * begun by pasting an API key into the login form, the key's role carried over (VIEWER reads,
 * MARKETER also changes rule sets and campaigns), CSRF tokens on every form and htmx request, and
 * pages only from this server (a Content-Security-Policy without inline scripts). An anonymous
 * visitor is sent to the login page, and so is a form sent after its session ended; a role too
 * small gets the console's 403 page. Reading (GET, HEAD) is a VIEWER's; every other method needs
 * a MARKETER, on pages added later too. The API keeps its stateless chain: a console session
 * opens nothing under /api/v1.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {
    static final String LOGIN = "/login";
    static final String DENIED = "/console/denied";
    /** Scripts and styles only from this server; the charts' data rides in data- attributes. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain console(HttpSecurity http, ApiKeys keys, FailedAuthLimit failures) throws Exception {
        http.securityMatcher("/", LOGIN, "/logout", "/console", "/console/**", "/webjars/**")
                // Only API keys log in here: no parent manager, so no other user store can answer.
                .authenticationManager(new ProviderManager(new ApiKeyLogin(keys, failures)))
                .addFilterBefore(new RevokedKeyLogout(keys), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage(LOGIN).passwordParameter("key")
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + LOGIN
                                + (e instanceof DisabledException ? "?error=role" : e instanceof LockedException ? "?error=wait"
                                : "?error=key")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new ConsoleEntryPoint()).accessDeniedHandler(new ConsoleAccessDenied()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        // the login page with any query (?error=role, ?logout): formLogin permits its exact URLs only
                        .requestMatchers(HttpMethod.GET, LOGIN).permitAll()
                        .requestMatchers("/console/assets/**", "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.GET).hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.HEAD).hasRole(Role.VIEWER.name())
                        // Any other method changes something: a MARKETER's, so a new endpoint is closed by default.
                        .anyRequest().hasRole(Role.MARKETER.name()));
        return http.build();
    }
}
