package uk.org.lxp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The facts a figure needs beside it to be compared with another: processor, memory, load, software, commit. */
final class Machine {

    private Machine() {
    }

    static String describe(Path root) {
        String processor = procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
        String memory = procLine("/proc/meminfo", "MemTotal")
                .map(line -> String.format("%.1f GiB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
        String load = read(Path.of("/proc/loadavg")).map(text -> String.join(" ", List.of(text.trim().split(" ")).subList(0, 3)))
                .orElse("unknown");
        String commit = Commands.firstLine(List.of("git", "rev-parse", "--short", "HEAD"), root);
        boolean changed = !Commands.firstLine(List.of("git", "status", "--porcelain", "--untracked-files=no"), root).isEmpty();
        return String.join("; ",
                Runtime.getRuntime().availableProcessors() + " cores (" + processor + ")",
                memory,
                "load average before the run " + load,
                "Linux " + read(Path.of("/proc/sys/kernel/osrelease")).map(String::trim).orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "commit " + commit + (changed ? " with uncommitted changes" : ""));
    }

    private static Optional<String> procLine(String file, String key) {
        return read(Path.of(file)).flatMap(text -> text.lines().filter(line -> line.startsWith(key)).findFirst())
                .map(line -> line.substring(line.indexOf(':') + 1).trim());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
