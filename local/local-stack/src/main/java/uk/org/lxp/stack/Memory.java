package uk.org.lxp.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Memory of a process and everything it started, from /proc (Linux, like the PostgreSQL binaries). The proportional
 * set size shares pages used by several processes among them, so PostgreSQL's shared buffers count once, not once
 * per backend; where the kernel does not report it, the resident set size stands in.
 */
public final class Memory {

    private Memory() {
    }

    static long bytes(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants())
                .mapToLong(handle -> kilobytes(handle.pid()) * 1024)
                .sum();
    }

    /** The resident set size of the process alone, as the kernel reports it (what a container's memory limit counts). */
    public static long residentBytes(ProcessHandle process) {
        return field(Path.of("/proc", Long.toString(process.pid()), "status"), "VmRSS:") * 1024;
    }

    public static String megabytes(long bytes) {
        return String.format("%,d MB", bytes / (1024 * 1024));
    }

    private static long kilobytes(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        long proportional = field(proc.resolve("smaps_rollup"), "Pss:");
        return proportional > 0 ? proportional : field(proc.resolve("status"), "VmRSS:");
    }

    private static long field(Path file, String name) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(name))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | UncheckedIOException gone) {
            return 0;
        }
    }
}
