package uk.org.lxp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Debian's wrk: a fixed number of connections sending as fast as the server answers, for saturation throughput. */
final class Wrk {

    static final int THREADS = 2;

    private Wrk() {
    }

    static WrkResult run(String url, String token, int connections, Duration duration, Path directory) {
        String output = Commands.run(List.of("wrk", "-t" + THREADS, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "-H", "Authorization: Bearer " + token, url), directory, Map.of(), duration.toSeconds() + 60);
        return WrkResult.parse(output);
    }

    static String version(Path directory) {
        return Commands.firstLine(List.of("wrk", "-v"), directory).replaceAll(" \\[.*", "");
    }
}
