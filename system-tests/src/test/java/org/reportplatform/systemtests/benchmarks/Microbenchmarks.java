package org.reportplatform.systemtests.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.reportplatform.platform.testing.RunConfiguration;
import org.reportplatform.systemtests.benchmarks.jmh.AvroSerde;
import org.reportplatform.systemtests.benchmarks.jmh.PageRendering;

/**
 * Runs the JMH benchmarks of the hot inner loops ({@code jmh/}: one page's render, the Avro
 * serde) in a JVM forked from this classpath: 3 warm-up and 5 measured iterations of
 * {@code benchmark.jmh-seconds} each, average time per operation.
 */
public final class Microbenchmarks {

    /** One benchmark's average time per operation, in microseconds, with JMH's 99.9 % error margin. */
    public record Result(String name, double microseconds, double error) {

        public double perSecond() {
            return 1_000_000 / microseconds;
        }
    }

    /** The fork's JVM options: the services' (run.sh's, deploy/jvm-options.env). */
    static final List<String> JVM_OPTIONS = RunConfiguration.jvmOptions(RunConfiguration.Role.SERVICE);

    private Microbenchmarks() {
    }

    public static List<Result> run(Settings settings) {
        Options options = new OptionsBuilder()
                .include(PageRendering.class.getName() + "\\.")
                .include(AvroSerde.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(settings.jmhSeconds()))
                .measurementIterations(5).measurementTime(TimeValue.seconds(settings.jmhSeconds()))
                .jvmArgsAppend(Stream.concat(Stream.of("-Dplatform.root=" + settings.root()), JVM_OPTIONS.stream()).toArray(String[]::new))
                .result(settings.work().resolve("jmh.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
        try {
            List<Result> results = new ArrayList<>();
            for (RunResult run : new Runner(options).run()) {
                String label = run.getParams().getBenchmark();
                label = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
                results.add(new Result(label, run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError()));
            }
            results.sort(Comparator.comparing(Result::name));
            return results;
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed", e);
        }
    }
}
