package org.reportplatform.figures.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.figures.FiguresServiceApplication;
import org.reportplatform.figures.datasets.DatasetBook;
import org.reportplatform.figures.indicators.IndicatorBook;
import org.reportplatform.platform.testing.KafkaBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo's key figures and finance datasets come with their English (and, for the figures, Spanish) texts. */
class DemoFigureTextsTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @Test
    void theDemoFiguresHaveTheirTextsInOtherLanguages() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FiguresServiceApplication.class).profiles("demo").run(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0", "--spring.main.banner-mode=off",
                "--report.demo.load=true")) {
            IndicatorBook indicators = app.getBean(IndicatorBook.class);
            assertThat(indicators.indicators("2024")).isNotEmpty().allSatisfy(indicator ->
                    assertThat(indicator.texts()).containsOnlyKeys("en", "es"));
            var cases = indicators.requireCurrent("2024", "sos-defenders.cases").texts();
            assertThat(cases.get("en").label()).isEqualTo("Documented cases of arbitrarily detained defenders");
            assertThat(cases.get("en").unit()).isEqualTo("cases");
            assertThat(cases.get("es").unit()).isEqualTo("casos");

            var revenus = app.getBean(DatasetBook.class).requireCurrent("2024", "finances-revenus");
            assertThat(revenus.texts()).containsOnlyKeys("en");
            assertThat(revenus.texts().get("en").title()).isEqualTo("Income by source (illustrative data)");
            assertThat(revenus.texts().get("en").columnLabels()).hasSameSizeAs(revenus.columns()).containsExactly("Source", "Amount");
        }
    }
}
