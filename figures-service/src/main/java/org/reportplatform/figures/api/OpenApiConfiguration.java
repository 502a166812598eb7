package org.reportplatform.figures.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.reportplatform.platform.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description of figures-service (springdoc): {@code /v3/api-docs} (JSON),
 * {@code /v3/api-docs.yaml}, and the Swagger UI at {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "figures-service", version = "v1",
        description = "Indicators (key figures) and datasets of the annual report, kept on Kafka. Values are exact: "
                + "numbers are read as decimals and stored as plain decimal strings, never binary floats. "
                + "Reads are public; writes need Authorization: Bearer <token> (demo: demo-admin, demo-<team>)."))
@SecurityScheme(name = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token. Demo profile: demo-admin (everything), demo-<team> such as demo-defenseurs (its team's figures).")
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig()
                // Resolved from the bearer token, not a request parameter.
                .addRequestWrapperToIgnore(Caller.class)
                // A raw JSON value (indicator value, dataset rows): described on each field instead.
                .replaceWithClass(JsonNode.class, Object.class);
    }
}
