package uk.org.lxp.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

final class LogFiles {

    private LogFiles() {
    }

    /** The last lines of a log, indented, for an error message; a missing log says so. */
    static String tail(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "    (no log at " + log + ")";
        }
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return "    (could not read " + log + ": " + e.getMessage() + ")";
        }
        StringBuilder text = new StringBuilder("    --- last lines of ").append(log).append(" ---");
        last.forEach(line -> text.append("\n    ").append(line));
        return text.toString();
    }
}
