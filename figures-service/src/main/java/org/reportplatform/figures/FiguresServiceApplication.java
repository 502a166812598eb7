package org.reportplatform.figures;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The home of the report's numbers: indicators and datasets, kept on their topics. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FiguresServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FiguresServiceApplication.class, args);
    }
}
