package uk.org.lxp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** CPU time used so far by processes of the bench, read from the operating system. */
final class CpuTime {

    /**
     * HotSpot's JIT compiler threads ("C2 CompilerThread0", "C1 CompilerThread1", ...) as Linux names them, cut to
     * fifteen characters.
     */
    private static final String C1_COMPILER = "C1 CompilerThre";
    private static final String C2_COMPILER = "C2 CompilerThre";

    private CpuTime() {
    }

    /** A process with what it started and still runs (PostgreSQL's backends, nginx's workers), in seconds. */
    static double ofTree(ProcessHandle process) {
        return tree(process).mapToDouble(CpuTime::of).sum();
    }

    /** The process alone, in seconds. */
    static double of(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /**
     * What the JIT compiler threads of the Java processes in a tree have used, in seconds: how much of a stack's CPU
     * goes to compiling while it warms up. Threads that ended before the reading are not counted (HotSpot keeps at
     * least one compiler thread of each kind alive, and on more cores may end others it started); other processes
     * have none.
     */
    static double compilingOfTree(ProcessHandle process) {
        return tree(process).mapToDouble(CpuTime::compilingOf).sum();
    }

    private static Stream<ProcessHandle> tree(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants());
    }

    /** What the process's own JIT compiler threads have used, in seconds. */
    static double compilingOf(ProcessHandle process) {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(CpuTime::isCompiler).mapToLong(CpuTime::nanosOnCpu).sum() / 1e9;
        } catch (IOException ended) {
            // The process ended, or this is not Linux: nothing of it to count.
            return 0;
        }
    }

    private static boolean isCompiler(Path thread) {
        String name = readOrEmpty(thread.resolve("comm")).strip();
        return name.startsWith(C1_COMPILER) || name.startsWith(C2_COMPILER);
    }

    /** The first figure of a thread's schedstat: its time on a CPU, in nanoseconds (0 once it has ended). */
    private static long nanosOnCpu(Path thread) {
        String schedstat = readOrEmpty(thread.resolve("schedstat")).strip();
        return schedstat.isEmpty() ? 0 : Long.parseLong(schedstat.split(" ")[0]);
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ended) {
            return "";
        }
    }
}
