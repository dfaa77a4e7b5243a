package uk.org.lxp.bench;

import java.time.Duration;
import java.util.stream.Stream;

/** CPU time used so far by processes of the bench, read from the operating system. */
final class CpuTime {

    private CpuTime() {
    }

    /** A process with what it started and still runs (PostgreSQL's backends, nginx's workers), in seconds. */
    static double ofTree(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToDouble(CpuTime::of).sum();
    }

    /** The process alone, in seconds. */
    static double of(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }
}
