package org.reportplatform.render;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The render service: keeps a view of the report's sources (chapters, indicators, datasets)
 * rebuilt from their topics, renders the site's pages from it and publishes every page whose
 * bytes changed to {@code report.pages.v1}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RenderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RenderServiceApplication.class, args);
    }
}
