package uk.org.lxp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import uk.org.lxp.api.persistence.ReferenceCsv;
import uk.org.lxp.supervision.SessionPlanner.Placement;
import uk.org.lxp.supervision.SessionPlanner.Planned;

/**
 * The scheduling engine at national scale: twelve months of sessions for 20,000 agreements (4,000 supervisors with
 * five supervisees each; 16,000 supervisees, a quarter of whom also have line management from another supervisor),
 * with part-time patterns, two weeks' leave per supervisor, the shipped bank holidays and the buffer, every
 * occurrence checked. Completeness and the absence of clashes are asserted; time and memory are reported. Run with
 * {@code ./mvnw -pl supervision-service -am verify -Pbenchmark}; results in
 * {@code supervision-service/target/benchmark/scheduling.txt}.
 */
@Tag("benchmark")
class SchedulingBenchmarkTest {

    private static final int SUPERVISORS = 4_000;
    private static final int PER_SUPERVISOR = 5;
    private static final int LINE_MANAGED_EVERY = 4;
    private static final LocalDate FROM = LocalDate.of(2027, 1, 4);
    private static final LocalDate TO = FROM.plusYears(1).minusDays(1);
    private static final Duration BUFFER = Duration.ofMinutes(15);
    private static final Duration SESSION = Duration.ofMinutes(60);
    private static final List<String> RULES = List.of("FREQ=WEEKLY;BYDAY=%s", "FREQ=WEEKLY;INTERVAL=2;BYDAY=%s",
            "FREQ=WEEKLY;INTERVAL=4;BYDAY=%s", "FREQ=MONTHLY;BYDAY=1%s");
    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR");

    private record Agreement(int supervisor, int supervisee, Cadence cadence) {
    }

