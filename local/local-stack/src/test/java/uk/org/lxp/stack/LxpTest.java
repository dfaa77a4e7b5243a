package uk.org.lxp.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LxpTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void unknownCommandsAndOptionsAreRefusedWithTheUsage() {
        assertThat(Lxp.run(Path.of("..", ".."), environment(), List.of("launch"), out)).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Unknown command launch", "up [--reset] [--no-demo] [--scaled-out]");
        assertThatThrownBy(() -> Lxp.run(Path.of("..", ".."), environment(), List.of("up", "--fresh"), out))
                .hasMessageContaining("Unknown option --fresh");
        assertThatThrownBy(() -> Lxp.run(Path.of("..", ".."), environment(), List.of("token"), out))
                .hasMessageContaining("./lxp token <client>");
    }

    @Test
    void commandsThatNeedARunningStackSaySoWhenThereIsNone() {
        assertThat(Lxp.run(Path.of("..", ".."), environment(), List.of("down"), out)).isZero();
        assertThat(Lxp.run(Path.of("..", ".."), environment(), List.of("status"), out)).isEqualTo(3);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("No stack is running from " + home);
        assertThatThrownBy(() -> Lxp.run(Path.of("..", ".."), environment(), List.of("token", "hr-rgd"), out))
                .hasMessageContaining("start it with ./lxp up");
        for (String drill : List.of("kill", "stop", "start")) {
            assertThatThrownBy(() -> Lxp.run(Path.of("..", ".."), environment(), List.of(drill, "kafka-2"), out))
                    .hasMessageContaining("No stack is running from " + home);
        }
        assertThatThrownBy(() -> Lxp.run(Path.of("..", ".."), environment(), List.of("kill"), out))
                .hasMessageContaining("usage: ./lxp kill <component>");
    }

    private Map<String, String> environment() {
        return Map.of("LXP_HOME", home.toString());
    }
}
