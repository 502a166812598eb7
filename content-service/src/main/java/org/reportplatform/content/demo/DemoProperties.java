package org.reportplatform.content.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code report.demo.load=true} (set by run.sh on the first start only) loads the demo report. */
@ConfigurationProperties("report.demo")
public record DemoProperties(boolean load) {
}