    @Test
    void twelveMonthsForTwentyThousandAgreements() throws IOException {
        Random random = new Random(20_000);
        List<Diary> supervisors = new ArrayList<>();
        for (int i = 0; i < SUPERVISORS; i++) {
            LocalDate leave = FROM.plusWeeks(random.nextInt(50));
            supervisors.add(new Diary(pattern(random), List.of(new DateRange(leave, leave.plusDays(13)))));
        }
        List<Diary> supervisees = new ArrayList<>();
        List<Agreement> agreements = new ArrayList<>();
        for (int s = 0; s < SUPERVISORS * PER_SUPERVISOR; s++) {
            supervisees.add(new Diary(pattern(random), List.of()));
            agreements.add(new Agreement(s / PER_SUPERVISOR, s, cadence(random)));
            if (s % LINE_MANAGED_EVERY == 0) {
                agreements.add(new Agreement((s / PER_SUPERVISOR + 1 + random.nextInt(SUPERVISORS - 1)) % SUPERVISORS, s,
                        cadence(random)));
            }
            if (agreements.size() == 20_000) {
                break;
            }
        }
        SessionPlanner planner = new SessionPlanner(shippedBankHolidays(), BUFFER);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        long start = System.nanoTime();
        Map<Placement, Integer> byPlacement = new EnumMap<>(Placement.class);
        Map<Integer, List<Planned>> bySupervisor = new HashMap<>();
        Map<Integer, List<Planned>> bySupervisee = new HashMap<>();
        int occurrences = 0;
        for (Agreement agreement : agreements) {
            occurrences += agreement.cadence().occurrences(FROM, TO).size();
            for (Planned planned : planner.plan(agreement.cadence(), FROM, TO, supervisors.get(agreement.supervisor()),
                    supervisees.get(agreement.supervisee()), LocalDateTime.MIN)) {
                byPlacement.merge(planned.placement(), 1, Integer::sum);
                bySupervisor.computeIfAbsent(agreement.supervisor(), k -> new ArrayList<>()).add(planned);
                bySupervisee.computeIfAbsent(agreement.supervisee(), k -> new ArrayList<>()).add(planned);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - heapBefore;

        int sessions = byPlacement.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(agreements).hasSize(20_000);
        assertThat(sessions).isEqualTo(occurrences);
        bySupervisor.values().forEach(SchedulingBenchmarkTest::assertNoClash);
        bySupervisee.values().forEach(SchedulingBenchmarkTest::assertNoClash);

        List<String> report = List.of(
                "Scheduling engine: 12 months (%s to %s) for %,d agreements, %,d supervisors, %,d supervisees"
                        .formatted(FROM, TO, agreements.size(), SUPERVISORS, supervisees.size()),
                "  occurrences planned:  %,d (%,d as planned, %,d moved within their week, %,d unscheduled)".formatted(
                        sessions, byPlacement.getOrDefault(Placement.AS_PLANNED, 0),
                        byPlacement.getOrDefault(Placement.MOVED, 0), byPlacement.getOrDefault(Placement.UNSCHEDULED, 0)),
                "  wall time:            %.2f s (%,.0f sessions/s), one thread".formatted(seconds, sessions / seconds),
                "  allocated:            %,d MB".formatted(allocated / (1024 * 1024)),
                "  heap retained:        %,d MB (the diaries and the plans, after GC)".formatted(retained / (1024 * 1024)),
                "  JVM:                  %s, max heap %,d MB".formatted(Runtime.version(),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        report.forEach(line -> System.out.println("[benchmark] " + line));
        Path out = Path.of("target", "benchmark", "scheduling.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        Properties figures = new Properties();
        figures.setProperty("agreements", Integer.toString(agreements.size()));
        figures.setProperty("occurrences", Integer.toString(sessions));
        figures.setProperty("as-planned", Integer.toString(byPlacement.getOrDefault(Placement.AS_PLANNED, 0)));
        figures.setProperty("moved", Integer.toString(byPlacement.getOrDefault(Placement.MOVED, 0)));
        figures.setProperty("unscheduled", Integer.toString(byPlacement.getOrDefault(Placement.UNSCHEDULED, 0)));
        figures.setProperty("wall-seconds", String.format(Locale.ROOT, "%.2f", seconds));
        figures.setProperty("allocated-mb", Long.toString(allocated / (1024 * 1024)));
        figures.setProperty("retained-mb", Long.toString(retained / (1024 * 1024)));
        try (var writer = Files.newBufferedWriter(out.resolveSibling("scheduling.properties"))) {
            figures.store(writer, "SchedulingBenchmarkTest, for ./lxp bench scheduling");
        }
    }

    /** No two of a person's placed sessions (an hour each) overlap, nor come closer than the buffer. */
    private static void assertNoClash(List<Planned> planned) {
        List<LocalDateTime> starts = planned.stream().flatMap(p -> p.start().stream()).sorted().toList();
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i)).isAfterOrEqualTo(starts.get(i - 1).plus(SESSION).plus(BUFFER));
        }
    }

    private static WorkingPattern pattern(Random random) {
        if (random.nextInt(5) > 0) {
            return WorkingPattern.STANDARD;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        while (days.size() < 2 + random.nextInt(2)) {
            days.add(DayOfWeek.of(1 + random.nextInt(5)));
        }
        return new WorkingPattern(days, LocalTime.of(9, 0), LocalTime.of(15, 0));
    }

    private static Cadence cadence(Random random) {
        String rule = RULES.get(random.nextInt(RULES.size())).formatted(DAYS.get(random.nextInt(DAYS.size())));
        LocalTime time = LocalTime.of(9, 30).plusMinutes(30L * random.nextInt(12));
        return new Cadence(rule, FROM.plusDays(random.nextInt(28)), time, SESSION, null);
    }

    private static Map<LocalDate, String> shippedBankHolidays() {
        Map<LocalDate, String> holidays = new HashMap<>();
        ReferenceCsv.rows("reference/bank-holidays-england-wales.csv", "date,name")
                .forEach(cells -> holidays.put(LocalDate.parse(cells[0]), cells[1]));
        return holidays;
    }
}
