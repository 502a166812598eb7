package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.testing.RunConfiguration;

/**
 * docker-compose.yml as Docker Compose reads it ({@code docker-compose config}: the file, its
 * anchors and the {@code .env} link resolved), and the load balancer's list of gateway replicas
 * against it: an instance added to one and not the other would never get a request, or get
 * requests it cannot answer.
 */
class DeploymentFilesTest {

    private static final Path ROOT = RunConfiguration.root();
    private static final Pattern INSTANCE_ID = Pattern.compile("(?m)^\\s*REPORT_RENDER_SHARING_INSTANCE_ID: '?([^'\\s]+)'?$");
    private static final Pattern RENDER_URIS = Pattern.compile("(?m)^\\s*REPORT_GATEWAY_RENDER_URI: '?([^'\\s]+)'?$");
    private static final Pattern BALANCED = Pattern.compile("(?m)^\\s*server (gateway-\\d+):8080\\b");

    @Test
    void compose_accepts_the_deployment_and_the_balancer_names_every_gateway_replica_and_only_them() throws Exception {
        // Given the deployment's files
        // When Compose reads them
        Answer config = compose("config", "--quiet");
        Answer services = compose("config", "--services");

        // Then they are valid, with gateway replicas, the balancer in front of them and one entry point
        assertThat(config.exit()).as(config.output()).isZero();
        assertThat(services.exit()).as(services.output()).isZero();
        List<String> gateways = services.output().lines().filter(name -> name.startsWith("gateway-")).sorted().toList();
        assertThat(gateways).hasSizeGreaterThanOrEqualTo(2);
        assertThat(services.output().lines()).contains("load-balancer").doesNotContain("gateway");
        // and the balancer sends requests to exactly those replicas
        Matcher balanced = BALANCED.matcher(Files.readString(ROOT.resolve("deploy/load-balancer/gateways.conf")));
        List<String> servers = balanced.results().map(m -> m.group(1)).sorted().toList();
        assertThat(servers).isEqualTo(gateways);
    }

    @Test
    void the_render_instances_share_the_outputs_each_under_a_name_of_its_own_and_every_gateway_lists_them_all() throws Exception {
        // Given the deployment's files
        // When Compose reads them
        Answer config = compose("config");

        // Then there are several render instances sharing, and no two share a name (their consumer groups would collide)
        assertThat(config.exit()).as(config.output()).isZero();
        List<String> names = INSTANCE_ID.matcher(config.output()).results().map(m -> m.group(1)).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        // and every gateway replica can reach each of them (previews and operations pass over one that is down)
        List<Integer> listed = RENDER_URIS.matcher(config.output()).results().map(m -> m.group(1).split(",").length).toList();
        assertThat(listed).hasSizeGreaterThanOrEqualTo(2).containsOnly(names.size());
    }

    private record Answer(int exit, String output) {
    }

    private static Answer compose(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker-compose", "--project-directory", ROOT.toString(), "-f",
                ROOT.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("docker-compose " + String.join(" ", arguments) + " did not finish");
        }
        return new Answer(process.exitValue(), output);
    }
}
