package com.kameleoon.sample.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The run command's port: read from {@code sample.port}, and a taken one ends the command with a clear error. */
class SampleServerTest {
    @Test
    void thePortComesFromSamplePortOr8080() {
        assertThat(SampleServer.port(null)).isEqualTo(8080);
        assertThat(SampleServer.port(" 9090 ")).isEqualTo(9090);
        assertThatThrownBy(() -> SampleServer.port("80a")).hasMessageContaining("sample.port", "80a");
        assertThatThrownBy(() -> SampleServer.port("70000")).hasMessageContaining("70000");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTakenPortEndsTheCommandWithStatus1AndAMessageNamingThePort() throws Exception {
        try (ServerSocketChannel taken = ServerSocketChannel.open()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            assertThat(SampleServer.bindable(port)).isFalse();

            Process command = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "-Dsample.port=" + port,
                    "-Dkameleoon.it.tomcat11=/nonexistent", "-Dkameleoon.sample.war=/nonexistent",
                    SampleServer.class.getName())).redirectErrorStream(true).start();
            String output = read(command);
            assertThat(command.waitFor(30, TimeUnit.SECONDS)).as("ended").isTrue();
            assertThat(command.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("port " + port, "already in use").doesNotContain("http://localhost:" + port);
        }
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
