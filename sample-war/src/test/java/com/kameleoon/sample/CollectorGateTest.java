package com.kameleoon.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The collector admits the secret's holders only and reads no body past its bound. */
class CollectorGateTest {
    private static final String SECRET = "s3cr3t-Abc_123";

    @Test
    void withoutSecretOnlyThePlainPathIsAdmitted() {
        CollectorGate open = new CollectorGate(null, 100);
        assertThat(open.isClosed()).isFalse();
        assertThat(open.admits("/visit/events", null)).isTrue();
        assertThat(open.admits("/anything/visit/events", null)).isFalse();
        assertThat(open.admits("/stats", null)).isFalse();
        assertThat(open.admits(null, null)).isFalse();
    }

    @Test
    void withSecretThePathSegmentOrTheHeaderMustHoldIt() {
        CollectorGate closed = new CollectorGate(SECRET, 100);
        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.admits("/" + SECRET + "/visit/events", null)).as("relay: secret segment").isTrue();
        assertThat(closed.admits("/visit/events", SECRET)).as("header").isTrue();
        assertThat(closed.admits("/visit/events", null)).as("nothing").isFalse();
        assertThat(closed.admits("/visit/events", "wrong")).as("wrong header").isFalse();
        assertThat(closed.admits("/wrong/visit/events", null)).as("wrong segment").isFalse();
        assertThat(closed.admits("/" + SECRET + "x/visit/events", null)).as("longer segment").isFalse();
        assertThat(closed.admits("/a/" + SECRET + "/visit/events", null)).as("two segments").isFalse();
        assertThat(closed.admits("/" + SECRET + "/stats", null)).as("another path").isFalse();
    }

    @Test
    void aBodyWithinTheBoundIsReadWhole() throws IOException {
        CollectorGate gate = new CollectorGate(null, 10);
        byte[] body = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(gate.read(new ByteArrayInputStream(body), 10)).isEqualTo(body);
        assertThat(gate.read(new ByteArrayInputStream(body), -1)).as("chunked").isEqualTo(body);
    }

    @Test
    void aDeclaredLengthOverTheBoundIsRefusedBeforeReading() {
        CountingStream body = new CountingStream(600L * 1024 * 1024);
        assertThatThrownBy(() -> new CollectorGate(null, 1024).read(body, 600L * 1024 * 1024))
                .isInstanceOf(CollectorGate.BodyTooLarge.class).hasMessageContaining("1024");
        assertThat(body.read).isZero();
    }

    @Test
    void anUndeclaredLengthIsReadOneBytePastTheBoundAtMost() {
        CountingStream body = new CountingStream(600L * 1024 * 1024);
        assertThatThrownBy(() -> new CollectorGate(null, 100_000).read(body, -1))
                .isInstanceOf(CollectorGate.BodyTooLarge.class);
        assertThat(body.read).isEqualTo(100_001);
    }

    /** An endless-looking body that counts what was read from it. */
    private static final class CountingStream extends InputStream {
        private final long size;
        private long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int count = (int) Math.min(length, size - read);
            if (count <= 0) {
                return -1;
            }
            read += count;
            return count;
        }
    }
}
