package org.reportplatform.content.openapi;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.reportplatform.platform.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of content-service, served at {@code /v3/api-docs} (JSON),
 * {@code /v3/api-docs.yaml}, and browsable at {@code /swagger-ui.html}.
 */
@Configuration
@SecurityScheme(name = ApiExamples.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A configured API token (stored hashed). With the demo profile: demo-admin (everything), "
                + "demo-<slug> (the chapters the team owns, e.g. demo-enfants).")
class OpenApiConfiguration {

    static {
        // The caller is resolved from the Authorization header (the bearer scheme), not a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI contentServiceApi() {
        return new OpenAPI().info(new Info()
                .title("content-service: chapters")
                .version("v1")
                .description("""
                        The chapters of the annual report: owned by teams, in report order, revisioned on the \
                        report.chapters.v1 Kafka topic (the log is the store). Reads are public; every write needs a \
                        bearer token. The ETag of a chapter is its revision: send it back in If-Match to change it \
                        (412 if someone changed it meanwhile, 428 if missing). Refusals are RFC 9457 problem documents \
                        naming each bad field in errors[].""")
                .license(new License().name("Demo content: OMCT annual report 2024, illustrative")));
    }
}
