package org.memberflow.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** How the API presents itself over HTTP: its OpenAPI document and ETags on reads. */
@Configuration
class WebConfiguration {
    static final String API_KEY_SCHEME = "apiKey";

    /**
     * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): every
     * operation needs an API key, sent as a bearer token ("Authorize" in Swagger UI).
     */
    @Bean
    OpenAPI memberFlowOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MemberFlow API").version("v1")
                        .description("Member events in; RFM segments, campaign decisions and their delivery out. "
                                + "Errors are RFC 9457 problem documents. Keys: INGEST posts events; VIEWER reads; "
                                + "MARKETER also writes rule sets, campaigns and webhooks; ADMIN also keys and jobs.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("mfk_<id>_<secret>")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
    }

    /**
     * An ETag on every successful GET under {@code /api/v1}, from a hash of the body: a client that
     * sends it back in {@code If-None-Match} gets 304 and no body when nothing changed.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/*");
        registration.setName("etags");
        return registration;
    }
}
